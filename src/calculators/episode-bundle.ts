/**
 * episode-bundle: a bundled payment with an integrative add-on, e.g. a maternity bundle with doula support
 * (contract section 3). The add-on shifts episodes between cost paths; the provider's margin against the
 * target price is limited by stop-loss and stop-gain.
 */
import { formatInteger, formatPct, formatUsd } from "../domain/numbers";
import type { CalculatorResult, CalculatorWarning } from "./common";
import type { DefaultsWithReferences } from "./defaults";
import { buildDefaultsTable, defaultWarnings, EPISODE_BUNDLE_DEFAULTS } from "./defaults";
import type { Inputs, RawInputs } from "./schemas/episode-bundle";
import type { SHARE_COLUMNS } from "./share-rules";

export const id = "episode-bundle";
export const title = "Episode bundle with an integrative add-on";
export const summary =
  "A bundled payment with an integrative add-on (for example doula support in a maternity bundle): cost per episode with and without the add-on, payer savings, and the provider's margin under stop-loss and stop-gain.";

export type { Inputs, RawInputs };

export interface Outputs {
  baseline_cost: number;
  program_cost: number;
  savings_per_episode: number;
  annual_savings: number;
  /** target_price − baseline_cost before stop-loss / stop-gain. */
  margin_baseline_unclamped: number;
  margin_program_unclamped: number;
  margin_baseline: number;
  margin_program: number;
  annual_provider_gain: number;
  max_addon_cost_break_even: number;
}

export type Result = CalculatorResult<typeof id, Inputs, Outputs>;

const DEFAULTS_TABLE = buildDefaultsTable(EPISODE_BUNDLE_DEFAULTS);

/** Defaults of episode-bundle by input path, each with its evidence reference. */
export function defaultsWithReferences(): DefaultsWithReferences {
  return buildDefaultsTable(EPISODE_BUNDLE_DEFAULTS);
}

/** Computes episode-bundle for parsed inputs (see `inputSchema`). Pure. */
export function compute(inputs: Inputs): Result {
  const steps: string[] = [];
  const warnings: CalculatorWarning[] = [...defaultWarnings(inputs, DEFAULTS_TABLE)];
  const E = inputs.episodes_per_year;
  const T = inputs.target_price;

  let baselineCost = 0;
  let programPathCost = 0;
  for (const branch of inputs.branches) {
    baselineCost += branch.cost * (branch.baseline_share_pct / 100);
    programPathCost += branch.cost * (branch.program_share_pct / 100);
  }
  const programCost = programPathCost + inputs.addon_cost_per_episode;
  const savingsPerEpisode = baselineCost - programCost;
  const annualSavings = savingsPerEpisode * E;
  const floor = -(inputs.stop_loss_pct / 100) * T;
  const ceiling = (inputs.stop_gain_pct / 100) * T;
  const clamp = (margin: number) => Math.min(Math.max(margin, floor), ceiling);
  const marginBaselineRaw = T - baselineCost;
  const marginProgramRaw = T - programCost;
  const marginBaseline = clamp(marginBaselineRaw);
  const marginProgram = clamp(marginProgramRaw);
  const providerGain = (marginProgram - marginBaseline) * E;
  const maxAddon = baselineCost - programPathCost;

  const mix = (column: (typeof SHARE_COLUMNS)[number]) =>
    inputs.branches.map((b) => `${formatUsd(b.cost)} × ${formatPct(b[column], 3)} (${b.label})`).join(" + ");
  steps.push(`Cost per episode without the add-on = ${mix("baseline_share_pct")} = ${formatUsd(baselineCost)}`);
  steps.push(
    `Cost per episode with the add-on = ${mix("program_share_pct")} + ${formatUsd(inputs.addon_cost_per_episode)} add-on = ${formatUsd(programCost)}`,
  );
  steps.push(
    `Savings per episode = ${formatUsd(baselineCost)} − ${formatUsd(programCost)} = ${formatUsd(savingsPerEpisode)}; × ${formatInteger(E)} episodes = ${formatUsd(annualSavings)} a year`,
  );
  steps.push(
    `Provider margin is limited to between ${formatUsd(floor)} (stop-loss ${formatPct(inputs.stop_loss_pct)}) and ${formatUsd(ceiling)} (stop-gain ${formatPct(inputs.stop_gain_pct)}) of the ${formatUsd(T)} target price`,
  );
  steps.push(
    `Margin without the add-on = ${formatUsd(T)} − ${formatUsd(baselineCost)} = ${formatUsd(marginBaselineRaw)}${marginBaseline !== marginBaselineRaw ? `, limited to ${formatUsd(marginBaseline)}` : ""}`,
  );
  steps.push(
    `Margin with the add-on = ${formatUsd(T)} − ${formatUsd(programCost)} = ${formatUsd(marginProgramRaw)}${marginProgram !== marginProgramRaw ? `, limited to ${formatUsd(marginProgram)}` : ""}`,
  );
  steps.push(
    `Provider gain = (${formatUsd(marginProgram)} − ${formatUsd(marginBaseline)}) × ${formatInteger(E)} episodes = ${formatUsd(providerGain)} a year`,
  );
  steps.push(
    `Largest add-on cost that still breaks even = ${formatUsd(baselineCost)} − ${formatUsd(programPathCost)} = ${formatUsd(maxAddon)}`,
  );

  const clampedBy = (limit: number, side: "loss" | "gain") => {
    const which: string[] = [];
    const test = side === "loss" ? (raw: number) => raw < limit : (raw: number) => raw > limit;
    if (test(marginBaselineRaw)) which.push("without the add-on");
    if (test(marginProgramRaw)) which.push("with the add-on");
    return which;
  };
  const lossClamped = clampedBy(floor, "loss");
  if (lossClamped.length > 0) {
    warnings.push({
      code: "stop_loss_binding",
      message: `Stop-loss limits the provider's loss ${lossClamped.join(" and ")} to ${formatUsd(-floor)} per episode: the branch costs and shares leave a margin below it, and the payer absorbs the rest.`,
      fields: ["stop_loss_pct", "branches"],
    });
  }
  const gainClamped = clampedBy(ceiling, "gain");
  if (gainClamped.length > 0) {
    warnings.push({
      code: "stop_gain_binding",
      message: `Stop-gain limits the provider's gain ${gainClamped.join(" and ")} to ${formatUsd(ceiling)} per episode: the margin above it goes back to the payer.`,
      fields: ["stop_gain_pct", "branches"],
    });
  }
  if (inputs.addon_cost_per_episode > maxAddon) {
    warnings.push({
      code: "addon_exceeds_break_even",
      message: `The add-on costs ${formatUsd(inputs.addon_cost_per_episode)} per episode but the shift between branches saves only ${formatUsd(maxAddon)}: the episode costs ${formatUsd(-savingsPerEpisode)} more with it.`,
      fields: ["addon_cost_per_episode"],
    });
  }
  if (providerGain < 0) {
    warnings.push({
      code: "provider_gain_negative",
      message: `The provider is ${formatUsd(-providerGain)} a year worse off with the add-on.`,
    });
  }

  return {
    calculator: id,
    inputs,
    outputs: {
      baseline_cost: baselineCost,
      program_cost: programCost,
      savings_per_episode: savingsPerEpisode,
      annual_savings: annualSavings,
      margin_baseline_unclamped: marginBaselineRaw,
      margin_program_unclamped: marginProgramRaw,
      margin_baseline: marginBaseline,
      margin_program: marginProgram,
      annual_provider_gain: providerGain,
      max_addon_cost_break_even: maxAddon,
    },
    steps,
    warnings,
  };
}
