/**
 * A record page's metadata (src/views/page-meta.tsx): the `citation_*` tags describe the record's primary source,
 * the work a reader saving the page to Zotero means to cite (the first journal article, else the first source);
 * JSON-LD describes the record itself as a schema.org Article citing its sources; the alternates are its JSON and
 * CSV exports.
 */
import type { Source } from "../domain/case-study";
import { conditions, modalities, provenances } from "../domain/enums";
import { EXPORT_FORMATS } from "../exports/index";
import type { CaseStudyRow } from "../records/read";
import type { PageMeta } from "../views/page-meta";
import { caseStudyExportPath } from "./exports";

/** The source a reference manager saves from the record page. */
export function primarySource(sources: readonly Source[]): Source | null {
  return sources.find((s) => s.kind === "journal_article") ?? sources[0] ?? null;
}

function sourceLd(source: Source): Record<string, unknown> {
  return {
    "@type": source.kind === "journal_article" ? "ScholarlyArticle" : "CreativeWork",
    name: source.title,
    ...(source.authors?.length
      ? { author: source.authors.map((name) => ({ "@type": name.includes(",") ? "Person" : "Organization", name })) }
      : {}),
    ...(source.year !== undefined ? { datePublished: String(source.year) } : {}),
    ...(source.publisher ? { publisher: { "@type": "Organization", name: source.publisher } } : {}),
    ...(source.doi ? { identifier: `https://doi.org/${source.doi}`, sameAs: `https://doi.org/${source.doi}` } : {}),
    ...(source.url ? { url: source.url } : {}),
  };
}

export function recordMeta(row: CaseStudyRow, origin: string): PageMeta {
  const r = row.record;
  const url = `${origin}/case-studies/${r.slug}`;
  const exportUrl = (format: "json" | "csv") => `${origin}${caseStudyExportPath(r.slug)}?format=${format}`;
  return {
    url,
    title: r.title,
    description: r.summary,
    citation: primarySource(r.sources),
    alternates: [
      {
        type: EXPORT_FORMATS.json.contentType.split(";")[0] as string,
        href: exportUrl("json"),
        title: "This record as JSON",
      },
      { type: "text/csv", href: exportUrl("csv"), title: "This record's outcomes as CSV" },
    ],
    jsonLd: {
      "@context": "https://schema.org",
      "@type": "Article",
      headline: r.title,
      description: r.summary,
      url,
      ...(r.reviewed ? { dateModified: r.reviewed } : {}),
      about: [...r.modalities.map(modalities.label), ...r.conditions.map(conditions.label)],
      isPartOf: { "@type": "WebSite", name: "Integrative Care Financing Evidence", url: origin },
      creativeWorkStatus: r.status,
      // Grade and provenance in words, so a reader of the data sees how far to trust it.
      abstract: `Evidence grade ${row.grade_reason}. Provenance: ${provenances.label(r.provenance)}.`,
      citation: r.sources.map(sourceLd),
    },
  };
}
