/**
 * Citations as CSL-JSON, the format of citeproc and Zotero's "Import from clipboard": one item per work with
 * `type`, `id`, `title`, `author` (family/given, or a literal for an organisation), `issued` date-parts, `DOI`,
 * `URL`, `container-title` or `publisher`, and the citing case studies with their grade and provenance in `note`.
 */
import * as z from "zod/mini";
import type { Source } from "../domain/case-study";
import {
  type CitedSource,
  citationNote,
  citedSources,
  type ExportCollection,
  gradedRecords,
  splitAuthor,
} from "./model";

const CSL_TYPE: Record<Source["kind"], string> = {
  journal_article: "article-journal",
  government_report: "report",
  program_report: "report",
  regulation: "legislation",
  press_release: "article",
  news: "article-newspaper",
  web_page: "webpage",
  source_document: "document",
};

const nameSchema = z.union([
  z.object({ family: z.string(), given: z.optional(z.string()) }),
  z.object({ literal: z.string() }),
]);

const dateSchema = z.object({ "date-parts": z.array(z.array(z.int())) });

/** A CSL-JSON item as this export writes it (declared for the OpenAPI document). */
export const cslItemSchema = z.object({
  id: z.string(),
  type: z.string(),
  title: z.string(),
  author: z.optional(z.array(nameSchema)),
  issued: z.optional(dateSchema),
  accessed: z.optional(dateSchema),
  "container-title": z.optional(z.string()),
  publisher: z.optional(z.string()),
  DOI: z.optional(z.string()),
  PMID: z.optional(z.string()),
  URL: z.optional(z.string()),
  note: z.string(),
});

export const cslExportSchema = z.array(cslItemSchema).register(z.globalRegistry, { id: "CslJson" });

export type CslItem = z.output<typeof cslItemSchema>;

function isoDateParts(date: string): number[] {
  return date.split("-").map(Number);
}

export function cslItem(cited: CitedSource): CslItem {
  const s = cited.source;
  const containerKind = s.kind === "journal_article" || s.kind === "news" || s.kind === "web_page";
  return {
    id: cited.id,
    type: CSL_TYPE[s.kind],
    title: s.title,
    ...(s.authors?.length ? { author: s.authors.map(splitAuthor) } : {}),
    ...(s.year !== undefined ? { issued: { "date-parts": [[s.year]] } } : {}),
    ...(s.accessed ? { accessed: { "date-parts": [isoDateParts(s.accessed)] } } : {}),
    ...(s.publisher ? (containerKind ? { "container-title": s.publisher } : { publisher: s.publisher }) : {}),
    ...(s.doi ? { DOI: s.doi } : {}),
    ...(s.pmid ? { PMID: s.pmid } : {}),
    ...(s.url ? { URL: s.url } : s.doi ? { URL: `https://doi.org/${s.doi}` } : {}),
    note: citationNote(cited),
  };
}

export function toCslItems(collection: ExportCollection): CslItem[] {
  return citedSources(gradedRecords(collection)).map(cslItem);
}

/** Every source of the collection once, as a CSL-JSON array. */
export function toCslJson(collection: ExportCollection): string {
  return `${JSON.stringify(toCslItems(collection), null, 2)}\n`;
}
