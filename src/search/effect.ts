/**
 * "Largest effect" for a chosen outcome metric, defined so that records are compared on one scale per metric and
 * never across incomparable kinds.
 *
 * Each metric has a direction: fewer is better (readmissions, costs, C-section rate, pain score…), more is better
 * (screening, function score, adherence…), or unknown (medication use, outpatient visits, other), for which only the
 * size of the change counts. A metric is measured either as a change or as an amount:
 *
 * - change metrics are scored as the improvement in percent: a relative_change as stated (−18% fewer readmissions
 *   scores 18 when fewer is better); a risk, odds or hazard ratio as (ratio − 1) × 100; an absolute change or a
 *   baseline → follow-up pair as the change relative to the baseline. An outcome with none of these (a bare level,
 *   a standardised mean difference) cannot be put on the percent scale and is left out, not guessed;
 * - amount metrics (savings per patient, ROI) are scored by the amount itself (a level or ratio), in the metric's
 *   own unit: $1,200 saved outranks $300, ROI 3:1 outranks 1.5:1. Amounts are compared as stated; their dollar
 *   years and "per" units can differ, which the key figures on each result show.
 *
 * A record's score is its best outcome for the metric; records without a scorable outcome for it sort last.
 */
import type { Metric } from "./model";

/** +1: more is better; −1: fewer is better; 0: unknown, so the magnitude counts. */
export const METRIC_DIRECTION: Record<Metric, 1 | -1 | 0> = {
  readmissions_30d: -1,
  hospitalizations: -1,
  ed_visits: -1,
  opioid_fills: -1,
  opioid_mme: -1,
  total_cost_of_care: -1,
  cost_per_patient: -1,
  savings_per_patient: 1,
  roi_ratio: 1,
  sick_days: -1,
  preventive_screening: 1,
  access: 1,
  c_section_rate: -1,
  preterm_birth: -1,
  low_birthweight: -1,
  nicu_admissions: -1,
  outpatient_visits: 0,
  advanced_imaging: -1,
  medication_use: 0,
  pharmacy_cost: -1,
  hba1c: -1,
  pain_score: -1,
  function_score: 1,
  stress_score: -1,
  blood_pressure: -1,
  weight: -1,
  depression_score: -1,
  adherence: 1,
  productivity: 1,
  revenue_sustainability: 1,
  other: 0,
};

/** Metrics whose outcomes are amounts (a level or a benefit-cost ratio), not changes. */
export const AMOUNT_METRICS: ReadonlySet<Metric> = new Set(["savings_per_patient", "roi_ratio"]);

/** The unit of a metric's score, for display. */
export function effectScale(metric: Metric): "percent_improvement" | "amount" {
  return AMOUNT_METRICS.has(metric) ? "amount" : "percent_improvement";
}

/**
 * SQL for one outcome's score (alias `o`), or NULL when it cannot be scored on the metric's scale. The metric is a
 * validated enumeration value and the direction a constant, so both are inlined.
 */
export function outcomeScoreSql(metric: Metric): string {
  if (AMOUNT_METRICS.has(metric)) {
    return "CASE WHEN o.kind IN ('level', 'ratio') THEN o.value END";
  }
  const direction = METRIC_DIRECTION[metric];
  // Signed percent change (negative = fewer), then oriented so that larger is better.
  const change = `CASE
    WHEN o.kind = 'relative_change' THEN o.value
    WHEN o.kind IN ('risk_ratio', 'odds_ratio', 'hazard_ratio') THEN (o.value - 1) * 100.0
    WHEN o.kind = 'absolute_change' AND o.baseline IS NOT NULL AND o.baseline <> 0 THEN o.value * 100.0 / abs(o.baseline)
    WHEN o.kind = 'level' AND o.baseline IS NOT NULL AND o.baseline <> 0 AND o.followup IS NOT NULL
      THEN (o.followup - o.baseline) * 100.0 / abs(o.baseline)
  END`;
  if (direction === 0) return `abs(${change})`;
  return direction === 1 ? `(${change})` : `-(${change})`;
}
