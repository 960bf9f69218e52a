/**
 * Scenarios (shared/contract/calculators.md, "Scenarios: starting from a real case"): a named set of inputs for one
 * calculator, built from the evidence base, authored as content/scenarios/<slug>.md. This module holds the schema
 * the content build checks each file with, and the rule for loading one under explicit inputs; the scenarios
 * themselves are static data (scenario-registry.ts). Only the Worker and the build load this, never the browser
 * bundle.
 */
import * as z from "zod/mini";
import "../domain/zod-locale";
import { slugSchema } from "../domain/case-study";
import { type FieldError, toFieldErrors } from "../domain/field-error";

/** The six calculator ids (kept here as data so the schema does not load the calculators). */
export const SCENARIO_CALCULATORS = [
  "program-roi",
  "shared-savings",
  "episode-bundle",
  "membership-clinic",
  "hsa-tax-savings",
  "patient-cost-compare",
] as const;

/** Where one scenario input comes from. */
export const scenarioReferenceSchema = z.union([
  z.strictObject({ case_study: slugSchema, metric: z.string().check(z.regex(/^[a-z0-9_]+$/, "must be a metric key")) }),
  z.strictObject({ reference_figure: slugSchema }),
  z.strictObject({ assumption: z.string().check(z.minLength(10), z.maxLength(600)) }),
]);

export const scenarioSchema = z.strictObject({
  slug: slugSchema,
  title: z.string().check(z.minLength(5), z.maxLength(200)),
  calculator: z.enum(SCENARIO_CALCULATORS),
  summary: z.string().check(z.minLength(20), z.maxLength(600)),
  inputs: z.record(z.string(), z.unknown()),
  references: z.record(z.string().check(z.minLength(1), z.maxLength(200)), scenarioReferenceSchema),
});

export type ScenarioReference = z.output<typeof scenarioReferenceSchema>;
export type ScenarioFile = z.output<typeof scenarioSchema>;

/** A scenario as the build bundles it: the file, its note as HTML, and whether any input rests on an illustrative record. */
export interface Scenario extends ScenarioFile {
  body_html: string;
  illustrative: boolean;
}

/** Validates a scenario's frontmatter (not yet its inputs against the calculator: the build does that). */
export function parseScenario(
  input: unknown,
): { ok: true; scenario: ScenarioFile } | { ok: false; errors: FieldError[] } {
  const result = scenarioSchema.safeParse(input);
  return result.success
    ? { ok: true, scenario: result.data }
    : { ok: false, errors: toFieldErrors(result.error.issues) };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * The inputs of a scenario with explicit inputs over them: a field given explicitly wins; an object given explicitly
 * (the uncertainty or insurance settings) is merged field by field over the scenario's; an array is replaced whole.
 */
export function withScenario(scenarioInputs: Record<string, unknown>, explicit: unknown): unknown {
  if (!isPlainObject(explicit)) return explicit === undefined ? { ...scenarioInputs } : explicit;
  const merged: Record<string, unknown> = { ...scenarioInputs };
  for (const [key, value] of Object.entries(explicit)) {
    const base = merged[key];
    merged[key] = isPlainObject(base) && isPlainObject(value) ? { ...base, ...value } : value;
  }
  return merged;
}

/** Every leaf path a scenario's inputs set (`savings_lines[0].reduction_pct`), in the calculators' path notation. */
export function inputPaths(value: unknown, prefix = ""): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => inputPaths(item, `${prefix}[${i}]`));
  if (isPlainObject(value)) {
    return Object.entries(value).flatMap(([key, child]) => inputPaths(child, prefix ? `${prefix}.${key}` : key));
  }
  return [prefix];
}
