/**
 * The enumerations of the reference-figure contract with their plain-words labels, and the summary a calculator shows
 * of a cited figure. No zod here: the calculator's browser bundle labels figures too and must stay small.
 */
import { payerTypes } from "./enums";

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
