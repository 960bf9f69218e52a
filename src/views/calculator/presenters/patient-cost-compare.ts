/** The patient-cost-compare result for people: the ways of paying side by side. */

import type * as PatientCostCompare from "../../../calculators/patient-cost-compare";
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

const OPTION_LABELS: Record<PatientCostCompare.OptionId, string> = {
  pay_per_visit: "Pay per visit",
  membership: "Membership",
  insurance: "Insurance",
};

/** The titles of this calculator's own warnings (the defaults' two are shared: DEFAULT_WARNING_TITLES). */
export const WARNING_TITLES: WarningTitles = {
  copay_exceeds_allowed: "Copay above the allowed amount.",
  visits_beyond_coverage: "Visits beyond the plan's limit.",
};

/** Figures, verdict, charts and steps of a patient-cost-compare result. */
export function presentPatientCostCompare(result: PatientCostCompare.Result): Presentation {
  const { inputs, outputs: o } = result;
  const options: { id: PatientCostCompare.OptionId; cost: number; afterTax: number }[] = [
    { id: "pay_per_visit", cost: o.pay_per_visit, afterTax: o.after_tax.pay_per_visit },
    { id: "membership", cost: o.membership, afterTax: o.after_tax.membership },
  ];
  if (o.insurance !== null && o.after_tax.insurance !== null) {
    options.push({ id: "insurance", cost: o.insurance, afterTax: o.after_tax.insurance });
  }
  const cheapest = options.find((option) => option.id === o.cheapest) ?? options[0]!;
  const figures: Figure[] = options.map((option) => ({
    label: OPTION_LABELS[option.id],
    value: formatUsd(option.cost),
    note: option.id === o.cheapest ? "a year: the lowest" : "a year",
    ...(option.id === o.cheapest ? { tone: "good" as const } : {}),
  }));
  figures.push({
    label: "Membership pays off from",
    value: o.break_even_visits === null ? "Never" : plural(o.break_even_visits, "visit"),
    note: o.break_even_visits === null ? "up to 365 visits" : "a year",
  });
  const visits = plural(inputs.visits_per_year, "visit");
  const others = options.filter((option) => option.id !== cheapest.id);
  let verdict = `At ${visits} a year, ${OPTION_LABELS[cheapest.id].toLowerCase()} is the cheapest option at ${formatUsd(cheapest.cost)} a year`;
  verdict += others.length
    ? `, ${others.map((option) => `${formatUsd(option.cost - cheapest.cost)} less than ${OPTION_LABELS[option.id].toLowerCase()} (${formatUsd(option.cost)})`).join(" and ")}.`
    : ".";
  verdict +=
    o.break_even_visits === null
      ? " The membership costs more than paying per visit at any number of visits up to 365."
      : ` The membership costs no more than paying per visit from ${plural(o.break_even_visits, "visit")} a year.`;
  if (inputs.hsa_tax_rate_pct > 0) {
    verdict += ` Paid from an HSA at ${formatPct(inputs.hsa_tax_rate_pct)}, the cheapest option costs ${formatUsd(cheapest.afterTax)} after tax.`;
  }
  verdict += illustrativeNote(result.warnings);

  const head = ["Option", "Annual cost"];
  if (inputs.hsa_tax_rate_pct > 0) head.push("After tax (HSA)");
  const chart: ChartBlock = {
    heading: "The options side by side",
    kind: "comparison",
    svg: comparisonChart({
      title: `Annual cost of ${visits}, by way of paying`,
      description: options.map((option) => `${OPTION_LABELS[option.id]}: ${formatUsd(option.cost)}`).join("; "),
      items: options.map((option) => ({
        label: OPTION_LABELS[option.id],
        value: option.cost,
        highlight: option.id === o.cheapest,
      })),
      format: formatUsd,
    }),
    caption: "The green bar is the cheapest option.",
    table: {
      caption: "Annual cost by option",
      head,
      rows: options.map((option) => {
        const row = [OPTION_LABELS[option.id], formatUsd(option.cost)];
        if (inputs.hsa_tax_rate_pct > 0) row.push(formatUsd(option.afterTax));
        return row;
      }),
    },
  };
  return finish(result, figures, verdict, [chart], WARNING_TITLES);
}
