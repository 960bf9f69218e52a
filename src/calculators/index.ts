/**
 * The six ROI calculators behind one registry, used by the Worker (`POST /api/v1/calculators/{id}`, the pages).
 * Everything here is pure: parse with the calculator's zod schema (schemas/<id>.ts), then compute (<id>.ts). The
 * browser bundles import a calculator's compute module directly and check the form without zod
 * (views/calculator/form-check.ts), so they never load this registry.
 */
import type * as z from "zod/mini";
import { type FieldError, issueFieldErrors } from "../domain/field-error";
import type { CalculatorResult } from "./common";
import type { DefaultsWithReferences } from "./defaults";
import * as episodeBundle from "./episode-bundle";
import * as hsaTaxSavings from "./hsa-tax-savings";
import * as membershipClinic from "./membership-clinic";
import * as patientCostCompare from "./patient-cost-compare";
import * as programRoi from "./program-roi";
import * as episodeBundleSchema from "./schemas/episode-bundle";
import * as hsaTaxSavingsSchema from "./schemas/hsa-tax-savings";
import * as membershipClinicSchema from "./schemas/membership-clinic";
import * as patientCostCompareSchema from "./schemas/patient-cost-compare";
import * as programRoiSchema from "./schemas/program-roi";
import * as sharedSavingsSchema from "./schemas/shared-savings";
import * as sharedSavings from "./shared-savings";

export type { CalculatorResult, CalculatorWarning } from "./common";
export { formatPath } from "./common";
export type { DefaultEntry, DefaultReference, DefaultsWithReferences, Provenance } from "./defaults";

/** One calculator: its metadata, input schema, pure compute function and referenced defaults. */
export interface CalculatorDefinition<Id extends string, Schema extends z.ZodMiniType, Result> {
  id: Id;
  title: string;
  summary: string;
  inputSchema: Schema;
  compute: (inputs: z.output<Schema>) => Result;
  defaultsWithReferences: () => DefaultsWithReferences;
}

function define<Id extends string, Schema extends z.ZodMiniType, Result>(
  module: Omit<CalculatorDefinition<Id, Schema, Result>, "inputSchema">,
  schema: { inputSchema: Schema },
): CalculatorDefinition<Id, Schema, Result> {
  return {
    id: module.id,
    title: module.title,
    summary: module.summary,
    inputSchema: schema.inputSchema,
    compute: module.compute,
    defaultsWithReferences: module.defaultsWithReferences,
  };
}

/** The registry, keyed by calculator id (the `{id}` of the API routes). */
export const calculators = {
  "program-roi": define(programRoi, programRoiSchema),
  "shared-savings": define(sharedSavings, sharedSavingsSchema),
  "episode-bundle": define(episodeBundle, episodeBundleSchema),
  "membership-clinic": define(membershipClinic, membershipClinicSchema),
  "hsa-tax-savings": define(hsaTaxSavings, hsaTaxSavingsSchema),
  "patient-cost-compare": define(patientCostCompare, patientCostCompareSchema),
} as const;

export type CalculatorId = keyof typeof calculators;

/** Calculator ids in display order. */
export const calculatorIds = Object.keys(calculators) as CalculatorId[];

/** The result type of calculator `K`. */
export type CalculatorResultFor<K extends CalculatorId> = ReturnType<(typeof calculators)[K]["compute"]>;
/** The result of any calculator. */
export type AnyCalculatorResult = CalculatorResultFor<CalculatorId>;

/** One failing input, by path (`savings_lines[0].reduction_pct`; ROOT_PATH for the body as a whole), with zod's code. */
export interface InputError extends FieldError {
  code: string;
}

/** Outcome of `runCalculator`: the result, or why there is none. Never thrown. */
export type RunOutcome<R = AnyCalculatorResult> =
  | { ok: true; result: R }
  | { ok: false; error: "unknown_calculator"; issues: []; fields: [] }
  | { ok: false; error: "invalid_input"; issues: z.core.$ZodIssue[]; fields: InputError[] };

/** True when `id` names a calculator of the registry. */
export function isCalculatorId(id: string): id is CalculatorId {
  return Object.hasOwn(calculators, id);
}

/**
 * Flattens zod issues into one entry per failing field, worded as every field error is; an unknown-keys issue
 * becomes one entry per unknown key, so an API can list every bad field by its own path.
 */
export function fieldErrors(issues: readonly z.core.$ZodIssue[]): InputError[] {
  return issues.flatMap((issue) => issueFieldErrors(issue).map((error) => ({ ...error, code: issue.code })));
}

/** Parses `rawInput` with calculator `id`'s schema and computes; bad input comes back as issues, not as an exception. */
export function runCalculator<K extends CalculatorId>(id: K, rawInput: unknown): RunOutcome<CalculatorResultFor<K>>;
export function runCalculator(id: string, rawInput: unknown): RunOutcome;
export function runCalculator(id: string, rawInput: unknown): RunOutcome {
  if (!isCalculatorId(id)) return { ok: false, error: "unknown_calculator", issues: [], fields: [] };
  const calculator = calculators[id];
  const parsed = calculator.inputSchema.safeParse(rawInput);
  if (!parsed.success) {
    return { ok: false, error: "invalid_input", issues: parsed.error.issues, fields: fieldErrors(parsed.error.issues) };
  }
  // The union of schemas and compute functions cannot be correlated by TypeScript; the id ties them together.
  const compute = calculator.compute as (inputs: unknown) => CalculatorResult<string, unknown, unknown>;
  return { ok: true, result: compute(parsed.data) as AnyCalculatorResult };
}
