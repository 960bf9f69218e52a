/**
 * The case-study contract (shared/contract/case-study.md) as one zod schema: the runtime check for content files
 * and the write API, the TypeScript type, and the JSON Schema in the OpenAPI document.
 */
import * as z from "zod/mini";
import "./zod-locale";
import {
  careSettings,
  comparisons,
  conditions,
  designs,
  financingModels,
  metrics,
  modalities,
  moneyPer,
  outcomeKinds,
  payerTypes,
  populationUnits,
  provenances,
  sourceKinds,
  statuses,
  units,
} from "./enums";
import { type FieldError, toFieldErrors } from "./field-error";

const yearMonth = z.string().check(z.regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, "must be YYYY or YYYY-MM"));

const ISO_DATE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A calendar date, YYYY-MM-DD, that exists (no 31 April). */
const calendarDate = z.string().check(
  z.regex(ISO_DATE, "must be YYYY-MM-DD"),
  z.refine((text) => {
    const parts = ISO_DATE.exec(text);
    if (!parts) return true; // the pattern has said what is wrong
    const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  }, "is not a calendar date"),
);

/** How far a relative change may disagree with its baseline and follow-up, in percentage points. */
const RELATIVE_CHANGE_TOLERANCE_PP = 0.5;

export const slugSchema = z
  .string()
  .check(
    z.minLength(3),
    z.maxLength(80),
    z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be lower-case words joined by single hyphens"),
  );

export const outcomeSchema = z
  .strictObject({
    metric: z.enum(metrics.values),
    label: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
    kind: z.enum(outcomeKinds.values),
    value: z.number(),
    unit: z.enum(units.values),
    baseline: z.optional(z.number()),
    followup: z.optional(z.number()),
    comparison: z.enum(comparisons.values),
    horizon_months: z.optional(z.int().check(z.gte(0), z.lte(1200))),
    per: z.optional(z.enum(moneyPer.values)),
    price_year: z.optional(z.int().check(z.gte(1900), z.lte(2100))),
    ci_low: z.optional(z.number()),
    ci_high: z.optional(z.number()),
    n: z.optional(z.int().check(z.gte(1))),
    source: z.string().check(z.regex(/^[a-z0-9_-]+$/, "must be a source key")),
    quote: z.optional(z.string().check(z.minLength(1), z.maxLength(300))),
  })
  .check(
    z.superRefine((o, ctx) => {
      if (o.metric === "other" && !o.label) {
        ctx.addIssue({ code: "custom", path: ["label"], message: "is required when metric is 'other'" });
      }
      if ((o.ci_low === undefined) !== (o.ci_high === undefined)) {
        const missing = o.ci_low === undefined ? "ci_low" : "ci_high";
        ctx.addIssue({ code: "custom", path: [missing], message: "ci_low and ci_high come together: both or neither" });
      } else if (o.ci_low !== undefined && o.ci_high !== undefined && !(o.ci_low <= o.value && o.value <= o.ci_high)) {
        ctx.addIssue({
          code: "custom",
          path: ["value"],
          message: `must lie within the confidence interval [${o.ci_low}, ${o.ci_high}]`,
        });
      }
      if (o.kind === "relative_change" && o.baseline !== undefined && o.followup !== undefined) {
        if (o.baseline === 0) {
          ctx.addIssue({
            code: "custom",
            path: ["baseline"],
            message: "a relative change cannot start from a baseline of 0",
          });
        } else {
          const implied = ((o.followup - o.baseline) / Math.abs(o.baseline)) * 100;
          if (Math.abs(implied - o.value) > RELATIVE_CHANGE_TOLERANCE_PP) {
            ctx.addIssue({
              code: "custom",
              path: ["value"],
              message: `relative change ${o.value}% disagrees with baseline ${o.baseline} → follow-up ${o.followup}, which is ${round2(implied)}% (tolerance ±${RELATIVE_CHANGE_TOLERANCE_PP})`,
            });
          }
        }
      }
      if (o.price_year !== undefined && o.unit !== "usd") {
        ctx.addIssue({ code: "custom", path: ["price_year"], message: "only applies to amounts in usd" });
      }
    }),
  );

export const sourceSchema = z
  .strictObject({
    key: z.string().check(z.regex(/^[a-z0-9_-]+$/, "must match ^[a-z0-9_-]+$")),
    kind: z.enum(sourceKinds.values),
    title: z.string().check(z.minLength(1), z.maxLength(500)),
    authors: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(200))).check(z.maxLength(100))),
    publisher: z.optional(z.string().check(z.minLength(1), z.maxLength(300))),
    year: z.optional(z.int().check(z.gte(1800), z.lte(2100))),
    url: z.optional(
      z.string().check(z.maxLength(2000), z.regex(/^https?:\/\/[^\s]+$/i, "must be an absolute http(s) URL")),
    ),
    doi: z.optional(z.string().check(z.regex(/^10\.\d{4,9}\/\S+$/, "must be a bare DOI such as 10.1000/xyz"))),
    pmid: z.optional(z.string().check(z.regex(/^\d+$/, "must be digits"))),
    accessed: z.optional(
      z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, "must be YYYY-MM-DD")),
    ),
  })
  .check(
    z.superRefine((s, ctx) => {
      if (s.year === undefined && s.kind !== "source_document" && s.kind !== "web_page") {
        ctx.addIssue({ code: "custom", path: ["year"], message: `is required for a source of kind '${s.kind}'` });
      }
    }),
  );

export const caseStudySchema = z
  .strictObject({
    slug: slugSchema,
    title: z.string().check(z.minLength(5), z.maxLength(200)),
    summary: z.string().check(z.minLength(20), z.maxLength(600)),
    status: z.enum(statuses.values),
    provenance: z.enum(provenances.values),
    setting: z.strictObject({
      organization: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
      country: z._default(
        z.string().check(z.regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code (ZZ for several countries)")),
        "US",
      ),
      region: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
      care_setting: z.enum(careSettings.values),
    }),
    payer_types: z.array(z.enum(payerTypes.values)).check(z.minLength(1)),
    financing_models: z.array(z.enum(financingModels.values)).check(z.minLength(1)),
    modalities: z.array(z.enum(modalities.values)).check(z.minLength(1)),
    conditions: z.array(z.enum(conditions.values)).check(z.minLength(1)),
    design: z.enum(designs.values),
    period: z.optional(z.strictObject({ start: yearMonth, end: z.optional(yearMonth) })),
    population: z.strictObject({
      description: z.string().check(z.minLength(1), z.maxLength(500)),
      size: z.optional(z.int().check(z.gte(1))),
      unit: z.optional(z.enum(populationUnits.values)),
    }),
    outcomes: z.array(outcomeSchema).check(z.minLength(1), z.maxLength(100)),
    sources: z.array(sourceSchema).check(z.minLength(1), z.maxLength(50)),
    tags: z._default(
      z
        .array(z.string().check(z.minLength(1), z.maxLength(60), z.regex(/^[^A-Z]*$/, "must be lower case")))
        .check(z.maxLength(20)),
      [],
    ),
    reviewed: z.optional(calendarDate).register(z.globalRegistry, {
      description:
        "The day someone last checked every figure of the record against its sources (never the build date); shown as 'last reviewed', and flagged as possibly out of date after 24 months",
    }),
    body: z._default(z.string().check(z.maxLength(200_000)), ""),
  })
  .check(
    z.superRefine((record, ctx) => {
      const keys = new Set<string>();
      record.sources.forEach((source, i) => {
        if (keys.has(source.key)) {
          ctx.addIssue({
            code: "custom",
            path: ["sources", i, "key"],
            message: `duplicate source key '${source.key}'`,
          });
        }
        keys.add(source.key);
      });
      record.outcomes.forEach((outcome, i) => {
        if (!keys.has(outcome.source)) {
          ctx.addIssue({
            code: "custom",
            path: ["outcomes", i, "source"],
            message: `'${outcome.source}' is not the key of any entry in sources`,
          });
        }
        if (record.provenance === "verified" && !outcome.quote) {
          ctx.addIssue({
            code: "custom",
            path: ["outcomes", i, "quote"],
            message: "is required on every outcome of a verified record (verbatim text from the source)",
          });
        }
      });
      if (record.period?.end && record.period.end < record.period.start) {
        ctx.addIssue({ code: "custom", path: ["period", "end"], message: "must not be before period.start" });
      }
      uniqueValues(record.payer_types, "payer_types", ctx);
      uniqueValues(record.financing_models, "financing_models", ctx);
      uniqueValues(record.modalities, "modalities", ctx);
      uniqueValues(record.conditions, "conditions", ctx);
      uniqueValues(record.tags, "tags", ctx);
    }),
  );

function uniqueValues(values: readonly string[], field: string, ctx: z.core.$RefinementCtx) {
  const seen = new Set<string>();
  values.forEach((value, i) => {
    if (seen.has(value)) ctx.addIssue({ code: "custom", path: [field, i], message: `duplicate value '${value}'` });
    seen.add(value);
  });
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** A case study as authored: the contract's record. */
export type CaseStudy = z.output<typeof caseStudySchema>;
export type CaseStudyInput = z.input<typeof caseStudySchema>;
export type Outcome = z.output<typeof outcomeSchema>;
export type Source = z.output<typeof sourceSchema>;

/** Fields the API returns beside the contract's record; derived on write, never authored. */
export const derivedFieldNames = ["evidence_grade", "evidence_grade_reason", "body_html"] as const;

export interface ParseOptions {
  /**
   * Accept (and drop) the derived read-only fields, so JSON returned by GET /api/v1/case-studies/{slug} validates as
   * it is. Content files leave this off: authoring a derived field there is an error.
   */
  acceptDerived?: boolean;
}

/** Validates a record; never throws. */
export function parseCaseStudy(input: unknown, options: ParseOptions = {}) {
  const derivedErrors: FieldError[] = [];
  let candidate = input;
  if (input !== null && typeof input === "object" && !Array.isArray(input)) {
    const copy: Record<string, unknown> = { ...(input as Record<string, unknown>) };
    for (const name of derivedFieldNames) {
      if (!(name in copy)) continue;
      if (!options.acceptDerived)
        derivedErrors.push({ path: name, message: "is derived by the knowledge base; never author it" });
      delete copy[name];
    }
    candidate = copy;
  }
  const result = caseStudySchema.safeParse(candidate);
  if (derivedErrors.length) {
    return {
      ok: false,
      errors: [...derivedErrors, ...(result.success ? [] : toFieldErrors(result.error.issues))],
    } as const;
  }
  return result.success
    ? ({ ok: true, record: result.data } as const)
    : ({ ok: false, errors: toFieldErrors(result.error.issues) } as const);
}
