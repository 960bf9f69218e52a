/**
 * The case-study contract (shared/contract/case-study.md) as one zod schema: the runtime check for content files
 * and the write API, the TypeScript type, and the JSON Schema in the OpenAPI document.
 */
import * as z from "zod";
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

const yearMonth = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, "must be YYYY or YYYY-MM");

const ISO_DATE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A calendar date, YYYY-MM-DD, that exists (no 31 April). */
const calendarDate = z
  .string()
  .regex(ISO_DATE, "must be YYYY-MM-DD")
  .refine((text) => {
    const parts = ISO_DATE.exec(text);
    if (!parts) return true; // the pattern has said what is wrong
    const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  }, "is not a calendar date");

/** How far a relative change may disagree with its baseline and follow-up, in percentage points. */
const RELATIVE_CHANGE_TOLERANCE_PP = 0.5;

export const slugSchema = z
  .string()
  .min(3)
  .max(80)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be lower-case words joined by single hyphens");

export const outcomeSchema = z
  .strictObject({
    metric: z.enum(metrics.values),
    label: z.string().min(1).max(200).optional(),
    kind: z.enum(outcomeKinds.values),
    value: z.number(),
    unit: z.enum(units.values),
    baseline: z.number().optional(),
    followup: z.number().optional(),
    comparison: z.enum(comparisons.values),
    horizon_months: z.int().min(0).max(1200).optional(),
    per: z.enum(moneyPer.values).optional(),
    price_year: z.int().min(1900).max(2100).optional(),
    ci_low: z.number().optional(),
    ci_high: z.number().optional(),
    n: z.int().min(1).optional(),
    source: z.string().regex(/^[a-z0-9_-]+$/, "must be a source key"),
    quote: z.string().min(1).max(300).optional(),
  })
  .superRefine((o, ctx) => {
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
  });

export const sourceSchema = z
  .strictObject({
    key: z.string().regex(/^[a-z0-9_-]+$/, "must match ^[a-z0-9_-]+$"),
    kind: z.enum(sourceKinds.values),
    title: z.string().min(1).max(500),
    authors: z.array(z.string().min(1).max(200)).max(100).optional(),
    publisher: z.string().min(1).max(300).optional(),
    year: z.int().min(1800).max(2100).optional(),
    url: z
      .string()
      .max(2000)
      .regex(/^https?:\/\/[^\s]+$/i, "must be an absolute http(s) URL")
      .optional(),
    doi: z
      .string()
      .regex(/^10\.\d{4,9}\/\S+$/, "must be a bare DOI such as 10.1000/xyz")
      .optional(),
    pmid: z.string().regex(/^\d+$/, "must be digits").optional(),
    accessed: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, "must be YYYY-MM-DD")
      .optional(),
  })
  .superRefine((s, ctx) => {
    if (s.year === undefined && s.kind !== "source_document" && s.kind !== "web_page") {
      ctx.addIssue({ code: "custom", path: ["year"], message: `is required for a source of kind '${s.kind}'` });
    }
  });

export const caseStudySchema = z
  .strictObject({
    slug: slugSchema,
    title: z.string().min(5).max(200),
    summary: z.string().min(20).max(600),
    status: z.enum(statuses.values),
    provenance: z.enum(provenances.values),
    setting: z.strictObject({
      organization: z.string().min(1).max(200).optional(),
      country: z
        .string()
        .regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code (ZZ for several countries)")
        .default("US"),
      region: z.string().min(1).max(200).optional(),
      care_setting: z.enum(careSettings.values),
    }),
    payer_types: z.array(z.enum(payerTypes.values)).min(1),
    financing_models: z.array(z.enum(financingModels.values)).min(1),
    modalities: z.array(z.enum(modalities.values)).min(1),
    conditions: z.array(z.enum(conditions.values)).min(1),
    design: z.enum(designs.values),
    period: z.strictObject({ start: yearMonth, end: yearMonth.optional() }).optional(),
    population: z.strictObject({
      description: z.string().min(1).max(500),
      size: z.int().min(1).optional(),
      unit: z.enum(populationUnits.values).optional(),
    }),
    outcomes: z.array(outcomeSchema).min(1).max(100),
    sources: z.array(sourceSchema).min(1).max(50),
    tags: z
      .array(
        z
          .string()
          .min(1)
          .max(60)
          .regex(/^[^A-Z]*$/, "must be lower case"),
      )
      .max(20)
      .default([]),
    reviewed: calendarDate
      .optional()
      .describe(
        "The day someone last checked every figure of the record against its sources (never the build date); shown as 'last reviewed', and flagged as possibly out of date after 24 months",
      ),
    body: z.string().max(200_000).default(""),
  })
  .superRefine((record, ctx) => {
    const keys = new Set<string>();
    record.sources.forEach((source, i) => {
      if (keys.has(source.key)) {
        ctx.addIssue({ code: "custom", path: ["sources", i, "key"], message: `duplicate source key '${source.key}'` });
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
  });

function uniqueValues(values: readonly string[], field: string, ctx: z.RefinementCtx) {
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
