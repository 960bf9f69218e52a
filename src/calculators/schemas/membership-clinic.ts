/**
 * The input schema of membership-clinic (zod/mini): the API's and the server form's check, and the JSON Schema the form model
 * and the OpenAPI document are built from. The browser bundle never loads it: it validates from the form model.
 */
import * as z from "zod/mini";
import { MAX_UNIT_USD, MAX_USD } from "../common";
import { MEMBERSHIP_CLINIC_DEFAULTS } from "../defaults";
import { tierSharesRule } from "../share-rules";
import { boundedInt, boundedNumber, boundedString, described, withCrossFieldRule, withDefault } from "./fields";

const D = MEMBERSHIP_CLINIC_DEFAULTS.values;

const tierSchema = described(
  z.strictObject({
    label: described(boundedString(1, 120), {
      title: "Label",
      description: 'Name of the tier, e.g. "Sliding scale, low".',
    }),
    monthly_fee: described(boundedNumber(0, 1_000_000), {
      title: "Monthly fee",
      description: "Fee per member per month.",
      unit: "USD/month",
    }),
    members_start: described(boundedInt(0, 10_000_000), {
      title: "Members at the start",
      description: "Members in this tier in month 0.",
      unit: "members",
    }),
    share_of_new_members_pct: described(boundedNumber(0, 100), {
      title: "Share of new members",
      description: "Percent of new members who join this tier; the column sums to 100.",
      unit: "percent",
    }),
  }),
  { title: "Tier", description: "One membership or sliding-scale tier." },
);

/** Input schema of membership-clinic: `{}` parses to the evidence-linked defaults. */
export const inputSchema = withCrossFieldRule(
  z.strictObject({
    tiers: withDefault(
      z.array(tierSchema).check(z.minLength(1), z.maxLength(10)),
      () => D.tiers.map((tier) => ({ ...tier })),
      { title: "Tiers", description: "Membership tiers (1 to 10)." },
    ),
    new_members_per_month: withDefault(boundedNumber(0, 1_000_000), D.new_members_per_month, {
      title: "New members per month",
      description: "Members joining each month.",
      unit: "members/month",
    }),
    monthly_churn_pct: withDefault(boundedNumber(0, 100), D.monthly_churn_pct, {
      title: "Monthly churn",
      description: "Percent of members leaving each month.",
      unit: "percent/month",
    }),
    other_monthly_revenue: withDefault(boundedNumber(0, MAX_USD), D.other_monthly_revenue, {
      title: "Other monthly revenue",
      description: "Grants, payer partnerships, bond proceeds.",
      unit: "USD/month",
    }),
    visits_per_member_per_month: withDefault(boundedNumber(0, 1000), D.visits_per_member_per_month, {
      title: "Visits per member per month",
      description: "Average use.",
      unit: "visits/member/month",
    }),
    cost_per_visit: withDefault(boundedNumber(0, MAX_UNIT_USD), D.cost_per_visit, {
      title: "Cost per visit",
      description: "Variable clinical cost of a visit.",
      unit: "USD/visit",
    }),
    fixed_monthly_costs: withDefault(boundedNumber(0, MAX_USD), D.fixed_monthly_costs, {
      title: "Fixed monthly costs",
      description: "Rent, salaries, software.",
      unit: "USD/month",
    }),
    starting_cash: withDefault(boundedNumber(0, MAX_USD), D.starting_cash, {
      title: "Starting cash",
      description: "Cash at month 0 (e.g. seed funding).",
      unit: "USD",
    }),
    months: withDefault(boundedInt(1, 60), D.months, {
      title: "Months",
      description: "Projection length.",
      unit: "months",
    }),
    revenue_variability_pct: withDefault(boundedNumber(0, 100), D.revenue_variability_pct, {
      title: "Revenue variability",
      description: "The stress case lowers member fee revenue by this much.",
      unit: "percent",
    }),
    reserve_target_months: withDefault(boundedNumber(0, 36), D.reserve_target_months, {
      title: "Reserve target",
      description: "Months of the final month's cost the ending cash should cover.",
      unit: "months",
    }),
  }),
  tierSharesRule,
);

export type RawInputs = z.input<typeof inputSchema>;
export type Inputs = z.output<typeof inputSchema>;
