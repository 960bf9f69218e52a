/**
 * patient-cost-compare: pay per visit, membership, or insurance? (contract section 6)
 * The patient's annual cost under each option, the cheapest, and the visit count from which a membership
 * costs no more than paying per visit.
 */
import { formatInteger, formatPct, formatUsd } from "../domain/numbers";
import type { CalculatorResult, CalculatorWarning } from "./common";
import type { DefaultsWithReferences } from "./defaults";
import { buildDefaultsTable, defaultWarnings, PATIENT_COST_COMPARE_DEFAULTS } from "./defaults";
import type { Inputs, RawInputs } from "./schemas/patient-cost-compare";

export const id = "patient-cost-compare";
export const title = "Patient cost: per visit, membership or insurance";
export const summary =
  "A patient's annual cost of integrative visits paid per visit, through a membership, or through insurance (deductible, copay, coinsurance, visit limit), with the break-even number of visits and after-tax costs when paid from an HSA.";

export type { Inputs, RawInputs };

export type OptionId = "pay_per_visit" | "membership" | "insurance";

export interface InsuranceDetail {
  covered_visits: number;
  uncovered_visits: number;
  deductible_applied: number;
}

export interface Outputs {
  pay_per_visit: number;
  membership: number;
  /** `null` when no insurance is given. */
  insurance: number | null;
  /** The option with the lowest annual cost; on a tie, the first of pay_per_visit, membership, insurance. */
  cheapest: OptionId;
  /** Smallest whole number of visits (0 … 365) at which the membership costs no more than paying per visit. */
  break_even_visits: number | null;
  after_tax: { pay_per_visit: number; membership: number; insurance: number | null };
  membership_extra_visits: number;
  insurance_detail: InsuranceDetail | null;
}

export type Result = CalculatorResult<typeof id, Inputs, Outputs>;

function membershipExtraVisits(inputs: Inputs, visits: number): number {
  const included = inputs.membership_visits_per_month;
  return included === null ? 0 : Math.max(0, visits - 12 * included);
}

function membershipCost(inputs: Inputs, visits: number): number {
  return (
    12 * inputs.membership_monthly_fee + membershipExtraVisits(inputs, visits) * inputs.membership_extra_visit_price
  );
}

function insuranceCost(
  inputs: Inputs,
  plan: NonNullable<Inputs["insurance"]>,
): { total: number; detail: InsuranceDetail } {
  let deductibleLeft = plan.remaining_deductible;
  let total = 0;
  let covered = 0;
  let applied = 0;
  for (let i = 1; i <= inputs.visits_per_year; i++) {
    if (i > plan.covered_visits_per_year) {
      total += inputs.cash_price_per_visit;
      continue;
    }
    covered++;
    const d = Math.min(plan.allowed_amount, deductibleLeft);
    deductibleLeft -= d;
    applied += d;
    const rest = plan.allowed_amount - d;
    total += rest > 0 ? d + plan.copay + (plan.coinsurance_pct / 100) * rest : d;
  }
  return {
    total,
    detail: {
      covered_visits: covered,
      uncovered_visits: inputs.visits_per_year - covered,
      deductible_applied: applied,
    },
  };
}

const DEFAULTS_TABLE = buildDefaultsTable(PATIENT_COST_COMPARE_DEFAULTS);

/** Defaults of patient-cost-compare by input path, each with its reference. */
export function defaultsWithReferences(): DefaultsWithReferences {
  return buildDefaultsTable(PATIENT_COST_COMPARE_DEFAULTS);
}

/** Computes patient-cost-compare for parsed inputs (see `inputSchema`). Pure. */
export function compute(inputs: Inputs): Result {
  const steps: string[] = [];
  const warnings: CalculatorWarning[] = [...defaultWarnings(inputs, DEFAULTS_TABLE)];
  const v = inputs.visits_per_year;
  const payPerVisit = v * inputs.cash_price_per_visit;
  const extra = membershipExtraVisits(inputs, v);
  const membership = membershipCost(inputs, v);
  const plan = inputs.insurance;
  const ins = plan === undefined ? null : insuranceCost(inputs, plan);

  steps.push(
    `Pay per visit = ${formatInteger(v)} visits × ${formatUsd(inputs.cash_price_per_visit)} = ${formatUsd(payPerVisit)}`,
  );
  steps.push(
    inputs.membership_visits_per_month === null
      ? `Membership = 12 × ${formatUsd(inputs.membership_monthly_fee)} (unlimited visits) = ${formatUsd(membership)}`
      : `Membership = 12 × ${formatUsd(inputs.membership_monthly_fee)} + max(0, ${formatInteger(v)} − 12 × ${formatInteger(inputs.membership_visits_per_month)} included) = ${formatInteger(extra)} extra visits × ${formatUsd(inputs.membership_extra_visit_price)} = ${formatUsd(membership)}`,
  );
  if (plan !== undefined && ins !== null) {
    steps.push(
      `Insurance: each covered visit, the patient pays what is left of the ${formatUsd(plan.remaining_deductible)} deductible (up to the ${formatUsd(plan.allowed_amount)} allowed), then ${formatUsd(plan.copay)} copay + ${formatPct(plan.coinsurance_pct)} of the rest of the allowed amount; ` +
        `${formatInteger(ins.detail.covered_visits)} covered visits (${formatUsd(ins.detail.deductible_applied)} toward the deductible), ${formatInteger(ins.detail.uncovered_visits)} beyond the ${formatInteger(plan.covered_visits_per_year)}-visit limit at ${formatUsd(inputs.cash_price_per_visit)}: total ${formatUsd(ins.total)}`,
    );
    if (plan.copay > plan.allowed_amount) {
      warnings.push({
        code: "copay_exceeds_allowed",
        message: `The ${formatUsd(plan.copay)} copay is more than the ${formatUsd(plan.allowed_amount)} allowed amount; this comparison charges the copay in full, but many plans cap the patient's share at the allowed amount.`,
        fields: ["insurance.copay"],
      });
    }
    if (ins.detail.uncovered_visits > 0) {
      warnings.push({
        code: "visits_beyond_coverage",
        message: `${formatInteger(ins.detail.uncovered_visits)} visits exceed the plan's ${formatInteger(plan.covered_visits_per_year)} covered visits and are priced at the cash price.`,
        fields: ["insurance.covered_visits_per_year"],
      });
    }
  }

  const options: [OptionId, number][] = [
    ["pay_per_visit", payPerVisit],
    ["membership", membership],
  ];
  if (ins !== null) options.push(["insurance", ins.total]);
  let cheapest = options[0]!;
  for (const option of options) if (option[1] < cheapest[1]) cheapest = option;
  steps.push(`Cheapest: ${cheapest[0].replaceAll("_", " ")} at ${formatUsd(cheapest[1])} a year`);

  let breakEven: number | null = null;
  for (let n = 0; n <= 365; n++) {
    if (membershipCost(inputs, n) <= n * inputs.cash_price_per_visit) {
      breakEven = n;
      break;
    }
  }
  steps.push(
    breakEven === null
      ? "The membership costs more than paying per visit at every number of visits up to 365"
      : `The membership costs no more than paying per visit from ${formatInteger(breakEven)} visits a year`,
  );

  const keep = 1 - inputs.hsa_tax_rate_pct / 100;
  const afterTax = {
    pay_per_visit: payPerVisit * keep,
    membership: membership * keep,
    insurance: ins === null ? null : ins.total * keep,
  };
  if (inputs.hsa_tax_rate_pct > 0) {
    steps.push(
      `Paid from an HSA at a ${formatPct(inputs.hsa_tax_rate_pct)} tax rate: per visit ${formatUsd(afterTax.pay_per_visit)}, membership ${formatUsd(afterTax.membership)}${afterTax.insurance === null ? "" : `, insurance ${formatUsd(afterTax.insurance)}`}`,
    );
  }

  return {
    calculator: id,
    inputs,
    outputs: {
      pay_per_visit: payPerVisit,
      membership,
      insurance: ins === null ? null : ins.total,
      cheapest: cheapest[0],
      break_even_visits: breakEven,
      after_tax: afterTax,
      membership_extra_visits: extra,
      insurance_detail: ins === null ? null : ins.detail,
    },
    steps,
    warnings,
  };
}
