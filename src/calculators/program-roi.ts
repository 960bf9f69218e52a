/**
 * program-roi: what a payer gains by covering an integrative program (contract section 1).
 * Discounted savings and costs over a horizon, payback, break-even effect size, one-way sensitivity and an
 * optional seeded Monte Carlo on the effects and the program cost.
 */
import { formatInteger, formatNumber, formatPct, formatRatio, formatUsd, orNA } from "../domain/numbers";
import type { CalculatorResult, CalculatorWarning } from "./common";
import { ratioOrNull } from "./common";
import type { DefaultsWithReferences } from "./defaults";
import { buildDefaultsTable, defaultWarnings, PROGRAM_ROI_DEFAULTS } from "./defaults";
import { createRng, unitTriangular } from "./prng";
import type { Inputs, RawInputs } from "./schemas/program-roi";

export const id = "program-roi";
export const title = "Program ROI";
export const summary =
  "What a payer gains by covering an integrative program: discounted savings and costs, NPV, benefit-cost ratio, payback, sensitivity and an optional Monte Carlo.";

export type { Inputs, RawInputs };

export interface AnnualRow {
  year: number;
  savings: number;
  costs: number;
  net: number;
  cumulative_net: number;
}

export interface SensitivityRow {
  /** Input path, e.g. `savings_lines[0].reduction_pct`. */
  input: string;
  label: string;
  low_value: number;
  high_value: number;
  npv_low: number;
  npv_high: number;
}

export interface Outputs {
  /** Full-effect annual savings S (year 1, undiscounted). */
  annual_gross_savings: number;
  /** Annual program cost C_t (undiscounted, without the upfront cost). */
  annual_program_cost: number;
  pv_savings: number;
  pv_costs: number;
  npv: number;
  /** pv_savings / pv_costs; `null` when pv_costs is 0. */
  bcr: number | null;
  /** npv / pv_costs × 100; `null` when pv_costs is 0. */
  roi_pct: number | null;
  annual: AnnualRow[];
  payback_months: number | null;
  /** pv_costs / pv_savings; `null` when pv_savings ≤ 0. */
  break_even_effect_factor: number | null;
  sensitivity: SensitivityRow[];
  /** Monte Carlo results; `null` unless `uncertainty` is given. */
  probability_positive_npv: number | null;
  npv_p10: number | null;
  npv_p50: number | null;
  npv_p90: number | null;
}

export type Result = CalculatorResult<typeof id, Inputs, Outputs>;

interface PresentValues {
  pvSavings: number;
  pvCosts: number;
}

/** Full-effect savings per participant per year: Σ baseline × cost × reduction / 100. */
function savingsPerParticipant(lines: Inputs["savings_lines"]): number {
  let sum = 0;
  for (const line of lines)
    sum += line.baseline_events_per_participant * line.cost_per_event * (line.reduction_pct / 100);
  return sum;
}

function presentValues(inputs: Inputs): PresentValues {
  const d = inputs.discount_rate_pct / 100;
  const keep = 1 - inputs.effect_decay_pct_per_year / 100;
  const S = inputs.participants * savingsPerParticipant(inputs.savings_lines);
  const C = inputs.participants * inputs.cost_per_participant + inputs.fixed_cost_per_year;
  let pvSavings = 0;
  let pvCosts = inputs.upfront_cost;
  for (let t = 1; t <= inputs.years; t++) {
    const discount = (1 + d) ** t;
    pvSavings += (S * keep ** (t - 1)) / discount;
    pvCosts += C / discount;
  }
  return { pvSavings, pvCosts };
}

function npvOf(inputs: Inputs): number {
  const { pvSavings, pvCosts } = presentValues(inputs);
  return pvSavings - pvCosts;
}

/** First month m ≥ 1 at which cumulative net (each year's net spread evenly over its months) is ≥ 0. */
function paybackMonths(upfront: number, annual: readonly AnnualRow[]): number | null {
  let start = -upfront;
  for (const row of annual) {
    for (let k = 1; k <= 12; k++) {
      // start + k × net / 12 ≥ 0 is tested as 12 × start + k × net ≥ 0: no division, so a payback exactly on a
      // month boundary is found and a tiny negative net cannot underflow to zero. Month 12 uses the year's own
      // cumulative figure, so payback and `annual` never disagree by rounding.
      const reached = k === 12 ? row.cumulative_net >= 0 : 12 * start + k * row.net >= 0;
      if (reached) return (row.year - 1) * 12 + k;
    }
    start = row.cumulative_net;
  }
  return null;
}

function sensitivity(inputs: Inputs): SensitivityRow[] {
  const s = inputs.sensitivity_pct / 100;
  const rows: SensitivityRow[] = [];
  const add = (input: string, label: string, value: number, apply: (v: number) => Inputs) => {
    const low = value * (1 - s);
    const high = value * (1 + s);
    rows.push({
      input,
      label,
      low_value: low,
      high_value: high,
      npv_low: npvOf(apply(low)),
      npv_high: npvOf(apply(high)),
    });
  };
  add("cost_per_participant", "Cost per participant", inputs.cost_per_participant, (v) => ({
    ...inputs,
    cost_per_participant: v,
  }));
  add("discount_rate_pct", "Discount rate", inputs.discount_rate_pct, (v) => ({ ...inputs, discount_rate_pct: v }));
  inputs.savings_lines.forEach((line, index) => {
    const withLine = (patch: Partial<Inputs["savings_lines"][number]>): Inputs => ({
      ...inputs,
      savings_lines: inputs.savings_lines.map((l, i) => (i === index ? { ...l, ...patch } : l)),
    });
    add(`savings_lines[${index}].reduction_pct`, `Reduction: ${line.label}`, line.reduction_pct, (v) =>
      withLine({ reduction_pct: v }),
    );
    add(`savings_lines[${index}].cost_per_event`, `Cost per event: ${line.label}`, line.cost_per_event, (v) =>
      withLine({ cost_per_event: v }),
    );
  });
  // Array.prototype.sort is stable, so equal swings keep the order above.
  return rows.sort((a, b) => Math.abs(b.npv_high - b.npv_low) - Math.abs(a.npv_high - a.npv_low));
}

/** Percentile by linear interpolation between order statistics (type 7, as in R and NumPy's default). */
function percentile(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

export interface MonteCarloSummary {
  probability_positive_npv: number;
  npv_p10: number;
  npv_p50: number;
  npv_p90: number;
}

/**
 * The NPV of every seeded Monte Carlo draw, sorted ascending: the one Monte Carlo loop, which the summary below
 * and the page's histogram both read. NPV is linear in every drawn quantity, so each line's contribution is
 * precomputed as K_l × reduction (K_l folds participants, baseline, cost per event and the discounted, decayed
 * horizon) and the loop only draws, multiplies and adds: no allocation per iteration.
 */
export function monteCarloDraws(inputs: Inputs, uncertainty: NonNullable<Inputs["uncertainty"]>): Float64Array {
  const d = inputs.discount_rate_pct / 100;
  const keep = 1 - inputs.effect_decay_pct_per_year / 100;
  let savingsFactor = 0; // Σ_t keep^(t−1) / (1+d)^t
  let costFactor = 0; // Σ_t 1 / (1+d)^t
  for (let t = 1; t <= inputs.years; t++) {
    const discount = (1 + d) ** t;
    savingsFactor += keep ** (t - 1) / discount;
    costFactor += 1 / discount;
  }
  const lines = inputs.savings_lines;
  const lineCount = lines.length;
  const weight = new Float64Array(lineCount);
  const mode = new Float64Array(lineCount);
  for (let l = 0; l < lineCount; l++) {
    const line = lines[l]!;
    weight[l] =
      (inputs.participants * line.baseline_events_per_participant * line.cost_per_event * savingsFactor) / 100;
    mode[l] = line.reduction_pct;
  }
  const a = uncertainty.reduction_spread_pct / 100;
  const b = uncertainty.cost_spread_pct / 100;
  const costMode = inputs.cost_per_participant;
  const participantCost = inputs.participants * costFactor;
  const fixed = inputs.upfront_cost + inputs.fixed_cost_per_year * costFactor;
  const n = uncertainty.iterations;
  const npvs = new Float64Array(n);
  const rng = createRng(uncertainty.seed);
  for (let i = 0; i < n; i++) {
    let savings = 0;
    for (let l = 0; l < lineCount; l++) {
      savings += weight[l]! * (mode[l]! * (1 + a * unitTriangular(rng())));
    }
    const cost = costMode * (1 + b * unitTriangular(rng()));
    npvs[i] = savings - participantCost * cost - fixed;
  }
  return npvs.sort();
}

/** Seeded Monte Carlo on NPV: the chance it is positive and its 10th, 50th and 90th percentiles. */
export function monteCarlo(inputs: Inputs, uncertainty: NonNullable<Inputs["uncertainty"]>): MonteCarloSummary {
  const npvs = monteCarloDraws(inputs, uncertainty);
  const n = npvs.length;
  let positive = 0;
  for (let i = 0; i < n; i++) if (npvs[i]! > 0) positive++;
  return {
    probability_positive_npv: positive / n,
    npv_p10: percentile(npvs, 0.1),
    npv_p50: percentile(npvs, 0.5),
    npv_p90: percentile(npvs, 0.9),
  };
}

const DEFAULTS_TABLE = buildDefaultsTable(PROGRAM_ROI_DEFAULTS);

/** Defaults of program-roi by input path, each with its evidence reference. */
export function defaultsWithReferences(): DefaultsWithReferences {
  return buildDefaultsTable(PROGRAM_ROI_DEFAULTS);
}

/** Computes program-roi for parsed inputs (see `inputSchema`). Pure: no I/O, no clock, no global state. */
export function compute(inputs: Inputs): Result {
  const steps: string[] = [];
  const warnings: CalculatorWarning[] = [...defaultWarnings(inputs, DEFAULTS_TABLE)];
  const P = inputs.participants;
  const d = inputs.discount_rate_pct / 100;
  const keep = 1 - inputs.effect_decay_pct_per_year / 100;

  const perParticipant = savingsPerParticipant(inputs.savings_lines);
  const S = P * perParticipant;
  const C = P * inputs.cost_per_participant + inputs.fixed_cost_per_year;
  const lineTexts = inputs.savings_lines.map(
    (line) =>
      `${line.label}: ${formatNumber(line.baseline_events_per_participant, 4)} events × ${formatUsd(line.cost_per_event)} × ${formatPct(line.reduction_pct)} = ${formatUsd(line.baseline_events_per_participant * line.cost_per_event * (line.reduction_pct / 100))}`,
  );
  steps.push(
    `Savings per participant per year at full effect = ${lineTexts.join(" + ")} = ${formatUsd(perParticipant)}`,
  );
  steps.push(
    `Annual gross savings = ${formatInteger(P)} participants × ${formatUsd(perParticipant)} = ${formatUsd(S)}`,
  );
  steps.push(
    `Annual program cost = ${formatInteger(P)} participants × ${formatUsd(inputs.cost_per_participant)} + ${formatUsd(inputs.fixed_cost_per_year)} fixed = ${formatUsd(C)}`,
  );
  if (inputs.effect_decay_pct_per_year > 0) {
    steps.push(
      `Savings shrink ${formatPct(inputs.effect_decay_pct_per_year)} a year: savings in year t = ${formatUsd(S)} × ${formatNumber(keep, 4)}^(t − 1)`,
    );
  }

  const annual: AnnualRow[] = [];
  let cumulative = -inputs.upfront_cost;
  for (let t = 1; t <= inputs.years; t++) {
    const savings = S * keep ** (t - 1);
    const net = savings - C;
    cumulative += net;
    annual.push({ year: t, savings, costs: C, net, cumulative_net: cumulative });
  }

  const { pvSavings, pvCosts } = presentValues(inputs);
  const npv = pvSavings - pvCosts;
  const bcr = ratioOrNull(pvSavings, pvCosts);
  const roi_pct = ratioOrNull(npv * 100, pvCosts);
  steps.push(
    `Present value of savings over ${inputs.years} year${inputs.years === 1 ? "" : "s"} at ${formatPct(inputs.discount_rate_pct)} = Σ savings in year t ÷ ${formatNumber(1 + d, 4)}^t = ${formatUsd(pvSavings)}`,
  );
  steps.push(
    `Present value of costs = ${formatUsd(inputs.upfront_cost)} upfront + Σ ${formatUsd(C)} ÷ ${formatNumber(1 + d, 4)}^t = ${formatUsd(pvCosts)}`,
  );
  steps.push(`NPV = ${formatUsd(pvSavings)} − ${formatUsd(pvCosts)} = ${formatUsd(npv)}`);
  steps.push(
    `Benefit-cost ratio = ${formatUsd(pvSavings)} ÷ ${formatUsd(pvCosts)} = ${formatRatio(bcr)}; ROI = NPV ÷ PV of costs = ${orNA(roi_pct, (v) => formatPct(v, 1))}`,
  );

  const payback = paybackMonths(inputs.upfront_cost, annual);
  steps.push(
    payback === null
      ? `Payback: cumulative net, starting from ${formatUsd(-inputs.upfront_cost)}, stays below zero for all ${inputs.years * 12} months of the horizon`
      : `Payback: cumulative net, each year's net spread evenly over its months, first reaches zero in month ${payback}`,
  );

  const breakEven = pvSavings > 0 ? ratioOrNull(pvCosts, pvSavings) : null;
  if (breakEven !== null) {
    steps.push(
      `Break-even effect factor = ${formatUsd(pvCosts)} ÷ ${formatUsd(pvSavings)} = ${formatNumber(breakEven, 3)}: ${breakEven <= 1 ? `every reduction could be ${formatPct((1 - breakEven) * 100, 1)} smaller and still break even` : `every reduction would have to be ${formatNumber(breakEven, 2)} times as large to break even`}`,
    );
  }

  const sens = sensitivity(inputs);
  if (sens.length > 0) {
    const top = sens[0]!;
    steps.push(
      `Sensitivity (each input ±${formatPct(inputs.sensitivity_pct)}): NPV moves most with ${top.label} (${formatUsd(top.npv_low)} to ${formatUsd(top.npv_high)})`,
    );
  }

  let mc: MonteCarloSummary | null = null;
  if (inputs.uncertainty !== undefined) {
    const u = inputs.uncertainty;
    mc = monteCarlo(inputs, u);
    steps.push(
      `Monte Carlo: ${formatInteger(u.iterations)} draws (seed ${u.seed}), reductions triangular ±${formatPct(u.reduction_spread_pct)}, cost per participant triangular ±${formatPct(u.cost_spread_pct)}: P(NPV > 0) = ${formatPct(mc.probability_positive_npv * 100, 1)}; NPV p10 ${formatUsd(mc.npv_p10)}, median ${formatUsd(mc.npv_p50)}, p90 ${formatUsd(mc.npv_p90)}`,
    );
    const wide = inputs.savings_lines
      .map((line, index) => ({ line, index }))
      .filter(({ line }) => Math.abs(line.reduction_pct) * (1 + u.reduction_spread_pct / 100) > 100);
    if (wide.length > 0) {
      warnings.push({
        code: "uncertainty_draws_beyond_100",
        message: `With a ${formatPct(u.reduction_spread_pct)} spread, draws for ${wide.map(({ line }) => `"${line.label}"`).join(", ")} can exceed a 100% change in events, which is not physically possible; consider a smaller spread.`,
        fields: wide.map(({ index }) => `savings_lines[${index}].reduction_pct`),
      });
    }
  }

  if (npv < 0) {
    warnings.push({
      code: "negative_npv",
      message: `NPV is negative (${formatUsd(npv)}): over ${inputs.years} year${inputs.years === 1 ? "" : "s"} the program costs more than it saves, in present value.`,
    });
  }
  if (payback === null) {
    warnings.push({
      code: "payback_beyond_horizon",
      message: `The program does not pay back within the ${inputs.years}-year horizon: payback, if it comes at all, is later than the horizon.`,
      fields: ["years"],
    });
  }
  if (pvSavings <= 0) {
    warnings.push({
      code: "no_savings",
      message:
        "The savings lines add up to no savings (or to extra spending), so the break-even effect factor is undefined (null).",
      fields: ["savings_lines"],
    });
  }
  if (pvCosts === 0) {
    warnings.push({
      code: "zero_costs",
      message: "The program costs nothing in this scenario, so the benefit-cost ratio and ROI are undefined (null).",
      fields: ["cost_per_participant", "fixed_cost_per_year", "upfront_cost"],
    });
  }

  return {
    calculator: id,
    inputs,
    outputs: {
      annual_gross_savings: S,
      annual_program_cost: C,
      pv_savings: pvSavings,
      pv_costs: pvCosts,
      npv,
      bcr,
      roi_pct,
      annual,
      payback_months: payback,
      break_even_effect_factor: breakEven,
      sensitivity: sens,
      probability_positive_npv: mc?.probability_positive_npv ?? null,
      npv_p10: mc?.npv_p10 ?? null,
      npv_p50: mc?.npv_p50 ?? null,
      npv_p90: mc?.npv_p90 ?? null,
    },
    steps,
    warnings,
  };
}
