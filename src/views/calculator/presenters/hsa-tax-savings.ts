/** The hsa-tax-savings result for people: the tax saved through the account. */

import type * as HsaTaxSavings from "../../../calculators/hsa-tax-savings";
import { comparisonChart } from "../../../charts/svg";
import { formatPct, formatUsd } from "../../../domain/numbers";
import { type ChartBlock, type Figure, finish, type Presentation, type WarningTitles } from "../presentation";

/** The titles of this calculator's own warnings (the defaults' two are shared: DEFAULT_WARNING_TITLES). */
export const WARNING_TITLES: WarningTitles = {
  catch_up_applied: "Catch-up contribution.",
  contribution_over_limit: "Over the limit.",
  limit_not_published: "Limit not yet published.",
  fsa_use_it_or_lose_it: "Use it or lose it.",
  coverage_ignored: "Coverage does not apply to an FSA.",
  dpc_not_hsa_compatible: "Direct primary care fee not HSA-compatible.",
  hsa_medicare_age: "Medicare age.",
};

/** Figures, verdict, charts and steps of a hsa-tax-savings result. */
export function presentHsaTaxSavings(result: HsaTaxSavings.Result): Presentation {
  const { inputs, outputs: o } = result;
  const account = inputs.account === "hsa" ? "an HSA" : "a health FSA";
  const figures: Figure[] = [
    { label: "Tax saved", value: formatUsd(o.tax_savings), note: `at ${formatPct(o.tax_rate_pct, 2)}`, tone: "good" },
    {
      label: "Effective cost of care",
      value: formatUsd(o.effective_cost),
      note: `of ${formatUsd(inputs.annual_qualified_expenses)}`,
    },
    {
      label: "Contribution",
      value: formatUsd(o.contribution),
      note: o.limit === null ? "limit not published" : `limit ${formatUsd(o.limit)}`,
    },
  ];
  if (inputs.account === "fsa") {
    figures.push({
      label: "At risk if unspent",
      value: formatUsd(o.unspent_at_risk),
      ...(o.unspent_at_risk > 0 ? { tone: "bad" as const } : {}),
    });
  }
  if (o.dpc_hsa_eligible !== null) {
    figures.push({
      label: "DPC fee from the HSA",
      value: o.dpc_hsa_eligible ? "Allowed" : "Not allowed",
      tone: o.dpc_hsa_eligible ? "good" : "bad",
    });
  }
  let verdict = `Putting ${formatUsd(o.contribution)} into ${account} for ${inputs.tax_year} saves ${formatUsd(o.tax_savings)} in tax at a combined rate of ${formatPct(o.tax_rate_pct, 2)}, so ${formatUsd(inputs.annual_qualified_expenses)} of care effectively costs ${formatUsd(o.effective_cost)}.`;
  if (o.excess_contribution !== null && o.excess_contribution > 0) {
    verdict += ` The plan is ${formatUsd(o.excess_contribution)} over the limit of ${formatUsd(o.limit ?? 0)}, and only the limit counts.`;
  }
  if (o.unspent_at_risk > 0)
    verdict += ` ${formatUsd(o.unspent_at_risk)} of the election is more than you expect to spend and could be forfeited.`;
  if (o.dpc_hsa_eligible !== null) verdict += ` ${o.dpc_reason}`;
  const chart: ChartBlock = {
    heading: "What the care costs you",
    kind: "comparison",
    svg: comparisonChart({
      title: "Cost of care with and without the account",
      description: `Paid from taxed income: ${formatUsd(inputs.annual_qualified_expenses)}; through ${account}: ${formatUsd(o.effective_cost)}.`,
      items: [
        { label: "Without the account", value: inputs.annual_qualified_expenses, highlight: false },
        { label: `Through ${inputs.account.toUpperCase()}`, value: o.effective_cost, highlight: true },
      ],
      format: formatUsd,
    }),
    caption: "The green bar is the effective cost after the tax saving.",
    table: {
      caption: "Tax saving",
      head: ["Item", "Amount"],
      rows: [
        ["Qualified expenses", formatUsd(inputs.annual_qualified_expenses)],
        ["Contribution", formatUsd(o.contribution)],
        ["Combined tax rate", formatPct(o.tax_rate_pct, 2)],
        ["Tax saved", formatUsd(o.tax_savings)],
        ["Effective cost", formatUsd(o.effective_cost)],
      ],
    },
  };
  return finish(result, figures, verdict, [chart], WARNING_TITLES);
}
