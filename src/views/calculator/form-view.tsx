/**
 * The calculator form as hono/jsx components: every input with its label, unit, help text and where its default
 * comes from. Rendered by the server only: the browser adds an array's row by cloning a row this form carries in a
 * template (ArrayRowTemplates), so the rows it adds have exactly the server's markup.
 *
 * Accessibility: every input has a <label for>; help, source and error texts are tied to it by aria-describedby;
 * an invalid input has aria-invalid="true"; the error summary at the top links to each bad field.
 */
import type { CalculatorId, DefaultsWithReferences } from "../../calculators";
import { renderToString, SiteLink, siteHref } from "../render";
import { DefaultSource, type SourceContext } from "./default-source";
import { type ErrorIndex, ErrorSummaryContent, indexErrors } from "./form-errors";
import {
  type ArrayField,
  blankRow,
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
import { optionLabel, unitLabel } from "./labels";

/** What the form needs besides the model and the values: default references, case-study titles, where it is shown. */
export interface FormContext extends SourceContext {
  defaults: DefaultsWithReferences;
  /** Inside an embed frame (src/embeds/): where the form submits, what it keeps, what is locked or tucked away. */
  embed?: EmbedForm;
}

/** How the form differs inside an embed frame. */
export interface EmbedForm {
  /** The frame's own path: the GET form submits back into the frame. */
  action: string;
  /** The frame's options (theme, accent, compact, lock), carried across a submit as hidden fields. */
  keep: readonly (readonly [string, string])[];
  /** Input paths (`participants`, `savings_lines[0].label`) or whole groups (`savings_lines`) shown read-only. */
  locked: readonly string[];
  /** How many top-level fields show before the "More inputs" disclosure (the rest are behind it). */
  main: number;
  /** The frame's address with only its locked inputs and options: "Reset to the defaults" inside the frame. */
  reset: string;
}

/** True when the input at `path` is locked by the embedding page (itself, or the group it belongs to). */
export function isLocked(ctx: FormContext, path: string): boolean {
  const locked = ctx.embed?.locked;
  if (!locked?.length) return false;
  return locked.includes(path) || locked.includes(path.replace(/[.[].*$/, ""));
}

function describedBy(parts: (string | false)[]): string | undefined {
  const ids = parts.filter((p): p is string => typeof p === "string" && p !== "");
  return ids.length ? ids.join(" ") : undefined;
}

interface Aria {
  "aria-describedby"?: string | undefined;
  "aria-invalid"?: "true" | undefined;
}

function Control({
  field,
  name,
  id,
  value,
  aria,
  locked = false,
}: {
  field: ScalarField;
  name: string;
  id: string;
  value: unknown;
  aria: Aria;
  locked?: boolean;
}) {
  const text = displayValue(field, value);
  if (field.kind === "enum" || field.kind === "boolean") {
    const options = field.kind === "boolean" ? ["true", "false"] : (field.options ?? []).map(String);
    // A select cannot be read-only: a locked one is disabled. Its value travels in a hidden field (LockedValues).
    return (
      <select id={id} name={locked ? undefined : name} disabled={locked} {...aria}>
        {options.map((option) => (
          <option value={option} selected={option === text}>
            {optionLabel(option) ?? option}
          </option>
        ))}
      </select>
    );
  }
  if (field.kind === "string") {
    return (
      <input
        id={id}
        name={locked ? undefined : name}
        type="text"
        value={text}
        maxlength={field.maxLength}
        autocomplete="off"
        readonly={locked}
        {...aria}
      />
    );
  }
  return (
    <input
      id={id}
      name={locked ? undefined : name}
      type="number"
      step={field.kind === "integer" ? "1" : "any"}
      min={field.minimum}
      max={field.maximum}
      value={text}
      inputmode={field.kind === "integer" && (field.minimum ?? 0) >= 0 ? "numeric" : "decimal"}
      placeholder={field.nullable ? "unlimited" : field.optional ? "automatic" : undefined}
      readonly={locked}
      {...aria}
    />
  );
}

/** One input with its label, unit, help, default source and error text. */
export function ScalarFieldView({
  field,
  path,
  value,
  ctx,
  errors,
}: {
  field: ScalarField;
  path: string;
  value: unknown;
  ctx: FormContext;
  errors: ErrorIndex;
}) {
  const id = fieldId(path);
  const unit = unitLabel(field.unit);
  const messages = errors.messages.get(id) ?? [];
  const errorId = errors.invalid.get(id);
  const entry = ctx.defaults[path];
  const locked = isLocked(ctx, path);
  let help = field.description;
  if (field.nullable) help = `${help.replace(/[;,]?\s*null for unlimited\.?$/i, ".")} Leave empty for unlimited.`;
  if (locked) help = `${help} Fixed by the page that shows this calculator.`;
  const aria: Aria = {
    "aria-describedby": describedBy([
      errorId ?? false,
      `${id}-help`,
      entry || ctx.scenario?.references[path] ? `${id}-src` : false,
    ]),
    "aria-invalid": errorId ? "true" : undefined,
  };
  return (
    <div class={`field${errorId ? " has-error" : ""}${locked ? " locked" : ""}`}>
      <label for={id}>
        {field.title}
        {unit ? (
          <>
            {" "}
            <span class="unit">({unit})</span>
          </>
        ) : null}
      </label>
      <p class="field-error" id={`${id}-err`} hidden={messages.length === 0}>
        {messages.join("; ")}
      </p>
      <Control field={field} name={path} id={id} value={value} aria={aria} locked={locked} />
      <p class="help small" id={`${id}-help`}>
        {help}
      </p>
      <DefaultSource field={field} entry={entry} ctx={ctx} id={id} path={path} />
    </div>
  );
}

/**
 * One row of an array: its cells and its remove button, hidden while the array is at its fewest rows and left out
 * on rows an embedding page fixed (`removable` undefined).
 */
function ArrayRowView({
  field,
  index,
  row,
  ctx,
  errors,
  removable,
}: {
  field: ArrayField;
  index: number;
  row: Record<string, unknown> | null;
  ctx: FormContext;
  errors: ErrorIndex;
  removable?: boolean | undefined;
}) {
  const name = `${field.itemTitle} ${index + 1}`;
  return (
    <fieldset class="calc-row" id={fieldId(`${field.key}[${index}]`)}>
      <legend>{name}</legend>
      <div class="calc-row-fields">
        {field.itemFields.map((cell) => (
          <ScalarFieldView
            field={cell}
            path={`${field.key}[${index}].${cell.key}`}
            value={row !== null && typeof row === "object" ? row[cell.key] : undefined}
            ctx={ctx}
            errors={errors}
          />
        ))}
      </div>
      {removable === undefined ? null : (
        <button type="submit" class="secondary" name="_remove" value={`${field.key}[${index}]`} hidden={!removable}>
          Remove {name.toLowerCase()}
        </button>
      )}
    </fieldset>
  );
}

/**
 * The rows the browser may add, as inert templates (a template's inputs are not part of the form): the row at each
 * next index whose cells have their own default or scenario source line, then one blank row without source lines,
 * which the browser renumbers for any later index. The browser adds a row by cloning one of these and removes one by
 * moving the later rows' values up, so it never renders the form itself and every row keeps the server's markup.
 */
function ArrayRowTemplates({ field, count, ctx }: { field: ArrayField; count: number; ctx: FormContext }) {
  const templates = [];
  const none: ErrorIndex = { messages: new Map(), invalid: new Map() };
  for (let index = count; index < field.maxItems; index++) {
    templates.push(
      <template data-row={String(index)}>
        <ArrayRowView field={field} index={index} row={blankRow(field, index)} ctx={ctx} errors={none} removable />
      </template>,
    );
    const sourced = field.itemFields.some((cell) => {
      const path = `${field.key}[${index}].${cell.key}`;
      return ctx.defaults[path] !== undefined || ctx.scenario?.references[path] !== undefined;
    });
    if (!sourced) break;
  }
  return <>{templates}</>;
}

/**
 * An array's rows, each with a remove button, and an add button: plain submit buttons, so they work without JS. The
 * buttons that do not apply at this row count (remove at the fewest rows, add at the most) are there but hidden, so
 * the browser only has to show or hide them.
 */
export function ArrayFieldView({
  field,
  raw,
  ctx,
  errors,
}: {
  field: ArrayField;
  raw: RawInput;
  ctx: FormContext;
  errors: ErrorIndex;
}) {
  const rows = rowsOf(field, raw);
  const host = fieldId(field.key);
  const messages = errors.messages.get(host) ?? [];
  // A locked group or cell keeps its rows: adding or removing one would move the locked values.
  const fixedRows = ctx.embed?.locked.some((path) => path === field.key || path.startsWith(`${field.key}[`)) ?? false;
  const full = rows.length >= field.maxItems;
  return (
    <fieldset
      class={`calc-array${messages.length ? " has-error" : ""}`}
      id={host}
      data-array={field.key}
      aria-describedby={`${host}-help${messages.length ? ` ${host}-err` : ""}`}
    >
      <legend>{field.title}</legend>
      <p class="help small" id={`${host}-help`}>
        {field.description}
      </p>
      <p class="field-error" id={`${host}-err`} hidden={messages.length === 0}>
        {messages.join("; ")}
      </p>
      <input type="hidden" name={field.key} value={String(rows.length)} />
      {rows.map((row, i) => (
        <ArrayRowView
          field={field}
          index={i}
          row={row}
          ctx={ctx}
          errors={errors}
          removable={fixedRows ? undefined : rows.length > Math.max(1, field.minItems)}
        />
      ))}
      {fixedRows ? null : (
        <>
          <button type="submit" class="secondary" name="_add" value={field.key} hidden={full}>
            Add a {field.itemTitle.toLowerCase()}
          </button>
          <p class="small muted" hidden={!full}>
            At most {field.maxItems} rows.
          </p>
          <ArrayRowTemplates field={field} count={rows.length} ctx={ctx} />
        </>
      )}
    </fieldset>
  );
}

/** An array's group as HTML (tests: the shared-views fixture renders it with both JSX runtimes). */
export function arrayFieldHtml(field: ArrayField, raw: RawInput, ctx: FormContext, errors: ErrorIndex): string {
  return renderToString(<ArrayFieldView field={field} raw={raw} ctx={ctx} errors={errors} />);
}

/** An optional object: an on/off select and its fields (hidden while off). */
export function ObjectFieldView({
  field,
  raw,
  ctx,
  errors,
}: {
  field: ObjectField;
  raw: RawInput;
  ctx: FormContext;
  errors: ErrorIndex;
}) {
  const on = objectIsOn(field, raw);
  const id = fieldId(field.key);
  const errorId = errors.invalid.get(id);
  const messages = errors.messages.get(id) ?? [];
  const object = on ? (raw[field.key] as RawInput) : {};
  const derived = ctx.defaults[field.key];
  const locked = isLocked(ctx, field.key);
  const note = derived?.reference.kind === "assumption" ? derived.reference.note : "";
  return (
    <fieldset class="calc-optional" id={`g-${field.key}`}>
      <legend>{field.title}</legend>
      <div class={`field${errorId ? " has-error" : ""}`}>
        <label for={id}>Include {field.title.charAt(0).toLowerCase() + field.title.slice(1)}</label>
        <p class="field-error" id={`${id}-err`} hidden={messages.length === 0}>
          {messages.join("; ")}
        </p>
        <select
          id={id}
          name={locked ? undefined : field.key}
          disabled={locked}
          data-toggles={`g-${field.key}-fields`}
          aria-describedby={describedBy([errorId ?? false, `${id}-help`])}
          aria-invalid={errorId ? "true" : undefined}
        >
          <option value="off" selected={!on}>
            No
          </option>
          <option value="on" selected={on}>
            Yes
          </option>
        </select>
        <p class="help small" id={`${id}-help`}>
          {field.description.replace(/^Give this object to /, "Switch on to ")}
          {note ? ` ${note}` : ""}
        </p>
      </div>
      <div class="calc-sub-fields" id={`g-${field.key}-fields`} hidden={!on}>
        {field.fields.map((sub) => (
          <ScalarFieldView
            field={sub}
            path={`${field.key}.${sub.key}`}
            value={object[sub.key]}
            ctx={ctx}
            errors={errors}
          />
        ))}
      </div>
    </fieldset>
  );
}

/** Every field of the form, in schema order: runs of simple inputs in a grid, groups on their own. */
export function Fields({
  model,
  raw,
  ctx,
  errors,
}: {
  model: FormModel;
  raw: RawInput;
  ctx: FormContext;
  errors: readonly FormError[];
}) {
  const index = indexErrors(model, raw, errors);
  const all = model.fields as Field[];
  // In a frame, the less-used inputs (after the main ones) sit behind a disclosure, open when one of them has an error.
  const main = ctx.embed ? Math.min(ctx.embed.main, all.length) : all.length;
  const rest = all.slice(main);
  const restHasError = rest.some((f) =>
    errors.some((e) => e.path === f.key || e.path.startsWith(`${f.key}[`) || e.path.startsWith(`${f.key}.`)),
  );
  const props = { raw, ctx, index };
  if (rest.length === 0) return <FieldGroups fields={all} {...props} />;
  return (
    <>
      <FieldGroups fields={all.slice(0, main)} {...props} />
      <details class="calc-more" open={restHasError}>
        <summary>More inputs ({rest.length})</summary>
        <FieldGroups fields={rest} {...props} />
      </details>
    </>
  );
}

/** Runs of simple inputs in a grid, groups on their own. */
function FieldGroups({
  fields,
  raw,
  ctx,
  index,
}: {
  fields: readonly Field[];
  raw: RawInput;
  ctx: FormContext;
  index: ErrorIndex;
}) {
  const groups: (ScalarField[] | ArrayField | ObjectField)[] = [];
  for (const field of fields) {
    if (field.kind === "array" || field.kind === "object") groups.push(field);
    else {
      const last = groups[groups.length - 1];
      if (Array.isArray(last)) last.push(field);
      else groups.push([field]);
    }
  }
  return (
    <>
      {groups.map((group) =>
        Array.isArray(group) ? (
          <div class="calc-grid">
            {group.map((field) => (
              <ScalarFieldView field={field} path={field.key} value={raw[field.key]} ctx={ctx} errors={index} />
            ))}
          </div>
        ) : group.kind === "array" ? (
          <ArrayFieldView field={group} raw={raw} ctx={ctx} errors={index} />
        ) : (
          <ObjectFieldView field={group} raw={raw} ctx={ctx} errors={index} />
        ),
      )}
    </>
  );
}

/**
 * The values an embedding page locked, as hidden fields at the top of the form, ahead of every input: a locked
 * control is read-only (or disabled) and has no name, so a submit carries the locked value once, first, and the
 * frame reads the first value of a name. An edited or added field further down the form cannot change it.
 */
function LockedValues({ model, raw, ctx }: { model: FormModel; raw: RawInput; ctx: FormContext }) {
  if (!ctx.embed?.locked.length) return null;
  const pairs: [string, string][] = [];
  const scalar = (field: ScalarField, path: string, value: unknown) => {
    if (isLocked(ctx, path)) pairs.push([path, displayValue(field, value)]);
  };
  for (const field of model.fields) {
    if (field.kind === "array") {
      rowsOf(field, raw).forEach((row, i) => {
        for (const cell of field.itemFields) scalar(cell, `${field.key}[${i}].${cell.key}`, row[cell.key]);
      });
    } else if (field.kind === "object") {
      const on = objectIsOn(field, raw);
      if (isLocked(ctx, field.key)) pairs.push([field.key, on ? "on" : "off"]);
      // Switched off, the object's fields are not read: nothing of theirs to carry.
      if (on)
        for (const sub of field.fields) scalar(sub, `${field.key}.${sub.key}`, (raw[field.key] as RawInput)[sub.key]);
    } else {
      scalar(field, field.key, raw[field.key]);
    }
  }
  return (
    <>
      {pairs.map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

/** The whole form: a GET form, so it works without JavaScript, with the error summary at its top. */
export function CalculatorForm({
  id,
  model,
  raw,
  ctx,
  errors,
}: {
  id: CalculatorId;
  model: FormModel;
  raw: RawInput;
  ctx: FormContext;
  errors: readonly FormError[];
}) {
  const page = `/calculators/${id}`;
  const embed = ctx.embed;
  return (
    <form
      method="get"
      action={embed ? embed.action : siteHref(ctx.render, page)}
      class="calc-form"
      id="calc-form"
      novalidate
      data-calculator={id}
      data-embed={embed ? JSON.stringify(embed) : undefined}
      aria-labelledby="calc-form-h"
    >
      {/* The first submit button is the one Enter triggers: it must be "Calculate", not a row's "Remove". It is
          out of the tab order and hidden from assistive technology, which reach the visible Calculate button. */}
      {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: a duplicate of the visible button, only for Enter */}
      <button type="submit" class="visually-hidden" tabindex={-1} aria-hidden="true">
        Calculate
      </button>
      <h2 id="calc-form-h">Inputs</h2>
      {/* biome-ignore lint/a11y/useAriaPropsSupportedByRole: the summary is focused on submit and named by its heading */}
      <div
        class="error-summary"
        id="calc-error-summary"
        tabindex={-1}
        aria-labelledby="calc-error-summary-h"
        hidden={errors.length === 0}
      >
        <ErrorSummaryContent model={model} errors={errors} />
      </div>
      {embed?.keep.map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <LockedValues model={model} raw={raw} ctx={ctx} />
      {ctx.scenario ? <input type="hidden" name="scenario" value={ctx.scenario.slug} /> : null}
      <div id="calc-fields">
        <Fields model={model} raw={raw} ctx={ctx} errors={errors} />
      </div>
      <div class="calc-actions">
        <button type="submit">Calculate</button>{" "}
        {embed ? (
          <a href={embed.reset}>Reset to the defaults</a>
        ) : (
          <SiteLink ctx={ctx.render} path={page}>
            Reset to the defaults
          </SiteLink>
        )}
      </div>
    </form>
  );
}

/** The form as HTML (tests and tools; the page renders `CalculatorForm` itself). */
export function formHtml(
  id: CalculatorId,
  model: FormModel,
  raw: RawInput,
  ctx: FormContext,
  errors: readonly FormError[],
): string {
  return renderToString(<CalculatorForm id={id} model={model} raw={raw} ctx={ctx} errors={errors} />);
}
