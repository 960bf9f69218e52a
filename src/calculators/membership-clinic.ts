/**
 * membership-clinic: will a membership or sliding-scale clinic sustain itself? (contract section 4)
 * A month-by-month projection of members per tier, revenue, cost and cash, with a stress case in which
 * member fee revenue falls by the stated variability.
 */
import { formatInteger, formatNumber, formatPct, formatUsd, orNA } from "../domain/numbers";
import type { CalculatorResult, CalculatorWarning } from "./common";
import { ratioOrNull } from "./common";
import type { DefaultsWithReferences } from "./defaults";
import { buildDefaultsTable, defaultWarnings, MEMBERSHIP_CLINIC_DEFAULTS } from "./defaults";
import type { Inputs, RawInputs } from "./schemas/membership-clinic";

export const id = "membership-clinic";
export const title = "Membership clinic sustainability";
export const summary =
  "Will a membership or sliding-scale clinic sustain itself? A monthly projection of members, revenue, cost and cash, with break-even, lowest cash, reserve and a revenue stress case.";

export type { Inputs, RawInputs };

export interface MonthRow {
  month: number;
  /** Fractional members are kept; round them for display. */
  members: number;
  revenue: number;
  cost: number;
  net: number;
  cash: number;
}

export interface Outputs {
  monthly: MonthRow[];
  break_even_month: number | null;
  /** Lowest month-end cash over months 1 … months (the starting cash is month 0 and not counted). */
  min_cash: number;
  /** First month at which `min_cash` is reached. */
  min_cash_month: number;
  /** First month with cash below zero; `null` when cash never goes negative. */
  first_negative_cash_month: number | null;
  ending_cash: number;
  members_end: number;
  total_revenue: number;
  total_cost: number;
  /** Σ revenue / Σ cost; `null` when total cost is 0. */
  sustainability_ratio: number | null;
  /** ending_cash / cost of the last month; `null` when that cost is 0. */
  reserve_months_at_end: number | null;
  reserve_target_met: boolean;
  stress_min_cash: number;
  stress_break_even_month: number | null;
  stress_ending_cash: number;
}

export type Result = CalculatorResult<typeof id, Inputs, Outputs>;

interface Projection {
  rows: MonthRow[];
  breakEvenMonth: number | null;
  minCash: number;
  minCashMonth: number;
  firstNegativeMonth: number | null;
  endingCash: number;
  membersEnd: number;
  totalRevenue: number;
  totalCost: number;
  lastCost: number;
}

/** Runs the monthly projection with member fee revenue multiplied by `feeFactor` (1, or the stress factor). */
function project(inputs: Inputs, feeFactor: number, keepRows: boolean): Projection {
  const keep = 1 - inputs.monthly_churn_pct / 100;
  const members = inputs.tiers.map((tier) => tier.members_start);
  const rows: MonthRow[] = [];
  let cash = inputs.starting_cash;
  let breakEvenMonth: number | null = null;
  let minCash = Number.POSITIVE_INFINITY;
  let minCashMonth = 1;
  let firstNegativeMonth: number | null = null;
  let totalRevenue = 0;
  let totalCost = 0;
  let lastCost = 0;
  let total = 0;
  for (let m = 1; m <= inputs.months; m++) {
    total = 0;
    let feeRevenue = 0;
    inputs.tiers.forEach((tier, k) => {
      const now = members[k]! * keep + inputs.new_members_per_month * (tier.share_of_new_members_pct / 100);
      members[k] = now;
      total += now;
      feeRevenue += now * tier.monthly_fee;
    });
    const revenue = feeRevenue * feeFactor + inputs.other_monthly_revenue;
    const cost = inputs.fixed_monthly_costs + total * inputs.visits_per_member_per_month * inputs.cost_per_visit;
    const net = revenue - cost;
    cash += net;
    totalRevenue += revenue;
    totalCost += cost;
    lastCost = cost;
    if (breakEvenMonth === null && net >= 0) breakEvenMonth = m;
    if (cash < minCash) {
      minCash = cash;
      minCashMonth = m;
    }
    if (firstNegativeMonth === null && cash < 0) firstNegativeMonth = m;
    if (keepRows) rows.push({ month: m, members: total, revenue, cost, net, cash });
  }
  return {
    rows,
    breakEvenMonth,
    minCash,
    minCashMonth,
    firstNegativeMonth,
    endingCash: cash,
    membersEnd: total,
    totalRevenue,
    totalCost,
    lastCost,
  };
}

const DEFAULTS_TABLE = buildDefaultsTable(MEMBERSHIP_CLINIC_DEFAULTS);

/** Defaults of membership-clinic by input path, each with its evidence reference. */
export function defaultsWithReferences(): DefaultsWithReferences {
  return buildDefaultsTable(MEMBERSHIP_CLINIC_DEFAULTS);
}

/** Computes membership-clinic for parsed inputs (see `inputSchema`). Pure. */
export function compute(inputs: Inputs): Result {
  const steps: string[] = [];
  const warnings: CalculatorWarning[] = [...defaultWarnings(inputs, DEFAULTS_TABLE)];
  const base = project(inputs, 1, true);
  const stressFactor = 1 - inputs.revenue_variability_pct / 100;
  const stress = project(inputs, stressFactor, false);
  const sustainability = ratioOrNull(base.totalRevenue, base.totalCost);
  const reserveMonths = ratioOrNull(base.endingCash, base.lastCost);
  // With no cost in the final month there is nothing to hold a reserve against: met unless cash is negative.
  const reserveMet = reserveMonths === null ? base.endingCash >= 0 : reserveMonths >= inputs.reserve_target_months;
  const membersStart = inputs.tiers.reduce((sum, tier) => sum + tier.members_start, 0);

  steps.push(
    `Members in each tier each month = last month × (1 − ${formatPct(inputs.monthly_churn_pct)} churn) + ${formatNumber(inputs.new_members_per_month)} new members × the tier's share; ${formatInteger(membersStart)} at the start, ${formatNumber(base.membersEnd, 1)} after ${inputs.months} months`,
  );
  const describeMonth = (row: MonthRow) =>
    `Month ${row.month}: revenue = ${formatNumber(row.members, 1)} members × fees + ${formatUsd(inputs.other_monthly_revenue)} other = ${formatUsd(row.revenue)}; cost = ${formatUsd(inputs.fixed_monthly_costs)} fixed + ${formatNumber(row.members, 1)} × ${formatNumber(inputs.visits_per_member_per_month, 3)} visits × ${formatUsd(inputs.cost_per_visit)} = ${formatUsd(row.cost)}; net = ${formatUsd(row.net)}; cash = ${formatUsd(row.cash)}`;
  const first = base.rows[0]!;
  const last = base.rows[base.rows.length - 1]!;
  steps.push(describeMonth(first));
  if (last !== first) steps.push(describeMonth(last));
  steps.push(
    base.breakEvenMonth === null
      ? `Monthly net stays below zero for all ${inputs.months} months`
      : `Monthly net first reaches zero or more in month ${base.breakEvenMonth}`,
  );
  steps.push(
    `Cash: ${formatUsd(inputs.starting_cash)} at the start, lowest ${formatUsd(base.minCash)} in month ${base.minCashMonth}, ${formatUsd(base.endingCash)} at the end`,
  );
  steps.push(
    `Sustainability ratio = ${formatUsd(base.totalRevenue)} revenue ÷ ${formatUsd(base.totalCost)} cost = ${orNA(sustainability, (v) => formatNumber(v, 3))}`,
  );
  steps.push(
    `Reserve at the end = ${formatUsd(base.endingCash)} ÷ ${formatUsd(base.lastCost)} last month's cost = ${orNA(reserveMonths, (v) => `${formatNumber(v, 1)} months`)} (target ${formatNumber(inputs.reserve_target_months)} months: ${reserveMet ? "met" : "not met"})`,
  );
  steps.push(
    `Stress case, member fee revenue × ${formatNumber(stressFactor, 4)}: lowest cash ${formatUsd(stress.minCash)}, break-even month ${stress.breakEvenMonth ?? "none"}, ending cash ${formatUsd(stress.endingCash)}`,
  );

  if (base.minCash < 0) {
    warnings.push({
      code: "cash_negative",
      message: `Cash runs out in month ${base.firstNegativeMonth} and reaches ${formatUsd(base.minCash)} in month ${base.minCashMonth}: the clinic needs more starting cash, other revenue or a faster ramp-up.`,
      fields: ["starting_cash"],
    });
  }
  if (stress.minCash < 0) {
    warnings.push({
      code: "stress_cash_negative",
      message: `If member fee revenue is ${formatPct(inputs.revenue_variability_pct)} lower, cash runs out in month ${stress.firstNegativeMonth} and reaches ${formatUsd(stress.minCash)}.`,
      fields: ["revenue_variability_pct"],
    });
  }
  if (base.breakEvenMonth === null) {
    warnings.push({
      code: "no_break_even",
      message: `Monthly revenue never covers monthly cost within ${inputs.months} months.`,
    });
  }
  if (!reserveMet) {
    warnings.push({
      code: "reserve_target_not_met",
      message: `Ending cash covers ${orNA(reserveMonths, (v) => formatNumber(v, 1))} months of cost, short of the ${formatNumber(inputs.reserve_target_months)}-month reserve target.`,
      fields: ["reserve_target_months"],
    });
  }

  return {
    calculator: id,
    inputs,
    outputs: {
      monthly: base.rows,
      break_even_month: base.breakEvenMonth,
      min_cash: base.minCash,
      min_cash_month: base.minCashMonth,
      first_negative_cash_month: base.firstNegativeMonth,
      ending_cash: base.endingCash,
      members_end: base.membersEnd,
      total_revenue: base.totalRevenue,
      total_cost: base.totalCost,
      sustainability_ratio: sustainability,
      reserve_months_at_end: reserveMonths,
      reserve_target_met: reserveMet,
      stress_min_cash: stress.minCash,
      stress_break_even_month: stress.breakEvenMonth,
      stress_ending_cash: stress.endingCash,
    },
    steps,
    warnings,
  };
}
