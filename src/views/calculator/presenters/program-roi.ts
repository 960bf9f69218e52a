/**
 * The program-roi result for people: NPV, benefit-cost ratio, payback, break-even effect, sensitivity, and the
 * histogram of the engine's own Monte Carlo draws.
 */

import type * as ProgramRoi from "../../../calculators/program-roi";
import { monteCarloDraws } from "../../../calculators/program-roi";
import { barLineChart, histogramChart, tornadoChart } from "../../../charts/svg";
import {
  formatInteger,
  formatNumber,
  formatPct,
  formatRatio,
  formatUsd,
  formatUsdShort,
} from "../../../domain/numbers";
import {
  type ChartBlock,
  type Figure,
  finish,
  illustrativeNote,
  type Presentation,
  plural,
  shorten,
  type WarningTitles,
} from "../presentation";

/** The titles of this calculator's own warnings (the defaults' two are shared: DEFAULT_WARNING_TITLES). */
export const WARNING_TITLES: WarningTitles = {
  negative_npv: "Negative NPV.",
  payback_beyond_horizon: "No payback within the horizon.",
  no_savings: "No savings.",
  zero_costs: "No costs.",
  uncertainty_draws_beyond_100: "Draws beyond a 100% change.",
};

/** Figures, verdict, charts and steps of a program-roi result. */
export function presentProgramRoi(result: ProgramRoi.Result): Presentation {
  const { inputs, outputs: o } = result;
  const horizon = plural(inputs.years, "year");
  const figures: Figure[] = [
    { label: "Net present value", value: formatUsd(o.npv), tone: o.npv >= 0 ? "good" : "bad", note: `over ${horizon}` },
    {
      label: "Benefit-cost ratio",
      value: formatRatio(o.bcr),
      note: o.roi_pct === null ? "ROI n/a" : `ROI ${formatPct(o.roi_pct, 1)}`,
      ...(o.bcr !== null ? { tone: o.bcr >= 1 ? ("good" as const) : ("bad" as const) } : {}),
    },
    {
      label: "Payback",
      value: o.payback_months === null ? "Not reached" : `Month ${o.payback_months}`,
      note: o.payback_months === null ? `within ${horizon}` : `of ${inputs.years * 12}`,
    },
    {
      label: "Break-even effect",
      value: o.break_even_effect_factor === null ? "n/a" : `${formatNumber(o.break_even_effect_factor, 2)}×`,
      note:
        o.break_even_effect_factor === null
          ? "no savings to scale"
          : o.break_even_effect_factor <= 1
            ? `effects could be ${formatPct((1 - o.break_even_effect_factor) * 100, 0)} smaller`
            : "effects needed to break even",
    },
    {
      label: "PV of savings",
      value: formatUsd(o.pv_savings),
      note: `at ${formatPct(inputs.discount_rate_pct)} a year`,
    },
    { label: "PV of costs", value: formatUsd(o.pv_costs), note: "program, fixed and upfront" },
  ];
  if (o.probability_positive_npv !== null && o.npv_p10 !== null && o.npv_p90 !== null) {
    figures.push({
      label: "Chance NPV > 0",
      value: formatPct(o.probability_positive_npv * 100, 1),
      note: `NPV ${formatUsdShort(o.npv_p10)} to ${formatUsdShort(o.npv_p90)} (p10–p90)`,
      tone: o.probability_positive_npv >= 0.5 ? "good" : "bad",
    });
  }

  let verdict: string;
  if (o.bcr === null) {
    verdict = `At these inputs the program costs nothing, so it returns ${formatUsd(o.pv_savings)} in present value over ${horizon} with no outlay.`;
  } else {
    verdict = `At these inputs the program returns ${formatUsd(Math.round(o.bcr * 100) / 100)} for every $1 spent over ${horizon} (NPV ${formatUsd(o.npv)}, at a ${formatPct(inputs.discount_rate_pct)} discount rate).`;
  }
  verdict +=
    o.payback_months === null
      ? ` It does not pay back within ${horizon}.`
      : ` It pays back in month ${o.payback_months}.`;
  if (o.break_even_effect_factor === null) {
    verdict += " The savings lines add up to no savings, so no larger effect would make it break even.";
  } else if (o.break_even_effect_factor <= 1) {
    verdict += ` It would still break even if every effect were ${formatPct((1 - o.break_even_effect_factor) * 100, 0)} smaller.`;
  } else {
    verdict += ` It would break even only if every effect were ${formatNumber(o.break_even_effect_factor, 2)}× larger.`;
  }
  if (o.probability_positive_npv !== null && inputs.uncertainty) {
    verdict += ` With effects and costs drawn at random (${formatInteger(inputs.uncertainty.iterations)} draws), NPV is positive in ${formatPct(o.probability_positive_npv * 100, 0)} of them.`;
  }
  verdict += illustrativeNote(result.warnings);

  const categories = o.annual.map((row) => `Year ${row.year}`);
  const charts: ChartBlock[] = [
    {
      heading: "Cash flow by year",
      kind: "bar-line",
      svg: barLineChart({
        title: "Net cash flow by year and cumulative net",
        description: `Bars: net (savings minus costs) in each of ${horizon}; line: cumulative net, starting from minus the upfront cost of ${formatUsd(inputs.upfront_cost)}.`,
        categories,
        bars: { label: "Net for the year", values: o.annual.map((row) => row.net) },
        line: { label: "Cumulative net", values: o.annual.map((row) => row.cumulative_net) },
        format: formatUsdShort,
      }),
      caption: "Undiscounted. Green bars: the year's savings exceed its costs; red: they fall short.",
      table: {
        caption: "Annual cash flow (undiscounted)",
        head: ["Year", "Savings", "Costs", "Net", "Cumulative net"],
        rows: o.annual.map((row) => [
          String(row.year),
          formatUsd(row.savings),
          formatUsd(row.costs),
          formatUsd(row.net),
          formatUsd(row.cumulative_net),
        ]),
      },
    },
  ];
  const top = o.sensitivity.slice(0, 10);
  charts.push({
    heading: "What moves the result",
    kind: "tornado",
    svg: tornadoChart({
      title: `NPV when one input is ${formatPct(inputs.sensitivity_pct)} lower or higher`,
      description: `One-way sensitivity: each bar runs from the NPV with the input ${formatPct(inputs.sensitivity_pct)} lower (red) to ${formatPct(inputs.sensitivity_pct)} higher (green), around the base NPV of ${formatUsd(o.npv)}.`,
      base: o.npv,
      rows: top.map((row) => ({ label: shorten(row.label, 22), low: row.npv_low, high: row.npv_high })),
      format: formatUsdShort,
    }),
    caption: `Red: the input ${formatPct(inputs.sensitivity_pct)} lower; green: ${formatPct(inputs.sensitivity_pct)} higher. Largest swing first${o.sensitivity.length > top.length ? `; the ${top.length} largest of ${o.sensitivity.length} shown` : ""}.`,
    table: {
      caption: "One-way sensitivity of NPV",
      head: ["Input", "Low value", "NPV at low", "High value", "NPV at high"],
      rows: o.sensitivity.map((row) => [
        row.label,
        formatNumber(row.low_value, 4),
        formatUsd(row.npv_low),
        formatNumber(row.high_value, 4),
        formatUsd(row.npv_high),
      ]),
    },
  });
  if (inputs.uncertainty && o.npv_p10 !== null && o.npv_p50 !== null && o.npv_p90 !== null) {
    const draws = monteCarloDraws(inputs, inputs.uncertainty);
    charts.push({
      heading: "Uncertainty: NPV across draws",
      kind: "histogram",
      svg: histogramChart({
        title: `NPV across ${formatInteger(inputs.uncertainty.iterations)} Monte Carlo draws`,
        description: `Histogram of NPV with each reduction drawn within ±${formatPct(inputs.uncertainty.reduction_spread_pct)} and cost per participant within ±${formatPct(inputs.uncertainty.cost_spread_pct)} (seed ${inputs.uncertainty.seed}); dashed lines at the 10th, 50th and 90th percentiles.`,
        values: draws,
        bins: 40,
        markers: [
          { label: "p10", value: o.npv_p10 },
          { label: "median", value: o.npv_p50 },
          { label: "p90", value: o.npv_p90 },
        ],
        format: formatUsdShort,
      }),
      caption: "Red bars: draws with a negative NPV; green: positive.",
      table: {
        caption: "Monte Carlo summary",
        head: ["Statistic", "Value"],
        rows: [
          ["Draws", formatInteger(inputs.uncertainty.iterations)],
          ["Chance NPV > 0", formatPct((o.probability_positive_npv ?? 0) * 100, 1)],
          ["NPV, 10th percentile", formatUsd(o.npv_p10)],
          ["NPV, median", formatUsd(o.npv_p50)],
          ["NPV, 90th percentile", formatUsd(o.npv_p90)],
        ],
      },
    });
  }
  return finish(result, figures, verdict, charts, WARNING_TITLES);
}
