/** The membership-clinic result for people: the clinic's cash by month, break-even and the stress case. */

import type * as MembershipClinic from "../../../calculators/membership-clinic";
import { barLineChart } from "../../../charts/svg";
import { formatInteger, formatNumber, formatPct, formatUsd, formatUsdShort } from "../../../domain/numbers";
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
  no_break_even: "No break-even.",
  cash_negative: "Cash runs out.",
  stress_cash_negative: "Cash runs out in the stress case.",
  reserve_target_not_met: "Reserve target not met.",
};

/** Figures, verdict, charts and steps of a membership-clinic result. */
export function presentMembershipClinic(result: MembershipClinic.Result): Presentation {
  const { inputs, outputs: o } = result;
  const months = plural(inputs.months, "month");
  const figures: Figure[] = [
    {
      label: "Break-even month",
      value: o.break_even_month === null ? "Not reached" : `Month ${o.break_even_month}`,
      note: o.break_even_month === null ? `within ${months}` : "monthly net ≥ 0",
      tone: o.break_even_month === null ? "bad" : "good",
    },
    {
      label: "Lowest cash",
      value: formatUsd(o.min_cash),
      note: `month ${o.min_cash_month}`,
      tone: o.min_cash >= 0 ? "good" : "bad",
    },
    {
      label: "Ending cash",
      value: formatUsd(o.ending_cash),
      note: `after ${months}`,
      tone: o.ending_cash >= 0 ? "good" : "bad",
    },
    { label: "Members at the end", value: formatInteger(o.members_end) },
    {
      label: "Reserve at the end",
      value: o.reserve_months_at_end === null ? "n/a" : `${formatNumber(o.reserve_months_at_end, 1)} months`,
      note: `target ${formatNumber(inputs.reserve_target_months)}: ${o.reserve_target_met ? "met" : "not met"}`,
      tone: o.reserve_target_met ? "good" : "bad",
    },
    {
      label: "Revenue ÷ cost",
      value: o.sustainability_ratio === null ? "n/a" : formatNumber(o.sustainability_ratio, 2),
      note: `over ${months}`,
    },
    {
      label: "Stress case: lowest cash",
      value: formatUsd(o.stress_min_cash),
      note: `fees ${formatPct(inputs.revenue_variability_pct)} lower`,
      tone: o.stress_min_cash >= 0 ? "good" : "bad",
    },
  ];
  let verdict =
    o.break_even_month === null
      ? `At these inputs the clinic's monthly revenue never covers its monthly costs within ${months};`
      : `At these inputs the clinic covers its monthly costs from month ${o.break_even_month};`;
  verdict += ` it ends month ${inputs.months} with ${formatUsd(o.ending_cash)} in cash${o.reserve_months_at_end === null ? "" : `, ${formatNumber(o.reserve_months_at_end, 1)} months of costs`} (reserve target of ${formatNumber(inputs.reserve_target_months)} months ${o.reserve_target_met ? "met" : "not met"}).`;
  verdict +=
    o.first_negative_cash_month === null
      ? ` Cash is lowest at ${formatUsd(o.min_cash)} in month ${o.min_cash_month}.`
      : ` Cash runs out in month ${o.first_negative_cash_month} and falls to ${formatUsd(o.min_cash)} by month ${o.min_cash_month}.`;
  verdict += ` If member fees come in ${formatPct(inputs.revenue_variability_pct)} lower, the lowest cash is ${formatUsd(o.stress_min_cash)}${o.stress_min_cash < 0 ? ", so the clinic would need more funding" : ""}.`;
  verdict += illustrativeNote(result.warnings);

  const chart: ChartBlock = {
    heading: "Cash flow by month",
    kind: "bar-line",
    svg: barLineChart({
      title: "Monthly net and cash balance",
      description: `Bars: net (revenue minus cost) in each of ${months}; line: cash at the end of each month, starting from ${formatUsd(inputs.starting_cash)}.`,
      categories: o.monthly.map((row) => `M${row.month}`),
      bars: { label: "Net for the month", values: o.monthly.map((row) => row.net) },
      line: { label: "Cash at month end", values: o.monthly.map((row) => row.cash) },
      format: formatUsdShort,
    }),
    caption: "Green bars: the month's revenue covers its cost; red: it falls short. The line is the cash balance.",
    table: {
      caption: "Monthly projection",
      head: ["Month", "Members", "Revenue", "Cost", "Net", "Cash"],
      rows: o.monthly.map((row) => [
        String(row.month),
        formatInteger(row.members),
        formatUsd(row.revenue),
        formatUsd(row.cost),
        formatUsd(row.net),
        formatUsd(row.cash),
      ]),
    },
  };
  return finish(result, figures, verdict, [chart], WARNING_TITLES);
}
