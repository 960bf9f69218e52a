/** The shared-savings result for people: the settlement and who keeps what. */

import type * as SharedSavings from "../../../calculators/shared-savings";
import { barLineChart } from "../../../charts/svg";
import { formatPct, formatUsd, formatUsdShort } from "../../../domain/numbers";
import {
  type ChartBlock,
  type Figure,
  finish,
  illustrativeNote,
  type Presentation,
  type WarningTitles,
} from "../presentation";

/** The titles of this calculator's own warnings (the defaults' two are shared: DEFAULT_WARNING_TITLES). */
export const WARNING_TITLES: WarningTitles = {
  aco_net_negative: "The ACO loses money.",
  minimum_savings_rate_not_met: "Minimum savings rate not met.",
  savings_cap_binding: "Savings cap reached.",
  loss_cap_binding: "Loss cap reached.",
  shared_loss_owed: "Shared loss owed.",
  payer_bears_loss: "The payer bears the loss.",
  no_breakeven: "No break-even.",
};

/** Figures, verdict, charts and steps of a shared-savings result. */
export function presentSharedSavings(result: SharedSavings.Result): Presentation {
  const { inputs, outputs: o } = result;
  const figures: Figure[] = [
    {
      label: "Gross savings",
      value: formatUsd(o.gross_savings),
      note: `${formatPct(o.savings_rate_pct, 2)} of the benchmark`,
    },
    {
      label: "Paid to the ACO",
      value: formatUsd(o.shared_savings_payment),
      note: o.met_minimum_savings_rate ? "minimum savings rate met" : "minimum savings rate not met",
    },
    ...(o.shared_loss_payment > 0
      ? [{ label: "Repaid by the ACO", value: formatUsd(o.shared_loss_payment), tone: "bad" as const }]
      : []),
    { label: "Program cost", value: formatUsd(o.program_cost) },
    { label: "ACO net", value: formatUsd(o.aco_net), tone: o.aco_net >= 0 ? "good" : "bad" },
    { label: "Payer net", value: formatUsd(o.payer_net), tone: o.payer_net >= 0 ? "good" : "bad" },
    {
      label: "ACO breaks even at",
      value: o.breakeven_spend_reduction_pct === null ? "Never" : formatPct(o.breakeven_spend_reduction_pct, 2),
      note: "spending reduction",
    },
  ];
  let verdict = `At a ${formatPct(inputs.spend_reduction_pct)} spending reduction, gross savings are ${formatUsd(o.gross_savings)} (${formatPct(o.savings_rate_pct, 2)} of the benchmark), which ${o.met_minimum_savings_rate ? "meets" : "does not meet"} the ${formatPct(inputs.minimum_savings_rate_pct)} minimum savings rate.`;
  verdict += ` The ACO receives ${formatUsd(o.shared_savings_payment)}${o.shared_loss_payment > 0 ? `, repays ${formatUsd(o.shared_loss_payment)}` : ""}, spends ${formatUsd(o.program_cost)} on the integrative program and ${o.aco_net >= 0 ? "nets" : "loses"} ${formatUsd(Math.abs(o.aco_net))}; the payer ${o.payer_net >= 0 ? "keeps" : "loses"} ${formatUsd(Math.abs(o.payer_net))}.`;
  verdict +=
    o.breakeven_spend_reduction_pct === null
      ? " No spending reduction within ±100% lets the ACO break even."
      : ` The ACO breaks even from a spending reduction of ${formatPct(o.breakeven_spend_reduction_pct, 2)}.`;
  verdict += illustrativeNote(result.warnings);
  const bars: [string, number][] = [
    ["Gross savings", o.gross_savings],
    ["ACO payment", o.shared_savings_payment - o.shared_loss_payment],
    ["Program cost", -o.program_cost],
    ["ACO net", o.aco_net],
    ["Payer net", o.payer_net],
  ];
  const chart: ChartBlock = {
    heading: "Who gains what",
    kind: "bar-line",
    svg: barLineChart({
      title: "Savings and who keeps them",
      description: bars.map(([label, value]) => `${label}: ${formatUsd(value)}`).join("; "),
      categories: bars.map(([label]) => label),
      bars: { label: "Amount a year (program cost shown as negative)", values: bars.map(([, value]) => value) },
      format: formatUsdShort,
    }),
    caption: "ACO payment is the shared savings payment less any shared loss; the program cost is the ACO's outlay.",
    table: {
      caption: "Settlement for the year",
      head: ["Item", "Amount"],
      rows: bars.map(([label, value]) => [label, formatUsd(value)]),
    },
  };
  return finish(result, figures, verdict, [chart], WARNING_TITLES);
}
