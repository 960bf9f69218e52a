/**
 * The curated brief: `content/briefs/<slug>.md`, frontmatter checked by one zod schema (like case studies), then a
 * Markdown narrative. A brief names records by slug and the metrics to synthesise across them; its figures are
 * never written here, always read from the records, so a brief cannot drift from its evidence.
 */
import * as z from "zod/mini";
import "./zod-locale";
import { slugSchema } from "./case-study";
import { metrics } from "./enums";
import { type FieldError, toFieldErrors } from "./field-error";

/** How many records one brief (curated or composed) may bring together: a one-pager, not a review. */
export const MAX_BRIEF_CASES = 12;

export const briefSchema = z.strictObject({
  slug: slugSchema,
  title: z
    .string()
    .check(z.minLength(10), z.maxLength(200))
    .register(z.globalRegistry, { description: "States the finding, not just the topic" }),
  question: z
    .string()
    .check(z.minLength(10), z.maxLength(300))
    .register(z.globalRegistry, { description: "The question the brief answers" }),
  audience: z
    .string()
    .check(z.minLength(3), z.maxLength(200))
    .register(z.globalRegistry, { description: "Who it is written for" }),
  case_studies: z.array(slugSchema).check(
    z.minLength(1),
    z.maxLength(MAX_BRIEF_CASES),
    z.refine((slugs) => new Set(slugs).size === slugs.length, "must not name a record twice"),
  ),
  metrics: z.array(z.enum(metrics.values)).check(
    z.minLength(1),
    z.maxLength(8),
    z.refine((values) => new Set(values).size === values.length, "must not name a metric twice"),
  ),
  key_messages: z.array(z.string().check(z.minLength(10), z.maxLength(400))).check(z.minLength(2), z.maxLength(3)),
  caveats: z.optional(z.array(z.string().check(z.minLength(10), z.maxLength(400))).check(z.maxLength(8))),
  body: z.string().check(z.minLength(1)),
});

/** A curated brief as validated. */
export type Brief = z.output<typeof briefSchema>;

/** Validates brief data (frontmatter plus `body`), naming every bad field. */
export function parseBrief(input: unknown): { ok: true; brief: Brief } | { ok: false; errors: FieldError[] } {
  const result = briefSchema.safeParse(input);
  return result.success ? { ok: true, brief: result.data } : { ok: false, errors: toFieldErrors(result.error.issues) };
}
