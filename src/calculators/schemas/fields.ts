/**
 * The field builders of the calculators' input schemas (zod/mini), with English messages (domain/zod-locale). Only the
 * schemas (schemas/<id>.ts) import this: the browser bundles validate from the form model and never load zod.
 */
import * as z from "zod/mini";
import "../../domain/zod-locale";
import { type CrossFieldRule, fieldIsValid } from "../common";

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

/** Adds a calculator's cross-field rule to its object schema, as a refinement that runs once `rule.field` is valid. */
// @__NO_SIDE_EFFECTS__
export function withCrossFieldRule<T extends z.ZodMiniObject>(schema: T, rule: CrossFieldRule<z.output<T>>): T {
  return schema.check(
    z.superRefine(
      (value, ctx) => {
        for (const issue of rule.check(value))
          ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
      },
      { when: (payload) => fieldIsValid(payload.issues, rule.field) },
    ),
  );
}
