/** What the knowledge base derives from a record on write: grade, rendered body, search text and filter keys. */
import type { CaseStudy } from "./case-study";
import { metrics } from "./enums";
import { type Grade, gradeEvidence, gradeRank } from "./grading";
import { markdownToText, renderMarkdown } from "./markdown";

const COST_METRICS = new Set<CaseStudy["outcomes"][number]["metric"]>([
  "total_cost_of_care",
  "cost_per_patient",
  "savings_per_patient",
  "roi_ratio",
  "pharmacy_cost",
]);

export interface DerivedFields {
  grade: Grade;
  grade_rank: number;
  grade_reason: string;
  evidence_year: number | null;
  has_cost_figures: boolean;
  body_html: string;
  body_text: string;
  tags_text: string;
  details_text: string;
}

/** The year a record's evidence speaks for: the period's end, else its start, else the newest source. */
export function evidenceYear(record: CaseStudy): number | null {
  const period = record.period?.end ?? record.period?.start;
  if (period) return Number(period.slice(0, 4));
  const years = record.sources.map((s) => s.year).filter((y): y is number => y !== undefined);
  return years.length ? Math.max(...years) : null;
}

/** True when a record states money or return figures (for the "has cost/ROI figures" filter). */
export function hasCostFigures(record: CaseStudy): boolean {
  return record.outcomes.some((o) => o.unit === "usd" || COST_METRICS.has(o.metric));
}

/**
 * The searchable text of every field the title, summary, tags and body do not hold: organisation and region, each
 * outcome's label, its metric's name in words and as written in the data ("ed visits"), quotes, and each source's
 * title, authors, publisher, year, DOI and PMID. Indexed with a weight below title and summary (search/statement.ts).
 */
export function detailsText(record: CaseStudy): string {
  const parts: (string | number | undefined)[] = [record.setting.organization, record.setting.region];
  for (const o of record.outcomes) parts.push(o.label, metrics.label(o.metric), o.metric.replaceAll("_", " "), o.quote);
  for (const s of record.sources) parts.push(s.title, ...(s.authors ?? []), s.publisher, s.year, s.doi, s.pmid);
  // Distinct pieces only: a metric named by many outcomes should not outweigh the rest of the record.
  return [...new Set(parts.filter((p) => p !== undefined && p !== "").map(String))].join("\n");
}

export function deriveFields(record: CaseStudy): DerivedFields {
  const { grade, reason } = gradeEvidence(record);
  return {
    grade,
    grade_rank: gradeRank(grade),
    grade_reason: reason,
    evidence_year: evidenceYear(record),
    has_cost_figures: hasCostFigures(record),
    body_html: renderMarkdown(record.body),
    body_text: markdownToText(record.body),
    tags_text: record.tags.join(" "),
    details_text: detailsText(record),
  };
}
