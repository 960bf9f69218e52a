/**
 * shared-savings: an ACO or value-based contract that funds integrative care (contract section 2).
 * Savings against a benchmark, the minimum savings rate, the shared-savings payment and its cap, two-sided
 * losses, and the spend reduction at which the ACO breaks even on the integrative program.
 */
import { formatInteger, formatPct, formatUsd } from "../domain/numbers";
import type { CalculatorResult, CalculatorWarning } from "./common";
import type { DefaultsWithReferences } from "./defaults";
import { buildDefaultsTable, defaultWarnings, SHARED_SAVINGS_DEFAULTS } from "./defaults";
import type { ParsedInputs, RawInputs } from "./schemas/shared-savings";

export const id = "shared-savings";
export const title = "ACO shared savings";
export const summary =
  "An ACO or value-based payment arrangement that funds integrative care: savings against the benchmark, the shared-savings payment with its minimum rate and cap, two-sided losses, and the ACO's net after the program cost.";

export type { RawInputs };

/** Inputs after parsing, with `baseline_spend_pmpy` filled in. */
export type Inputs = Omit<ParsedInputs, "baseline_spend_pmpy"> & { baseline_spend_pmpy: number };

export interface Outputs {
  actual_pmpy: number;
  gross_savings: number;
  savings_rate_pct: number;
  met_minimum_savings_rate: boolean;
  shared_savings_payment: number;
  shared_loss_payment: number;
  program_cost: number;
  aco_net: number;
  payer_net: number;
  /** Smallest spend_reduction_pct in [−100, 100] with aco_net ≥ 0 (to within 0.01); `null` when none. */
  breakeven_spend_reduction_pct: number | null;
  total_benchmark: number;
  savings_cap_amount: number;
  loss_cap_amount: number;
}

export type Result = CalculatorResult<typeof id, Inputs, Outputs>;

interface Settlement {
  actual: number;
  gross: number;
  totalBenchmark: number;
  rate: number;
  met: boolean;
  uncappedPayment: number;
  cap: number;
  payment: number;
  lossApplies: boolean;
  uncappedLoss: number;
  lossCap: number;
  loss: number;
  program: number;
  acoNet: number;
}

/** The contract's settlement at a given spend reduction. */
function settle(inputs: Inputs, reductionPct: number): Settlement {
  const N = inputs.beneficiaries;
  const actual = inputs.baseline_spend_pmpy * (1 - reductionPct / 100);
  const gross = N * (inputs.benchmark_pmpy - actual);
  const totalBenchmark = N * inputs.benchmark_pmpy;
  // totalBenchmark ≥ 0.01, so the rate is always finite.
  const rate = (gross / totalBenchmark) * 100;
  const met = gross > 0 && rate >= inputs.minimum_savings_rate_pct;
  const uncappedPayment = gross * (inputs.shared_savings_rate_pct / 100) * (inputs.quality_score_pct / 100);
  const cap = (inputs.savings_cap_pct / 100) * totalBenchmark;
  const payment = met ? Math.min(uncappedPayment, cap) : 0;
  const lossApplies = inputs.two_sided && gross < 0 && -rate >= inputs.minimum_loss_rate_pct;
  const uncappedLoss = -gross * (inputs.shared_loss_rate_pct / 100);
  const lossCap = (inputs.loss_cap_pct / 100) * totalBenchmark;
  const loss = lossApplies ? Math.min(uncappedLoss, lossCap) : 0;
  const program = N * inputs.integrative_cost_pmpy;
  return {
    actual,
    gross,
    totalBenchmark,
    rate,
    met,
    uncappedPayment,
    cap,
    payment,
    lossApplies,
    uncappedLoss,
    lossCap,
    loss,
    program,
    acoNet: payment - loss - program,
  };
}

/**
 * aco_net never decreases as the reduction grows (more savings can only raise the payment and lower the
 * repayment), so bisection finds the smallest reduction with aco_net ≥ 0, jumps at the thresholds included.
 */
function breakevenReduction(inputs: Inputs): number | null {
  if (settle(inputs, 100).acoNet < 0) return null;
  if (settle(inputs, -100).acoNet >= 0) return -100;
  let lo = -100;
  let hi = 100;
  while (hi - lo > 1e-9) {
    const mid = (lo + hi) / 2;
    if (settle(inputs, mid).acoNet >= 0) hi = mid;
    else lo = mid;
  }
  return hi;
}

const DEFAULTS_TABLE = buildDefaultsTable(SHARED_SAVINGS_DEFAULTS);

/** Defaults of shared-savings by input path, each with its evidence reference. */
export function defaultsWithReferences(): DefaultsWithReferences {
  return buildDefaultsTable(SHARED_SAVINGS_DEFAULTS);
}

/** Computes shared-savings for parsed inputs (see `inputSchema`). Pure. */
export function compute(parsed: ParsedInputs): Result {
  const inputs: Inputs = { ...parsed, baseline_spend_pmpy: parsed.baseline_spend_pmpy ?? parsed.benchmark_pmpy };
  const N = inputs.beneficiaries;
  const s = settle(inputs, inputs.spend_reduction_pct);
  const breakeven = breakevenReduction(inputs);
  const payerNet = s.gross - s.payment + s.loss;
  const steps: string[] = [];
  const warnings: CalculatorWarning[] = [...defaultWarnings(inputs, DEFAULTS_TABLE)];

  steps.push(
    `Actual spending per beneficiary = ${formatUsd(inputs.baseline_spend_pmpy)} × (1 − ${formatPct(inputs.spend_reduction_pct)}) = ${formatUsd(s.actual)}`,
  );
  steps.push(
    `Gross savings = ${formatInteger(N)} beneficiaries × (${formatUsd(inputs.benchmark_pmpy)} benchmark − ${formatUsd(s.actual)}) = ${formatUsd(s.gross)}`,
  );
  steps.push(
    `Savings rate = ${formatUsd(s.gross)} ÷ ${formatUsd(s.totalBenchmark)} total benchmark = ${formatPct(s.rate, 3)} (minimum savings rate ${formatPct(inputs.minimum_savings_rate_pct)}: ${s.met ? "met" : "not met"})`,
  );
  if (s.met) {
    steps.push(
      `Shared savings payment = min(${formatUsd(s.gross)} × ${formatPct(inputs.shared_savings_rate_pct)} × ${formatPct(inputs.quality_score_pct)} quality = ${formatUsd(s.uncappedPayment)}, cap ${formatPct(inputs.savings_cap_pct)} × ${formatUsd(s.totalBenchmark)} = ${formatUsd(s.cap)}) = ${formatUsd(s.payment)}`,
    );
  } else {
    steps.push("Shared savings payment = $0 (minimum savings rate not met)");
  }
  if (inputs.two_sided && s.gross < 0) {
    steps.push(
      s.lossApplies
        ? `Shared loss payment = min(${formatUsd(-s.gross)} × ${formatPct(inputs.shared_loss_rate_pct)} = ${formatUsd(s.uncappedLoss)}, cap ${formatPct(inputs.loss_cap_pct)} × ${formatUsd(s.totalBenchmark)} = ${formatUsd(s.lossCap)}) = ${formatUsd(s.loss)}`
        : `Shared loss payment = $0 (loss of ${formatPct(-s.rate, 3)} is below the minimum loss rate of ${formatPct(inputs.minimum_loss_rate_pct)})`,
    );
  }
  steps.push(
    `Program cost = ${formatInteger(N)} × ${formatUsd(inputs.integrative_cost_pmpy)} = ${formatUsd(s.program)}`,
  );
  steps.push(
    `ACO net = ${formatUsd(s.payment)} − ${formatUsd(s.loss)} − ${formatUsd(s.program)} = ${formatUsd(s.acoNet)}`,
  );
  steps.push(
    `Payer net = ${formatUsd(s.gross)} − ${formatUsd(s.payment)} + ${formatUsd(s.loss)} = ${formatUsd(payerNet)}`,
  );
  steps.push(
    breakeven === null
      ? "Break-even: no spend reduction between −100% and 100% gives the ACO a net of zero or more"
      : `Break-even: the ACO nets zero or more from a spend reduction of ${formatPct(breakeven, 2)}`,
  );

  if (!s.met) {
    warnings.push({
      code: "minimum_savings_rate_not_met",
      message:
        s.gross > 0
          ? `Savings of ${formatPct(s.rate, 2)} of the benchmark are below the minimum savings rate of ${formatPct(inputs.minimum_savings_rate_pct)}: no shared savings are paid.`
          : "Spending is not below the benchmark: no shared savings are paid.",
      fields: ["spend_reduction_pct", "minimum_savings_rate_pct"],
    });
  }
  if (s.met && s.uncappedPayment > s.cap) {
    warnings.push({
      code: "savings_cap_binding",
      message: `The savings cap binds: the ACO's share would be ${formatUsd(s.uncappedPayment)} but is capped at ${formatUsd(s.cap)} (${formatPct(inputs.savings_cap_pct)} of the total benchmark).`,
      fields: ["savings_cap_pct"],
    });
  }
  if (s.lossApplies && s.uncappedLoss > s.lossCap) {
    warnings.push({
      code: "loss_cap_binding",
      message: `The loss cap binds: the ACO's share of losses would be ${formatUsd(s.uncappedLoss)} but is capped at ${formatUsd(s.lossCap)}.`,
      fields: ["loss_cap_pct"],
    });
  }
  if (s.loss > 0) {
    warnings.push({
      code: "shared_loss_owed",
      message: `Spending exceeds the benchmark by ${formatPct(-s.rate, 2)}: under two-sided risk the ACO repays ${formatUsd(s.loss)}.`,
    });
  }
  if (!inputs.two_sided && s.gross < 0) {
    warnings.push({
      code: "payer_bears_loss",
      message: `Spending exceeds the benchmark by ${formatUsd(-s.gross)}; in a one-sided arrangement the payer bears that loss.`,
    });
  }
  if (s.acoNet < 0) {
    warnings.push({
      code: "aco_net_negative",
      message: `The ACO loses ${formatUsd(-s.acoNet)}: what it earns does not cover the integrative program's cost.`,
    });
  }
  if (breakeven === null) {
    warnings.push({
      code: "no_breakeven",
      message:
        "No spend reduction within ±100% lets the ACO break even: the capped payment never covers the program cost.",
      fields: ["integrative_cost_pmpy", "savings_cap_pct"],
    });
  }

  return {
    calculator: id,
    inputs,
    outputs: {
      actual_pmpy: s.actual,
      gross_savings: s.gross,
      savings_rate_pct: s.rate,
      met_minimum_savings_rate: s.met,
      shared_savings_payment: s.payment,
      shared_loss_payment: s.loss,
      program_cost: s.program,
      aco_net: s.acoNet,
      payer_net: payerNet,
      breakeven_spend_reduction_pct: breakeven,
      total_benchmark: s.totalBenchmark,
      savings_cap_amount: s.cap,
      loss_cap_amount: s.lossCap,
    },
    steps,
    warnings,
  };
}
