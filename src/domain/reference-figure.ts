/**
 * The reference-figure contract (shared/contract/reference-figures.md) as one zod schema: the check for
 * content/reference-figures/<slug>.md, the TypeScript type and the JSON Schema of the API. A reference figure is one
 * published number a calculator or a reader needs to turn an effect into dollars (a price per birth, a cost per
 * readmission, a programme fee); it is not a case study.
 */
import * as z from "zod/mini";
import "./zod-locale";
import { slugSchema, sourceSchema } from "./case-study";
import { type FieldError, toFieldErrors } from "./field-error";
import { figureMeasures, figurePer, figureUnits, payerContexts } from "./reference-figure-labels";

export type { FigureSummary } from "./reference-figure-labels";

/** The contract's fields, before the checks across fields (the API's response schema extends them). */
export const referenceFigureFields = z.strictObject({
  slug: slugSchema,
  title: z.string().check(z.minLength(5), z.maxLength(200)),
  value: z.number(),
  low: z.optional(z.number()),
  high: z.optional(z.number()),
  unit: z.enum(figureUnits.values),
  per: z.optional(z.enum(figurePer.values)),
  price_year: z.optional(z.int().check(z.gte(1900), z.lte(2100))),
  payer_context: z.array(z.enum(payerContexts)).check(z.minLength(1)),
  geography: z.string().check(z.minLength(2), z.maxLength(120)),
  measure: z.enum(figureMeasures.values),
  provenance: z.enum(["verified", "reported"]),
  source: sourceSchema,
  quote: z.string().check(z.minLength(1), z.maxLength(300)),
  caveats: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(500))).check(z.maxLength(20))),
  reviewed: z.optional(
    z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, "must be YYYY-MM-DD")),
  ),
});

export const referenceFigureSchema = referenceFigureFields.check(
  z.superRefine((f, ctx) => {
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
  }),
);

/** True when `quote` states `n` in one of the usual spellings (13393, 13,393, 13.6 billion as 13.6). */
function quoteHasFigure(quote: string, n: number): boolean {
  const plain = quote.replace(/(\d),(?=\d{3})/g, "$1");
  const candidates = [String(n), n.toFixed(2), String(n / 1e9), String(n / 1e6)];
  return candidates.some((c) => new RegExp(`(^|[^0-9.])${c.replace(".", "\\.")}(?![0-9])`).test(plain));
}

/** A reference figure as authored (the frontmatter), plus its note (the Markdown body). */
export type ReferenceFigure = z.output<typeof referenceFigureSchema> & { body: string };

/** Validates a figure's frontmatter; never throws. */
export function parseReferenceFigure(
  input: unknown,
): { ok: true; figure: z.output<typeof referenceFigureSchema> } | { ok: false; errors: FieldError[] } {
  const result = referenceFigureSchema.safeParse(input);
  return result.success ? { ok: true, figure: result.data } : { ok: false, errors: toFieldErrors(result.error.issues) };
}
