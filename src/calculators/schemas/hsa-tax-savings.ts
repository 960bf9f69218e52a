/**
 * The input schema of hsa-tax-savings (zod/mini): the API's and the server form's check, and the JSON Schema the form model
 * and the OpenAPI document are built from. The browser bundle never loads it: it validates from the form model.
 */
import * as z from "zod/mini";
import { MAX_UNIT_USD } from "../common";
import { HSA_TAX_SAVINGS_DEFAULTS } from "../defaults";
import { FICA_EMPLOYEE_PCT, TAX_YEARS } from "../reference-params";
import { boundedInt, boundedNumber, described, withDefault } from "./fields";

const D = HSA_TAX_SAVINGS_DEFAULTS.values;

/**
 * Input schema of hsa-tax-savings: `{}` parses to the defaults (latest tax year, self-only HSA). `coverage` is
 * accepted with an FSA too and then ignored with a warning: a form that switches the account must never turn a
 * valid state into an error.
 */
export const inputSchema = z.strictObject({
  tax_year: withDefault(z.literal(TAX_YEARS), D.tax_year, {
    title: "Tax year",
    description: "A year of the limits table; the latest by default.",
  }),
  account: withDefault(z.enum(["hsa", "fsa"]), D.account, {
    title: "Account",
    description: "A health savings account (HSA) or a health flexible spending account (FSA).",
  }),
  coverage: withDefault(z.enum(["self", "family"]), D.coverage, {
    title: "Coverage",
    description: "Self-only or family HDHP coverage; an HSA's limit depends on it, a health FSA ignores it.",
  }),
  age: withDefault(boundedInt(18, 120), D.age, {
    title: "Age",
    description: "Age at the end of the tax year.",
    unit: "years",
  }),
  annual_qualified_expenses: withDefault(boundedNumber(0, MAX_UNIT_USD), D.annual_qualified_expenses, {
    title: "Qualified expenses",
    description: "Integrative care you expect to pay for in the year.",
    unit: "USD/year",
  }),
  planned_contribution: described(z.optional(boundedNumber(0, MAX_UNIT_USD)), {
    title: "Planned contribution",
    description: "What you plan to put in; the smaller of your expenses and the limit when omitted.",
    unit: "USD/year",
  }),
  federal_marginal_rate_pct: withDefault(boundedNumber(0, 50), D.federal_marginal_rate_pct, {
    title: "Federal marginal rate",
    description: "Your federal income-tax bracket.",
    unit: "percent",
  }),
  state_rate_pct: withDefault(boundedNumber(0, 20), D.state_rate_pct, {
    title: "State rate",
    description: "Your state income-tax rate.",
    unit: "percent",
  }),
  payroll_deduction: withDefault(z.boolean(), D.payroll_deduction, {
    title: "Through payroll",
    description: `Contributed through an employer's cafeteria plan, so FICA (${FICA_EMPLOYEE_PCT.value}%) is saved too.`,
  }),
  dpc_monthly_fee: withDefault(boundedNumber(0, 1_000_000), D.dpc_monthly_fee, {
    title: "Direct primary care fee",
    description: "Monthly fee of a direct primary care membership, if any.",
    unit: "USD/month",
  }),
});

export type RawInputs = z.input<typeof inputSchema>;
export type ParsedInputs = z.output<typeof inputSchema>;
