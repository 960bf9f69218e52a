/**
 * The calculator pages' state, as a query string and as a form: URLSearchParams ⇄ the nested raw input object a
 * calculator's schema parses. PURE and shared by the Worker (GET form → server render) and the browser bundle
 * (recompute as you type), so both read a form the same way and write the same URL.
 *
 * The field model is derived from each calculator's JSON Schema at build time (form-model.ts), so a new input in
 * the engine appears in the form without an edit here. Names follow the engine's path notation:
 * `participants`, `savings_lines[0].reduction_pct`, `uncertainty.iterations`.
 *
 * Rules:
 * - Numbers are read with Number(); anything that is not a finite number stays the string it was, so the schema
 *   reports it by path ("Enter a number") instead of the form silently falling back to a default.
 * - Booleans travel as "true"/"false" (a <select>, never a checkbox: an unchecked box sends nothing and would fall
 *   back to a default of true).
 * - An optional object (`uncertainty`, `insurance`) is switched on by `uncertainty=on`; its fields are read only then.
 * - A nullable number (`membership_visits_per_month`) reads "" as null; an optional number with no default
 *   (`planned_contribution`) reads "" as omitted; any other empty number stays "" and is reported.
 * - Arrays: `savings_lines=<rows>` (only when the row count differs from the default) and cells
 *   `savings_lines[i].field`; a missing cell takes the default row's value at that index (or the blank new row's).
 *   Row counts are capped at the schema's maximum + 1, so a hostile count cannot allocate, yet the schema still
 *   reports "too many".
 * - The first value of a name wins: a value after it changes nothing (an embed frame's locked inputs rely on it).
 * - Only values that differ from the defaults go into the URL (`toQuery`), in schema order, so links stay short and
 *   one state has one URL. Unknown parameters are ignored (tracking tags must not break a shared link).
 * - No-JS row editing: submit buttons `_add=savings_lines` and `_remove=savings_lines[1]`.
 */
import type { CalculatorId } from "../../calculators";
import { type FieldError, formatPath } from "../../domain/field-error";
import { formatNumber } from "../../domain/numbers";
import { formModels } from "../../generated/form-models";
import type { ArrayField, FormModel, ObjectField, ScalarField } from "./form-model";

// ---------------------------------------------------------------------------------------------------------
// The field model (built from the JSON Schema at build time: see form-model.ts).

export type { ArrayField, Field, FormModel, ObjectField, ScalarField } from "./form-model";

/** The field model of calculator `id`, as `npm run forms:build` derived it from the calculator's schema. */
export function formModel(id: CalculatorId): FormModel {
  return formModels[id];
}

// ---------------------------------------------------------------------------------------------------------
// Values.

export type RawInput = Record<string, unknown>;

const OMIT = Symbol("omit");

/** Reads one form value for `field`: a number, boolean, enum member, null, or (when it is none of those) the text itself. */
export function parseScalar(field: ScalarField, text: string): unknown {
  switch (field.kind) {
    case "number":
    case "integer": {
      const trimmed = text.trim();
      if (trimmed === "") {
        if (field.nullable) return null;
        if (field.optional) return OMIT;
        return text;
      }
      const value = Number(trimmed);
      return Number.isFinite(value) ? value : text;
    }
    case "boolean":
      return text === "true" ? true : text === "false" ? false : text;
    case "enum": {
      const match = field.options?.find((option) => String(option) === text);
      return match ?? text;
    }
    default:
      return text;
  }
}

/** Writes a value as form text: the inverse of `parseScalar`. */
export function encodeScalar(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value) ?? "";
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameValue((a as RawInput)[k], (b as RawInput)[k]));
}

/** The row a new array row starts from: a numbered label and every number at 0 (or its minimum), so it changes nothing. */
export function blankRow(field: ArrayField, index: number): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const cell of field.itemFields) {
    if (cell.kind === "string") row[cell.key] = `${field.itemTitle} ${index + 1}`;
    else if (cell.kind === "number" || cell.kind === "integer") row[cell.key] = Math.max(0, cell.minimum ?? 0);
    else if (cell.kind === "boolean") row[cell.key] = false;
    else if (cell.kind === "enum") row[cell.key] = cell.options?.[0] ?? "";
  }
  return row;
}

/** The row at `index` before any edit: the default row there, or a blank one. */
export function baseRow(field: ArrayField, index: number): Record<string, unknown> {
  const fromDefault = field.default[index];
  return fromDefault ? { ...fromDefault } : blankRow(field, index);
}

/** `savings_lines[3].label` → ["savings_lines", 3, "label"]. */
const CELL = /^([A-Za-z0-9_]+)\[(\d{1,6})\]\.([A-Za-z0-9_]+)$/;

/** A row edit requested by a submit button (no-JS forms). */
export type RowAction = { kind: "add"; array: string } | { kind: "remove"; array: string; index: number };

export interface ReadResult {
  raw: RawInput;
  /** The `_add` / `_remove` request, when the form was submitted with one of those buttons. */
  action: RowAction | null;
}

/** Reads a query string (or a form's fields) into the raw input object, applying any `_add` / `_remove`. */
export function fromQuery(model: FormModel, params: URLSearchParams): ReadResult {
  const raw: RawInput = {};
  const cells = new Map<string, Map<number, Map<string, string>>>();
  for (const [name, value] of params) {
    const match = CELL.exec(name);
    if (!match) continue;
    const [, array = "", index = "0", key = ""] = match;
    let byIndex = cells.get(array);
    if (!byIndex) {
      byIndex = new Map();
      cells.set(array, byIndex);
    }
    let row = byIndex.get(Number(index));
    if (!row) {
      row = new Map();
      byIndex.set(Number(index), row);
    }
    if (!row.has(key)) row.set(key, value);
  }

  for (const field of model.fields) {
    if (field.kind === "object") {
      const flag = params.get(field.key);
      if (flag === null || flag === "off") continue;
      if (flag !== "on") {
        raw[field.key] = flag;
        continue;
      }
      const object: RawInput = {};
      for (const sub of field.fields) {
        const text = params.get(`${field.key}.${sub.key}`);
        if (text === null) continue;
        const value = parseScalar(sub, text);
        if (value !== OMIT) object[sub.key] = value;
      }
      raw[field.key] = object;
    } else if (field.kind === "array") {
      const byIndex = cells.get(field.key) ?? new Map<number, Map<string, string>>();
      const cap = field.maxItems + 1;
      const countText = params.get(field.key)?.trim() ?? null;
      const count = countText !== null && /^\d+$/.test(countText) ? Number(countText) : null;
      if (count === null && byIndex.size === 0) continue;
      let rows = count;
      if (rows === null) {
        rows = field.default.length;
        for (const index of byIndex.keys()) rows = Math.max(rows, index + 1);
      }
      rows = Math.min(rows, cap);
      const list: Record<string, unknown>[] = [];
      for (let i = 0; i < rows; i++) {
        const row = baseRow(field, i);
        const given = byIndex.get(i);
        if (given) {
          for (const cell of field.itemFields) {
            const text = given.get(cell.key);
            if (text === undefined) continue;
            const value = parseScalar(cell, text);
            if (value === OMIT) delete row[cell.key];
            else row[cell.key] = value;
          }
        }
        list.push(row);
      }
      raw[field.key] = list;
    } else {
      const text = params.get(field.key);
      if (text === null) continue;
      const value = parseScalar(field, text);
      if (value !== OMIT) raw[field.key] = value;
    }
  }

  let action: RowAction | null = null;
  const add = params.get("_add");
  const remove = params.get("_remove");
  if (add !== null && model.fields.some((f) => f.kind === "array" && f.key === add)) {
    action = { kind: "add", array: add };
  } else if (remove !== null) {
    const match = /^([A-Za-z0-9_]+)\[(\d{1,6})\]$/.exec(remove);
    if (match && model.fields.some((f) => f.kind === "array" && f.key === match[1])) {
      action = { kind: "remove", array: match[1] ?? "", index: Number(match[2]) };
    }
  }
  return { raw: action ? applyRowAction(model, raw, action) : raw, action };
}

/** The rows of array `field` as the form shows them: the given rows, or the default ones. */
export function rowsOf(field: ArrayField, raw: RawInput): Record<string, unknown>[] {
  const value = raw[field.key];
  return Array.isArray(value) ? (value as Record<string, unknown>[]) : field.default.map((row) => ({ ...row }));
}

/** Adds a blank row or removes one, within the schema's row limits; returns a new raw object. */
export function applyRowAction(model: FormModel, raw: RawInput, action: RowAction): RawInput {
  const field = model.fields.find((f): f is ArrayField => f.kind === "array" && f.key === action.array);
  if (!field) return raw;
  const rows = rowsOf(field, raw).map((row) => ({ ...row }));
  if (action.kind === "add") {
    if (rows.length < field.maxItems) rows.push(blankRow(field, rows.length));
  } else if (rows.length > Math.max(1, field.minItems) && action.index < rows.length) {
    rows.splice(action.index, 1);
  }
  return { ...raw, [field.key]: rows };
}

/** True when the optional object `field` is switched on in `raw`. */
export function objectIsOn(field: ObjectField, raw: RawInput): boolean {
  const value = raw[field.key];
  return value !== undefined && value !== null && typeof value === "object";
}

/** The text an input shows for a scalar: the raw value if given, else the default, else "". */
export function displayValue(field: ScalarField, value: unknown): string {
  if (value === undefined) return field.hasDefault ? encodeScalar(field.default) : "";
  return encodeScalar(value);
}

/**
 * Writes the raw input as query parameters, keeping only what differs from the defaults, in schema order:
 * `fromQuery(toQuery(raw))` parses to the same inputs as `raw`.
 */
export function toQuery(model: FormModel, raw: RawInput): [string, string][] {
  const out: [string, string][] = [];
  for (const field of model.fields) {
    const value = raw[field.key];
    if (value === undefined) continue;
    if (field.kind === "object") {
      if (value === null || typeof value !== "object" || Array.isArray(value)) {
        if (value !== "off") out.push([field.key, encodeScalar(value)]);
        continue;
      }
      out.push([field.key, "on"]);
      for (const sub of field.fields) {
        const subValue = (value as RawInput)[sub.key];
        if (subValue === undefined) continue;
        if (sub.hasDefault && sameValue(subValue, sub.default)) continue;
        out.push([`${field.key}.${sub.key}`, encodeScalar(subValue)]);
      }
    } else if (field.kind === "array") {
      if (!Array.isArray(value) || sameValue(value, field.default)) continue;
      if (value.length !== field.default.length) out.push([field.key, String(value.length)]);
      value.forEach((row: unknown, index) => {
        const base = baseRow(field, index);
        for (const cell of field.itemFields) {
          const cellValue = row !== null && typeof row === "object" ? (row as RawInput)[cell.key] : undefined;
          if (cellValue === undefined || sameValue(cellValue, base[cell.key])) continue;
          out.push([`${field.key}[${index}].${cell.key}`, encodeScalar(cellValue)]);
        }
      });
    } else {
      if (field.hasDefault && sameValue(value, field.default)) continue;
      out.push([field.key, encodeScalar(value)]);
    }
  }
  return out;
}

/** Encodes parameters as a query string, leaving `[`, `]` and `.` readable in names. */
export function queryString(pairs: readonly [string, string][]): string {
  return pairs
    .map(
      ([name, value]) =>
        `${encodeURIComponent(name).replace(/%5B/g, "[").replace(/%5D/g, "]")}=${encodeURIComponent(value)}`,
    )
    .join("&");
}

/** The canonical query string of a raw input ("" for the defaults). */
export function canonicalQuery(model: FormModel, raw: RawInput): string {
  return queryString(toQuery(model, raw));
}

// ---------------------------------------------------------------------------------------------------------
// Names, ids and messages for the form.

/** The DOM id of the input (or fieldset) for a path: `savings_lines[0].label` → `f-savings_lines-0-label`. */
export function fieldId(path: string): string {
  return `f-${path
    .replace(/\]\./g, "-")
    .replace(/[[.]/g, "-")
    .replace(/[^A-Za-z0-9_-]/g, "")}`;
}

/** The scalar field a path names (`participants`, `uncertainty.seed`, `savings_lines[2].label`), if any. */
export function fieldAt(model: FormModel, path: string): ScalarField | undefined {
  const cell = CELL.exec(path);
  if (cell) {
    const array = model.fields.find((f): f is ArrayField => f.kind === "array" && f.key === cell[1]);
    return array?.itemFields.find((f) => f.key === cell[3]);
  }
  const [head, sub] = path.split(".");
  const field = model.fields.find((f) => f.key === head);
  if (!field) return undefined;
  if (field.kind === "object") return sub === undefined ? undefined : field.fields.find((f) => f.key === sub);
  if (field.kind === "array") return undefined;
  return sub === undefined ? field : undefined;
}

/** One message per failing input, by path, in words for a form: a field error like any other. */
export type FormError = FieldError;

function formatBound(value: number): string {
  return formatNumber(value, 6);
}

function rangeText(field: ScalarField | undefined): string | null {
  if (!field) return null;
  const low = field.minimum ?? field.exclusiveMinimum;
  const high = field.maximum ?? field.exclusiveMaximum;
  const lowText =
    low === undefined ? null : `${field.exclusiveMinimum !== undefined ? "more than " : ""}${formatBound(low)}`;
  if (lowText !== null && high !== undefined) {
    return field.exclusiveMinimum !== undefined
      ? `${lowText} and at most ${formatBound(high)}`
      : `from ${formatBound(low as number)} to ${formatBound(high)}`;
  }
  if (lowText !== null) return field.exclusiveMinimum !== undefined ? lowText : `${lowText} or more`;
  if (high !== undefined) return `at most ${formatBound(high)}`;
  return null;
}

/** What `formErrors` reads of an issue: a zod issue (the server) or one of form-check.ts (the browser). */
export interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  expected?: unknown;
  origin?: unknown;
  keys?: readonly string[];
}

/** Friendly, path-keyed messages for zod issues (the API keeps zod's own wording). */
export function formErrors(model: FormModel, issues: readonly IssueLike[]): FormError[] {
  const out: FormError[] = [];
  for (const issue of issues) {
    const segments = issue.path.map((s) => (typeof s === "number" ? s : String(s)));
    const path = formatPath(segments);
    const field = fieldAt(model, path);
    const range = rangeText(field);
    let message = issue.message;
    switch (issue.code) {
      case "unrecognized_keys":
        for (const key of issue.keys ?? [])
          out.push({ path: formatPath([...segments, key]), message: "Unknown field" });
        continue;
      case "invalid_type":
        if (issue.expected === "int" || (issue.expected === "number" && field?.kind === "integer"))
          message = `Enter a whole number${range ? ` ${range}` : ""}`;
        else if (issue.expected === "number") message = `Enter a number${range ? ` ${range}` : ""}`;
        else if (issue.expected === "boolean") message = "Choose yes or no";
        else if (issue.expected === "object") message = "Choose on or off";
        else if (issue.expected === "string") message = "Enter some text";
        break;
      case "too_small":
      case "too_big":
        if (issue.origin === "array") {
          const what = segments[segments.length - 1];
          const array = model.fields.find((f): f is ArrayField => f.kind === "array" && f.key === what);
          message = array
            ? `Use ${array.minItems} to ${array.maxItems} rows`
            : issue.code === "too_small"
              ? "Too few rows"
              : "Too many rows";
        } else if (issue.origin === "string") {
          message =
            issue.code === "too_small" ? "Enter a label" : `Use at most ${field?.maxLength ?? "fewer"} characters`;
        } else if (range) {
          message = `Enter a ${field?.kind === "integer" ? "whole number" : "number"} ${range}`;
        }
        break;
      case "invalid_value":
        message = `Choose one of ${(field?.options ?? []).map(String).join(", ")}`;
        break;
      default:
        break;
    }
    out.push({ path, message });
  }
  return out;
}
