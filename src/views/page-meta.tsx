/**
 * What a record (or brief) page tells machines about itself, in the page head: `citation_*` tags for the Zotero
 * Connector and Google Scholar (which read these and ignore JSON-LD), schema.org JSON-LD for search engines, Open
 * Graph for link previews, and `<link rel="alternate">` to its exports. One helper, so record and brief pages
 * describe themselves alike.
 *
 * JSON-LD sits in `<script type="application/ld+json">`: a data block, which browsers never run, so the CSP
 * (script-src 'self') does not apply to it. Its text is JSON with `<`, `>`, `&` and the two JavaScript line
 * separators written as \u escapes, so no title can close the element (`</script>`) or open a comment.
 */
import { raw } from "hono/html";
import type { Source } from "../domain/case-study";

export interface AlternateLink {
  type: string;
  href: string;
  title: string;
}

export interface PageMeta {
  /** The page's own absolute address. */
  url: string;
  title: string;
  description: string;
  /** The work a reference manager should save from this page (the record's primary source), when there is one. */
  citation?: Source | null;
  jsonLd?: Record<string, unknown>;
  alternates?: readonly AlternateLink[];
}

/** JSON safe inside a `<script>` data block (see the module comment). */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data).replace(
    /[<>&\u2028\u2029]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** The `citation_*` tags of a source, as Highwire Press names them (what the Zotero Connector reads). */
export function citationTags(source: Source): [string, string][] {
  const tags: [string, string][] = [["citation_title", source.title]];
  for (const author of source.authors ?? []) tags.push(["citation_author", author]);
  if (source.year !== undefined) tags.push(["citation_publication_date", String(source.year)]);
  if (source.publisher) {
    tags.push([source.kind === "journal_article" ? "citation_journal_title" : "citation_publisher", source.publisher]);
  }
  if (source.doi) tags.push(["citation_doi", source.doi]);
  if (source.pmid) tags.push(["citation_pmid", source.pmid]);
  if (source.url)
    tags.push([/\.pdf($|[?#])/i.test(source.url) ? "citation_pdf_url" : "citation_abstract_html_url", source.url]);
  return tags;
}

/** The head tags for a page's metadata (put them in the Layout's `head`). */
export function PageMetaTags({ meta }: { meta: PageMeta }) {
  return (
    <>
      <link rel="canonical" href={meta.url} />
      {(meta.citation ? citationTags(meta.citation) : []).map(([name, content]) => (
        <meta name={name} content={content} />
      ))}
      <meta property="og:type" content="article" />
      <meta property="og:site_name" content="Integrative Care Financing Evidence" />
      <meta property="og:title" content={meta.title} />
      <meta property="og:description" content={meta.description} />
      <meta property="og:url" content={meta.url} />
      {(meta.alternates ?? []).map((link) => (
        <link rel="alternate" type={link.type} href={link.href} title={link.title} />
      ))}
      {meta.jsonLd ? <script type="application/ld+json">{raw(jsonLdText(meta.jsonLd))}</script> : null}
    </>
  );
}
