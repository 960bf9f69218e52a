/**
 * A calculator result, for people: headline figures, a plain-language verdict, SVG charts with their data tables,
 * the steps as table rows, and the results block as one HTML string. PURE and shared by the Worker (server render)
 * and the browser bundle (live recalculation), so both draw exactly the same markup. Numbers are formatted here for
 * display only; the API returns them unrounded.
 */
import type { AnyCalculatorResult, CalculatorId, CalculatorWarning } from "../calculators";
import type * as EpisodeBundle from "../calculators/episode-bundle";
import { formatInteger, formatNumber, formatPct, formatRatio, formatUsd } from "../calculators/format";
import type * as HsaTaxSavings from "../calculators/hsa-tax-savings";
import type * as MembershipClinic from "../calculators/membership-clinic";
import type * as PatientCostCompare from "../calculators/patient-cost-compare";
import { createRng, unitTriangular } from "../calculators/prng";
import type * as ProgramRoi from "../calculators/program-roi";
import type * as SharedSavings from "../calculators/shared-savings";
import { barLineChart, comparisonChart, histogramChart, tornadoChart } from "../charts/svg";
import { escapeHtml } from "../domain/html";
import { type Field, type FormError, fieldId, formModel, type ScalarField } from "./form-state";
import { errorListItems, pathLabel } from "./form-view";

export interface Figure {
  label: string;
  value: string;
  note?: string;
  tone?: "good" | "bad";
}

export interface DataTable {
  caption: string;
  head: string[];
  rows: string[][];
}

export interface ChartBlock {
  heading: string;
  /** Chart type, as a class for the stylesheet (phones size the type of each kind differently). */
  kind: "bar-line" | "tornado" | "histogram" | "comparison";
  svg: string;
  caption: string;
  table: DataTable;
}

export interface StepRow {
  label: string;
  working: string;
  result: string;
}

export interface Presentation {
  calculator: CalculatorId;
  figures: Figure[];
  verdict: string;
  charts: ChartBlock[];
  steps: StepRow[];
  warnings: CalculatorWarning[];
  /** The inputs the result was computed from, for the printed summary. */
  inputs: { label: string; value: string }[];
}

// ---------------------------------------------------------------------------------------------------------
// Formatting helpers.

/** Short money for chart axes: $350K, -$1.2M. */
export function usdShort(value: number): string {
  const abs = Math.abs(value);
  const sign = value < 0 ? "\u2212" : "";
  if (abs >= 1e9) return `${sign}$${formatNumber(abs / 1e9, 1)}B`;
  if (abs >= 1e6) return `${sign}$${formatNumber(abs / 1e6, 1)}M`;
  if (abs >= 1e4) return `${sign}$${formatNumber(abs / 1e3, 0)}K`;
  if (abs >= 1e3) return `${sign}$${formatNumber(abs / 1e3, 1)}K`;
  return `${sign}${formatUsd(Math.round(abs))}`;
}

/** Money for display: whole dollars from $10,000 ($224,500), cents below when there are any; a true minus sign. */
export function usd(value: number): string {
  return formatUsd(Math.abs(value) >= 10_000 ? Math.round(value) : value).replace(/^-/, "\u2212");
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatInteger(n)} ${n === 1 ? one : many}`;
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/**
 * Splits an engine step into columns for the steps table: the label (before the first " = " or ": "), the working,
 * and the result (after the last " = "). A step that chains several statements with "; " keeps them together.
 */
export function stepRow(step: string): StepRow {
  const eq = step.indexOf(" = ");
  const colon = step.indexOf(": ");
  const candidates = [eq, colon].filter((i) => i > 0 && i < 80);
  if (candidates.length === 0) return { label: "", working: step, result: "" };
  const at = Math.min(...candidates);
  const label = step.slice(0, at);
  const rest = step.slice(at + (at === eq ? 3 : 2));
  if (rest.includes("; ")) return { label, working: rest, result: "" };
  const last = rest.lastIndexOf(" = ");
  if (last >= 0) return { label, working: rest.slice(0, last), result: rest.slice(last + 3) };
  return at === eq ? { label, working: "", result: rest } : { label, working: rest, result: "" };
}

function formatByUnit(field: ScalarField, value: unknown): string {
  if (value === null) return /unlimited/i.test(field.description) ? "unlimited" : "none";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value !== "number") return String(value);
  const unit = field.unit ?? "";
  const per = (rest: string) => rest.replaceAll("/", " per ");
  if (unit.startsWith("USD")) return `${formatUsd(value)}${per(unit.slice(3))}`;
  if (unit.startsWith("percent")) return `${formatPct(value, 4)}${per(unit.slice(7))}`;
  if (field.kind === "enum") return String(value);
  return `${formatNumber(value, 4)}${unit ? ` ${per(unit)}` : ""}`;
}

function inputSummary(calculator: AnyCalculatorResult["calculator"], inputs: unknown): Presentation["inputs"] {
  const out: Presentation["inputs"] = [];
  const values = inputs as Record<string, unknown>;
  const add = (fields: Field[], source: Record<string, unknown>, prefix: string) => {
    for (const field of fields) {
      const value = source[field.key];
      if (field.kind === "array") {
        (Array.isArray(value) ? value : []).forEach((row: Record<string, unknown>, i) => {
          for (const cell of field.itemFields) {
            out.push({
              label: `${prefix}${field.itemTitle} ${i + 1}: ${cell.title}`,
              value: formatByUnit(cell, row[cell.key]),
            });
          }
        });
      } else if (field.kind === "object") {
        if (value && typeof value === "object") add(field.fields, value as Record<string, unknown>, `${field.title}: `);
        else out.push({ label: field.title, value: "off" });
      } else if (value !== undefined) {
        out.push({ label: `${prefix}${field.title}`, value: formatByUnit(field, value) });
      }
    }
  };
  add(formModel(calculator).fields, values, "");
  return out;
}

function illustrativeNote(warnings: CalculatorWarning[]): string {
  return warnings.some((w) => w.code === "illustrative_default")
    ? " Some defaults come from illustrative records: treat this as an example until you enter your own figures."
    : "";
}

// ---------------------------------------------------------------------------------------------------------
// program-roi.

/**
 * The NPV of every Monte Carlo draw, for the histogram. The engine returns only the summary, so this repeats its
 * draw order exactly (per iteration: one draw per savings line, then one for the cost); a unit test checks that the
 * percentiles of these draws equal the engine's.
 */
export function programRoiNpvDraws(
  inputs: ProgramRoi.Inputs,
  uncertainty: NonNullable<ProgramRoi.Inputs["uncertainty"]>,
): Float64Array {
  const d = inputs.discount_rate_pct / 100;
  const keep = 1 - inputs.effect_decay_pct_per_year / 100;
  let savingsFactor = 0;
  let costFactor = 0;
  for (let t = 1; t <= inputs.years; t++) {
    const discount = (1 + d) ** t;
    savingsFactor += keep ** (t - 1) / discount;
    costFactor += 1 / discount;
  }
  const lines = inputs.savings_lines;
  const weight = lines.map(
    (line) => (inputs.participants * line.baseline_events_per_participant * line.cost_per_event * savingsFactor) / 100,
  );
  const mode = lines.map((line) => line.reduction_pct);
  const a = uncertainty.reduction_spread_pct / 100;
  const b = uncertainty.cost_spread_pct / 100;
  const participantCost = inputs.participants * costFactor;
  const fixed = inputs.upfront_cost + inputs.fixed_cost_per_year * costFactor;
  const rng = createRng(uncertainty.seed);
  const npvs = new Float64Array(uncertainty.iterations);
  for (let i = 0; i < npvs.length; i++) {
    let savings = 0;
    for (let l = 0; l < lines.length; l++) savings += weight[l]! * (mode[l]! * (1 + a * unitTriangular(rng())));
    const cost = inputs.cost_per_participant * (1 + b * unitTriangular(rng()));
    npvs[i] = savings - participantCost * cost - fixed;
  }
  return npvs;
}

function presentProgramRoi(result: ProgramRoi.Result): Presentation {
  const { inputs, outputs: o } = result;
  const horizon = plural(inputs.years, "year");
  const figures: Figure[] = [
    { label: "Net present value", value: usd(o.npv), tone: o.npv >= 0 ? "good" : "bad", note: `over ${horizon}` },
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
    { label: "PV of savings", value: usd(o.pv_savings), note: `at ${formatPct(inputs.discount_rate_pct)} a year` },
    { label: "PV of costs", value: usd(o.pv_costs), note: "program, fixed and upfront" },
  ];
  if (o.probability_positive_npv !== null && o.npv_p10 !== null && o.npv_p90 !== null) {
    figures.push({
      label: "Chance NPV > 0",
      value: formatPct(o.probability_positive_npv * 100, 1),
      note: `NPV ${usdShort(o.npv_p10)} to ${usdShort(o.npv_p90)} (p10–p90)`,
      tone: o.probability_positive_npv >= 0.5 ? "good" : "bad",
    });
  }

  let verdict: string;
  if (o.bcr === null) {
    verdict = `At these inputs the program costs nothing, so it returns ${usd(o.pv_savings)} in present value over ${horizon} with no outlay.`;
  } else {
    verdict = `At these inputs the program returns ${formatUsd(Math.round(o.bcr * 100) / 100)} for every $1 spent over ${horizon} (NPV ${usd(o.npv)}, at a ${formatPct(inputs.discount_rate_pct)} discount rate).`;
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
        description: `Bars: net (savings minus costs) in each of ${horizon}; line: cumulative net, starting from minus the upfront cost of ${usd(inputs.upfront_cost)}.`,
        categories,
        bars: { label: "Net for the year", values: o.annual.map((row) => row.net) },
        line: { label: "Cumulative net", values: o.annual.map((row) => row.cumulative_net) },
        format: usdShort,
      }),
      caption: "Undiscounted. Green bars: the year's savings exceed its costs; red: they fall short.",
      table: {
        caption: "Annual cash flow (undiscounted)",
        head: ["Year", "Savings", "Costs", "Net", "Cumulative net"],
        rows: o.annual.map((row) => [
          String(row.year),
          usd(row.savings),
          usd(row.costs),
          usd(row.net),
          usd(row.cumulative_net),
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
      description: `One-way sensitivity: each bar runs from the NPV with the input ${formatPct(inputs.sensitivity_pct)} lower (red) to ${formatPct(inputs.sensitivity_pct)} higher (green), around the base NPV of ${usd(o.npv)}.`,
      base: o.npv,
      rows: top.map((row) => ({ label: shorten(row.label, 22), low: row.npv_low, high: row.npv_high })),
      format: usdShort,
    }),
    caption: `Red: the input ${formatPct(inputs.sensitivity_pct)} lower; green: ${formatPct(inputs.sensitivity_pct)} higher. Largest swing first${o.sensitivity.length > top.length ? `; the ${top.length} largest of ${o.sensitivity.length} shown` : ""}.`,
    table: {
      caption: "One-way sensitivity of NPV",
      head: ["Input", "Low value", "NPV at low", "High value", "NPV at high"],
      rows: o.sensitivity.map((row) => [
        row.label,
        formatNumber(row.low_value, 4),
        usd(row.npv_low),
        formatNumber(row.high_value, 4),
        usd(row.npv_high),
      ]),
    },
  });
  if (inputs.uncertainty && o.npv_p10 !== null && o.npv_p50 !== null && o.npv_p90 !== null) {
    const draws = programRoiNpvDraws(inputs, inputs.uncertainty);
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
        format: usdShort,
      }),
      caption: "Red bars: draws with a negative NPV; green: positive.",
      table: {
        caption: "Monte Carlo summary",
        head: ["Statistic", "Value"],
        rows: [
          ["Draws", formatInteger(inputs.uncertainty.iterations)],
          ["Chance NPV > 0", formatPct((o.probability_positive_npv ?? 0) * 100, 1)],
          ["NPV, 10th percentile", usd(o.npv_p10)],
          ["NPV, median", usd(o.npv_p50)],
          ["NPV, 90th percentile", usd(o.npv_p90)],
        ],
      },
    });
  }
  return finish(result, figures, verdict, charts);
}

// ---------------------------------------------------------------------------------------------------------
// membership-clinic.

function presentMembershipClinic(result: MembershipClinic.Result): Presentation {
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
      value: usd(o.min_cash),
      note: `month ${o.min_cash_month}`,
      tone: o.min_cash >= 0 ? "good" : "bad",
    },
    {
      label: "Ending cash",
      value: usd(o.ending_cash),
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
      value: usd(o.stress_min_cash),
      note: `fees ${formatPct(inputs.revenue_variability_pct)} lower`,
      tone: o.stress_min_cash >= 0 ? "good" : "bad",
    },
  ];
  let verdict =
    o.break_even_month === null
      ? `At these inputs the clinic's monthly revenue never covers its monthly costs within ${months};`
      : `At these inputs the clinic covers its monthly costs from month ${o.break_even_month};`;
  verdict += ` it ends month ${inputs.months} with ${usd(o.ending_cash)} in cash${o.reserve_months_at_end === null ? "" : `, ${formatNumber(o.reserve_months_at_end, 1)} months of costs`} (reserve target of ${formatNumber(inputs.reserve_target_months)} months ${o.reserve_target_met ? "met" : "not met"}).`;
  verdict +=
    o.first_negative_cash_month === null
      ? ` Cash is lowest at ${usd(o.min_cash)} in month ${o.min_cash_month}.`
      : ` Cash runs out in month ${o.first_negative_cash_month} and falls to ${usd(o.min_cash)} by month ${o.min_cash_month}.`;
  verdict += ` If member fees come in ${formatPct(inputs.revenue_variability_pct)} lower, the lowest cash is ${usd(o.stress_min_cash)}${o.stress_min_cash < 0 ? ", so the clinic would need more funding" : ""}.`;
  verdict += illustrativeNote(result.warnings);

  const chart: ChartBlock = {
    heading: "Cash flow by month",
    kind: "bar-line",
    svg: barLineChart({
      title: "Monthly net and cash balance",
      description: `Bars: net (revenue minus cost) in each of ${months}; line: cash at the end of each month, starting from ${usd(inputs.starting_cash)}.`,
      categories: o.monthly.map((row) => `M${row.month}`),
      bars: { label: "Net for the month", values: o.monthly.map((row) => row.net) },
      line: { label: "Cash at month end", values: o.monthly.map((row) => row.cash) },
      format: usdShort,
    }),
    caption: "Green bars: the month's revenue covers its cost; red: it falls short. The line is the cash balance.",
    table: {
      caption: "Monthly projection",
      head: ["Month", "Members", "Revenue", "Cost", "Net", "Cash"],
      rows: o.monthly.map((row) => [
        String(row.month),
        formatInteger(row.members),
        usd(row.revenue),
        usd(row.cost),
        usd(row.net),
        usd(row.cash),
      ]),
    },
  };
  return finish(result, figures, verdict, [chart]);
}

// ---------------------------------------------------------------------------------------------------------
// patient-cost-compare.

const OPTION_LABELS: Record<PatientCostCompare.OptionId, string> = {
  pay_per_visit: "Pay per visit",
  membership: "Membership",
  insurance: "Insurance",
};

function presentPatientCostCompare(result: PatientCostCompare.Result): Presentation {
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
    value: usd(option.cost),
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
  let verdict = `At ${visits} a year, ${OPTION_LABELS[cheapest.id].toLowerCase()} is the cheapest option at ${usd(cheapest.cost)} a year`;
  verdict += others.length
    ? `, ${others.map((option) => `${usd(option.cost - cheapest.cost)} less than ${OPTION_LABELS[option.id].toLowerCase()} (${usd(option.cost)})`).join(" and ")}.`
    : ".";
  verdict +=
    o.break_even_visits === null
      ? " The membership costs more than paying per visit at any number of visits up to 365."
      : ` The membership costs no more than paying per visit from ${plural(o.break_even_visits, "visit")} a year.`;
  if (inputs.hsa_tax_rate_pct > 0) {
    verdict += ` Paid from an HSA at ${formatPct(inputs.hsa_tax_rate_pct)}, the cheapest option costs ${usd(cheapest.afterTax)} after tax.`;
  }
  verdict += illustrativeNote(result.warnings);

  const head = ["Option", "Annual cost"];
  if (inputs.hsa_tax_rate_pct > 0) head.push("After tax (HSA)");
  const chart: ChartBlock = {
    heading: "The options side by side",
    kind: "comparison",
    svg: comparisonChart({
      title: `Annual cost of ${visits}, by way of paying`,
      description: options.map((option) => `${OPTION_LABELS[option.id]}: ${usd(option.cost)}`).join("; "),
      items: options.map((option) => ({
        label: OPTION_LABELS[option.id],
        value: option.cost,
        highlight: option.id === o.cheapest,
      })),
      format: usd,
    }),
    caption: "The green bar is the cheapest option.",
    table: {
      caption: "Annual cost by option",
      head,
      rows: options.map((option) => {
        const row = [OPTION_LABELS[option.id], usd(option.cost)];
        if (inputs.hsa_tax_rate_pct > 0) row.push(usd(option.afterTax));
        return row;
      }),
    },
  };
  return finish(result, figures, verdict, [chart]);
}

// ---------------------------------------------------------------------------------------------------------
// shared-savings.

function presentSharedSavings(result: SharedSavings.Result): Presentation {
  const { inputs, outputs: o } = result;
  const figures: Figure[] = [
    {
      label: "Gross savings",
      value: usd(o.gross_savings),
      note: `${formatPct(o.savings_rate_pct, 2)} of the benchmark`,
    },
    {
      label: "Paid to the ACO",
      value: usd(o.shared_savings_payment),
      note: o.met_minimum_savings_rate ? "minimum savings rate met" : "minimum savings rate not met",
    },
    ...(o.shared_loss_payment > 0
      ? [{ label: "Repaid by the ACO", value: usd(o.shared_loss_payment), tone: "bad" as const }]
      : []),
    { label: "Program cost", value: usd(o.program_cost) },
    { label: "ACO net", value: usd(o.aco_net), tone: o.aco_net >= 0 ? "good" : "bad" },
    { label: "Payer net", value: usd(o.payer_net), tone: o.payer_net >= 0 ? "good" : "bad" },
    {
      label: "ACO breaks even at",
      value: o.breakeven_spend_reduction_pct === null ? "Never" : formatPct(o.breakeven_spend_reduction_pct, 2),
      note: "spending reduction",
    },
  ];
  let verdict = `At a ${formatPct(inputs.spend_reduction_pct)} spending reduction, gross savings are ${usd(o.gross_savings)} (${formatPct(o.savings_rate_pct, 2)} of the benchmark), which ${o.met_minimum_savings_rate ? "meets" : "does not meet"} the ${formatPct(inputs.minimum_savings_rate_pct)} minimum savings rate.`;
  verdict += ` The ACO receives ${usd(o.shared_savings_payment)}${o.shared_loss_payment > 0 ? `, repays ${usd(o.shared_loss_payment)}` : ""}, spends ${usd(o.program_cost)} on the integrative program and ${o.aco_net >= 0 ? "nets" : "loses"} ${usd(Math.abs(o.aco_net))}; the payer ${o.payer_net >= 0 ? "keeps" : "loses"} ${usd(Math.abs(o.payer_net))}.`;
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
      description: bars.map(([label, value]) => `${label}: ${usd(value)}`).join("; "),
      categories: bars.map(([label]) => label),
      bars: { label: "Amount a year (program cost shown as negative)", values: bars.map(([, value]) => value) },
      format: usdShort,
    }),
    caption: "ACO payment is the shared savings payment less any shared loss; the program cost is the ACO's outlay.",
    table: {
      caption: "Settlement for the year",
      head: ["Item", "Amount"],
      rows: bars.map(([label, value]) => [label, usd(value)]),
    },
  };
  return finish(result, figures, verdict, [chart]);
}

// ---------------------------------------------------------------------------------------------------------
// episode-bundle.

function presentEpisodeBundle(result: EpisodeBundle.Result): Presentation {
  const { inputs, outputs: o } = result;
  const saves = o.savings_per_episode >= 0;
  const figures: Figure[] = [
    { label: "Cost per episode without add-on", value: usd(o.baseline_cost) },
    {
      label: "Cost per episode with add-on",
      value: usd(o.program_cost),
      note: `incl. ${usd(inputs.addon_cost_per_episode)} add-on`,
    },
    {
      label: "Payer savings a year",
      value: usd(o.annual_savings),
      note: `${usd(o.savings_per_episode)} per episode`,
      tone: saves ? "good" : "bad",
    },
    {
      label: "Provider gain a year",
      value: usd(o.annual_provider_gain),
      tone: o.annual_provider_gain >= 0 ? "good" : "bad",
    },
    { label: "Break-even add-on cost", value: usd(o.max_addon_cost_break_even), note: "per episode, at most" },
  ];
  let verdict = `With the add-on an episode costs ${usd(o.program_cost)} instead of ${usd(o.baseline_cost)}: ${usd(Math.abs(o.savings_per_episode))} ${saves ? "less" : "more"} per episode, ${usd(Math.abs(o.annual_savings))} a year ${saves ? "saved" : "added"} over ${plural(inputs.episodes_per_year, "episode")}.`;
  verdict += ` The provider's margin per episode moves from ${usd(o.margin_baseline)} to ${usd(o.margin_program)}, ${o.annual_provider_gain >= 0 ? "a gain" : "a loss"} of ${usd(Math.abs(o.annual_provider_gain))} a year.`;
  verdict += ` The add-on could cost up to ${usd(o.max_addon_cost_break_even)} per episode before an episode costs more than without it.`;
  verdict += illustrativeNote(result.warnings);
  const chart: ChartBlock = {
    heading: "Cost per episode",
    kind: "comparison",
    svg: comparisonChart({
      title: "Cost per episode without and with the add-on",
      description: `Without the add-on ${usd(o.baseline_cost)}; with it ${usd(o.program_cost)}.`,
      items: [
        { label: "Without add-on", value: o.baseline_cost, highlight: o.baseline_cost < o.program_cost },
        { label: "With add-on", value: o.program_cost, highlight: o.program_cost <= o.baseline_cost },
      ],
      format: usd,
    }),
    caption: "The green bar is the lower cost per episode.",
    table: {
      caption: "Episode paths",
      head: ["Path", "Cost", "Share without", "Share with"],
      rows: inputs.branches.map((branch) => [
        branch.label,
        usd(branch.cost),
        formatPct(branch.baseline_share_pct),
        formatPct(branch.program_share_pct),
      ]),
    },
  };
  return finish(result, figures, verdict, [chart]);
}

// ---------------------------------------------------------------------------------------------------------
// hsa-tax-savings.

function presentHsaTaxSavings(result: HsaTaxSavings.Result): Presentation {
  const { inputs, outputs: o } = result;
  const account = inputs.account === "hsa" ? "an HSA" : "a health FSA";
  const figures: Figure[] = [
    { label: "Tax saved", value: usd(o.tax_savings), note: `at ${formatPct(o.tax_rate_pct, 2)}`, tone: "good" },
    {
      label: "Effective cost of care",
      value: usd(o.effective_cost),
      note: `of ${usd(inputs.annual_qualified_expenses)}`,
    },
    {
      label: "Contribution",
      value: usd(o.contribution),
      note: o.limit === null ? "limit not published" : `limit ${usd(o.limit)}`,
    },
  ];
  if (inputs.account === "fsa") {
    figures.push({
      label: "At risk if unspent",
      value: usd(o.unspent_at_risk),
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
  let verdict = `Putting ${usd(o.contribution)} into ${account} for ${inputs.tax_year} saves ${usd(o.tax_savings)} in tax at a combined rate of ${formatPct(o.tax_rate_pct, 2)}, so ${usd(inputs.annual_qualified_expenses)} of care effectively costs ${usd(o.effective_cost)}.`;
  if (o.excess_contribution !== null && o.excess_contribution > 0) {
    verdict += ` The plan is ${usd(o.excess_contribution)} over the limit of ${usd(o.limit ?? 0)}, and only the limit counts.`;
  }
  if (o.unspent_at_risk > 0)
    verdict += ` ${usd(o.unspent_at_risk)} of the election is more than you expect to spend and could be forfeited.`;
  if (o.dpc_hsa_eligible !== null) verdict += ` ${o.dpc_reason}`;
  const chart: ChartBlock = {
    heading: "What the care costs you",
    kind: "comparison",
    svg: comparisonChart({
      title: "Cost of care with and without the account",
      description: `Paid from taxed income: ${usd(inputs.annual_qualified_expenses)}; through ${account}: ${usd(o.effective_cost)}.`,
      items: [
        { label: "Without the account", value: inputs.annual_qualified_expenses, highlight: false },
        { label: `Through ${inputs.account.toUpperCase()}`, value: o.effective_cost, highlight: true },
      ],
      format: usd,
    }),
    caption: "The green bar is the effective cost after the tax saving.",
    table: {
      caption: "Tax saving",
      head: ["Item", "Amount"],
      rows: [
        ["Qualified expenses", usd(inputs.annual_qualified_expenses)],
        ["Contribution", usd(o.contribution)],
        ["Combined tax rate", formatPct(o.tax_rate_pct, 2)],
        ["Tax saved", usd(o.tax_savings)],
        ["Effective cost", usd(o.effective_cost)],
      ],
    },
  };
  return finish(result, figures, verdict, [chart]);
}

// ---------------------------------------------------------------------------------------------------------

function finish(result: AnyCalculatorResult, figures: Figure[], verdict: string, charts: ChartBlock[]): Presentation {
  return {
    calculator: result.calculator,
    figures,
    verdict,
    charts,
    steps: result.steps.map(stepRow),
    warnings: result.warnings,
    inputs: inputSummary(result.calculator, result.inputs),
  };
}

/** Figures, verdict, charts and steps for any calculator's result. */
export function present(result: AnyCalculatorResult): Presentation {
  switch (result.calculator) {
    case "program-roi":
      return presentProgramRoi(result);
    case "membership-clinic":
      return presentMembershipClinic(result);
    case "patient-cost-compare":
      return presentPatientCostCompare(result);
    case "shared-savings":
      return presentSharedSavings(result);
    case "episode-bundle":
      return presentEpisodeBundle(result);
    case "hsa-tax-savings":
      return presentHsaTaxSavings(result);
  }
}

// ---------------------------------------------------------------------------------------------------------
// HTML: the results block, identical on the server and in the browser.

const e = escapeHtml;

function tableHtml(table: DataTable, extraClass = ""): string {
  const head = table.head.map((h) => `<th scope="col">${e(h)}</th>`).join("");
  const rows = table.rows
    .map(
      (row) =>
        `<tr>${row.map((cell, i) => (i === 0 ? `<th scope="row">${e(cell)}</th>` : `<td class="num" data-label="${e(table.head[i] ?? "")}">${e(cell)}</td>`)).join("")}</tr>`,
    )
    .join("");
  return `<table class="${`data ${extraClass}`.trim()}"><caption>${e(table.caption)}</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

/** A short, always-visible line for the two warnings about defaults; their full text folds out. */
function defaultsSummary(w: CalculatorWarning): string | null {
  const n = w.fields?.length ?? 0;
  const many = n !== 1;
  if (w.code === "illustrative_default") {
    return `${n} default${many ? "s come" : " comes"} from illustrative records: treat the result as an example.`;
  }
  if (w.code === "assumption_default") {
    return `${n} default${many ? "s are placeholders" : " is a placeholder"}, not from the evidence base: replace ${many ? "them" : "it"} with your own figures.`;
  }
  return null;
}

function warningsHtml(calculator: CalculatorId, warnings: readonly CalculatorWarning[]): string {
  if (warnings.length === 0) return "";
  const model = formModel(calculator);
  const items = warnings
    .map((w) => {
      const links = (w.fields ?? [])
        .map((path) => `<a href="#${fieldId(path)}">${e(pathLabel(model, path))}</a>`)
        .join(", ");
      const inputs = links ? `<span class="small">Inputs: ${links}</span>` : "";
      const short = defaultsSummary(w);
      const title = `<strong>${e(warningTitle(w.code))}</strong>`;
      const body =
        short === null
          ? `${title} ${e(w.message)}${inputs ? ` ${inputs}` : ""}`
          : `<details><summary>${title} ${e(short)}</summary><p>${e(w.message)}</p>${inputs ? `<p>${inputs}</p>` : ""}</details>`;
      return `<li class="banner warning-${e(w.code)}">${body}</li>`;
    })
    .join("");
  return `<section class="calc-warnings" aria-labelledby="calc-warnings-h"><h3 id="calc-warnings-h">Before you rely on this</h3><ul>${items}</ul></section>`;
}

export const WARNING_TITLES: Record<string, string> = {
  illustrative_default: "Illustrative figures in use.",
  assumption_default: "Placeholder figures in use.",
  negative_npv: "Negative NPV.",
  payback_beyond_horizon: "No payback within the horizon.",
  no_savings: "No savings.",
  zero_costs: "No costs.",
  uncertainty_draws_beyond_100: "Draws beyond a 100% change.",
  aco_net_negative: "The ACO loses money.",
  minimum_savings_rate_not_met: "Minimum savings rate not met.",
  savings_cap_binding: "Savings cap reached.",
  loss_cap_binding: "Loss cap reached.",
  shared_loss_owed: "Shared loss owed.",
  payer_bears_loss: "The payer bears the loss.",
  no_breakeven: "No break-even.",
  no_break_even: "No break-even.",
  addon_exceeds_break_even: "The add-on costs more than it saves.",
  provider_gain_negative: "The provider loses.",
  stop_gain_binding: "Stop-gain reached.",
  stop_loss_binding: "Stop-loss reached.",
  cash_negative: "Cash runs out.",
  stress_cash_negative: "Cash runs out in the stress case.",
  reserve_target_not_met: "Reserve target not met.",
  catch_up_applied: "Catch-up contribution.",
  contribution_over_limit: "Over the limit.",
  limit_not_published: "Limit not yet published.",
  fsa_use_it_or_lose_it: "Use it or lose it.",
  coverage_ignored: "Coverage does not apply to an FSA.",
  dpc_not_hsa_compatible: "Direct primary care fee not HSA-compatible.",
  hsa_medicare_age: "Medicare age.",
  copay_exceeds_allowed: "Copay above the allowed amount.",
  visits_beyond_coverage: "Visits beyond the plan's limit.",
};

export function warningTitle(code: string): string {
  return WARNING_TITLES[code] ?? `${code.charAt(0).toUpperCase()}${code.slice(1).replaceAll("_", " ")}.`;
}

/** The results block for a computed result. */
export function resultsHtml(p: Presentation): string {
  const figures = p.figures
    .map(
      (f) =>
        `<li class="figure${f.tone ? ` ${f.tone}` : ""}"><span class="figure-label">${e(f.label)}</span> <strong class="figure-value">${e(f.value)}</strong>${f.note ? ` <span class="figure-note">${e(f.note)}</span>` : ""}</li>`,
    )
    .join("");
  const charts = p.charts
    .map(
      (chart, i) =>
        `<figure class="chart-block chart-${chart.kind}" id="chart-${i + 1}"><h3>${e(chart.heading)}</h3><div class="chart-scroll">${chart.svg}</div><figcaption class="small muted">${e(chart.caption)}</figcaption><details class="chart-data"><summary>Data table</summary><div class="table-wrap">${tableHtml(chart.table)}</div></details></figure>`,
    )
    .join("");
  const steps = p.steps
    .map(
      (s, i) =>
        `<tr><td class="step-n">${i + 1}</td><th scope="row">${e(s.label)}</th><td class="step-working" data-label="Working">${e(s.working)}</td><td class="step-result" data-label="Result">${e(s.result)}</td></tr>`,
    )
    .join("");
  const inputs = p.inputs
    .map((row) => `<tr><th scope="row">${e(row.label)}</th><td>${e(row.value)}</td></tr>`)
    .join("");
  return (
    `${warningsHtml(p.calculator, p.warnings)}` +
    `<ul class="figures" aria-label="Key figures">${figures}</ul>` +
    `<p class="verdict">${e(p.verdict)}</p>` +
    `<div class="charts">${charts}</div>` +
    `<section class="calc-steps" aria-labelledby="calc-steps-h"><h3 id="calc-steps-h">How it was worked out</h3><div class="table-wrap"><table class="steps stack"><thead><tr><th scope="col">#</th><th scope="col">Step</th><th scope="col">Working</th><th scope="col">Result</th></tr></thead><tbody>${steps}</tbody></table></div></section>` +
    `<section class="inputs-summary" aria-labelledby="calc-inputs-h"><h3 id="calc-inputs-h">Inputs used</h3><table class="inputs"><tbody>${inputs}</tbody></table></section>`
  );
}

/** The results block when the inputs do not parse: what to fix, linked to each field. */
export function invalidResultsHtml(calculator: CalculatorId, errors: readonly FormError[]): string {
  const items = errorListItems(formModel(calculator), errors);
  return `<div class="banner invalid"><strong>No result yet: ${errors.length} input${errors.length === 1 ? " needs" : "s need"} fixing.</strong><ul>${items}</ul></div>`;
}

/** A one-line announcement for screen readers after a live update. */
export function announcement(p: Presentation | null, errors: readonly FormError[]): string {
  if (p === null) return `${errors.length} input${errors.length === 1 ? " needs" : "s need"} fixing; no result.`;
  const first = p.figures[0];
  return `Updated. ${first ? `${first.label}: ${first.value}. ` : ""}${p.verdict}`;
}
