/**
 * Errors in the calculator form: where each one shows (on its input, or on a table of rows), a person's name for an
 * input path, and the linked list the error summary and the invalid-results block both show. Shared by the server
 * and the browser bundle (which marks inputs and refills the summary after every recalculation).
 */

import { renderToString } from "../render";
import { type ArrayField, type FormError, type FormModel, fieldId, type RawInput, rowsOf } from "./form-state";

/** Errors by the id of the element they belong to, and the ids marked invalid. */
export interface ErrorIndex {
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
export function ErrorListItems({ model, errors }: { model: FormModel; errors: readonly FormError[] }) {
  return (
    <>
      {errors.map((error) => {
        const array = model.fields.find(
          (f) => f.kind === "array" && (error.path === f.key || error.path.startsWith(`${f.key}.`)),
        );
        const target = array ? fieldId(array.key) : fieldId(error.path || "form");
        return (
          <li>
            <a href={`#${target}`}>{pathLabel(model, error.path)}</a>: {error.message}
          </li>
        );
      })}
    </>
  );
}

/** What the error summary at the top of the form holds (nothing when there are no errors). */
export function ErrorSummaryContent({ model, errors }: { model: FormModel; errors: readonly FormError[] }) {
  if (errors.length === 0) return null;
  return (
    <>
      <h2 id="calc-error-summary-h">
        There {errors.length === 1 ? "is a problem" : `are ${errors.length} problems`} with the inputs
      </h2>
      <ul>
        <ErrorListItems model={model} errors={errors} />
      </ul>
    </>
  );
}

/** The error summary's content as HTML, for the browser bundle. */
export function errorSummaryHtml(model: FormModel, errors: readonly FormError[]): string {
  return errors.length === 0 ? "" : renderToString(<ErrorSummaryContent model={model} errors={errors} />);
}
