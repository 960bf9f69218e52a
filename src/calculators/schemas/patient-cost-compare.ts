/**
 * The input schema of patient-cost-compare (zod/mini): the API's and the server form's check, and the JSON Schema the form model
 * and the OpenAPI document are built from. The browser bundle never loads it: it validates from the form model.
 */
import * as z from "zod/mini";
import { MAX_UNIT_USD } from "../common";
import { PATIENT_COST_COMPARE_DEFAULTS } from "../defaults";
import { boundedInt, boundedNumber, described, withDefault } from "./fields";

const D = PATIENT_COST_COMPARE_DEFAULTS.values;
const I = PATIENT_COST_COMPARE_DEFAULTS.optional.insurance;

const insuranceSchema = z.strictObject({
  allowed_amount: withDefault(boundedNumber(0, 1_000_000), I.allowed_amount, {
    title: "Allowed amount",
    description: "What the plan allows per visit.",
    unit: "USD/visit",
  }),
  remaining_deductible: withDefault(boundedNumber(0, MAX_UNIT_USD), I.remaining_deductible, {
    title: "Deductible left",
    description: "Deductible still to meet this year.",
    unit: "USD",
  }),
  copay: withDefault(boundedNumber(0, 1_000_000), I.copay, {
    title: "Copay",
    description: "Fixed amount per visit once past the deductible.",
    unit: "USD/visit",
  }),
  coinsurance_pct: withDefault(boundedNumber(0, 100), I.coinsurance_pct, {
    title: "Coinsurance",
    description: "Share of the allowed amount beyond the deductible the patient pays.",
    unit: "percent",
  }),
  covered_visits_per_year: withDefault(boundedInt(0, 365), I.covered_visits_per_year, {
    title: "Covered visits per year",
    description: "Visits the plan covers; later visits are paid at the cash price.",
    unit: "visits/year",
  }),
});

/** Input schema of patient-cost-compare: `{}` parses to the defaults. */
export const inputSchema = z.strictObject({
  visits_per_year: withDefault(boundedInt(0, 365), D.visits_per_year, {
    title: "Visits per year",
    description: "Visits you expect in a year.",
    unit: "visits/year",
  }),
  cash_price_per_visit: withDefault(boundedNumber(0, 1_000_000), D.cash_price_per_visit, {
    title: "Cash price per visit",
    description: "Price when paying per visit.",
    unit: "USD/visit",
  }),
  membership_monthly_fee: withDefault(boundedNumber(0, 1_000_000), D.membership_monthly_fee, {
    title: "Membership fee",
    description: "Monthly membership fee.",
    unit: "USD/month",
  }),
  membership_visits_per_month: withDefault(z.nullable(boundedInt(0, 1000)), D.membership_visits_per_month, {
    title: "Visits included per month",
    description: "Visits the membership includes each month; null for unlimited.",
    unit: "visits/month",
  }),
  membership_extra_visit_price: withDefault(boundedNumber(0, 1_000_000), D.membership_extra_visit_price, {
    title: "Extra visit price",
    description: "Price of a visit beyond the membership's allowance.",
    unit: "USD/visit",
  }),
  insurance: described(z.optional(insuranceSchema), {
    title: "Insurance",
    description: "Give this object to compare an insurance option as well.",
  }),
  hsa_tax_rate_pct: withDefault(boundedNumber(0, 60), D.hsa_tax_rate_pct, {
    title: "HSA tax rate",
    description: "Combined tax rate saved when paying from an HSA; each option's after-tax cost is also given.",
    unit: "percent",
  }),
});

export type RawInputs = z.input<typeof inputSchema>;
export type Inputs = z.output<typeof inputSchema>;
