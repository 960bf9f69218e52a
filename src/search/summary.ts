/**
 * `GET /api/v1/evidence/summary`: the synthesis a brief shows (src/domain/synthesis.ts), for the records of any
 * search: the search API's own query schema (same words, filters and errors), its runner for the matching records,
 * and the record reads for their outcomes and sources. No SQL of its own.
 */
import * as z from "zod/mini";
import type { Outcome } from "../domain/case-study";
import { comparisons, metrics, outcomeKinds, units } from "../domain/enums";
import { grades } from "../domain/grading";
import { type Figure, type FigureGroup, synthesise } from "../domain/synthesis";
import { defineRoute } from "../http/route";
import type { QuerySpec } from "../http/validate";
import { findCaseStudies } from "../records/read";
import { matchingSlugs } from "./run";
import { searchQuerySchema } from "./schemas";
import { prepareCaseStudySearch } from "./spec";

/** At most this many records are synthesised (the rest are counted, and the answer says so). */
export const SUMMARY_MAX_RECORDS = 200;

const summaryQuerySchema = z.safeExtend(searchQuerySchema, {
  include_illustrative: z.optional(z.enum(["0", "1", "true", "false"])).register(z.globalRegistry, {
    description: "1: pool illustrative figures with the evidence (by default they are listed apart, never pooled)",
  }),
});

const summaryQuery: QuerySpec<typeof summaryQuerySchema> = { schema: summaryQuerySchema, textKeys: ["q"] };

const figureSchema = z.object({
  slug: z.string(),
  title: z.string(),
  url: z.string(),
  grade: z.enum(grades),
  provenance: z.string(),
  outcome_index: z
    .int()
    .register(z.globalRegistry, { description: "Position of the outcome in its record's outcomes" }),
  label: z.nullable(z.string()),
  kind: z.enum(outcomeKinds.values),
  unit: z.enum(units.values),
  comparison: z.enum(comparisons.values),
  value: z.number(),
  ci_low: z.nullable(z.number()),
  ci_high: z.nullable(z.number()),
  n: z.nullable(z.int()).register(z.globalRegistry, {
    description: "The outcome's sample, else the record's population size; null when not stated",
  }),
  source: z.nullable(z.object({ title: z.string(), url: z.nullable(z.string()) })),
  illustrative: z.boolean(),
});

const groupSchema = z.object({
  kind: z.enum(outcomeKinds.values),
  unit: z.enum(units.values),
  comparison: z.enum(comparisons.values),
  per: z.nullable(z.string()),
  count: z.int(),
  median: z.number(),
  min: z.number(),
  max: z.number(),
  weighted_mean: z
    .nullable(z.number())
    .register(z.globalRegistry, { description: "Σ n·value / Σ n over the figures whose n is known" }),
  weighted_figures: z.int(),
  weighted_n: z.int(),
  includes_illustrative: z.boolean(),
  figures: z.array(figureSchema),
});

export const summaryResponseSchema = z
  .object({
    total: z.int().register(z.globalRegistry, {
      description: "Records the search matched: exact when `total_exact`, otherwise a lower bound",
    }),
    total_exact: z.boolean().register(z.globalRegistry, {
      description:
        "Whether `total` is exact (false when the words match more than the 1,000 records a search looks at)",
    }),
    records: z
      .int()
      .register(z.globalRegistry, { description: `Records synthesised (at most ${SUMMARY_MAX_RECORDS})` }),
    include_illustrative: z.boolean(),
    metrics: z.array(
      z.object({
        metric: z.enum(metrics.values),
        label: z.string(),
        record_count: z.int(),
        grade_mix: z.record(z.enum(grades), z.int()),
        groups: z.array(groupSchema).register(z.globalRegistry, {
          description: "Comparable figures (same metric, kind, unit, comparison) pooled",
        }),
        apart: z
          .array(figureSchema)
          .register(z.globalRegistry, { description: "Figures with no comparable partner, and every 'other' outcome" }),
        illustrative: z
          .array(figureSchema)
          .register(z.globalRegistry, { description: "Illustrative figures, apart unless include_illustrative=1" }),
      }),
    ),
    left_out: z.array(z.object({ slug: z.string(), title: z.string(), reason: z.string() })),
  })
  .register(z.globalRegistry, { id: "EvidenceSummary" });

function figureJson(f: Figure, origin: string) {
  return {
    slug: f.slug,
    title: f.title,
    url: `${origin}/case-studies/${f.slug}`,
    grade: f.grade,
    provenance: f.provenance,
    outcome_index: f.outcome_index,
    label: f.outcome.label ?? null,
    kind: f.outcome.kind,
    unit: f.outcome.unit,
    comparison: f.outcome.comparison,
    value: f.outcome.value,
    ci_low: f.outcome.ci_low ?? null,
    ci_high: f.outcome.ci_high ?? null,
    n: f.n,
    source: f.source
      ? { title: f.source.title, url: f.source.doi ? `https://doi.org/${f.source.doi}` : (f.source.url ?? null) }
      : null,
    illustrative: f.illustrative,
  };
}

function groupJson(g: FigureGroup, origin: string) {
  const { figures, metric: _metric, ...rest } = g;
  return { ...rest, per: g.per ?? null, figures: figures.map((f) => figureJson(f, origin)) };
}

export const summaryApiRoutes = [
  defineRoute({
    method: "get",
    path: "/api/v1/evidence/summary",
    tag: "Search",
    summary: "Synthesis of the evidence a search finds",
    description: `Takes the query of GET /api/v1/search (words, filters; \`sort\`, \`limit\` and \`cursor\` do not matter) and returns, per outcome metric across the matching records (at most ${SUMMARY_MAX_RECORDS}): comparable figures pooled (same metric, kind, unit and comparison, and for money the same 'per') with count, median, range and an n-weighted mean where sizes are known; the rest listed apart; illustrative figures apart and never pooled unless \`include_illustrative=1\`; the grade mix; retracted records left out. The same synthesis the brief pages show.`,
    query: summaryQuery,
    responses: {
      200: { description: "The synthesis per metric", schema: summaryResponseSchema },
      400: { description: "Invalid filter, each named" },
    },
    handler: async (c, { query }) => {
      const { include_illustrative, cursor: _cursor, ...search } = query;
      // A synthesis pools case studies' outcomes only (a `kind` without case_study leaves nothing to pool).
      const prepared = prepareCaseStudySearch({ ...search, sort: undefined, effect_metric: undefined });
      const { slugs, total, totalExact } = await matchingSlugs(c.env.DB, prepared.spec, SUMMARY_MAX_RECORDS);
      const rows = await findCaseStudies(c.env.DB, slugs);
      const include = include_illustrative === "1" || include_illustrative === "true";
      const synthesis = synthesise(
        rows.map((row) => ({
          slug: row.record.slug,
          title: row.record.title,
          grade: row.grade,
          provenance: row.record.provenance,
          status: row.record.status,
          outcomes: row.record.outcomes,
          sources: row.record.sources,
          ...(row.record.population.size !== undefined ? { population_size: row.record.population.size } : {}),
        })),
        {
          ...(search.metric?.length ? { metrics: search.metric as Outcome["metric"][] } : {}),
          includeIllustrative: include,
        },
      );
      const origin = new URL(c.req.url).origin;
      return c.json({
        total,
        total_exact: totalExact,
        records: rows.length,
        include_illustrative: include,
        metrics: synthesis.metrics.map((m) => ({
          metric: m.metric,
          label: metrics.label(m.metric),
          record_count: m.record_count,
          grade_mix: m.grade_mix,
          groups: m.groups.map((g) => groupJson(g, origin)),
          apart: m.apart.map((f) => figureJson(f, origin)),
          illustrative: m.illustrative.map((f) => figureJson(f, origin)),
        })),
        left_out: synthesis.left_out,
      });
    },
  }),
];
