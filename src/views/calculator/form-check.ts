/**
 * The calculator form's input check without zod, for the browser bundles (zod/mini alone would take a third of an
 * embed frame's 30 KB budget). It reads the form model (built from the schema's JSON Schema at build time) and gives
 * what the calculator's `inputSchema.safeParse` gives for any input the form can produce (`fromQuery`): the parsed
 * inputs with every default filled in, or the same issues in the same order, with what `formErrors` reads of them
 * (code, path, expected type, origin, message), so the browser shows the server's messages word for word.
 *
 * It follows zod 4's rules: a wrong type stops that input's checks, a bound that fails lets the next bound run; an
 * array's row-count check is skipped once a row has a wrong type; a missing input takes its default unchecked. A
 * property test holds it to the schemas (test/unit/calculator-web/form-check.test.ts); the API keeps zod.
 */
import type { CrossFieldRule } from "../../calculators/common";
import { fieldIsValid } from "../../calculators/common";
import type { FormModel, ObjectField, ScalarField } from "./form-model";

/** One failing input, as much of a zod issue as the form's messages read. */
export interface InputIssue {
  code: string;
  path: (string | number)[];
  message: string;
  expected?: string;
  origin?: string;
  keys?: string[];
  values?: unknown[];
  /** As in zod: true when later checks of the same input still run after this one. */
  continue?: boolean;
}

/** The outcome of `checkForm`: the parsed inputs, or the issues. */
export type FormCheck = { ok: true; value: Record<string, unknown> } | { ok: false; issues: InputIssue[] };

const OMIT = Symbol("omit");
type Path = (string | number)[];

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number" && Number.isNaN(value)) return "NaN";
  return typeof value;
}

function wrongType(issues: InputIssue[], path: Path, expected: string, value: unknown): void {
  issues.push({
    code: "invalid_type",
    path,
    expected,
    message: `Invalid input: expected ${expected}, received ${typeName(value)}`,
  });
}

function bound(
  issues: InputIssue[],
  path: Path,
  big: boolean,
  origin: string,
  limit: number,
  inclusive: boolean,
  stop = false,
): void {
  const numeric = origin === "number" || origin === "int";
  const what = numeric ? `${inclusive ? (big ? "<=" : ">=") : big ? "<" : ">"}${limit}` : "";
  const message = numeric
    ? `Too ${big ? "big" : "small"}: expected ${origin} to be ${what}`
    : `Too ${big ? "big" : "small"}: expected ${origin} to have ${big ? "<=" : ">="}${limit} ${origin === "string" ? "characters" : "items"}`;
  issues.push({ code: big ? "too_big" : "too_small", path, origin, message, continue: !stop });
}

function checkNumber(field: ScalarField, value: number, path: Path, issues: InputIssue[]): void {
  const safe = Number.MAX_SAFE_INTEGER;
  if (field.kind === "integer") {
    if (!Number.isInteger(value)) {
      issues.push({
        code: "invalid_type",
        path,
        expected: "int",
        message: "Invalid input: expected int, received number",
        continue: false,
      });
      return;
    }
    if (!Number.isSafeInteger(value)) bound(issues, path, value > 0, "int", value > 0 ? safe : -safe, true);
  }
  // An integer's JSON Schema carries the safe range as its bounds when the schema sets none of its own.
  const own = (limit: number | undefined) =>
    field.kind === "integer" && Math.abs(limit ?? 0) === safe ? undefined : limit;
  const min = own(field.minimum);
  const max = own(field.maximum);
  if (min !== undefined && value < min) bound(issues, path, false, "number", min, true);
  if (field.exclusiveMinimum !== undefined && value <= field.exclusiveMinimum)
    bound(issues, path, false, "number", field.exclusiveMinimum, false);
  if (max !== undefined && value > max) bound(issues, path, true, "number", max, true);
  if (field.exclusiveMaximum !== undefined && value >= field.exclusiveMaximum)
    bound(issues, path, true, "number", field.exclusiveMaximum, false);
}

function copy<T>(value: T): T {
  return value !== null && typeof value === "object" ? (JSON.parse(JSON.stringify(value)) as T) : value;
}

/** One input: its parsed value (the default when absent), or OMIT for an optional input left out. */
function checkScalar(field: ScalarField, value: unknown, path: Path, issues: InputIssue[]): unknown {
  if (value === undefined) {
    if (field.hasDefault) return copy(field.default);
    if (field.optional) return OMIT;
  }
  if (value === null && field.nullable) return null;
  switch (field.kind) {
    case "number":
    case "integer":
      if (typeof value !== "number" || !Number.isFinite(value)) wrongType(issues, path, "number", value);
      else checkNumber(field, value, path, issues);
      break;
    case "string":
      if (typeof value !== "string") wrongType(issues, path, "string", value);
      else {
        if (field.minLength !== undefined && value.length < field.minLength)
          bound(issues, path, false, "string", field.minLength, true);
        if (field.maxLength !== undefined && value.length > field.maxLength)
          bound(issues, path, true, "string", field.maxLength, true);
      }
      break;
    case "boolean":
      if (typeof value !== "boolean") wrongType(issues, path, "boolean", value);
      break;
    case "enum": {
      const options = field.options ?? [];
      if (!options.includes(value as string | number)) {
        issues.push({
          code: "invalid_value",
          path,
          values: options,
          message: `Invalid option: expected one of ${options.map((o) => JSON.stringify(o)).join("|")}`,
        });
      }
      break;
    }
  }
  return value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** A strict object of scalar fields (an array's row, an optional object's fields). */
function checkObject(
  fields: readonly ScalarField[],
  value: unknown,
  path: Path,
  issues: InputIssue[],
): Record<string, unknown> {
  if (!isPlainObject(value)) {
    wrongType(issues, path, "object", value);
    return {};
  }
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const parsed = checkScalar(field, value[field.key], [...path, field.key], issues);
    if (parsed !== OMIT) out[field.key] = parsed;
  }
  unknownKeys(
    fields.map((f) => f.key),
    value,
    path,
    issues,
  );
  return out;
}

function unknownKeys(known: readonly string[], value: Record<string, unknown>, path: Path, issues: InputIssue[]): void {
  const keys = Object.keys(value).filter((key) => !known.includes(key));
  if (keys.length) {
    issues.push({
      code: "unrecognized_keys",
      path,
      keys,
      continue: true,
      message: `Unrecognized key${keys.length > 1 ? "s" : ""}: ${keys.map((k) => JSON.stringify(k)).join(", ")}`,
    });
  }
}

/**
 * Checks the raw input of a calculator's form (as `fromQuery` reads it) against its form model and, once the
 * input it reads is valid, the calculator's cross-field rule: the same outcome as the schema's `safeParse`.
 */
export function checkForm(model: FormModel, raw: unknown, rule?: CrossFieldRule<Record<string, unknown>>): FormCheck {
  const issues: InputIssue[] = [];
  if (!isPlainObject(raw)) {
    wrongType(issues, [], "object", raw);
    return { ok: false, issues };
  }
  const out: Record<string, unknown> = {};
  for (const field of model.fields) {
    const value = raw[field.key];
    const path = [field.key];
    if (field.kind === "array") {
      if (value === undefined) {
        out[field.key] = copy(field.default);
        continue;
      }
      if (!Array.isArray(value)) {
        wrongType(issues, path, "array", value);
        continue;
      }
      // Too many rows: zod reports that alone, before reading any row, and stops every later check.
      if (value.length > field.maxItems) {
        bound(issues, path, true, "array", field.maxItems, true, true);
        continue;
      }
      const start = issues.length;
      out[field.key] = value.map((row, index) => checkObject(field.itemFields, row, [field.key, index], issues));
      // The too-few-rows check runs unless a row's issue stopped the checking (a wrong type).
      if (issues.slice(start).some((issue) => issue.continue !== true)) continue;
      if (value.length < field.minItems) bound(issues, path, false, "array", field.minItems, true);
    } else if (field.kind === "object") {
      if (value === undefined) continue;
      out[field.key] = checkObject((field as ObjectField).fields, value, path, issues);
    } else {
      const parsed = checkScalar(field, value, path, issues);
      if (parsed !== OMIT) out[field.key] = parsed;
    }
  }
  unknownKeys(
    model.fields.map((f) => f.key),
    raw,
    [],
    issues,
  );
  // As zod's refinement: skipped after a check that stops everything (a fraction for a whole number, too many rows).
  if (rule && fieldIsValid(issues, rule.field) && !issues.some((issue) => issue.continue === false)) {
    for (const failure of rule.check(out))
      issues.push({ code: "custom", path: failure.path, message: failure.message });
  }
  return issues.length ? { ok: false, issues } : { ok: true, value: out };
}
