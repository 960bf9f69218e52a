/** The episode-bundle result for people: cost per episode with and without the add-on. */
import type * as EpisodeBundle from "../../../calculators/episode-bundle";
import { comparisonChart } from "../../../charts/svg";
import { formatPct, formatUsd } from "../../../domain/numbers";
import {
  type ChartBlock,
  type Figure,
  finish,
  illustrativeNote,
  type Presentation,
  plural,
  type WarningTitles,
} from "../presentation";

/** The titles of this calculator's own warnings (the defaults' two are shared: DEFAULT_WARNING_TITLES). */
export const WARNING_TITLES: WarningTitles = {
  addon_exceeds_break_even: "The add-on costs more than it saves.",
  provider_gain_negative: "The provider loses.",
  stop_gain_binding: "Stop-gain reached.",
  stop_loss_binding: "Stop-loss reached.",
};

/** Figures, verdict, charts and steps of an episode-bundle result. */
export function presentEpisodeBundle(result: EpisodeBundle.Result): Presentation {
  const { inputs, outputs: o } = result;
  const saves = o.savings_per_episode >= 0;
  const figures: Figure[] = [
    { label: "Cost per episode without add-on", value: formatUsd(o.baseline_cost) },
    {
      label: "Cost per episode with add-on",
      value: formatUsd(o.program_cost),
      note: `incl. ${formatUsd(inputs.addon_cost_per_episode)} add-on`,
    },
    {
      label: "Payer savings a year",
      value: formatUsd(o.annual_savings),
      note: `${formatUsd(o.savings_per_episode)} per episode`,
      tone: saves ? "good" : "bad",
    },
    {
      label: "Provider gain a year",
      value: formatUsd(o.annual_provider_gain),
      tone: o.annual_provider_gain >= 0 ? "good" : "bad",
    },
    { label: "Break-even add-on cost", value: formatUsd(o.max_addon_cost_break_even), note: "per episode, at most" },
  ];
  let verdict = `With the add-on an episode costs ${formatUsd(o.program_cost)} instead of ${formatUsd(o.baseline_cost)}: ${formatUsd(Math.abs(o.savings_per_episode))} ${saves ? "less" : "more"} per episode, ${formatUsd(Math.abs(o.annual_savings))} a year ${saves ? "saved" : "added"} over ${plural(inputs.episodes_per_year, "episode")}.`;
  verdict += ` The provider's margin per episode moves from ${formatUsd(o.margin_baseline)} to ${formatUsd(o.margin_program)}, ${o.annual_provider_gain >= 0 ? "a gain" : "a loss"} of ${formatUsd(Math.abs(o.annual_provider_gain))} a year.`;
  verdict += ` The add-on could cost up to ${formatUsd(o.max_addon_cost_break_even)} per episode before an episode costs more than without it.`;
  verdict += illustrativeNote(result.warnings);
  const chart: ChartBlock = {
    heading: "Cost per episode",
    kind: "comparison",
    svg: comparisonChart({
      title: "Cost per episode without and with the add-on",
      description: `Without the add-on ${formatUsd(o.baseline_cost)}; with it ${formatUsd(o.program_cost)}.`,
      items: [
        { label: "Without add-on", value: o.baseline_cost, highlight: o.baseline_cost < o.program_cost },
        { label: "With add-on", value: o.program_cost, highlight: o.program_cost <= o.baseline_cost },
      ],
      format: formatUsd,
    }),
    caption: "The green bar is the lower cost per episode.",
    table: {
      caption: "Episode paths",
      head: ["Path", "Cost", "Share without", "Share with"],
      rows: inputs.branches.map((branch) => [
        branch.label,
        formatUsd(branch.cost),
        formatPct(branch.baseline_share_pct),
        formatPct(branch.program_share_pct),
      ]),
    },
  };
  return finish(result, figures, verdict, [chart], WARNING_TITLES);
}
