/**
 * Citations as RIS, the way reference managers (Zotero, EndNote, Mendeley) import it: `TY` first, one tag a line
 * as `XX  - value` with CRLF, one `AU` per author as "Family, Given", `PY` the year only, `DO` a bare DOI, `UR`,
 * the case studies that cite the work with their grade and provenance in `N1`, and `ER` last. Values are put on one
 * line (a newline inside a value would start a line that is no tag).
 */
import type { Source } from "../domain/case-study";
import { type CitedSource, citationNote, citedSources, type ExportCollection, gradedRecords, oneLine } from "./model";

/** RIS reference types by source kind (types Zotero maps to journal article, report, statute, newspaper, web page). */
const RIS_TYPE: Record<Source["kind"], string> = {
  journal_article: "JOUR",
  government_report: "RPRT",
  program_report: "RPRT",
  regulation: "GOVDOC",
  press_release: "GEN",
  news: "NEWS",
  web_page: "ELEC",
  source_document: "GEN",
};

function tag(name: string, value: string): string {
  return `${name}  - ${oneLine(value)}`;
}

/** One work as a RIS record (lines without the final CRLF). */
export function risRecord(cited: CitedSource): string[] {
  const s = cited.source;
  const lines = [tag("TY", RIS_TYPE[s.kind]), tag("ID", cited.id), tag("TI", s.title)];
  for (const author of s.authors ?? []) lines.push(tag("AU", author));
  if (s.publisher) {
    if (s.kind === "journal_article") lines.push(tag("JO", s.publisher), tag("T2", s.publisher));
    else if (s.kind === "news") lines.push(tag("T2", s.publisher));
    else lines.push(tag("PB", s.publisher));
  }
  if (s.year !== undefined) lines.push(tag("PY", String(s.year)));
  if (s.doi) lines.push(tag("DO", s.doi));
  if (s.url) lines.push(tag("UR", s.url));
  else if (s.doi) lines.push(tag("UR", `https://doi.org/${s.doi}`));
  if (s.pmid) lines.push(tag("AN", `PMID: ${s.pmid}`));
  if (s.accessed) lines.push(tag("Y2", s.accessed.replace(/-/g, "/")));
  lines.push(tag("N1", citationNote(cited)));
  lines.push("ER  - ");
  return lines;
}

/** Every source of the collection once, as one RIS document. */
export function toRis(collection: ExportCollection): string {
  const records = citedSources(gradedRecords(collection)).map((cited) => risRecord(cited).join("\r\n"));
  return `${records.join("\r\n\r\n")}\r\n`;
}
