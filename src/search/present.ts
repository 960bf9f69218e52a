/** Maps search rows to the API's shapes: hits with escaped snippets and key figures, facets with labels. */
import type { Outcome } from "../domain/case-study";
import { facetValueLabel } from "../domain/facets";
import { grades } from "../domain/grading";
import { escapeHtml } from "../domain/html";
import { cardFigures } from "../domain/key-figures";
import { effectScale } from "./effect";
import type { AnyHitRow, FacetCount, HitRow, Metric, SearchFacet } from "./model";
import type { SearchResponse } from "./schemas";

/**
 * FTS5 marks matches with \u0001 and \u0002 (characters no record text contains); everything is escaped first and
 * only then are the markers turned into <mark>, always balanced, so neither a query nor a stored text can inject
 * markup through a snippet.
 */
export function snippetHtml(snippet: string | null): string | null {
  if (snippet === null) return null;
  let out = "";
  let open = false;
  for (const part of snippet.split(/([\u0001\u0002])/)) {
    if (part === "\u0001") {
      if (!open) out += "<mark>";
      open = true;
    } else if (part === "\u0002") {
      if (open) out += "</mark>";
      open = false;
    } else {
      out += escapeHtml(part);
    }
  }
  return open ? `${out}</mark>` : out;
}

/** True when a snippet only repeats part of the summary (the card shows the summary already). */
export function snippetRepeatsSummary(snippet: string | null, summary: string): boolean {
  if (!snippet) return true;
  const plain = snippet
    .replace(/<\/?mark>/g, "")
    .replace(/^\u2026|\u2026$/g, "")
    .trim();
  return escapeHtml(summary).includes(plain);
}

/** Any hit of the API (told apart by `kind`). */
export type AnySearchHit = SearchResponse["hits"][number];
export type SearchHit = Extract<AnySearchHit, { kind: "case_study" }>;
export type FigureHit = Extract<AnySearchHit, { kind: "reference_figure" }>;
export type BriefHit = Extract<AnySearchHit, { kind: "brief" }>;

/** A hit row as the API shows it: case studies as before (plus `kind`), figures and briefs with their own fields. */
export function toAnyHit(row: AnyHitRow, origin: string, effectMetric: Metric | null): AnySearchHit {
  if (row.kind === "reference_figure") {
    return {
      kind: "reference_figure",
      slug: row.slug,
      title: row.title,
      value: row.value,
      low: row.low,
      high: row.high,
      unit: row.unit,
      per: row.per,
      price_year: row.price_year,
      provenance: row.provenance,
      quote: row.quote,
      snippet: snippetHtml(row.snippet),
      url: `${origin}/api/v1/reference-figures/${row.slug}`,
      page_url: `${origin}/reference-figures/${row.slug}`,
    };
  }
  if (row.kind === "brief") {
    return {
      kind: "brief",
      slug: row.slug,
      title: row.title,
      question: row.question,
      audience: row.audience,
      snippet: snippetHtml(row.snippet),
      url: `${origin}/briefs/${row.slug}`,
    };
  }
  return toHit(row, origin, effectMetric);
}

export function toHit(row: HitRow, origin: string, effectMetric: Metric | null): SearchHit {
  return {
    kind: "case_study",
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    snippet: snippetHtml(row.snippet),
    status: row.status,
    provenance: row.provenance,
    design: row.design,
    evidence_grade: row.grade,
    evidence_grade_reason: row.grade_reason,
    evidence_year: row.evidence_year,
    payer_types: row.payer_types ?? [],
    financing_models: row.financing_models ?? [],
    key_figures: cardFigures((row.outcomes ?? []) as Outcome[], { first: effectMetric }),
    effect: effectMetric ? { metric: effectMetric, score: row.e, scale: effectScale(effectMetric) } : null,
    url: `${origin}/api/v1/case-studies/${row.slug}`,
  };
}

export type FacetValues = SearchResponse["facets"][SearchFacet];

/**
 * Facet counts grouped by facet, most frequent first; selected values are kept even at zero so they can be
 * unchosen. Grade counts are cumulative (the count for B is A + B), because the grade filter is a minimum.
 */
export function groupFacets(
  counts: readonly FacetCount[],
  selected: Partial<Record<SearchFacet, readonly string[]>>,
  facets: readonly SearchFacet[],
): SearchResponse["facets"] {
  const out = {} as SearchResponse["facets"];
  for (const facet of facets) {
    const chosen = new Set(selected[facet] ?? []);
    const rows = counts.filter((c) => c.facet === facet);
    let values: FacetValues;
    if (facet === "grade") {
      let running = 0;
      values = [];
      for (const grade of grades) {
        running += rows.find((r) => r.value === grade)?.count ?? 0;
        if (running > 0 || chosen.has(grade)) {
          values.push({
            value: grade,
            label: facetValueLabel(facet, grade),
            count: running,
            selected: chosen.has(grade),
          });
        }
      }
    } else {
      values = rows
        .map((r) => ({
          value: r.value,
          label: facetValueLabel(facet, r.value),
          count: r.count,
          selected: chosen.has(r.value),
        }))
        .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
      for (const value of chosen) {
        if (!values.some((v) => v.value === value)) {
          values.push({ value, label: facetValueLabel(facet, value), count: 0, selected: true });
        }
      }
    }
    out[facet] = values;
  }
  return out;
}
