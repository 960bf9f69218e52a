/** Display formatting for figures: one place, so a number reads the same on every page and export. */
import type { Outcome } from "./case-study";
import { comparisons, metrics, moneyPer, units } from "./enums";
import { formatNumber, formatSigned, formatUsd } from "./numbers";

function withUnit(value: number, unit: Outcome["unit"], signed: boolean): string {
  switch (unit) {
    case "usd":
      return formatUsd(value, signed);
    case "percent":
      return `${signed ? formatSigned(value) : formatNumber(value)}%`;
    case "percentage_points":
      return `${signed ? formatSigned(value) : formatNumber(value)} pp`;
    case "ratio":
      return `${formatNumber(value)}:1`;
    case "percent_hba1c":
      return `${signed ? formatSigned(value) : formatNumber(value)}% HbA1c`;
    case "count":
      // A count is the number itself: the outcome's name says what is counted ("Maximum covered doula sessions: 7").
      return signed ? formatSigned(value) : formatNumber(value);
    default:
      return `${signed ? formatSigned(value) : formatNumber(value)} ${units.label(unit)}`;
  }
}

/** An amount in its unit, unsigned: "$1,200", "47.6%", "8.78% HbA1c", "12". */
export function formatAmount(value: number, unit: Outcome["unit"]): string {
  return withUnit(value, unit, false);
}

const RATIO_ABBREVIATION: Partial<Record<Outcome["kind"], string>> = {
  risk_ratio: "RR",
  odds_ratio: "OR",
  hazard_ratio: "HR",
  standardized_mean_difference: "SMD",
};

/** The headline figure of an outcome, e.g. "−18%", "RR 1.37 (95% CI 1.06–1.77)", "$1,200 per patient". */
export function formatOutcomeValue(o: Outcome): string {
  const abbreviation = RATIO_ABBREVIATION[o.kind];
  let text: string;
  if (abbreviation) {
    text = `${abbreviation} ${formatNumber(o.value, 3)}${o.kind === "standardized_mean_difference" ? " SD" : ""}`;
  } else if (o.kind === "ratio") {
    text = `${formatNumber(o.value)}:1`;
  } else {
    text = withUnit(o.value, o.unit, o.kind === "relative_change" || o.kind === "absolute_change");
  }
  if (o.ci_low !== undefined && o.ci_high !== undefined) {
    const low = o.unit === "usd" ? formatUsd(o.ci_low) : formatNumber(o.ci_low, 3);
    const high = o.unit === "usd" ? formatUsd(o.ci_high) : formatNumber(o.ci_high, 3);
    text += ` (95% CI ${low} to ${high})`;
  }
  if (o.per) text += ` ${moneyPer.label(o.per)}`;
  return text;
}

/** "32 → 24" when both ends are known. */
export function formatBaselineFollowup(o: Outcome): string | null {
  if (o.baseline === undefined || o.followup === undefined) return null;
  const show = (v: number) => (o.unit === "usd" ? formatUsd(v) : formatNumber(v));
  return `${show(o.baseline)} \u2192 ${show(o.followup)}`;
}

/** The outcome's name: its label, else the metric's label. */
export function outcomeName(o: Outcome): string {
  return o.label ?? metrics.label(o.metric);
}

/** "vs before, over 18 months"; a figure compared with nothing says nothing about a comparison. */
export function formatOutcomeContext(o: Outcome): string {
  const parts: string[] = o.comparison === "none" ? [] : [comparisons.label(o.comparison)];
  if (o.horizon_months !== undefined) parts.push(`over ${o.horizon_months} month${o.horizon_months === 1 ? "" : "s"}`);
  if (o.n !== undefined) parts.push(`n=${formatNumber(o.n, 0)}`);
  return parts.join(", ");
}

/** A money figure without a stated dollar year is shown as reported and kept out of inflation-adjusted comparisons. */
export function lacksPriceYear(o: Outcome): boolean {
  return o.unit === "usd" && o.price_year === undefined;
}
