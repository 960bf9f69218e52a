/**
 * The field model of a calculator form, derived from the calculator's JSON Schema
 * (`z.toJSONSchema(inputSchema, { io: "input" })`), so a new input in the engine appears in the form without an
 * edit here.
 *
 * The derivation runs at build time (`npm run forms:build` writes `src/generated/form-models.ts`), not in the
 * browser: the JSON Schema generator alone is about a fifth of zod, and the browser bundle must stay small. The
 * Worker and the browser read the same generated models through `formModel` in form-state.ts; a unit test
 * checks that the generated file matches this derivation.
 */
import * as z from "zod/mini";
import { type CalculatorId, calculators } from "../../calculators";

interface FieldBase {
  /** Property name within its parent object. */
  key: string;
  title: string;
  description: string;
  unit?: string;
}

export interface ScalarField extends FieldBase {
  kind: "number" | "integer" | "string" | "boolean" | "enum";
  /** True when the schema has a default (the field may be omitted and is then filled in). */
  hasDefault: boolean;
  default?: unknown;
  /** `null` is a valid value (an empty input means null). */
  nullable: boolean;
  /** No default and not required: an empty input means "leave it out". */
  optional: boolean;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  /** Enumerated values (for `enum`), in schema order. */
  options?: (string | number)[];
}

export interface ArrayField extends FieldBase {
  kind: "array";
  itemTitle: string;
  itemFields: ScalarField[];
  minItems: number;
  maxItems: number;
  default: Record<string, unknown>[];
}

/** An optional object switched on and off as a whole (`uncertainty=on`). */
export interface ObjectField extends FieldBase {
  kind: "object";
  fields: ScalarField[];
}

export type Field = ScalarField | ArrayField | ObjectField;

export interface FormModel {
  id: CalculatorId;
  fields: Field[];
}

type JsonSchema = Record<string, unknown>;

function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}
function num(value: unknown): number | undefined {
  return typeof value === "number" ? value : undefined;
}

function scalarField(key: string, node: JsonSchema, required: boolean): ScalarField {
  let schema = node;
  let nullable = false;
  const anyOf = node.anyOf as JsonSchema[] | undefined;
  if (Array.isArray(anyOf)) {
    const nonNull = anyOf.filter((s) => s.type !== "null");
    nullable = nonNull.length < anyOf.length;
    if (nonNull.length !== 1) throw new Error(`form-state: unsupported union at ${key}`);
    schema = { ...nonNull[0], ...node };
    delete schema.anyOf;
  }
  const type = schema.type;
  const hasDefault = Object.hasOwn(schema, "default");
  const field: ScalarField = {
    key,
    kind: "string",
    title: str(schema.title) ?? key,
    description: str(schema.description) ?? "",
    hasDefault,
    nullable,
    optional: !required && !hasDefault,
  };
  const unit = str(schema.unit);
  if (unit !== undefined) field.unit = unit;
  if (hasDefault) field.default = schema.default;
  if (Array.isArray(schema.enum)) {
    field.kind = "enum";
    field.options = schema.enum as (string | number)[];
  } else if (type === "integer" || type === "number") {
    field.kind = type;
    for (const bound of ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"] as const) {
      const value = num(schema[bound]);
      if (value !== undefined) field[bound] = value;
    }
  } else if (type === "boolean") {
    field.kind = "boolean";
  } else if (type === "string") {
    const minLength = num(schema.minLength);
    const maxLength = num(schema.maxLength);
    if (minLength !== undefined) field.minLength = minLength;
    if (maxLength !== undefined) field.maxLength = maxLength;
  } else {
    throw new Error(`form-state: unsupported type ${String(type)} at ${key}`);
  }
  return field;
}

function objectFields(node: JsonSchema, where: string): ScalarField[] {
  const properties = (node.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((node.required ?? []) as string[]);
  return Object.entries(properties).map(([key, child]) => {
    if (child.type === "object" || child.type === "array")
      throw new Error(`form-state: nesting too deep at ${where}.${key}`);
    return scalarField(key, child, required.has(key));
  });
}

/** Builds the field model of one calculator from its input schema's JSON Schema. */
export function buildFormModel(id: CalculatorId): FormModel {
  const json = z.toJSONSchema(calculators[id].inputSchema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  const fields: Field[] = [];
  for (const [key, node] of Object.entries(properties)) {
    const base = { key, title: str(node.title) ?? key, description: str(node.description) ?? "" };
    if (node.type === "array") {
      const items = node.items as JsonSchema;
      fields.push({
        ...base,
        kind: "array",
        itemTitle: str(items.title) ?? "Row",
        itemFields: objectFields(items, key),
        minItems: num(node.minItems) ?? 0,
        maxItems: num(node.maxItems) ?? 100,
        default: Array.isArray(node.default) ? (node.default as Record<string, unknown>[]) : [],
      });
    } else if (node.type === "object") {
      fields.push({ ...base, kind: "object", fields: objectFields(node, key) });
    } else {
      fields.push(scalarField(key, node, required.has(key)));
    }
  }
  return { id, fields };
}

/** Every calculator's field model, by id: what `npm run forms:build` writes to src/generated/form-models.ts. */
export function buildFormModels(): Record<CalculatorId, FormModel> {
  const out = {} as Record<CalculatorId, FormModel>;
  for (const id of Object.keys(calculators) as CalculatorId[]) out[id] = buildFormModel(id);
  return out;
}
