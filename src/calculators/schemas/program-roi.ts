/**
 * The input schema of program-roi (zod/mini): the API's and the server form's check, and the JSON Schema the form model
 * and the OpenAPI document are built from. The browser bundle never loads it: it validates from the form model.
 */
import * as z from "zod/mini";
import { MAX_UNIT_USD, MAX_USD } from "../common";
import { PROGRAM_ROI_DEFAULTS } from "../defaults";
import { boundedInt, boundedNumber, boundedString, described, withDefault } from "./fields";

const D = PROGRAM_ROI_DEFAULTS.values;
const U = PROGRAM_ROI_DEFAULTS.optional.uncertainty;

const savingsLineSchema = described(
  z.strictObject({
    label: described(boundedString(1, 120), { title: "Label", description: 'What is avoided, e.g. "ED visits".' }),
    baseline_events_per_participant: described(boundedNumber(0, 1000), {
      title: "Baseline events per participant",
      description: "Events per participant per year without the program.",
      unit: "events/participant/year",
    }),
    cost_per_event: described(boundedNumber(0, MAX_UNIT_USD), {
      title: "Cost per event",
      description: "What the payer spends on one event.",
      unit: "USD",
    }),
    reduction_pct: described(boundedNumber(-100, 100), {
      title: "Reduction",
      description: "Percent fewer events with the program (negative means more events).",
      unit: "percent",
    }),
  }),
  { title: "Savings line", description: "One kind of avoided spending." },
);

const uncertaintySchema = z.strictObject({
  iterations: withDefault(boundedInt(100, 100000), U.iterations, {
    title: "Iterations",
    description: "Monte Carlo draws.",
    unit: "draws",
  }),
  seed: withDefault(z.number().check(z.int()), U.seed, {
    title: "Seed",
    description: "The same seed gives the same answer.",
  }),
  reduction_spread_pct: withDefault(boundedNumber(0, 100), U.reduction_spread_pct, {
    title: "Spread of reductions",
    description: "Each reduction is drawn from a triangular distribution between r(1 − a) and r(1 + a), mode r.",
    unit: "percent",
  }),
  cost_spread_pct: withDefault(boundedNumber(0, 100), U.cost_spread_pct, {
    title: "Spread of cost per participant",
    description: "Cost per participant drawn from a triangular distribution between c(1 − b) and c(1 + b), mode c.",
    unit: "percent",
  }),
});

/** Input schema of program-roi: `{}` parses to the evidence-linked defaults. */
export const inputSchema = z.strictObject({
  participants: withDefault(boundedInt(1, 10_000_000), D.participants, {
    title: "Participants",
    description: "People enrolled in the program each year.",
    unit: "participants",
  }),
  cost_per_participant: withDefault(boundedNumber(0, 1_000_000), D.cost_per_participant, {
    title: "Cost per participant",
    description: "Program cost per participant per year.",
    unit: "USD/participant/year",
  }),
  fixed_cost_per_year: withDefault(boundedNumber(0, MAX_USD), D.fixed_cost_per_year, {
    title: "Fixed cost per year",
    description: "Program costs that do not scale with participants.",
    unit: "USD/year",
  }),
  upfront_cost: withDefault(boundedNumber(0, MAX_USD), D.upfront_cost, {
    title: "Upfront cost",
    description: "Spent once, at the start.",
    unit: "USD",
  }),
  savings_lines: withDefault(
    z.array(savingsLineSchema).check(z.minLength(1), z.maxLength(20)),
    () => D.savings_lines.map((line) => ({ ...line })),
    { title: "Savings lines", description: "Kinds of spending the program avoids (1 to 20)." },
  ),
  years: withDefault(boundedInt(1, 10), D.years, {
    title: "Years",
    description: "Horizon of the analysis.",
    unit: "years",
  }),
  discount_rate_pct: withDefault(boundedNumber(0, 20), D.discount_rate_pct, {
    title: "Discount rate",
    description: "Annual rate for present values.",
    unit: "percent",
  }),
  effect_decay_pct_per_year: withDefault(boundedNumber(0, 100), D.effect_decay_pct_per_year, {
    title: "Effect decay",
    description: "How much smaller the savings get each year after the first.",
    unit: "percent/year",
  }),
  sensitivity_pct: withDefault(boundedNumber(1, 90), D.sensitivity_pct, {
    title: "Sensitivity range",
    description: "Each input is moved this much down and up in the one-way sensitivity analysis.",
    unit: "percent",
  }),
  uncertainty: described(z.optional(uncertaintySchema), {
    title: "Uncertainty (Monte Carlo)",
    description: "Give this object to draw effects and costs at random and report NPV percentiles.",
  }),
});

/** Request body before defaults are filled in. */
export type RawInputs = z.input<typeof inputSchema>;

/** Inputs after parsing: every default filled in. */
export type Inputs = z.output<typeof inputSchema>;
