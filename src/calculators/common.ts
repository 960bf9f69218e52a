/**
 * Pieces every calculator shares: the result shape, the ratio rule, input field builders and path helpers.
 * Pure code only: it runs unchanged in the Worker and in the browser bundle.
 */
import { en } from "zod/locales";
import * as z from "zod/mini";

// zod/mini loads no locale (its messages would all read "Invalid input"); English is what the API and the forms
// show, and classic zod (loaded by the Worker's other schemas) sets the same locale, so the Worker and the browser
// give identical messages whichever module loads first.
if (!z.config().localeError) z.config(en());

/** A caveat a careful analyst would want to see next to the figures. */
export interface CalculatorWarning {
  code: string;
  message: string;
  /** Input paths the warning is about, in the notation of `formatPath`, when it concerns specific inputs. */
  fields?: string[];
}

/** What every calculator returns: normalised inputs (defaults filled in), unrounded outputs, steps, warnings. */
export interface CalculatorResult<Id extends string, Inputs, Outputs> {
  calculator: Id;
  inputs: Inputs;
  outputs: Outputs;
  steps: string[];
  warnings: CalculatorWarning[];
}

/**
 * num / den, or `null` when the denominator is 0 (the contract's rule) or when the quotient would not be a
 * finite number (a denominator so close to 0 that the ratio overflows), so no output is ever Infinity or NaN.
 */
export function ratioOrNull(num: number, den: number): number | null {
  if (den === 0) return null;
  const q = num / den;
  return Number.isFinite(q) ? q : null;
}

/** Limits for money inputs the contract leaves open-ended ("USD ≥ 0"): large enough for any real budget, small enough that no product of inputs overflows. */
export const MAX_USD = 1e12;
/** Per-person or per-event prices: a billion dollars is already far beyond any real price. */
export const MAX_UNIT_USD = 1e9;

/** Form and OpenAPI metadata attached to each input with `described`. */
export type FieldMeta = {
  title: string;
  description: string;
  unit?: string;
};

/**
 * Registers `meta` for `schema` in zod's global registry, where z.toJSONSchema (the OpenAPI document, the form
 * model) reads titles, descriptions and units: what classic zod's `.meta()` does, for a zod/mini schema.
 */
// @__NO_SIDE_EFFECTS__
export function described<T extends z.ZodMiniType>(schema: T, meta: FieldMeta): T {
  const target: z.core.$ZodType = schema;
  z.globalRegistry.add(target, meta);
  return schema;
}

/** An input with a default and its metadata: `{}` parses to `defaultValue`. */
// @__NO_SIDE_EFFECTS__
export function withDefault<T extends z.ZodMiniType>(
  schema: T,
  defaultValue: z.util.NoUndefined<z.output<T>> | (() => z.util.NoUndefined<z.output<T>>),
  meta: FieldMeta,
): z.ZodMiniDefault<T> {
  return described(z._default(schema, defaultValue), meta);
}

/** A finite number in [min, max] (zod 4 already rejects NaN and ±Infinity). */
// @__NO_SIDE_EFFECTS__
export function boundedNumber(min: number, max: number): z.ZodMiniNumber<number> {
  return z.number().check(z.gte(min), z.lte(max));
}

/** A safe integer in [min, max]. */
// @__NO_SIDE_EFFECTS__
export function boundedInt(min: number, max: number): z.ZodMiniNumber<number> {
  return z.number().check(z.int(), z.gte(min), z.lte(max));
}

/** A string of `min` to `max` characters (row labels). */
// @__NO_SIDE_EFFECTS__
export function boundedString(min: number, max: number): z.ZodMiniString<string> {
  return z.string().check(z.minLength(min), z.maxLength(max));
}

/** Sum of one share column over rows, for the "sums to 100 ± 0.01" refinements. */
export function shareSum<T>(rows: readonly T[], pick: (row: T) => number): number {
  let sum = 0;
  for (const row of rows) sum += pick(row);
  return sum;
}

/** Tolerance of the share-column rule in the contract. */
export const SHARE_TOLERANCE = 0.01;

/**
 * True when no earlier issue touches the input at `key`, so a cross-field rule reads only valid values.
 * An issue about the body as a whole (not an object at all) touches every key; unknown keys touch none.
 */
export function fieldIsValid(
  issues: readonly { code?: string; path?: readonly PropertyKey[] | undefined }[],
  key: string,
): boolean {
  return !issues.some((issue) => {
    const head = issue.path?.[0];
    if (head === undefined) return issue.code !== "unrecognized_keys";
    return head === key;
  });
}

// The path notation of default references, warnings and field errors is the one of every field error.
export { formatPath } from "../domain/field-error";

/** Parses the `formatPath` notation back into segments. */
export function parsePath(path: string): (string | number)[] {
  const segments: (string | number)[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (match[2] !== undefined) segments.push(Number(match[2]));
    else if (match[1] !== undefined) segments.push(match[1]);
  }
  return segments;
}

/** Reads the value at `path` in a plain object tree; `undefined` when any step is missing. */
export function getAtPath(root: unknown, path: readonly (string | number)[]): unknown {
  let node: unknown = root;
  for (const segment of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}
