/**
 * Pieces every calculator shares: the result shape, the ratio rule, input limits and path helpers.
 * Pure code with no zod: it runs unchanged in the Worker and in the browser bundles (the schemas' field builders
 * are in schemas/fields.ts).
 */

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

/** Sum of one share column over rows, for the "sums to 100 ± 0.01" refinements. */
export function shareSum<T>(rows: readonly T[], pick: (row: T) => number): number {
  let sum = 0;
  for (const row of rows) sum += pick(row);
  return sum;
}

/** Tolerance of the share-column rule in the contract. */
export const SHARE_TOLERANCE = 0.01;

/**
 * A rule across several inputs of one calculator (the share columns sum to 100), zod-free so the schema (as a
 * refinement) and the browser's form check (views/calculator/form-check.ts) run the same code and word the same
 * messages.
 */
export interface CrossFieldRule<Inputs> {
  /** The input the rule reads: it runs only when that input has no issue of its own (see `fieldIsValid`). */
  field: string;
  /** The failures, by path, on the parsed inputs (defaults filled in). */
  check: (inputs: Inputs) => { path: (string | number)[]; message: string }[];
}

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
