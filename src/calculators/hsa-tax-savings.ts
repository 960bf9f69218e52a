/**
 * hsa-tax-savings: paying for integrative care through an HSA or a health FSA (contract section 5).
 * Limits come from `reference-params.ts`; a limit that is not yet published stays `null` and is reported as
 * such rather than guessed.
 */
import { formatPct, formatUsd } from "../domain/numbers";
import type { CalculatorResult, CalculatorWarning } from "./common";
import type { DefaultsWithReferences } from "./defaults";
import { buildDefaultsTable, defaultWarnings, HSA_TAX_SAVINGS_DEFAULTS } from "./defaults";
import { DPC_HSA_FEE_CAP, FICA_EMPLOYEE_PCT, HEALTH_FSA_LIMITS, HSA_LIMITS, HSA_RULES } from "./reference-params";
import type { ParsedInputs, RawInputs } from "./schemas/hsa-tax-savings";

export const id = "hsa-tax-savings";
export const title = "HSA / FSA tax savings";
export const summary =
  "Paying for integrative care through an HSA or health FSA: the year's limit (with catch-up), tax saved, the effective cost of care, FSA money at risk, and whether a direct primary care fee is HSA-compatible.";

export type { RawInputs };

/** Inputs after parsing, with `planned_contribution` filled in. */
export type Inputs = Omit<ParsedInputs, "planned_contribution"> & { planned_contribution: number };

export interface Outputs {
  /** The year's limit including any catch-up; `null` when not yet published. */
  limit: number | null;
  limit_source: string;
  catch_up: number;
  contribution: number;
  /** Planned contribution above the limit; `null` when the limit is not published. */
  excess_contribution: number | null;
  /** HSA only: 6% excise a year on an excess left in the account; `null` for an FSA or an unknown limit. */
  excess_excise_tax: number | null;
  tax_rate_pct: number;
  tax_savings: number;
  effective_cost: number;
  /** FSA: contribution beyond the expenses, forfeited unless carried over; 0 for an HSA (it rolls over). */
  unspent_at_risk: number;
  /** FSA: the year's carryover maximum; `null` for an HSA or when not yet published. */
  carryover_max: number | null;
  /** `null` when there is no DPC fee or the account is an FSA. */
  dpc_hsa_eligible: boolean | null;
  dpc_reason: string;
  dpc_fee_cap_monthly: number | null;
}

export type Result = CalculatorResult<typeof id, Inputs, Outputs>;

const DEFAULTS_TABLE = buildDefaultsTable(HSA_TAX_SAVINGS_DEFAULTS);

/** Defaults of hsa-tax-savings by input path, each with its reference. */
export function defaultsWithReferences(): DefaultsWithReferences {
  return buildDefaultsTable(HSA_TAX_SAVINGS_DEFAULTS);
}

/** Computes hsa-tax-savings for parsed inputs (see `inputSchema`). Pure. */
export function compute(parsed: ParsedInputs): Result {
  const steps: string[] = [];
  const warnings: CalculatorWarning[] = [];
  const year = parsed.tax_year;
  const isHsa = parsed.account === "hsa";
  const expenses = parsed.annual_qualified_expenses;

  let limit: number | null;
  let limitSource: string;
  let catchUp = 0;
  if (isHsa) {
    const row = HSA_LIMITS[year];
    const base = parsed.coverage === "self" ? row.self : row.family;
    if (parsed.age >= HSA_RULES.catch_up_age) catchUp = row.catch_up_55;
    limit = base + catchUp;
    limitSource = row.source;
    steps.push(
      `${year} HSA limit (${parsed.coverage === "self" ? "self-only" : "family"}) = ${formatUsd(base)}${catchUp > 0 ? ` + ${formatUsd(catchUp)} catch-up at age ${HSA_RULES.catch_up_age}+ = ${formatUsd(limit)}` : ""} (${row.source})`,
    );
    if (catchUp > 0) {
      warnings.push({
        code: "catch_up_applied",
        message: `At ${parsed.age} you may add a ${formatUsd(catchUp)} catch-up contribution, included in the ${formatUsd(limit)} limit.`,
        fields: ["age"],
      });
    }
  } else {
    if (parsed.coverage !== "self") {
      warnings.push({
        code: "coverage_ignored",
        message: `Family coverage sets a higher limit for an HSA only; a health FSA has one limit per employee, so the ${parsed.coverage} coverage was ignored.`,
        fields: ["coverage"],
      });
    }
    const row = HEALTH_FSA_LIMITS[year];
    limit = row.limit;
    // An unpublished limit has no source to cite: its table note is for maintainers, not for the person reading.
    limitSource = limit === null ? `The IRS has not yet published the ${year} health FSA limit.` : row.source;
    steps.push(
      limit === null
        ? `${year} health FSA limit: not yet published by the IRS`
        : `${year} health FSA limit = ${formatUsd(limit)} (${row.source})`,
    );
  }

  const planned = parsed.planned_contribution ?? (limit === null ? expenses : Math.min(expenses, limit));
  const inputs: Inputs = { ...parsed, planned_contribution: planned };
  warnings.unshift(...defaultWarnings(inputs, DEFAULTS_TABLE));

  const contribution = limit === null ? planned : Math.min(planned, limit);
  const excess = limit === null ? null : Math.max(0, planned - limit);
  const excise = isHsa && excess !== null ? excess * (HSA_RULES.excess_contribution_excise_pct / 100) : null;
  if (limit === null) {
    warnings.push({
      code: "limit_not_published",
      message: `The ${year} health FSA limit is not yet published, so the planned ${formatUsd(planned)} is used as is and could not be checked against a limit. Check your plan's limit before you elect.`,
      fields: ["tax_year"],
    });
    steps.push(`Contribution = planned ${formatUsd(planned)} (no published limit to cap it)`);
  } else {
    steps.push(
      `Contribution = min(planned ${formatUsd(planned)}, limit ${formatUsd(limit)}) = ${formatUsd(contribution)}`,
    );
  }
  if (excess !== null && excess > 0) {
    warnings.push({
      code: "contribution_over_limit",
      message: isHsa
        ? `The planned ${formatUsd(planned)} is ${formatUsd(excess)} over the ${year} limit of ${formatUsd(limit ?? 0)}; only the limit is counted. An excess HSA contribution not withdrawn by the tax-filing deadline owes a ${HSA_RULES.excess_contribution_excise_pct}% excise tax for every year it stays (${formatUsd(excise ?? 0)} a year; ${HSA_RULES.source}).`
        : `The planned ${formatUsd(planned)} is ${formatUsd(excess)} over the ${year} health FSA limit of ${formatUsd(limit ?? 0)}; the plan cannot accept more than the limit.`,
      fields: ["planned_contribution"],
    });
  }

  const fica = parsed.payroll_deduction ? FICA_EMPLOYEE_PCT.value : 0;
  const taxRate = parsed.federal_marginal_rate_pct + parsed.state_rate_pct + fica;
  const taxSavings = contribution * (taxRate / 100);
  const covered = Math.min(contribution, expenses);
  const effectiveCost = expenses - covered * (taxRate / 100);
  steps.push(
    `Tax rate = ${formatPct(parsed.federal_marginal_rate_pct)} federal + ${formatPct(parsed.state_rate_pct)} state${parsed.payroll_deduction ? ` + ${formatPct(fica)} FICA (through payroll)` : ""} = ${formatPct(taxRate)}`,
  );
  steps.push(`Tax savings = ${formatUsd(contribution)} × ${formatPct(taxRate)} = ${formatUsd(taxSavings)}`);
  steps.push(
    `Effective cost of care = ${formatUsd(expenses)} − min(${formatUsd(contribution)}, ${formatUsd(expenses)}) × ${formatPct(taxRate)} = ${formatUsd(effectiveCost)}`,
  );

  let unspent = 0;
  let carryover: number | null = null;
  if (!isHsa) {
    unspent = Math.max(0, contribution - expenses);
    carryover = HEALTH_FSA_LIMITS[year].carryover_max;
    steps.push(`Unspent at risk = max(0, ${formatUsd(contribution)} − ${formatUsd(expenses)}) = ${formatUsd(unspent)}`);
    if (unspent > 0) {
      warnings.push({
        code: "fsa_use_it_or_lose_it",
        message: `${formatUsd(unspent)} of the FSA election exceeds the expected expenses and is forfeited at the end of the plan year unless the plan offers a grace period or a carryover${carryover !== null ? ` (at most ${formatUsd(carryover)} for ${year})` : ""}.`,
        fields: ["planned_contribution", "annual_qualified_expenses"],
      });
    }
  }

  let dpcEligible: boolean | null = null;
  let dpcReason: string;
  let dpcCap: number | null = null;
  const fee = parsed.dpc_monthly_fee;
  const capRow = DPC_HSA_FEE_CAP[year];
  if (capRow !== undefined && isHsa) dpcCap = parsed.coverage === "self" ? capRow.self : capRow.family;
  if (!isHsa) {
    dpcReason = "The direct primary care rule concerns HSAs; it does not apply to a health FSA.";
  } else if (fee === 0) {
    dpcReason = "No direct primary care fee entered.";
  } else if (capRow === undefined || dpcCap === null) {
    dpcEligible = false;
    dpcReason = `In ${year} a direct primary care arrangement disqualified HSA contributions; HSAs may pay DPC fees from tax year 2026.`;
  } else if (fee > dpcCap) {
    dpcEligible = false;
    dpcReason = `The ${formatUsd(fee)} monthly fee exceeds the ${year} cap of ${formatUsd(dpcCap)} a month for ${parsed.coverage === "self" ? "one individual" : "more than one individual"} (${capRow.source}).`;
  } else {
    dpcEligible = true;
    dpcReason = `The ${formatUsd(fee)} monthly fee is within the ${year} cap of ${formatUsd(dpcCap)} a month (${capRow.source}).`;
  }
  if (fee > 0 && isHsa) steps.push(`Direct primary care: ${dpcReason}`);
  if (dpcEligible === false) {
    warnings.push({ code: "dpc_not_hsa_compatible", message: dpcReason, fields: ["dpc_monthly_fee"] });
  }
  if (isHsa && parsed.age >= HSA_RULES.nonqualified_withdrawal_penalty_exempt_age) {
    warnings.push({
      code: "hsa_medicare_age",
      message: `At ${parsed.age}: once you enrol in Medicare you can no longer contribute to an HSA; withdrawals for non-qualified expenses then owe income tax but not the ${HSA_RULES.nonqualified_withdrawal_penalty_pct}% additional tax.`,
      fields: ["age"],
    });
  }

  return {
    calculator: id,
    inputs,
    outputs: {
      limit,
      limit_source: limitSource,
      catch_up: catchUp,
      contribution,
      excess_contribution: excess,
      excess_excise_tax: excise,
      tax_rate_pct: taxRate,
      tax_savings: taxSavings,
      effective_cost: effectiveCost,
      unspent_at_risk: unspent,
      carryover_max: carryover,
      dpc_hsa_eligible: dpcEligible,
      dpc_reason: dpcReason,
      dpc_fee_cap_monthly: dpcCap,
    },
    steps,
    warnings,
  };
}
