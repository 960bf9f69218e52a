/** Formats a source as a citation line (author-date, plain text parts so views can add links). */
import type { Source } from "./case-study";

/** "Cherkin, D. C., Sherman, K. J. et al." — at most three names, then "et al.". */
export function formatAuthors(authors: readonly string[] | undefined): string | null {
  if (!authors || authors.length === 0) return null;
  const shown = authors.slice(0, 3).join("; ");
  return authors.length > 3 ? `${shown} et al.` : shown;
}

export interface CitationParts {
  authors: string | null;
  year: string;
  title: string;
  publisher: string | null;
  doiUrl: string | null;
  pubmedUrl: string | null;
  url: string | null;
}

export function citationParts(source: Source): CitationParts {
  return {
    authors: formatAuthors(source.authors),
    year: source.year === undefined ? "n.d." : String(source.year),
    title: source.title,
    publisher: source.publisher ?? null,
    doiUrl: source.doi ? `https://doi.org/${source.doi}` : null,
    pubmedUrl: source.pmid ? `https://pubmed.ncbi.nlm.nih.gov/${source.pmid}/` : null,
    url: source.url ?? null,
  };
}

/** The whole citation as one plain-text line. */
export function formatCitation(source: Source): string {
  const p = citationParts(source);
  const head = p.authors ? `${p.authors} (${p.year}).` : `(${p.year}).`;
  const parts = [head, `${p.title.replace(/\.$/, "")}.`];
  if (p.publisher) parts.push(`${p.publisher}.`);
  if (source.doi) parts.push(`doi:${source.doi}.`);
  if (source.pmid) parts.push(`PMID ${source.pmid}.`);
  if (p.url && !source.doi) parts.push(p.url);
  return parts.join(" ");
}
