/** Request and response schemas of search: validation, types and the OpenAPI description from one place. */
import * as z from "zod/mini";
import "../domain/zod-locale";
import { metrics } from "../domain/enums";
import { facetFilterShape } from "../domain/facets";
import { grades } from "../domain/grading";
import { keyFigureSchema } from "../domain/key-figures";
import { KINDS, SEARCH_FACETS, SORTS } from "./model";

const year = (what: string) =>
  z
    .optional(z.coerce.number().check(z.int(), z.gte(1900), z.lte(2100)))
    .register(z.globalRegistry, { description: `Only evidence from ${what} (evidence year)` });

export const searchQuerySchema = z
  .strictObject({
    q: z.optional(z.string()).register(z.globalRegistry, {
      description:
        'Words to find. Words are ANDed, the last one also as a prefix; "quoted phrases", -excluded words and OR work; anything else is read as plain words, so any text is accepted. Domain synonyms are expanded (C-section = caesarean, ED = emergency department, …).',
    }),
    ...facetFilterShape,
    kind: z.optional(z.array(z.enum(KINDS)).check(z.maxLength(3))).register(z.globalRegistry, {
      description:
        "Only hits of these kinds: case_study, reference_figure, brief (repeat the parameter or separate values with commas; default: all). Reference figures and briefs are found by words only: without `q`, or with any filter only case studies have (every filter here but `kind`, and `status` other than the default), only case studies are searched, so `kind` without case_study finds nothing there (`kinds` in the answer is then empty). Exports and the evidence summary hold case studies only: a `kind` without case_study gives them none.",
    }),
    min_grade: z
      .optional(z.enum(grades))
      .register(z.globalRegistry, { description: "Only records graded this or stronger (A is strongest)" }),
    has_cost_figures: z
      .optional(z.enum(["true", "false"]))
      .register(z.globalRegistry, { description: "true: only records that state cost, savings or ROI figures" }),
    year_from: year("this year or later"),
    year_to: year("this year or earlier"),
    sort: z.optional(z.enum(SORTS)).register(z.globalRegistry, {
      description:
        "relevance (default with words), strongest (default without), newest, or effect: largest effect on `effect_metric`",
    }),
    effect_metric: z.optional(z.enum(metrics.values)).register(z.globalRegistry, {
      description: "The outcome ranked by sort=effect (default: the one `metric` filter, if exactly one is chosen)",
    }),
    limit: z
      ._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(50)), 10)
      .register(z.globalRegistry, { description: "Hits per page, at most 50" }),
    cursor: z
      .optional(z.string().check(z.maxLength(512)))
      .register(z.globalRegistry, { description: "Opaque: `next_cursor` of the previous page" }),
  })
  .check(
    z.superRefine((query, ctx) => {
      if (query.year_from !== undefined && query.year_to !== undefined && query.year_from > query.year_to) {
        ctx.addIssue({ code: "custom", path: ["year_to"], message: "must not be before year_from" });
      }
      if (query.sort === "effect" && !query.effect_metric && query.metric?.length !== 1) {
        ctx.addIssue({
          code: "custom",
          path: ["sort"],
          message: "effect needs effect_metric (or exactly one metric filter) to rank by",
        });
      }
    }),
  );

export type SearchQuery = z.output<typeof searchQuerySchema>;

const facetValueSchema = z.object({
  value: z.string(),
  label: z.string(),
  count: z.int().register(z.globalRegistry, {
    description:
      "Hits if this value were the facet's only choice, with every other active filter applied (a lower bound when `facets_exact` is false)",
  }),
  selected: z.boolean(),
});

export const searchHitSchema = z
  .object({
    kind: z.literal("case_study"),
    slug: z.string(),
    title: z.string(),
    summary: z.string(),
    snippet: z.nullable(z.string()).register(z.globalRegistry, {
      description: "HTML: the best-matching passage, escaped, with <mark> around matched words; null without words",
    }),
    status: z.string(),
    provenance: z.string(),
    design: z.string(),
    evidence_grade: z.enum(grades),
    evidence_grade_reason: z.string(),
    evidence_year: z.nullable(z.int()),
    payer_types: z.array(z.string()),
    financing_models: z.array(z.string()),
    key_figures: z.array(keyFigureSchema),
    effect: z
      .nullable(
        z.object({
          metric: z.string(),
          score: z.nullable(z.number()),
          scale: z.enum(["percent_improvement", "amount"]),
        }),
      )
      .register(z.globalRegistry, {
        description: "With sort=effect: the score ranked (see the API description for its definition)",
      }),
    url: z.string(),
  })
  .register(z.globalRegistry, { id: "SearchHit" });

export const figureHitSchema = z
  .object({
    kind: z.literal("reference_figure"),
    slug: z.string(),
    title: z.string(),
    value: z.number(),
    low: z.nullable(z.number()),
    high: z.nullable(z.number()),
    unit: z
      .string()
      .register(z.globalRegistry, { description: "usd, percent, count, …: see the reference-figure contract" }),
    per: z
      .nullable(z.string())
      .register(z.globalRegistry, { description: "What the amount is for (birth, member month, …), or null" }),
    price_year: z
      .nullable(z.int())
      .register(z.globalRegistry, { description: "The year of the dollars, when the source says" }),
    provenance: z.string(),
    quote: z.string().register(z.globalRegistry, { description: "The source's words that state the figure" }),
    snippet: z.nullable(z.string()).register(z.globalRegistry, { description: "HTML, as for a case study" }),
    url: z.string().register(z.globalRegistry, { description: "The figure's API resource" }),
    page_url: z.string().register(z.globalRegistry, { description: "The figure's page" }),
  })
  .register(z.globalRegistry, { id: "SearchFigureHit" });

export const briefHitSchema = z
  .object({
    kind: z.literal("brief"),
    slug: z.string(),
    title: z.string(),
    question: z.string().register(z.globalRegistry, { description: "The question the brief answers" }),
    audience: z.string(),
    snippet: z.nullable(z.string()).register(z.globalRegistry, { description: "HTML, as for a case study" }),
    url: z.string().register(z.globalRegistry, { description: "The brief's page" }),
  })
  .register(z.globalRegistry, { id: "SearchBriefHit" });

/** Any hit, told apart by `kind`. */
export const anySearchHitSchema = z.discriminatedUnion("kind", [searchHitSchema, figureHitSchema, briefHitSchema]);

export const searchResponseSchema = z
  .object({
    query: z.object({
      q: z.string().register(z.globalRegistry, { description: "The text as received" }),
      normalized: z.string().register(z.globalRegistry, {
        description: "The query as understood: lower case, stopwords dropped, * on a prefix",
      }),
      fts: z
        .nullable(z.string())
        .register(z.globalRegistry, { description: "The FTS5 expression run (synonyms expanded)" }),
      expansions: z.array(z.object({ typed: z.string(), alternatives: z.array(z.string()) })),
      truncated: z
        .boolean()
        .register(z.globalRegistry, { description: "True when over-long input was cut to the limits" }),
    }),
    sort: z.enum(SORTS),
    effect_metric: z.nullable(z.string()),
    total: z.int().register(z.globalRegistry, {
      description:
        "Hits of every kind searched; facet counts are of case studies only. Exact when `total_exact`; otherwise a lower bound (at least this many match)",
    }),
    total_exact: z.boolean().register(z.globalRegistry, {
      description:
        "Whether `total` and `total_by_kind` are exact. False when the words match more than 1,000 records (or more than 1,000 figures and briefs): a search with words looks at the 1,000 best matches by relevance only, and counts, pages and every sort are within those",
    }),
    facets_exact: z.boolean().register(z.globalRegistry, {
      description:
        "Whether the facet counts and `without` are exact. False when the words match more than 1,000 case studies: the counts are then of the 1,000 best matches (lower bounds)",
    }),
    kinds: z.array(z.enum(KINDS)).register(z.globalRegistry, {
      description: "The kinds searched (the `kind` filter, narrowed as the parameter says)",
    }),
    total_by_kind: z
      .record(z.enum(KINDS), z.int())
      .register(z.globalRegistry, { description: "The total split by kind" }),
    limit: z.int(),
    hits: z.array(anySearchHitSchema).register(z.globalRegistry, {
      description: "Case studies, reference figures and evidence briefs in one order; `kind` says which each is",
    }),
    facets: z.record(z.enum(SEARCH_FACETS), z.array(facetValueSchema)),
    without: z.record(z.string(), z.int()).register(z.globalRegistry, {
      description: 'Totals with one active filter dropped (by filter name, "year", or "filters" for words alone)',
    }),
    next_cursor: z.nullable(z.string()),
    next: z
      .nullable(z.string())
      .register(z.globalRegistry, { description: "URL of the next page, or null on the last" }),
  })
  .register(z.globalRegistry, { id: "SearchResults" });

export type SearchResponse = z.output<typeof searchResponseSchema>;

export const healthResponseSchema = z.object({ ok: z.literal(true) }).register(z.globalRegistry, { id: "Health" });
