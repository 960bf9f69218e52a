/**
 * Outcomes as CSV (RFC 4180): one row per outcome, CRLF line ends, every field quoted when it holds a comma, a
 * quote, CR or LF (quotes doubled). Text cells a spreadsheet would read as a formula (starting with = + - @, a tab
 * or CR) get one apostrophe in front, and so does text that already starts with one, so the guard is reversible:
 * drop one leading apostrophe from a text cell to get the value back (`unguardCell`). Numbers are written as
 * numbers (a negative change stays -18, which no spreadsheet runs).
 */
import { formatCitation } from "../domain/citation";
import { type ExportCollection, gradedRecords } from "./model";

/** The columns, in order: the header row. */
export const CSV_COLUMNS = [
  "slug",
  "title",
  "evidence_grade",
  "provenance",
  "metric",
  "label",
  "kind",
  "value",
  "unit",
  "per",
  "price_year",
  "baseline",
  "followup",
  "ci_low",
  "ci_high",
  "n",
  "comparison",
  "horizon_months",
  "source_citation",
  "source_url",
  "record_url",
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** The columns that hold numbers (written and read back as numbers; empty when the source gives none). */
export const CSV_NUMBER_COLUMNS: ReadonlySet<CsvColumn> = new Set([
  "price_year",
  "value",
  "baseline",
  "followup",
  "ci_low",
  "ci_high",
  "n",
  "horizon_months",
]);

const FORMULA_START = /^[=+\-@\t\r']/;

/** A text cell made safe to open in a spreadsheet (see the module comment). */
export function guardCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The value of a guarded text cell. */
export function unguardCell(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

/** One field, quoted when RFC 4180 needs it. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function numberCell(value: number | undefined): string {
  return value === undefined ? "" : String(value);
}

function sourceUrl(source: { url?: string; doi?: string; pmid?: string } | undefined): string {
  if (!source) return "";
  if (source.doi) return `https://doi.org/${source.doi}`;
  return source.url ?? (source.pmid ? `https://pubmed.ncbi.nlm.nih.gov/${source.pmid}/` : "");
}

/** The collection's outcomes as an RFC 4180 CSV document with a header row. */
export function toCsv(collection: ExportCollection): string {
  const lines = [CSV_COLUMNS.join(",")];
  for (const g of gradedRecords(collection)) {
    const r = g.record;
    for (const o of r.outcomes) {
      const source = r.sources.find((s) => s.key === o.source);
      const cells: Record<CsvColumn, string> = {
        slug: r.slug,
        title: r.title,
        evidence_grade: g.grade.grade,
        provenance: r.provenance,
        metric: o.metric,
        label: o.label ?? "",
        kind: o.kind,
        value: String(o.value),
        unit: o.unit,
        per: o.per ?? "",
        price_year: numberCell(o.price_year),
        baseline: numberCell(o.baseline),
        followup: numberCell(o.followup),
        ci_low: numberCell(o.ci_low),
        ci_high: numberCell(o.ci_high),
        n: numberCell(o.n),
        comparison: o.comparison,
        horizon_months: numberCell(o.horizon_months),
        source_citation: source ? formatCitation(source) : "",
        source_url: sourceUrl(source),
        record_url: g.url,
      };
      lines.push(
        CSV_COLUMNS.map((column) =>
          csvField(CSV_NUMBER_COLUMNS.has(column) ? cells[column] : guardCell(cells[column])),
        ).join(","),
      );
    }
  }
  return `${lines.join("\r\n")}\r\n`;
}
