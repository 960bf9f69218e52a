/**
 * The calculator form as HTML strings: every input with its label, unit, help text and the source of its default.
 * PURE and shared: the server renders it into the page, and the browser re-renders an array's rows with the same
 * functions when a row is added or removed, so both sides always produce the same markup.
 *
 * Accessibility: every input has a <label for>; help, source and error texts are tied to it by aria-describedby;
 * an invalid input has aria-invalid="true"; the error summary at the top links to each bad field.
 */
import type { CalculatorId, DefaultEntry, DefaultsWithReferences } from "../calculators";
import { formatNumber, formatPct, formatUsd } from "../calculators/format";
import { escapeHtml } from "../domain/html";
import {
  type ArrayField,
  displayValue,
  type Field,
  type FormError,
  type FormModel,
  fieldId,
  type ObjectField,
  objectIsOn,
  type RawInput,
  rowsOf,
  type ScalarField,
} from "./form-state";

const e = escapeHtml;

/** What the form needs besides the model and the values: default references and case-study titles. */
export interface FormContext {
  defaults: DefaultsWithReferences;
  /** Case-study slug → title, for the source links (the slug itself is shown when a title is missing). */
  titles: Record<string, string>;
}

/** "USD/participant/year" → "$ per participant per year"; "percent" → "%". */
export function unitLabel(unit: string | undefined): string {
  if (!unit) return "";
  return unit
    .split("/")
    .map((part) => (part === "USD" ? "$" : part === "percent" ? "%" : part))
    .join(" per ");
}

const OPTION_LABELS: Record<string, string> = {
  hsa: "HSA (health savings account)",
  fsa: "Health FSA (flexible spending account)",
  self: "Self-only",
  family: "Family",
  true: "Yes",
  false: "No",
};

function formatDefault(field: ScalarField, value: unknown): string {
  if (value === null) return /unlimited/i.test(field.description) ? "empty (unlimited)" : "empty";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "string") return OPTION_LABELS[value] ?? `“${value}”`;
  if (typeof value !== "number") return String(value);
  if (field.kind === "enum") return String(value);
  const unit = field.unit ?? "";
  if (unit.startsWith("USD")) return formatUsd(value);
  if (unit.startsWith("percent")) return formatPct(value, 4);
  return formatNumber(value, 4);
}

/** The "Default … · source" line of one input, or "" when the input has no recorded default. */
export function sourceHtml(field: ScalarField, entry: DefaultEntry | undefined, ctx: FormContext, id: string): string {
  if (!entry) return "";
  const ref = entry.reference;
  const value = entry.rule !== undefined ? `when left empty, ${e(entry.rule)}` : e(formatDefault(field, entry.value));
  let source: string;
  if (ref.kind === "case_study") {
    const title = ctx.titles[ref.slug] ?? ref.slug;
    source =
      `<span class="tag prov-${e(ref.provenance)}">${e(ref.provenance)}</span> ` +
      `<a href="/case-studies/${encodeURIComponent(ref.slug)}">${e(title)}</a>: ${e(ref.note)}`;
  } else if (ref.kind === "reference_param") {
    source = `<span class="tag prov-reference">reference figure</span> ${e(ref.key)}: ${e(ref.source)}`;
  } else if (ref.placeholder) {
    // The engine's note ends by saying the same thing as the tag; say it once.
    const note = ref.note.replace(/:?\s*not from the evidence base; replace with your own figure\.?$/, ".");
    source = `<span class="tag prov-assumption">assumption — replace with your own figure</span> ${e(note)}`;
  } else {
    source = `<span class="tag prov-convention">assumption (modelling convention)</span> ${e(ref.note)}`;
  }
  return `<p class="source small" id="${id}-src">Default: ${value}. ${source}</p>`;
}

/** Errors by the id of the element they belong to, and the ids marked invalid. */
interface ErrorIndex {
  /** Error element host id (input id or group id) → messages. */
  messages: Map<string, string[]>;
  /** Input id → the id of the error text describing it. */
  invalid: Map<string, string>;
}

/**
 * Where each error shows: on its input when the path names one; on the array's group when it names the array
 * (`savings_lines`) or a whole column (`tiers.share_of_new_members_pct`, which also marks that column's inputs);
 * anything else appears in the summary only.
 */
export function indexErrors(model: FormModel, raw: RawInput, errors: readonly FormError[]): ErrorIndex {
  const index: ErrorIndex = { messages: new Map(), invalid: new Map() };
  const add = (host: string, message: string) => {
    const list = index.messages.get(host) ?? [];
    list.push(message);
    index.messages.set(host, list);
  };
  for (const error of errors) {
    const path = error.path;
    const array = model.fields.find(
      (f): f is ArrayField => f.kind === "array" && (path === f.key || path.startsWith(`${f.key}.`)),
    );
    if (array) {
      const host = fieldId(array.key);
      add(host, error.message);
      const column = path.slice(array.key.length + 1);
      if (column) {
        rowsOf(array, raw).forEach((_, i) => {
          index.invalid.set(fieldId(`${array.key}[${i}].${column}`), `${host}-err`);
        });
      }
      continue;
    }
    const id = fieldId(path);
    add(id, error.message);
    index.invalid.set(id, `${id}-err`);
  }
  return index;
}

/** A person's name for an input path: "Savings line 2: Reduction". */
export function pathLabel(model: FormModel, path: string): string {
  const cell = /^([A-Za-z0-9_]+)\[(\d+)\]\.([A-Za-z0-9_]+)$/.exec(path);
  if (cell) {
    const array = model.fields.find((f): f is ArrayField => f.kind === "array" && f.key === cell[1]);
    const sub = array?.itemFields.find((f) => f.key === cell[3]);
    if (array && sub) return `${array.itemTitle} ${Number(cell[2]) + 1}: ${sub.title}`;
  }
  const [head, sub] = path.split(".");
  const field = model.fields.find((f) => f.key === head);
  if (!field) return path || "The form";
  if (sub === undefined) return field.title;
  if (field.kind === "object") return `${field.title}: ${field.fields.find((f) => f.key === sub)?.title ?? sub}`;
  if (field.kind === "array") return `${field.title}: ${field.itemFields.find((f) => f.key === sub)?.title ?? sub}`;
  return path;
}

/**
 * One `<li>` per error, linking to the field it names; an error inside a table of rows links to the table, whose
 * cells may have been removed since.
 */
export function errorListItems(model: FormModel, errors: readonly FormError[]): string {
  return errors
    .map((error) => {
      const array = model.fields.find(
        (f) => f.kind === "array" && (error.path === f.key || error.path.startsWith(`${f.key}.`)),
      );
      const target = array ? fieldId(array.key) : fieldId(error.path || "form");
      return `<li><a href="#${target}">${e(pathLabel(model, error.path))}</a>: ${e(error.message)}</li>`;
    })
    .join("");
}

/** The error summary at the top of the form (hidden when there are no errors). */
export function errorSummaryInner(model: FormModel, errors: readonly FormError[]): string {
  if (errors.length === 0) return "";
  const items = errorListItems(model, errors);
  return `<h2 id="calc-error-summary-h">There ${errors.length === 1 ? "is a problem" : `are ${errors.length} problems`} with the inputs</h2><ul>${items}</ul>`;
}

function describedBy(parts: (string | false)[]): string {
  const ids = parts.filter((p): p is string => typeof p === "string" && p !== "");
  return ids.length ? ` aria-describedby="${ids.join(" ")}"` : "";
}

function controlHtml(field: ScalarField, name: string, id: string, value: unknown, aria: string): string {
  const text = displayValue(field, value);
  if (field.kind === "enum" || field.kind === "boolean") {
    const options = field.kind === "boolean" ? ["true", "false"] : (field.options ?? []).map(String);
    const opts = options
      .map(
        (option) =>
          `<option value="${e(option)}"${option === text ? " selected" : ""}>${e(OPTION_LABELS[option] ?? option)}</option>`,
      )
      .join("");
    return `<select id="${id}" name="${e(name)}"${aria}>${opts}</select>`;
  }
  if (field.kind === "string") {
    return `<input id="${id}" name="${e(name)}" type="text" value="${e(text)}"${field.maxLength ? ` maxlength="${field.maxLength}"` : ""} autocomplete="off"${aria}>`;
  }
  const bounds = [
    field.minimum !== undefined ? ` min="${field.minimum}"` : "",
    field.maximum !== undefined ? ` max="${field.maximum}"` : "",
  ].join("");
  const placeholder = field.nullable ? ' placeholder="unlimited"' : field.optional ? ' placeholder="automatic"' : "";
  return `<input id="${id}" name="${e(name)}" type="number" step="${field.kind === "integer" ? "1" : "any"}"${bounds} value="${e(text)}" inputmode="${field.kind === "integer" && (field.minimum ?? 0) >= 0 ? "numeric" : "decimal"}"${placeholder}${aria}>`;
}

/** One input with its label, unit, help, default source and error text. */
export function scalarFieldHtml(
  field: ScalarField,
  path: string,
  value: unknown,
  ctx: FormContext,
  errors: ErrorIndex,
): string {
  const id = fieldId(path);
  const unit = unitLabel(field.unit);
  const messages = errors.messages.get(id) ?? [];
  const errorId = errors.invalid.get(id);
  const source = sourceHtml(field, ctx.defaults[path], ctx, id);
  let help = field.description;
  if (field.nullable) help = `${help.replace(/[;,]?\s*null for unlimited\.?$/i, ".")} Leave empty for unlimited.`;
  const aria =
    describedBy([errorId ?? false, `${id}-help`, source ? `${id}-src` : false]) +
    (errorId ? ' aria-invalid="true"' : "");
  return (
    `<div class="field${errorId ? " has-error" : ""}">` +
    `<label for="${id}">${e(field.title)}${unit ? ` <span class="unit">(${e(unit)})</span>` : ""}</label>` +
    `<p class="field-error" id="${id}-err"${messages.length ? "" : " hidden"}>${e(messages.join("; "))}</p>` +
    controlHtml(field, path, id, value, aria) +
    `<p class="help small" id="${id}-help">${e(help)}</p>` +
    source +
    "</div>"
  );
}

/** An array's rows, each with a remove button, and an add button: plain submit buttons, so they work without JS. */
export function arrayFieldHtml(field: ArrayField, raw: RawInput, ctx: FormContext, errors: ErrorIndex): string {
  const rows = rowsOf(field, raw);
  const host = fieldId(field.key);
  const messages = errors.messages.get(host) ?? [];
  const canRemove = rows.length > Math.max(1, field.minItems);
  const rowHtml = rows
    .map((row, i) => {
      const cells = field.itemFields
        .map((cell) =>
          scalarFieldHtml(
            cell,
            `${field.key}[${i}].${cell.key}`,
            row !== null && typeof row === "object" ? row[cell.key] : undefined,
            ctx,
            errors,
          ),
        )
        .join("");
      const name = `${field.itemTitle} ${i + 1}`;
      return (
        `<fieldset class="calc-row" id="${fieldId(`${field.key}[${i}]`)}"><legend>${e(name)}</legend><div class="calc-row-fields">${cells}</div>` +
        (canRemove
          ? `<button type="submit" class="secondary" name="_remove" value="${e(`${field.key}[${i}]`)}">Remove ${e(name.toLowerCase())}</button>`
          : "") +
        "</fieldset>"
      );
    })
    .join("");
  const add =
    rows.length < field.maxItems
      ? `<button type="submit" class="secondary" name="_add" value="${e(field.key)}">Add a ${e(field.itemTitle.toLowerCase())}</button>`
      : `<p class="small muted">At most ${field.maxItems} rows.</p>`;
  return (
    `<fieldset class="calc-array${messages.length ? " has-error" : ""}" id="${host}" data-array="${e(field.key)}" aria-describedby="${host}-help${messages.length ? ` ${host}-err` : ""}">` +
    `<legend>${e(field.title)}</legend>` +
    `<p class="help small" id="${host}-help">${e(field.description)}</p>` +
    `<p class="field-error" id="${host}-err"${messages.length ? "" : " hidden"}>${e(messages.join("; "))}</p>` +
    `<input type="hidden" name="${e(field.key)}" value="${rows.length}">` +
    rowHtml +
    add +
    "</fieldset>"
  );
}

/** An optional object: an on/off select and its fields (hidden while off). */
export function objectFieldHtml(field: ObjectField, raw: RawInput, ctx: FormContext, errors: ErrorIndex): string {
  const on = objectIsOn(field, raw);
  const id = fieldId(field.key);
  const errorId = errors.invalid.get(id);
  const messages = errors.messages.get(id) ?? [];
  const value = raw[field.key];
  const object = on ? (value as RawInput) : {};
  const derived = ctx.defaults[field.key];
  const note = derived?.reference.kind === "assumption" ? derived.reference.note : "";
  const select =
    `<div class="field${errorId ? " has-error" : ""}">` +
    `<label for="${id}">Include ${e(field.title.charAt(0).toLowerCase() + field.title.slice(1))}</label>` +
    `<p class="field-error" id="${id}-err"${messages.length ? "" : " hidden"}>${e(messages.join("; "))}</p>` +
    `<select id="${id}" name="${e(field.key)}" data-toggles="g-${e(field.key)}-fields"${describedBy([errorId ?? false, `${id}-help`])}${errorId ? ' aria-invalid="true"' : ""}>` +
    `<option value="off"${on ? "" : " selected"}>No</option><option value="on"${on ? " selected" : ""}>Yes</option></select>` +
    `<p class="help small" id="${id}-help">${e(field.description.replace(/^Give this object to /, "Switch on to "))}${note ? ` ${e(note)}` : ""}</p></div>`;
  const fields = field.fields
    .map((sub) => scalarFieldHtml(sub, `${field.key}.${sub.key}`, object[sub.key], ctx, errors))
    .join("");
  return (
    `<fieldset class="calc-optional" id="g-${e(field.key)}"><legend>${e(field.title)}</legend>${select}` +
    `<div class="calc-sub-fields" id="g-${e(field.key)}-fields"${on ? "" : " hidden"}>${fields}</div></fieldset>`
  );
}

/** Every field of the form, in schema order. */
export function fieldsHtml(model: FormModel, raw: RawInput, ctx: FormContext, errors: readonly FormError[]): string {
  const index = indexErrors(model, raw, errors);
  const simple: string[] = [];
  const groups: string[] = [];
  const flush = () => {
    if (simple.length) groups.push(`<div class="calc-grid">${simple.join("")}</div>`);
    simple.length = 0;
  };
  for (const field of model.fields as Field[]) {
    if (field.kind === "array") {
      flush();
      groups.push(arrayFieldHtml(field, raw, ctx, index));
    } else if (field.kind === "object") {
      flush();
      groups.push(objectFieldHtml(field, raw, ctx, index));
    } else {
      simple.push(scalarFieldHtml(field, field.key, raw[field.key], ctx, index));
    }
  }
  flush();
  return groups.join("");
}

/** The whole form: a GET form, so it works without JavaScript, with the error summary at its top. */
export function formHtml(
  id: CalculatorId,
  model: FormModel,
  raw: RawInput,
  ctx: FormContext,
  errors: readonly FormError[],
): string {
  return (
    `<form method="get" action="/calculators/${e(id)}" class="calc-form" id="calc-form" novalidate data-calculator="${e(id)}" data-titles="${e(JSON.stringify(ctx.titles))}" aria-labelledby="calc-form-h">` +
    // The first submit button is the one Enter triggers: it must be "Calculate", not a row's "Remove".
    `<button type="submit" class="visually-hidden" tabindex="-1" aria-hidden="true">Calculate</button>` +
    `<h2 id="calc-form-h">Inputs</h2>` +
    `<div class="error-summary" id="calc-error-summary" tabindex="-1" aria-labelledby="calc-error-summary-h"${errors.length ? "" : " hidden"}>${errorSummaryInner(model, errors)}</div>` +
    `<div id="calc-fields">${fieldsHtml(model, raw, ctx, errors)}</div>` +
    `<div class="calc-actions"><button type="submit">Calculate</button> <a href="/calculators/${e(id)}">Reset to the defaults</a></div>` +
    "</form>"
  );
}
