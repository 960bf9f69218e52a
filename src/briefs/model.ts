/**
 * What a brief page shows, built from a brief (curated or composed) and its records: the synthesis, the link into a
 * calculator, the caveats and the citations. Pure: the routes read D1, this decides, the views draw.
 */
import type { Brief } from "../domain/brief";
import type { CaseStudy, Outcome } from "../domain/case-study";
import { metrics } from "../domain/enums";
import { formatOutcomeValue } from "../domain/format";
import { formatNumber } from "../domain/numbers";
import { type Figure, median, type Synthesis, synthesise } from "../domain/synthesis";
import type { CaseStudyRow } from "../records/read";

export interface BriefModel {
  /** The curated brief, or null for a composed one. */
  curated: Brief | null;
  body_html: string | null;
  title: string;
  rows: CaseStudyRow[];
  synthesis: Synthesis;
  /** Slugs (or entries) asked for that name no record. */
  notFound: string[];
  /** Slugs dropped because the brief was full. */
  overCap: string[];
  calculator: CalculatorLink | null;
  caveats: string[];
  includeIllustrative: boolean;
  /** This page's address without the illustrative switch, and with it flipped. */
  path: string;
}

/** Metrics that count events, so a relative change in them is a "reduction" the Program ROI calculator takes. */
const EVENT_LINES: Partial<Record<Outcome["metric"], string>> = {
  readmissions_30d: "Readmissions",
  hospitalizations: "Hospital admissions",
  ed_visits: "ED visits",
  opioid_fills: "Opioid prescription fills",
  opioid_mme: "Opioid prescriptions (dose)",
  advanced_imaging: "Advanced imaging",
  outpatient_visits: "Outpatient visits",
  preterm_birth: "Preterm births",
  low_birthweight: "Low-birthweight births",
  nicu_admissions: "NICU admissions",
  c_section_rate: "Cesarean deliveries",
};

/** A link into the Program ROI calculator with one savings line taken from the brief's evidence. */
export interface CalculatorLink {
  href: string;
  metric: Outcome["metric"];
  line: string;
  reductionPct: number;
  figures: Figure[];
}

/**
 * The first metric of the brief (in its order) with relative changes in an event count from non-illustrative
 * records: their median, turned into a reduction, becomes the calculator's first savings line. The other inputs stay
 * the calculator's own example values, and the page says so.
 */
export function calculatorLink(synthesis: Synthesis): CalculatorLink | null {
  for (const m of synthesis.metrics) {
    const line = EVENT_LINES[m.metric];
    if (!line) continue;
    const figures = [...m.groups.flatMap((g) => g.figures), ...m.apart].filter(
      (f) => !f.illustrative && f.outcome.kind === "relative_change" && f.outcome.unit === "percent",
    );
    if (figures.length === 0) continue;
    const reductionPct = Math.round(-median(figures.map((f) => f.outcome.value)) * 10) / 10;
    if (reductionPct < -100 || reductionPct > 100) continue;
    const params = new URLSearchParams([
      ["savings_lines", "1"],
      ["savings_lines[0].label", line],
      ["savings_lines[0].reduction_pct", String(reductionPct)],
    ]);
    const query = params.toString().replace(/%5B/g, "[").replace(/%5D/g, "]");
    return { href: `/calculators/program-roi?${query}`, metric: m.metric, line, reductionPct, figures };
  }
  return null;
}

/** The figure's value as its record shows it, or another value (a median) in the same kind and unit. */
export function formatAs(o: Outcome, value: number = o.value): string {
  return formatOutcomeValue({ ...o, value, ci_low: undefined, ci_high: undefined });
}

function automaticCaveats(rows: readonly CaseStudyRow[], synthesis: Synthesis, include: boolean): string[] {
  const out: string[] = [];
  const count = (p: string) => rows.filter((r) => r.record.provenance === p).length;
  const reported = count("reported");
  const illustrative = count("illustrative");
  if (reported) {
    out.push(
      `${reported} of ${rows.length} records are reported: their figures come from a secondary source and have not been checked against the primary data.`,
    );
  }
  if (illustrative) {
    out.push(
      include
        ? `${illustrative} illustrative record${illustrative === 1 ? " is" : "s are"} pooled here because you asked: illustrative figures have no identifiable source and are not evidence.`
        : `${illustrative} illustrative record${illustrative === 1 ? " is" : "s are"} shown apart and never pooled: illustrative figures have no identifiable source and are not evidence.`,
    );
  }
  for (const left of synthesis.left_out)
    out.push(`"${left.title}" is left out of the synthesis: it is ${left.reason}.`);
  if (rows.some((r) => r.record.outcomes.some((o) => o.unit === "usd" && o.price_year === undefined))) {
    out.push("Dollar amounts whose year the source does not state are shown as reported, not adjusted for inflation.");
  }
  out.push(
    "A median or weighted mean here summarises the figures shown; it is not a meta-analysis: studies differ in population, design and follow-up, and several figures from one record can sit in one pool.",
  );
  return out;
}

export interface BriefInput {
  curated: Brief | null;
  body_html: string | null;
  rows: CaseStudyRow[];
  notFound: string[];
  overCap: string[];
  includeIllustrative: boolean;
  path: string;
}

/** Builds the page model: synthesis over the records (in the brief's metric order for a curated brief). */
export function briefModel(input: BriefInput): BriefModel {
  const records = input.rows.map((row) => ({
    slug: row.record.slug,
    title: row.record.title,
    grade: row.grade,
    provenance: row.record.provenance,
    status: row.record.status,
    outcomes: row.record.outcomes,
    sources: row.record.sources,
    ...(row.record.population.size !== undefined ? { population_size: row.record.population.size } : {}),
  }));
  const synthesis = synthesise(records, {
    ...(input.curated ? { metrics: input.curated.metrics } : {}),
    includeIllustrative: input.includeIllustrative,
  });
  return {
    curated: input.curated,
    body_html: input.body_html,
    title: input.curated?.title ?? "Composed brief",
    rows: input.rows,
    synthesis,
    notFound: input.notFound,
    overCap: input.overCap,
    calculator: calculatorLink(synthesis),
    caveats: [...(input.curated?.caveats ?? []), ...automaticCaveats(input.rows, synthesis, input.includeIllustrative)],
    includeIllustrative: input.includeIllustrative,
    path: input.path,
  };
}

/** One sentence per metric for a composed brief, which has no curated key messages: what the pooled figures say. */
export function composedMessages(synthesis: Synthesis): string[] {
  const out: string[] = [];
  for (const m of synthesis.metrics) {
    const group = m.groups[0];
    if (!group) continue;
    const first = group.figures[0]?.outcome as Outcome;
    out.push(
      `${metrics.label(m.metric)}: ${group.count} comparable figures from ${new Set(group.figures.map((f) => f.slug)).size} record(s), median ${formatAs(first, group.median)} (range ${formatAs(first, group.min)} to ${formatAs(first, group.max)}).`,
    );
    if (out.length === 3) break;
  }
  return out;
}

/** Every source of every record, numbered once, in record order (the citations section). */
export function citationsOf(rows: readonly CaseStudyRow[]): { record: CaseStudy; sources: CaseStudy["sources"] }[] {
  return rows.map((row) => ({ record: row.record, sources: row.record.sources }));
}

/** "n=1,262" or nothing. */
export function sizeText(n: number | null): string {
  return n === null ? "size not stated" : `n=${formatNumber(n, 0)}`;
}
