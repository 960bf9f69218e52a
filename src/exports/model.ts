/**
 * What every export is made from: a titled collection of contract-shaped case studies (one record, a search result
 * set or a brief), each with its derived evidence grade, and the words that carry grade and provenance into every
 * format. Pure: no I/O, no Hono, so the Worker, scripts and tests format the same strings.
 */
import type { CaseStudy, Source } from "../domain/case-study";
import { provenances } from "../domain/enums";
import { type EvidenceGrade, gradeEvidence } from "../domain/grading";

/** A collection to export: its title, what it is, where it lives, and its records in the order to show them. */
export interface ExportCollection {
  title: string;
  description?: string;
  /** The page this collection was exported from (a record page, a search), absolute. */
  url?: string;
  /** This site's origin ("https://example.org"), for links to record pages. */
  origin: string;
  records: readonly CaseStudy[];
}

/** A record with its grade (derived by the one rubric, never authored) and its page's address. */
export interface GradedRecord {
  record: CaseStudy;
  grade: EvidenceGrade;
  url: string;
}

export function gradedRecords(collection: ExportCollection): GradedRecord[] {
  return collection.records.map((record) => ({
    record,
    grade: gradeEvidence(record),
    url: `${collection.origin}/case-studies/${record.slug}`,
  }));
}

/** Provenance in words, as the record page says it. */
export const PROVENANCE_WORDS: Record<CaseStudy["provenance"], string> = {
  verified: "verified: every figure checked against a cited primary source, with a quote",
  reported: "reported: from a secondary source, not checked against primary data",
  illustrative: "illustrative: example figures with no identifiable primary source, not evidence",
};

/** "Evidence grade B (B: cohort study, verified, n=1,200); provenance verified: …" */
export function gradeAndProvenance(g: GradedRecord): string {
  return `Evidence grade ${g.grade.grade} (${g.grade.reason}); provenance ${PROVENANCE_WORDS[g.record.provenance]}`;
}

/** The short provenance mark: "Verified", "Reported", "Illustrative". */
export function provenanceMark(record: CaseStudy): string {
  return provenances.label(record.provenance);
}

/** A source as cited by one or more records of the collection (the same work cited twice is one citation). */
export interface CitedSource {
  /** A stable key: the first citing record's slug and the source's key. */
  id: string;
  source: Source;
  citedBy: GradedRecord[];
}

/** The identity of a work across records: its DOI, else its PubMed id, else its URL, else title and year. */
function workIdentity(source: Source): string {
  if (source.doi) return `doi:${source.doi.toLowerCase()}`;
  if (source.pmid) return `pmid:${source.pmid}`;
  if (source.url) return `url:${source.url}`;
  return `title:${source.title.trim().toLowerCase()}|${source.year ?? ""}|${source.publisher ?? ""}`;
}

/** Every source of the collection once, in order of first citation, with the records that cite it. */
export function citedSources(records: readonly GradedRecord[]): CitedSource[] {
  const byWork = new Map<string, CitedSource>();
  for (const g of records) {
    for (const source of g.record.sources) {
      const identity = workIdentity(source);
      const held = byWork.get(identity);
      if (held) {
        if (!held.citedBy.includes(g)) held.citedBy.push(g);
      } else {
        byWork.set(identity, { id: `${g.record.slug}-${source.key}`, source, citedBy: [g] });
      }
    }
  }
  return [...byWork.values()];
}

/** The note every citation format carries: which records cite the work, with their grade and provenance. */
export function citationNote(cited: CitedSource): string {
  return cited.citedBy
    .map((g) => `Source of the case study "${g.record.title}" (${g.url}). ${gradeAndProvenance(g)}.`)
    .join(" ");
}

/** Authors as the contract writes them ("Family, Given"), split; a name without a comma is an organisation. */
export function splitAuthor(author: string): { family: string; given?: string } | { literal: string } {
  const comma = author.indexOf(",");
  if (comma < 0) return { literal: author.trim() };
  const family = author.slice(0, comma).trim();
  const given = author.slice(comma + 1).trim();
  return given ? { family, given } : { family };
}

/** Text on one line: newlines and other control characters become single spaces (citation fields are one line). */
export function oneLine(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, " ")
    .replace(/ {2,}/g, " ")
    .trim();
}

/** A file name for a download: the collection's slug-like name and the format's extension. */
export function downloadName(base: string, extension: string): string {
  const safe = base
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
  return `${safe || "export"}.${extension}`;
}
