/**
 * The reference-figure contract (shared/contract/reference-figures.md) as one zod schema: the check for
 * content/reference-figures/<slug>.md, the TypeScript type and the JSON Schema of the API. A reference figure is one
 * published number a calculator or a reader needs to turn an effect into dollars (a price per birth, a cost per
 * readmission, a programme fee); it is not a case study.
 */
import * as z from "zod";
import { slugSchema, sourceSchema } from "./case-study";
import { payerTypes } from "./enums";
import { type FieldError, toFieldErrors } from "./field-error";

function enumeration<const T extends Record<string, string>>(labels: T) {
  const values = Object.keys(labels) as [keyof T & string, ...(keyof T & string)[]];
  return { values, labels, label: (value: string): string => (labels as Record<string, string>)[value] ?? value };
}

/** What a figure is counted in. */
export const figureUnits = /* @__PURE__ */ enumeration({
  usd: "US dollars",
  percent: "percent",
  count: "count",
  hours: "hours",
  visits: "visits",
});

/** What one figure prices: the groups of the /reference-figures page, in this order. */
export const figurePer = /* @__PURE__ */ enumeration({
  birth: "Per birth",
  stay: "Per hospital stay",
  readmission: "Per readmission",
  ed_visit: "Per emergency department visit",
  visit: "Per visit",
  service: "Per service",
  participant: "Per programme participant",
  member_month: "Per member per month",
  member_year: "Per member per year",
  month: "Per month",
  year: "Per year",
});

/** Which kind of money a figure is, in plain words: a price and a hospital cost are never silently mixed. */
export const figureMeasures = /* @__PURE__ */ enumeration({
  price: "a price (the amount allowed or paid)",
  cost: "a cost (what the hospital spent, not what was paid)",
  charge: "a charge (a list price, before discounts)",
  fee: "a fee (a published fee or payment rate)",
  spending: "spending (the total paid)",
  other: "another kind of figure",
});

/** Payer contexts: the case-study payer types, or all payers at once. */
export const payerContexts = [...payerTypes.values, "all_payers"] as const;

/** Plain words for a payer context. */
export function payerContextLabel(value: string): string {
  return value === "all_payers" ? "All payers" : payerTypes.label(value);
}

export const referenceFigureSchema = z
  .strictObject({
    slug: slugSchema,
    title: z.string().min(5).max(200),
    value: z.number().finite(),
    low: z.number().finite().optional(),
    high: z.number().finite().optional(),
    unit: z.enum(figureUnits.values),
    per: z.enum(figurePer.values).optional(),
    price_year: z.int().min(1900).max(2100).optional(),
    payer_context: z.array(z.enum(payerContexts)).min(1),
    geography: z.string().min(2).max(120),
    measure: z.enum(figureMeasures.values),
    provenance: z.enum(["verified", "reported"]),
    source: sourceSchema,
    quote: z.string().min(1).max(300),
    caveats: z.array(z.string().min(1).max(500)).max(20).optional(),
    reviewed: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, "must be YYYY-MM-DD")
      .optional(),
  })
  .superRefine((f, ctx) => {
    if ((f.low === undefined) !== (f.high === undefined)) {
      ctx.addIssue({
        code: "custom",
        path: [f.low === undefined ? "low" : "high"],
        message: "low and high come together: both or neither",
      });
    } else if (f.low !== undefined && f.high !== undefined && f.low > f.high) {
      ctx.addIssue({ code: "custom", path: ["low"], message: "must not be above high" });
    }
    if (f.price_year !== undefined && f.unit !== "usd") {
      ctx.addIssue({ code: "custom", path: ["price_year"], message: "only applies to amounts in usd" });
    }
    if (f.payer_context.includes("all_payers") && f.payer_context.length > 1) {
      ctx.addIssue({ code: "custom", path: ["payer_context"], message: "all_payers stands alone" });
    }
    const figures = [f.value, f.low, f.high].filter((n): n is number => n !== undefined);
    if (!figures.some((n) => quoteHasFigure(f.quote, n))) {
      ctx.addIssue({ code: "custom", path: ["quote"], message: "must contain the figure (value, low or high)" });
    }
  });

/** True when `quote` states `n` in one of the usual spellings (13393, 13,393, 13.6 billion as 13.6). */
function quoteHasFigure(quote: string, n: number): boolean {
  const plain = quote.replace(/(\d),(?=\d{3})/g, "$1");
  const candidates = [String(n), n.toFixed(2), String(n / 1e9), String(n / 1e6)];
  return candidates.some((c) => new RegExp(`(^|[^0-9.])${c.replace(".", "\\.")}(?![0-9])`).test(plain));
}

/** A reference figure as authored (the frontmatter), plus its note (the Markdown body). */
export type ReferenceFigure = z.output<typeof referenceFigureSchema> & { body: string };

/** What a calculator default or scenario input shows of a figure it cites. */
export interface FigureSummary {
  slug: string;
  title: string;
  provenance: "verified" | "reported";
  measure: string;
  price_year: number | null;
  source_title: string;
  source_publisher: string | null;
}

/** Validates a figure's frontmatter; never throws. */
export function parseReferenceFigure(
  input: unknown,
): { ok: true; figure: z.output<typeof referenceFigureSchema> } | { ok: false; errors: FieldError[] } {
  const result = referenceFigureSchema.safeParse(input);
  return result.success ? { ok: true, figure: result.data } : { ok: false, errors: toFieldErrors(result.error.issues) };
}
