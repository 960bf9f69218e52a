/**
 * The input schema of episode-bundle (zod/mini): the API's and the server form's check, and the JSON Schema the form model
 * and the OpenAPI document are built from. The browser bundle never loads it: it validates from the form model.
 */
import * as z from "zod/mini";
import { MAX_UNIT_USD } from "../common";
import { EPISODE_BUNDLE_DEFAULTS } from "../defaults";
import { shareColumnsRule } from "../share-rules";
import { boundedInt, boundedNumber, boundedString, described, withCrossFieldRule, withDefault } from "./fields";

const D = EPISODE_BUNDLE_DEFAULTS.values;

const branchSchema = described(
  z.strictObject({
    label: described(boundedString(1, 120), { title: "Label", description: 'The path, e.g. "Caesarean birth".' }),
    cost: described(boundedNumber(0, MAX_UNIT_USD), {
      title: "Cost",
      description: "Cost of an episode on this path.",
      unit: "USD/episode",
    }),
    baseline_share_pct: described(boundedNumber(0, 100), {
      title: "Share without the add-on",
      description: "Percent of episodes on this path today; the column sums to 100.",
      unit: "percent",
    }),
    program_share_pct: described(boundedNumber(0, 100), {
      title: "Share with the add-on",
      description: "Percent of episodes on this path with the add-on; the column sums to 100.",
      unit: "percent",
    }),
  }),
  { title: "Branch", description: "One path an episode can take." },
);

/** Input schema of episode-bundle: `{}` parses to the evidence-linked defaults. */
export const inputSchema = withCrossFieldRule(
  z.strictObject({
    episodes_per_year: withDefault(boundedInt(1, 10_000_000), D.episodes_per_year, {
      title: "Episodes per year",
      description: "Episodes in the bundle each year.",
      unit: "episodes/year",
    }),
    target_price: withDefault(z.number().check(z.positive(), z.lte(MAX_UNIT_USD)), D.target_price, {
      title: "Target price",
      description: "Bundle price per episode (> 0).",
      unit: "USD/episode",
    }),
    branches: withDefault(
      z.array(branchSchema).check(z.minLength(1), z.maxLength(10)),
      () => D.branches.map((branch) => ({ ...branch })),
      { title: "Branches", description: "Paths an episode can take (1 to 10), with shares before and after." },
    ),
    addon_cost_per_episode: withDefault(boundedNumber(0, MAX_UNIT_USD), D.addon_cost_per_episode, {
      title: "Add-on cost",
      description: "Cost of the integrative add-on per episode.",
      unit: "USD/episode",
    }),
    stop_gain_pct: withDefault(boundedNumber(0, 100), D.stop_gain_pct, {
      title: "Stop-gain",
      description: "Cap on the provider's gain, percent of the target price.",
      unit: "percent",
    }),
    stop_loss_pct: withDefault(boundedNumber(0, 100), D.stop_loss_pct, {
      title: "Stop-loss",
      description: "Cap on the provider's loss, percent of the target price.",
      unit: "percent",
    }),
  }),
  shareColumnsRule,
);

export type RawInputs = z.input<typeof inputSchema>;
export type Inputs = z.output<typeof inputSchema>;
