/**
 * The model of search: what a search asks (SearchSpec), how results are ordered and resumed (sorts, cursor keys),
 * and what it answers (hits, facet counts, totals). Types and constants only; it imports nothing from search/, so
 * every other search module can depend on it without forming a cycle.
 */
import type { metrics } from "../domain/enums";
import { FACET_NAMES, type FacetName } from "../domain/facets";
import type { Grade } from "../domain/grading";

/** Facet names, as stored in case_study_facets.facet; each is also a filter (the list lives in domain/facets.ts). */
export const SEARCH_FACETS = FACET_NAMES;
export type SearchFacet = FacetName;

/** An outcome metric (what sort=effect ranks by). */
export type Metric = (typeof metrics.values)[number];

export const SORTS = ["relevance", "newest", "strongest", "effect"] as const;
export type Sort = (typeof SORTS)[number];

/** The statuses shown unless others are asked for. */
export const DEFAULT_STATUSES: readonly string[] = ["published"];

/** What a hit is: search finds case studies, reference figures and evidence briefs. */
export const KINDS = ["case_study", "reference_figure", "brief"] as const;
export type Kind = (typeof KINDS)[number];

/** Each kind's key in the page order (column t): ids are only unique within a kind, so (t, id) names a hit. */
export const KIND_KEYS: Record<Kind, number> = { case_study: 0, reference_figure: 1, brief: 2 };

/**
 * The grade key (g) of a hit that is not a case study: below every evidence grade's rank, so within a relevance band
 * graded evidence comes first, and sort=strongest lists figures and briefs after every case study.
 */
export const UNGRADED_KEY = -1;

/**
 * A search with words looks at no more than this many full-text matches of each index (the best by bm25, FTS5's
 * `ORDER BY rank`), so it reads a bounded number of rows whatever the corpus: hits, pages, totals and facet counts
 * are all of those candidates, and totals and counts are lower bounds when more match (SearchOutcome.totalExact).
 * The same number as the lists' count cap (src/records/read.ts, LIST_COUNT_CAP).
 */
export const SEARCH_CANDIDATE_CAP = 1000;

/** Sort key values of the last hit on a page, in the sort's key order (see ORDER_KEYS). */
export type CursorKey = (number | null)[];

/** A page's sort key columns per sort, in order; every order ends with the kind key and id, so it is total. */
export const ORDER_KEYS = {
  relevance: ["r", "g", "t", "id"],
  strongest: ["g", "t", "id"],
  newest: ["y", "t", "id"],
  effect: ["e", "g", "t", "id"],
} as const satisfies Record<Sort, readonly ("r" | "e" | "g" | "y" | "t" | "id")[]>;

export interface SearchSpec {
  /** FTS5 expression that must match (from parse.ts), or null for no words. */
  match: string | null;
  /** FTS5 expression of exclusions when there is nothing to match ("everything but"), else null. */
  excludeOnly: string | null;
  /** Active filters: facet → accepted values. `status` defaults to DEFAULT_STATUSES. */
  filters: Partial<Record<SearchFacet, readonly string[]>>;
  yearFrom: number | null;
  yearTo: number | null;
  sort: Sort;
  /** The metric ranked by sort=effect. */
  effectMetric: Metric | null;
  limit: number;
  /** Resume after this key (keyset pagination). */
  after: CursorKey | null;
  /**
   * The kinds searched (spec.ts, searchedKinds): the `kind` filter, narrowed to case studies when there are no words
   * or a case-study filter is active. Empty: nothing is searched for hits (facet counts are still case studies').
   */
  kinds: readonly Kind[];
  /**
   * `false` when a result set is read for its records, not shown (exports, the evidence summary): hits then carry no
   * snippet, which costs a full-text lookup per hit. Unset: snippets, as the search shows them.
   */
  snippets?: false;
}

/** A case study found (its hit row, as the statement returns it). */
export interface HitRow {
  kind: "case_study";
  t: number;
  id: number;
  slug: string;
  title: string;
  summary: string;
  status: string;
  provenance: string;
  design: string;
  grade: Grade;
  grade_reason: string;
  evidence_year: number | null;
  /** The record's outcomes, payer types and financing models, as stored in its JSON. */
  outcomes: unknown[];
  payer_types: string[];
  financing_models: string[];
  /** FTS5 snippet (from the body when the words are there) with \u0001 / \u0002 around matched words; null without a query. */
  snippet: string | null;
  r: number | null;
  e: number | null;
  g: number;
  y: number | null;
}

/** A reference figure found: what its card and API hit show. */
export interface FigureHitRow {
  kind: "reference_figure";
  t: number;
  id: number;
  slug: string;
  title: string;
  value: number;
  low: number | null;
  high: number | null;
  unit: string;
  per: string | null;
  price_year: number | null;
  provenance: string;
  quote: string;
  source_title: string;
  snippet: string | null;
  r: number | null;
  e: null;
  g: number;
  y: null;
}

/** An evidence brief found. */
export interface BriefHitRow {
  kind: "brief";
  t: number;
  id: number;
  slug: string;
  title: string;
  question: string;
  audience: string;
  snippet: string | null;
  r: number | null;
  e: null;
  g: number;
  y: null;
}

/** Any hit, told apart by `kind`. */
export type AnyHitRow = HitRow | FigureHitRow | BriefHitRow;

export interface FacetCount {
  facet: SearchFacet;
  value: string;
  count: number;
}

/** What a search found: the part of its outcome that depends only on the search and the data (and is cached). */
export type SearchAnswer = Omit<SearchOutcome, "cache">;

export interface SearchOutcome {
  hits: AnyHitRow[];
  total: number;
  /** The total split by kind (case studies alone are what the facets count and an export holds). */
  totalByKind: Record<Kind, number>;
  /**
   * Whether `total` and `totalByKind` are exact: false when the words match more records or documents of an index
   * than SEARCH_CANDIDATE_CAP, and the totals are then counted among the best that many (lower bounds).
   */
  totalExact: boolean;
  /** Whether the facet counts and `without` are exact: false when more case studies match than the cap. */
  facetsExact: boolean;
  facets: FacetCount[];
  /** Totals with one filter dropped, keyed by the filter (a facet name or "year"); only for active filters. */
  without: Partial<Record<SearchFacet | "year" | "filters", number>>;
  /** Key of the last hit when there are more, else null. */
  nextKey: CursorKey | null;
  /** Whether the answer came from this isolate's cache of results (see runSearch). */
  cache: "hit" | "miss" | "stale" | "bypass";
}
