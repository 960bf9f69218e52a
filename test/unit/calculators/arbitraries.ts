/**
 * fast-check arbitraries generated from each calculator's own JSON Schema (`z.toJSONSchema`, input side), so
 * property tests explore exactly the ranges the API accepts. Cross-field rules the JSON Schema cannot express
 * (share columns summing to 100, coverage only for an HSA) are then repaired by `repair`.
 */
import fc from "fast-check";
import * as z from "zod";
import { type CalculatorId, calculators } from "../../../src/calculators";

type JsonSchema = {
  type?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
};

const INT32 = 2 ** 31 - 1;

/** An arbitrary for any value the JSON Schema accepts (optional object fields are sometimes left out). */
export function arbitraryFromJsonSchema(schema: JsonSchema): fc.Arbitrary<unknown> {
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map(arbitraryFromJsonSchema));
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.const !== undefined) return fc.constant(schema.const);
  switch (schema.type) {
    case "null":
      return fc.constant(null);
    case "boolean":
      return fc.boolean();
    case "string":
      return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 20, 20) });
    case "integer": {
      const min = schema.minimum ?? Number.MIN_SAFE_INTEGER;
      const max = schema.maximum ?? Number.MAX_SAFE_INTEGER;
      if (min >= -INT32 && max <= INT32) return fc.integer({ min, max });
      return fc.oneof(fc.integer(), fc.maxSafeInteger()).filter((v) => v >= min && v <= max);
    }
    case "number": {
      const excluded = schema.exclusiveMinimum !== undefined;
      const min = schema.exclusiveMinimum ?? schema.minimum ?? -1e12;
      const max = schema.maximum ?? 1e12;
      // Mix "round" values (where bugs in thresholds hide) with arbitrary doubles over the whole range.
      const round = fc.integer({ min: Math.ceil(min), max: Math.floor(max) }).filter((v) => !excluded || v > min);
      const any = fc.double({ min, max, minExcluded: excluded, noNaN: true, noDefaultInfinity: true });
      return Number.isSafeInteger(Math.ceil(min)) && Math.floor(max) <= INT32 && Math.ceil(min) >= -INT32
        ? fc.oneof(round, any)
        : any;
    }
    case "array":
      return fc.array(arbitraryFromJsonSchema(schema.items ?? {}), {
        minLength: schema.minItems ?? 0,
        maxLength: schema.maxItems ?? 5,
      });
    case "object": {
      const props = schema.properties ?? {};
      const shape: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, child] of Object.entries(props)) shape[key] = arbitraryFromJsonSchema(child);
      return fc.record(shape, { requiredKeys: schema.required ?? [] });
    }
    default:
      throw new Error(`no arbitrary for schema ${JSON.stringify(schema).slice(0, 200)}`);
  }
}

/** The input JSON Schema of a calculator (what the OpenAPI document would show). */
export function inputJsonSchema(id: CalculatorId): JsonSchema {
  return z.toJSONSchema(calculators[id].inputSchema, { io: "input" }) as JsonSchema;
}

/** Rescales a share column to sum to 100 (or puts 100 on the first row when every share is 0). */
function normaliseShares(rows: Record<string, unknown>[] | undefined, column: string): void {
  if (!rows || rows.length === 0) return;
  const total = rows.reduce((sum, row) => sum + (row[column] as number), 0);
  if (total <= 0) {
    rows.forEach((row, i) => {
      row[column] = i === 0 ? 100 : 0;
    });
    return;
  }
  for (const row of rows) row[column] = Math.min(100, ((row[column] as number) / total) * 100);
}

/** Repairs the cross-field rules the JSON Schema cannot express. */
export function repair(id: CalculatorId, raw: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(raw);
  if (id === "episode-bundle") {
    const rows = copy.branches as Record<string, unknown>[] | undefined;
    normaliseShares(rows, "baseline_share_pct");
    normaliseShares(rows, "program_share_pct");
  }
  if (id === "membership-clinic")
    normaliseShares(copy.tiers as Record<string, unknown>[] | undefined, "share_of_new_members_pct");
  if (id === "hsa-tax-savings" && copy.account === "fsa" && copy.coverage !== undefined) copy.coverage = "self";
  return copy;
}

/** Valid raw inputs of calculator `id`, drawn from its schema's ranges. */
export function validInput(id: CalculatorId): fc.Arbitrary<Record<string, unknown>> {
  return arbitraryFromJsonSchema(inputJsonSchema(id))
    .map((raw) => repair(id, raw as Record<string, unknown>))
    .filter((raw) => calculators[id].inputSchema.safeParse(raw).success);
}

/** Every number anywhere in `value` that is NaN or ±Infinity, by path. */
export function nonFiniteNumbers(value: unknown, path = ""): string[] {
  if (typeof value === "number") return Number.isFinite(value) ? [] : [`${path} = ${value}`];
  if (Array.isArray(value)) return value.flatMap((item, i) => nonFiniteNumbers(item, `${path}[${i}]`));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([key, child]) => nonFiniteNumbers(child, path ? `${path}.${key}` : key));
  }
  return [];
}
