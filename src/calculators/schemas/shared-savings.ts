/**
 * The input schema of shared-savings (zod/mini): the API's and the server form's check, and the JSON Schema the form model
 * and the OpenAPI document are built from. The browser bundle never loads it: it validates from the form model.
 */
import * as z from "zod/mini";
import { MAX_UNIT_USD } from "../common";
import { SHARED_SAVINGS_DEFAULTS } from "../defaults";
import { boundedInt, boundedNumber, described, withDefault } from "./fields";

const D = SHARED_SAVINGS_DEFAULTS.values;

/** Smallest benchmark or spend accepted: the contract asks for > 0; a cent keeps every ratio finite. */
const MIN_PMPY = 0.01;

/** Input schema of shared-savings: `{}` parses to the evidence-linked defaults. */
export const inputSchema = z.strictObject({
  beneficiaries: withDefault(boundedInt(1, 10_000_000), D.beneficiaries, {
    title: "Beneficiaries",
    description: "Attributed beneficiaries (N).",
    unit: "beneficiaries",
  }),
  benchmark_pmpy: withDefault(boundedNumber(MIN_PMPY, MAX_UNIT_USD), D.benchmark_pmpy, {
    title: "Benchmark",
    description: "Benchmark spending per beneficiary per year (> 0).",
    unit: "USD/beneficiary/year",
  }),
  baseline_spend_pmpy: described(z.optional(boundedNumber(MIN_PMPY, MAX_UNIT_USD)), {
    title: "Expected spending without the program",
    description: "Per beneficiary per year (> 0); equal to the benchmark when omitted.",
    unit: "USD/beneficiary/year",
  }),
  integrative_cost_pmpy: withDefault(boundedNumber(0, MAX_UNIT_USD), D.integrative_cost_pmpy, {
    title: "Integrative program cost",
    description: "The ACO's cost of the integrative services per beneficiary per year, outside claims.",
    unit: "USD/beneficiary/year",
  }),
  spend_reduction_pct: withDefault(boundedNumber(-100, 100), D.spend_reduction_pct, {
    title: "Spending reduction",
    description: "Percent lower spending with the program (negative means higher).",
    unit: "percent",
  }),
  minimum_savings_rate_pct: withDefault(boundedNumber(0, 10), D.minimum_savings_rate_pct, {
    title: "Minimum savings rate",
    description: "Savings below this share of the benchmark earn nothing.",
    unit: "percent",
  }),
  shared_savings_rate_pct: withDefault(boundedNumber(0, 100), D.shared_savings_rate_pct, {
    title: "Shared savings rate",
    description: "The ACO's share of savings.",
    unit: "percent",
  }),
  quality_score_pct: withDefault(boundedNumber(0, 100), D.quality_score_pct, {
    title: "Quality score",
    description: "Multiplies the shared savings rate.",
    unit: "percent",
  }),
  savings_cap_pct: withDefault(boundedNumber(0, 100), D.savings_cap_pct, {
    title: "Savings cap",
    description: "Maximum payment as a share of the total benchmark.",
    unit: "percent",
  }),
  two_sided: withDefault(z.boolean(), D.two_sided, {
    title: "Two-sided risk",
    description: "The ACO repays part of any losses.",
  }),
  minimum_loss_rate_pct: withDefault(boundedNumber(0, 10), D.minimum_loss_rate_pct, {
    title: "Minimum loss rate",
    description: "Losses below this share of the benchmark are not shared.",
    unit: "percent",
  }),
  shared_loss_rate_pct: withDefault(boundedNumber(0, 100), D.shared_loss_rate_pct, {
    title: "Shared loss rate",
    description: "The ACO's share of losses.",
    unit: "percent",
  }),
  loss_cap_pct: withDefault(boundedNumber(0, 100), D.loss_cap_pct, {
    title: "Loss cap",
    description: "Maximum repayment as a share of the total benchmark.",
    unit: "percent",
  }),
});

export type RawInputs = z.input<typeof inputSchema>;
export type ParsedInputs = z.output<typeof inputSchema>;
