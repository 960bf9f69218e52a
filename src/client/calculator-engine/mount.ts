/**
 * Progressive enhancement of a calculator page or embed frame (no framework). Without this script the form is a
 * plain GET form and the server renders the result. With it, the same engine recomputes as you type, with no
 * request: the form is read with form-state, checked from the form model (form-check.ts: the schema's verdict and
 * messages, without zod), computed by the calculator's own pure function, presented by its presenter and rendered
 * to a string with the same components the server used (results-view.tsx) into the container it filled, and the
 * address is updated with the same query a GET submit would produce. Rows are added by cloning the row templates the
 * server put in the form (form-view.tsx) and removed by moving the later rows' values up, so the form is never
 * rendered here.
 *
 * Each calculator has its own bundle (src/client/calculators/<id>.ts calls `mountCalculator` with its engine), so
 * a page loads one calculator, not six.
 */

import type { CalculatorId, CalculatorResult } from "../../calculators";
import type { CrossFieldRule } from "../../calculators/common";
import { checkForm } from "../../views/calculator/form-check";
import { errorSummaryHtml, indexErrors } from "../../views/calculator/form-errors";
import {
  type ArrayField,
  blankRow,
  canonicalQuery,
  displayValue,
  type FormError,
  type FormModel,
  fieldId,
  formErrors,
  formModel,
  fromQuery,
  type RawInput,
  type RowAction,
} from "../../views/calculator/form-state";
import type { EmbedForm } from "../../views/calculator/form-view";
import type { Presentation } from "../../views/calculator/presentation";
import { announcement, invalidResultsHtml, resultsHtml } from "../../views/calculator/results-view";
import { type RenderContext, siteContext } from "../../views/render";

/** One calculator as its browser bundle carries it: the pure engine, its presenter and its cross-field rule. */
export interface BrowserCalculator<Inputs, Result extends CalculatorResult<string, unknown, unknown>> {
  id: CalculatorId;
  compute: (inputs: Inputs) => Result;
  present: (result: Result) => Presentation;
  rule?: CrossFieldRule<Inputs>;
}

/** The engine with its types erased, as `init` runs it on whatever the form check parsed. */
type Engine = BrowserCalculator<never, CalculatorResult<string, unknown, unknown>>;

const DEBOUNCE_MS = 150;

function readParams(form: HTMLFormElement): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) if (typeof value === "string") params.append(name, value);
  return params;
}

function setDescribedBy(element: Element, errorId: string | null): void {
  const ids = (element.getAttribute("aria-describedby") ?? "").split(/\s+/).filter((id) => id && !id.endsWith("-err"));
  if (errorId) ids.unshift(errorId);
  if (ids.length) element.setAttribute("aria-describedby", ids.join(" "));
  else element.removeAttribute("aria-describedby");
}

/** Marks the inputs and groups named by `errors` exactly as the server's form-view would, and clears the rest. */
function markErrors(form: HTMLFormElement, model: FormModel, raw: RawInput, errors: readonly FormError[]): void {
  const index = indexErrors(model, raw, errors);
  for (const element of form.querySelectorAll("[aria-invalid]")) {
    element.removeAttribute("aria-invalid");
    setDescribedBy(element, null);
  }
  for (const element of form.querySelectorAll(".has-error")) element.classList.remove("has-error");
  for (const element of form.querySelectorAll<HTMLElement>(".field-error")) {
    element.hidden = true;
    element.textContent = "";
  }
  for (const fieldset of form.querySelectorAll("fieldset.calc-array")) setDescribedBy(fieldset, null);

  for (const [host, messages] of index.messages) {
    const text = document.getElementById(`${host}-err`);
    if (text) {
      text.textContent = messages.join("; ");
      text.hidden = false;
    }
    const hostElement = document.getElementById(host);
    if (hostElement?.tagName === "FIELDSET") {
      hostElement.classList.add("has-error");
      setDescribedBy(hostElement, `${host}-err`);
    } else {
      hostElement?.closest(".field")?.classList.add("has-error");
    }
  }
  for (const [inputId, errorId] of index.invalid) {
    const input = document.getElementById(inputId);
    if (!input) continue;
    input.setAttribute("aria-invalid", "true");
    setDescribedBy(input, errorId);
    input.closest(".field")?.classList.add("has-error");
  }
  const summary = document.getElementById("calc-error-summary");
  if (summary) {
    summary.innerHTML = errorSummaryHtml(model, errors);
    summary.hidden = errors.length === 0;
  }
}

function init(form: HTMLFormElement, engine: Engine): void {
  const id = engine.id;
  if (form.dataset.calculator !== id) return;
  const model = formModel(id);
  const rule = engine.rule as CrossFieldRule<Record<string, unknown>> | undefined;
  // Inside an embed frame the server wrote the frame's form options on the form; links there open the site in a
  // new tab, as the server rendered them.
  let embed: EmbedForm | undefined;
  try {
    embed = form.dataset.embed ? (JSON.parse(form.dataset.embed) as EmbedForm) : undefined;
  } catch {
    embed = undefined;
  }
  // A page opened with a scenario carries its name in a hidden field, as a GET submit does.
  const scenario = form.querySelector<HTMLInputElement>('input[type="hidden"][name="scenario"]')?.value;
  const render: RenderContext = embed ? { base: location.origin, target: "_blank", embedded: true } : siteContext;
  const keep = embed ? embed.keep.map(([n, v]) => `${encodeURIComponent(n)}=${encodeURIComponent(v)}`).join("&") : "";
  // A page opened with a scenario keeps it in the address, as the server's canonical query does.
  const address = (raw: RawInput): string =>
    [scenario ? `scenario=${encodeURIComponent(scenario)}` : "", canonicalQuery(model, raw)].filter(Boolean).join("&");
  const output = document.getElementById("calc-output");
  const status = document.getElementById("calc-status");
  if (!output) return;

  // With a scenario the address holds only what overrides it, so the form as rendered is the reference point.
  let lastQuery = scenario
    ? address(fromQuery(model, readParams(form)).raw)
    : canonicalQuery(model, fromQuery(model, new URLSearchParams(location.search)).raw);

  const update = (): void => {
    const raw = fromQuery(model, readParams(form)).raw;
    const check = checkForm(model, raw, rule);
    let errors: FormError[] = [];
    let presentation = null;
    if (check.ok) {
      presentation = engine.present(engine.compute(check.value as never));
      output.innerHTML = resultsHtml(presentation, render);
    } else {
      errors = formErrors(model, check.issues);
      output.innerHTML = invalidResultsHtml(id, errors);
    }
    markErrors(form, model, raw, errors);
    const query = address(raw);
    if (query !== lastQuery) {
      const full = [query, keep].filter(Boolean).join("&");
      history.replaceState(history.state, "", `${location.pathname}${full ? `?${full}` : ""}`);
      lastQuery = query;
    }
    if (status) status.textContent = announcement(presentation, errors);
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = (): void => {
    clearTimeout(timer);
    timer = setTimeout(update, DEBOUNCE_MS);
  };

  const syncToggles = (): void => {
    for (const select of form.querySelectorAll("select[data-toggles]")) {
      if (!(select instanceof HTMLSelectElement)) continue;
      const target = document.getElementById(select.dataset.toggles ?? "");
      if (target) target.hidden = select.value !== "on";
    }
  };

  // Removed rows, by index: adding a row at that index again brings back its markup (and its source lines).
  const removed = new Map<string, HTMLElement>();
  const cellInput = (key: string, index: number, cell: string) =>
    form.querySelector<HTMLInputElement>(`[name="${key}[${index}].${cell}"]`);

  const rowAction = (action: RowAction): void => {
    const field = model.fields.find((f): f is ArrayField => f.kind === "array" && f.key === action.array);
    const fieldset = document.getElementById(fieldId(action.array));
    if (!field || !fieldset) return;
    const key = field.key;
    const rows = fieldset.querySelectorAll<HTMLElement>(":scope > .calc-row");
    const total = fieldset.querySelector<HTMLInputElement>(`:scope > input[name="${key}"]`);
    let count = rows.length;
    if (action.kind === "add") {
      if (count >= field.maxItems) return;
      let row = removed.get(`${key}[${count}]`);
      if (!row) {
        // The template of this index, or the last one (a row without source lines), renumbered.
        const templates = fieldset.querySelectorAll<HTMLTemplateElement>(":scope > template[data-row]");
        const exact = [...templates].find((t) => t.dataset.row === String(count));
        const last = templates[templates.length - 1];
        const template = exact ?? last;
        if (!template) return;
        const from = Number(template.dataset.row);
        const copy = document.createElement("template");
        copy.innerHTML = exact
          ? exact.innerHTML
          : template.innerHTML
              .replaceAll(`${key}[${from}]`, `${key}[${count}]`)
              .replaceAll(fieldId(`${key}[${from}]`), fieldId(`${key}[${count}]`))
              .replace(new RegExp(`(${field.itemTitle}) ${from + 1}\\b`, "gi"), `$1 ${count + 1}`);
        row = (copy.content.firstElementChild as HTMLElement | null) ?? undefined;
        if (!row) return;
      }
      (rows[count - 1] ?? total)?.insertAdjacentElement("afterend", row);
      const blank = blankRow(field, count);
      for (const cell of field.itemFields) {
        const input = cellInput(key, count, cell.key);
        if (input) input.value = displayValue(cell, blank[cell.key]);
      }
      count++;
    } else {
      if (count <= Math.max(1, field.minItems) || action.index >= count) return;
      // Later rows move up by value: each position keeps its own markup and source lines, as the server renders them.
      for (let i = action.index; i < count - 1; i++) {
        for (const cell of field.itemFields) {
          const to = cellInput(key, i, cell.key);
          const from = cellInput(key, i + 1, cell.key);
          if (to && from) to.value = from.value;
        }
      }
      count--;
      const last = rows[count] as HTMLElement;
      removed.set(`${key}[${count}]`, last);
      last.remove();
    }
    if (total) total.value = String(count);
    for (const button of fieldset.querySelectorAll<HTMLElement>(':scope > .calc-row > button[name="_remove"]'))
      button.hidden = count <= Math.max(1, field.minItems);
    const add = fieldset.querySelector<HTMLElement>(':scope > button[name="_add"]');
    if (add) {
      add.hidden = count >= field.maxItems;
      if (add.nextElementSibling instanceof HTMLElement) add.nextElementSibling.hidden = !add.hidden;
    }
    update();
    // Keep the keyboard where the person is working: the new row's first input, or the group after a removal.
    const next =
      action.kind === "add"
        ? document.querySelector<HTMLElement>(
            `#${fieldId(`${key}[${count - 1}]`)} input, #${fieldId(`${key}[${count - 1}]`)} select`,
          )
        : document.querySelector<HTMLElement>(
            `#${fieldId(`${key}[${Math.min(action.index, count - 1)}]`)} input, #${fieldId(key)} button[name="_add"]`,
          );
    next?.focus();
  };

  form.addEventListener("input", schedule);
  form.addEventListener("change", (event) => {
    if (event.target instanceof HTMLSelectElement && event.target.dataset.toggles) syncToggles();
    schedule();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    const submitter = event.submitter as HTMLButtonElement | null;
    if (submitter?.name === "_add" || submitter?.name === "_remove") {
      const params = new URLSearchParams();
      params.set(submitter.name, submitter.value);
      const action = fromQuery(model, params).action;
      if (action) rowAction(action);
      return;
    }
    update();
  });

  syncToggles();
  // A browser may restore edited fields on reload or back navigation; show the result of what the form holds.
  if (address(fromQuery(model, readParams(form)).raw) !== lastQuery) update();
}

/** Starts the page's calculator form, when the page has the form of this calculator. */
export function mountCalculator<Inputs, Result extends CalculatorResult<string, unknown, unknown>>(
  engine: BrowserCalculator<Inputs, Result>,
): void {
  const form = document.getElementById("calc-form");
  if (form instanceof HTMLFormElement) init(form, engine as unknown as Engine);
}
