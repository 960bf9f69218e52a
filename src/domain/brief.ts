/**
 * The curated brief: `content/briefs/<slug>.md`, frontmatter checked by one zod schema (like case studies), then a
 * Markdown narrative. A brief names records by slug and the metrics to synthesise across them; its figures are
 * never written here, always read from the records, so a brief cannot drift from its evidence.
 */
import * as z from "zod";
import { slugSchema } from "./case-study";
import { metrics } from "./enums";
import { type FieldError, toFieldErrors } from "./field-error";

/** How many records one brief (curated or composed) may bring together: a one-pager, not a review. */
export const MAX_BRIEF_CASES = 12;

export const briefSchema = z.strictObject({
  slug: slugSchema,
  title: z.string().min(10).max(200).describe("States the finding, not just the topic"),
  question: z.string().min(10).max(300).describe("The question the brief answers"),
  audience: z.string().min(3).max(200).describe("Who it is written for"),
  case_studies: z
    .array(slugSchema)
    .min(1)
    .max(MAX_BRIEF_CASES)
    .refine((slugs) => new Set(slugs).size === slugs.length, "must not name a record twice"),
  metrics: z
    .array(z.enum(metrics.values))
    .min(1)
    .max(8)
    .refine((values) => new Set(values).size === values.length, "must not name a metric twice"),
  key_messages: z.array(z.string().min(10).max(400)).min(2).max(3),
  caveats: z.array(z.string().min(10).max(400)).max(8).optional(),
  body: z.string().min(1),
});

/** A curated brief as validated. */
export type Brief = z.output<typeof briefSchema>;

/** Validates brief data (frontmatter plus `body`), naming every bad field. */
export function parseBrief(input: unknown): { ok: true; brief: Brief } | { ok: false; errors: FieldError[] } {
  const result = briefSchema.safeParse(input);
  return result.success ? { ok: true, brief: result.data } : { ok: false, errors: toFieldErrors(result.error.issues) };
}
