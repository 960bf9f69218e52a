/** Request and response schemas of the case-study API: validation, types and OpenAPI from one place. */
import * as z from "zod/mini";
import { caseStudySchema, slugSchema } from "../domain/case-study";
import { facetFilterShape } from "../domain/facets";
import { grades } from "../domain/grading";
import { keyFigureSchema } from "../domain/key-figures";

export const listQuerySchema = z.strictObject({
  ...facetFilterShape,
  order: z
    ._default(z.enum(["newest", "strongest", "title"]), "newest")
    .register(z.globalRegistry, { description: "Sort order" }),
  page: z
    ._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100_000)), 1)
    .register(z.globalRegistry, { description: "Page number, from 1" }),
  limit: z
    ._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(50)), 20)
    .register(z.globalRegistry, { description: "Records per page, at most 50" }),
});

export type ListQuery = z.output<typeof listQuerySchema>;

/**
 * The record's address. A slug is lower-case words joined by single hyphens, 3 to 80 characters (the contract);
 * one that is malformed can name no record, so it is answered like an unknown one: 404, naming the slug's rule.
 */
export const slugParamsSchema = z.object({
  // A copy carries the description: slugSchema itself is shared.
  slug: slugSchema.clone().register(z.globalRegistry, {
    description:
      "The record's slug: lower-case words joined by single hyphens, 3 to 80 characters. A malformed slug is a 404, like an unknown one.",
  }),
});

const gradeFields = {
  evidence_grade: z.enum(grades).register(z.globalRegistry, {
    description: "Derived from design, provenance and population size (see /about/methods)",
  }),
  evidence_grade_reason: z.string().register(z.globalRegistry, {
    description: 'The grade in words, e.g. "B: quasi-experimental study, verified, n=4,869"',
  }),
};

/** GET /api/v1/case-studies/{slug}: the contract's record plus its derived fields. */
export const caseStudyResponseSchema = z
  .intersection(
    caseStudySchema,
    z.object({
      ...gradeFields,
      body_html: z
        .string()
        .register(z.globalRegistry, { description: "The body rendered from Markdown and sanitised" }),
    }),
  )
  .register(z.globalRegistry, { id: "CaseStudy" });

export const caseStudySummarySchema = z
  .object({
    slug: z.string(),
    title: z.string(),
    summary: z.string(),
    status: z.string(),
    provenance: z.string(),
    design: z.string(),
    country: z.string(),
    care_setting: z.string(),
    payer_types: z.array(z.string()),
    financing_models: z.array(z.string()),
    modalities: z.array(z.string()),
    conditions: z.array(z.string()),
    evidence_year: z.nullable(z.int()),
    ...gradeFields,
    key_figures: z.array(keyFigureSchema),
    url: z.string(),
  })
  .register(z.globalRegistry, { id: "CaseStudySummary" });

export const caseStudyListSchema = z.object({
  items: z.array(caseStudySummarySchema),
  total: z.int().register(z.globalRegistry, {
    description:
      "Records matching the filters: exact when `total_exact`; otherwise a lower bound (more than this many match), because a list with several filters counts no further than 1,000 records or its own page",
  }),
  total_exact: z
    .boolean()
    .register(z.globalRegistry, { description: "Whether `total` is the exact number of records matching" }),
  page: z.int(),
  limit: z.int(),
  pages: z
    .nullable(z.int())
    .register(z.globalRegistry, { description: "Number of pages; null when the total is a lower bound" }),
  next: z.nullable(z.string()).register(z.globalRegistry, { description: "URL of the next page, or null on the last" }),
  prev: z.nullable(z.string()),
});
