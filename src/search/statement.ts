/**
 * The search statement, built from a validated SearchSpec, and how its rows become an answer (readResult). One
 * search is ONE D1 statement (one round trip): the page of hits, the total, the totals without each filter and every
 * facet's counts. One statement rather than a batch of two, so the full-text matches are found, ranked and flagged
 * once for both the hits and the counts.
 *
 * Safety: the FTS5 expression, years, cursor keys and limit are bound parameters. Filter values are inlined as SQL
 * literals, because a request may carry dozens of them and D1 allows only 100 bound parameters per statement; they
 * are enumeration values already validated by zod, and `literal()` refuses anything but [A-Za-z0-9_] regardless.
 * The candidate cap and the rank functions' weights are the module's own constants, inlined likewise.
 *
 * Facet semantics (standard faceted search): values within a facet are ORed, facets are ANDed, and the counts shown
 * for facet F apply every active filter except F's own, so each count is exactly the total you get by choosing that
 * value instead. This is done in one statement: a CTE of candidate ids, one 0/1 flag per active filter for each
 * candidate, and conditional counts over the candidates' facet rows.
 *
 * The unfiltered browse (no words, no filters, default status) reads the precomputed facet_counts table
 * (schema/0002_search.sql) and the first page straight from the (status, grade_rank DESC, id) index, so it never
 * reads every record. A search with words reads the best SEARCH_CANDIDATE_CAP matches of each full-text index and
 * no others (bestMatches), so its rows read are bounded too: its hits, pages, totals and counts are of those, and the
 * answer says when they are lower bounds (totalExact, facetsExact).
 */
import type { BoundStatement, SqlValue } from "../db/statements";
import { statuses } from "../domain/enums";
import { outcomeScoreSql } from "./effect";
import { countFacetKeys, type FacetCounting } from "./facet-keys";
import {
  type AnyHitRow,
  type CursorKey,
  DEFAULT_STATUSES,
  type FacetCount,
  KIND_KEYS,
  type Kind,
  ORDER_KEYS,
  SEARCH_CANDIDATE_CAP,
  SEARCH_FACETS,
  type SearchAnswer,
  type SearchFacet,
  type SearchOutcome,
  type SearchSpec,
  type Sort,
  UNGRADED_KEY,
} from "./model";

/**
 * bm25 column weights, in the order of case_studies_fts's columns: title and summary over tags over the body and the
 * details (organisation, outcomes, quotes, sources: schema/0010). Details weigh as much as the body: a word found only
 * in an author list or a quote should find the record, never outrank one whose title or summary says it.
 */
export const BM25_WEIGHTS = { title: 6, summary: 4, tags_text: 2, body_text: 1, details_text: 1 } as const;

/**
 * The weights as FTS5's rank function (`rank MATCH '…'`): with `ORDER BY rank … LIMIT`, FTS5 hands the best matches
 * over in order and the statement stops at the cap, so it reads the cap's rows, not every match's (ordering by a
 * bm25() expression instead makes SQLite read and sort every match; measured in local D1: 10,026 rows for 5,000
 * matches against 999 for `ORDER BY rank LIMIT 1000`). A constant, never user text.
 */
const BM25_RANK = `'bm25(${Object.values(BM25_WEIGHTS).join(", ")})'`;

/**
 * bm25 column weights of search_docs (schema/0011), the reference figures' and briefs' index: title over the lead
 * (a figure's quote, a brief's question) over the body and the details, as for case studies; kind and ref_id are
 * never matched.
 */
export const BM25_DOC_WEIGHTS = { title: 6, lead: 4, body: 1, details: 1, kind: 0, ref_id: 0 } as const;

const BM25_DOC_RANK = `'bm25(${Object.values(BM25_DOC_WEIGHTS).join(", ")})'`;

/**
 * Relevance bands: bm25 relative to the best match of the same search, in steps of 1/RELEVANCE_BANDS (5%). Scores
 * that close are noise of document length and term frequency, so within a band the stronger evidence grade comes
 * first, then the id (the order must be total for stable pages). The band is an integer, so keyset comparisons on
 * it are exact.
 */
export const RELEVANCE_BANDS = 20;

// ---------------------------------------------------------------------------------------------------------------
// Filters as SQL

/** Filter values are enumeration values or country codes; anything else is a bug upstream, so refuse loudly. */
function literal(value: string): string {
  if (!/^[A-Za-z0-9_]+$/.test(value)) throw new Error(`refusing to inline filter value ${JSON.stringify(value)}`);
  return `'${value}'`;
}

function list(values: readonly string[]): string {
  return values.map(literal).join(", ");
}

/** Single-valued facets are columns of case_studies; the others live only in case_study_facets. */
const COLUMN: Partial<Record<SearchFacet, string>> = {
  status: "c.status",
  provenance: "c.provenance",
  design: "c.design",
  care_setting: "c.care_setting",
  country: "c.country",
  grade: "c.grade",
};

/**
 * A filter as a predicate on the row `c`. Multi-valued facets are a correlated EXISTS on the primary key
 * (facet, value, case_study_id): a few index probes per candidate, which is what a search wants when the candidates
 * come from the full-text index or a filter. It is the same test the facet rows count. (Looking for the value's
 * token in the candidate's facet_keys instead measured slower: instr over the text costs more than the probe.)
 */
function filterPredicate(facet: SearchFacet, values: readonly string[]): string {
  if (values.length === 0) return "0";
  if (facet === "has_cost_figures") return values.includes("true") ? "c.has_cost_figures = 1" : "0";
  const column = COLUMN[facet];
  if (column) return `${column} IN (${list(values)})`;
  return `EXISTS (SELECT 1 FROM case_study_facets x WHERE x.facet = ${literal(facet)} AND x.value IN (${list(values)}) AND x.case_study_id = c.id)`;
}

/** Candidate ids for one filter, straight from the (facet, value, case_study_id) primary key. */
function filterIds(facet: SearchFacet, values: readonly string[]): string {
  return `SELECT case_study_id AS id FROM case_study_facets WHERE facet = ${literal(facet)} AND value IN (${list(values)})`;
}

class Params {
  readonly values: SqlValue[] = [];
  private readonly index = new Map<SqlValue, number>();
  /** Binds a value (reusing the slot of an equal string, e.g. the FTS expression used twice). */
  bind(value: SqlValue): string {
    if (typeof value === "string") {
      const existing = this.index.get(value);
      if (existing) return `?${existing}`;
    }
    this.values.push(value);
    if (typeof value === "string") this.index.set(value, this.values.length);
    return `?${this.values.length}`;
  }
}

function statusesOf(spec: SearchSpec): readonly string[] {
  return spec.filters.status?.length ? spec.filters.status : DEFAULT_STATUSES;
}

function isDefaultStatus(spec: SearchSpec): boolean {
  const s = statusesOf(spec);
  return s.length === DEFAULT_STATUSES.length && s.every((v) => DEFAULT_STATUSES.includes(v));
}

/** The active user filters (not status), in a fixed order. */
function userFilters(spec: SearchSpec): [SearchFacet, readonly string[]][] {
  return SEARCH_FACETS.filter((f) => f !== "status" && spec.filters[f] !== undefined).map((f) => [
    f,
    spec.filters[f] as readonly string[],
  ]);
}

function yearPredicate(spec: SearchSpec, params: Params): string | null {
  const parts: string[] = [];
  if (spec.yearFrom !== null) parts.push(`c.evidence_year >= ${params.bind(spec.yearFrom)}`);
  if (spec.yearTo !== null) parts.push(`c.evidence_year <= ${params.bind(spec.yearTo)}`);
  return parts.length ? parts.join(" AND ") : null;
}

function excludeOnlyPredicate(spec: SearchSpec, params: Params): string | null {
  if (spec.match !== null || spec.excludeOnly === null) return null;
  return `c.id NOT IN (SELECT rowid FROM case_studies_fts WHERE case_studies_fts MATCH ${params.bind(spec.excludeOnly)})`;
}

// ---------------------------------------------------------------------------------------------------------------
// Order, and the one statement

interface Order {
  /** ORDER BY over the page columns r, e, g, y, t, id. */
  orderBy: string;
  /**
   * The same order among case studies alone (their t is always 0): what the browse's index walk must match, with no
   * constant term to confuse the planner.
   */
  caseOrderBy: string;
  /** The cursor's key columns, in order (ORDER_KEYS). */
  keys: readonly ("r" | "e" | "g" | "y" | "t" | "id")[];
  /** WHERE for "strictly after this key", over the same columns. */
  after(key: CursorKey, params: Params): string;
}

/** Key arrays hold exactly one value per key column; the route validates the shape before it gets here. */
function k(key: CursorKey, i: number): number | null {
  return key[i] ?? null;
}

/** "After (t, id)": the end of every order, the kind key then the id (ids are unique only within a kind). */
function afterKindId(key: CursorKey, from: number, p: Params): string {
  const [t, id] = [p.bind(k(key, from)), p.bind(k(key, from + 1))];
  return `(t > ${t} OR (t = ${t} AND id > ${id}))`;
}

/** Every order ends with the kind key and the id, so it is total: keyset pages never repeat or skip a hit. */
export function orderOf(sort: Sort): Order {
  switch (sort) {
    case "relevance":
      return {
        orderBy: "r, g DESC, t, id",
        caseOrderBy: "r, g DESC, id",
        keys: ORDER_KEYS.relevance,
        after: (key, p) => {
          const [r, g] = [p.bind(k(key, 0)), p.bind(k(key, 1))];
          return `(r > ${r} OR (r = ${r} AND (g < ${g} OR (g = ${g} AND ${afterKindId(key, 2, p)}))))`;
        },
      };
    case "strongest":
      // Matches the (status, grade_rank DESC, id) index, so the browse walks it in order.
      return {
        orderBy: "g DESC, t, id",
        caseOrderBy: "g DESC, id",
        keys: ORDER_KEYS.strongest,
        after: (key, p) => {
          const g = p.bind(k(key, 0));
          return `(g <= ${g} AND (g < ${g} OR ${afterKindId(key, 1, p)}))`;
        },
      };
    case "newest":
      // Matches the (status, evidence_year DESC, id) index; records without a year come last (SQLite sorts NULL
      // lowest, so last in DESC).
      return {
        orderBy: "y DESC, t, id",
        caseOrderBy: "y DESC, id",
        keys: ORDER_KEYS.newest,
        after: (key, p) => {
          const tail = afterKindId(key, 1, p);
          if (k(key, 0) === null) return `(y IS NULL AND ${tail})`;
          const y = p.bind(k(key, 0));
          return `((y <= ${y} AND (y < ${y} OR ${tail})) OR y IS NULL)`;
        },
      };
    case "effect":
      return {
        orderBy: "e DESC, g DESC, t, id",
        caseOrderBy: "e DESC, g DESC, id",
        keys: ORDER_KEYS.effect,
        after: (key, p) => {
          const g = p.bind(k(key, 1));
          const tie = `(g < ${g} OR (g = ${g} AND ${afterKindId(key, 2, p)}))`;
          if (k(key, 0) === null) return `(e IS NULL AND ${tie})`;
          const e = p.bind(k(key, 0));
          return `(e IS NULL OR e < ${e} OR (e = ${e} AND ${tie}))`;
        },
      };
  }
}

function effectSql(spec: SearchSpec): string {
  if (spec.sort !== "effect" || !spec.effectMetric) return "NULL";
  return `(SELECT max(${outcomeScoreSql(spec.effectMetric)}) FROM outcomes o WHERE o.case_study_id = c.id AND o.metric = ${literal(spec.effectMetric)})`;
}

type PredicateId = SearchFacet | "nq" | "year";

interface Predicate {
  id: PredicateId;
  sql: string;
}

/** Which facets can be read from facet_counts: those whose counts depend on no active filter but the default status. */
function precomputedFacets(spec: SearchSpec): SearchFacet[] {
  const others = userFilters(spec).map(([f]) => f);
  const noText = spec.match === null && spec.excludeOnly === null;
  const noYear = spec.yearFrom === null && spec.yearTo === null;
  if (!noText || !noYear) return [];
  return SEARCH_FACETS.filter((facet) => {
    if (facet === "status") return others.length === 0;
    return isDefaultStatus(spec) && others.every((f) => f === facet);
  });
}

/**
 * The narrow columns every candidate needs, read from the covering index case_studies_search_keys (schema/0003,
 * rebuilt with facet_keys in schema/0004).
 */
const KEY_COLUMNS =
  "k.id AS id, k.status AS status, k.grade_rank AS grade_rank, k.evidence_year AS evidence_year, k.provenance AS provenance, k.design AS design, k.care_setting AS care_setting, k.country AS country, k.grade AS grade, k.has_cost_figures AS has_cost_figures, k.facet_keys AS facet_keys";

/** The display columns of one hit, as one JSON object (every part of the answer shares one result shape). */
function hitJson(snippet: string): string {
  return `json_object('kind', 'case_study', 't', p.t, 'id', p.id, 'r', p.r, 'e', p.e, 'g', p.g, 'y', p.y, 'slug', c.slug, 'title', c.title,
    'summary', c.summary, 'status', c.status, 'provenance', c.provenance, 'design', c.design, 'grade', c.grade,
    'grade_reason', c.grade_reason, 'evidence_year', c.evidence_year, 'outcomes', c.record_json -> '$.outcomes',
    'payer_types', c.record_json -> '$.payer_types', 'financing_models', c.record_json -> '$.financing_models',
    'snippet', ${snippet})`;
}

/**
 * Candidates' facet-key lines travel in one row per 2^KEYS_CHUNK_BITS consecutive ids: D1 refuses a value over its
 * size limit (SQLITE_TOOBIG, seen at 100k records with one row for all of them), and a line is a few hundred bytes at
 * most, so 512 of them stay far below it, while 100k records still make only ~200 rows.
 */
export const KEYS_CHUNK_BITS = 9;

/**
 * The best SEARCH_CANDIDATE_CAP full-text matches of an index as rows (id = the index's rowid, s = its rank, lower is
 * better). FTS5 ranks them and hands them over in order, so the statement stops at the cap (see BM25_RANK); ties at the
 * cap fall the same way for the same data, so keyset pages over the candidates stay stable. (FTS5 still scores every
 * match to find the best, in memory; what it reads as rows is the cap.)
 */
function bestMatches(table: string, rank: string, match: string, where = ""): string {
  return `SELECT ${table}.rowid AS id, ${table}.rank AS s FROM ${table}
      WHERE ${table} MATCH ${match} AND ${table}.rank MATCH ${rank} ${where}
      ORDER BY ${table}.rank LIMIT ${SEARCH_CANDIDATE_CAP}`;
}

/**
 * Whether an index has more matches than the cap: its matches counted in rowid order up to the cap + 1, which FTS5
 * streams without ranking (a window over the ranked candidates measured three times the rows read).
 */
function moreThanCap(table: string, match: string, where = ""): string {
  return `((SELECT count(*) FROM (SELECT 1 FROM ${table} WHERE ${table} MATCH ${match} ${where} LIMIT ${SEARCH_CANDIDATE_CAP + 1})) > ${SEARCH_CANDIDATE_CAP})`;
}

/** A search statement, and how to count the facet keys it returns (null when every count is precomputed). */
export interface SearchStatement extends BoundStatement {
  counting: FacetCounting | null;
}

/**
 * The whole search as ONE statement: the page of hits, the total, the "without this filter" totals and every
 * facet's counts. Rows share one shape (kind, facet, value, n, data): kind 'hit' (n = position, data = the hit as
 * JSON), 'counts' (data = totals as JSON), 'facet' (facet, value, n: a precomputed count), 'keys' (data = the
 * candidates' flags and facet keys, counted by countFacetKeys in src/search/facet-keys.ts).
 *
 * Candidates (CTE m): every count is over records that pass all active predicates but at most one, so m only
 * needs ids that pass some predicate of every such set. With words, the full-text matches are that set, cut to the
 * best SEARCH_CANDIDATE_CAP (so every count is over those, exact when no more match). Without,
 * the union of two filters' ids (or one filter and the status) always is; the whole table is only read when the
 * only active predicate is a non-default status or an exclusion. Candidates are read once, through the covering
 * index, and flagged once per predicate; hits and counts both come from those flags.
 *
 * The unfiltered browse needs no candidates at all: its counts are facet_counts, its page the index order.
 */
export function searchStatement(spec: SearchSpec): SearchStatement {
  const params = new Params();
  const order = orderOf(spec.sort);
  const precomputed = new Set(precomputedFacets(spec));
  const live = SEARCH_FACETS.filter((f) => !precomputed.has(f));
  const publishedTotal = "coalesce((SELECT n FROM facet_counts WHERE facet = 'status' AND value = 'published'), 0)";
  const rank = `row_number() OVER (ORDER BY ${order.orderBy})`;
  // The browse's rank follows the index order it walks (its hits are all case studies, t = 0).
  const caseRank = `row_number() OVER (ORDER BY ${order.caseOrderBy})`;
  const cases = spec.kinds.includes("case_study");
  // Case studies not searched (a `kind` filter without them): the parts that read them still run, for the facet
  // counts, but yield no hit and count none.
  const casesOnly = cases ? "" : "AND 0";

  if (live.length === 0) {
    // The browse: walk the (status, grade_rank DESC, id) or (status, evidence_year DESC, id) index to the page.
    // Only case studies are browsed (other kinds need words: spec.ts), so their order needs no kind key.
    const after = spec.after ? `AND ${order.after(spec.after, params)}` : "";
    const page = `SELECT *, ${caseRank} AS rn FROM (
      SELECT * FROM (SELECT c.id AS id, 0 AS t, NULL AS r, ${effectSql(spec)} AS e, c.grade_rank AS g,
        c.evidence_year AS y FROM case_studies c WHERE c.status IN (${list(statusesOf(spec))}) ${casesOnly})
      WHERE 1 ${after} ORDER BY ${order.caseOrderBy} LIMIT ${params.bind(spec.limit + 1)})`;
    return {
      sql: `WITH page AS MATERIALIZED (${page})
SELECT 'hit' AS kind, NULL AS facet, NULL AS value, p.rn AS n, ${hitJson("NULL")} AS data
FROM page p CROSS JOIN case_studies c ON c.id = p.id
UNION ALL
SELECT 'counts', NULL, NULL, 0, json_object('~total', ${cases ? publishedTotal : "0"})
UNION ALL
SELECT 'facet', facet, value, n, NULL FROM facet_counts WHERE n > 0`,
      params: params.values,
      counting: null,
    };
  }

  const predicates: Predicate[] = [];
  const year = yearPredicate(spec, params);
  if (year) predicates.push({ id: "year", sql: year });
  const excludeOnly = excludeOnlyPredicate(spec, params);
  if (excludeOnly) predicates.push({ id: "nq", sql: excludeOnly });
  for (const [facet, values] of userFilters(spec)) predicates.push({ id: facet, sql: filterPredicate(facet, values) });
  predicates.push({ id: "status", sql: filterPredicate("status", statusesOf(spec)) });

  const flag = (p: Predicate) => `f_${p.id}`;
  const allBut = (id: PredicateId | null) => {
    const kept = predicates.filter((p) => p.id !== id).map(flag);
    return kept.length ? kept.join(" AND ") : "1";
  };
  const ids = predicates.map((p) => p.id);

  // "Without X" totals for each active filter and the year range. When all that is left is the default status,
  // the answer is the number of published records, already in facet_counts.
  const withoutable = predicates.filter((p) => p.id !== "status" && p.id !== "nq");
  const withoutPrecomputed = isDefaultStatus(spec) && spec.match === null && predicates.length === 2;

  // The predicate sets some count needs; the candidates must cover each.
  const needs: PredicateId[][] = live.map((facet) => ids.filter((id) => id !== facet));
  if (!withoutPrecomputed) for (const p of withoutable) needs.push(ids.filter((id) => id !== p.id));

  let candidates: string;
  let match: string | null = null;
  if (spec.match !== null) {
    match = params.bind(spec.match);
    // CROSS JOIN fixes the join order: the best matches drive, each reading its keys from the covering index.
    candidates = `SELECT ${KEY_COLUMNS}, b.s AS s
      FROM (${bestMatches("case_studies_fts", BM25_RANK, match)}) b
      CROSS JOIN case_studies k INDEXED BY case_studies_search_keys ON k.id = b.id`;
  } else {
    const chosen: PredicateId[] = [];
    let everything = false;
    for (const need of needs) {
      if (need.some((id) => chosen.includes(id))) continue;
      const pick = need.find((id) => id !== "nq" && id !== "status") ?? need.find((id) => id === "status");
      if (pick === undefined) {
        everything = true;
        break;
      }
      chosen.push(pick);
    }
    const base =
      everything || chosen.length === 0
        ? "SELECT id FROM case_studies"
        : chosen
            .map((id) => {
              // Every status listed, so SQLite can seek the (status, evidence_year) index once per status.
              if (id === "year")
                return `SELECT c.id AS id FROM case_studies c WHERE c.status IN (${list(statuses.values)}) AND ${year}`;
              if (id === "status") return `SELECT id FROM case_studies WHERE status IN (${list(statusesOf(spec))})`;
              return filterIds(id as SearchFacet, spec.filters[id as SearchFacet] as readonly string[]);
            })
            .join("\nUNION ");
    candidates = `SELECT ${KEY_COLUMNS}, NULL AS s
      FROM (${base}) b CROSS JOIN case_studies k INDEXED BY case_studies_search_keys ON k.id = b.id`;
  }

  // Flags: one 0/1 column per predicate, computed once per candidate (the predicates read `c`; a year test on a
  // record without a year is NULL, which counts as failing).
  const flags = `SELECT c.id AS id, c.s AS s, c.grade_rank AS g, c.evidence_year AS y, c.facet_keys AS facet_keys,
    ${predicates.map((p) => `coalesce((${p.sql}), 0) AS ${flag(p)}`).join(", ")}
    FROM m AS c`;

  // The page: hits pass every flag; with words, a window turns bm25 into relevance bands over all of them before
  // the keyset applies. (effectSql reads `c`, so the hits are aliased c.)
  // The best score is an uncorrelated subquery, computed once; a window over every hit would sort them all, where
  // ORDER BY … LIMIT keeps only the top rows.
  const best = `(SELECT min(s) FROM flags WHERE ${allBut(null)})`;
  const bands = match ? `CASE WHEN ${best} < 0 THEN -round(c.s * ${RELEVANCE_BANDS} / ${best}) ELSE 0 END` : "NULL";
  // Reference figures and briefs (search_docs, schema/0011), only with words and no case-study filter (spec.ts).
  // Their bands are relative to the best of their own index, as case studies' are to theirs: bm25 scores from two
  // indexes with different corpus statistics are not comparable, bands relative to each index's best are, and both
  // put the best match first. They carry no grade (UNGRADED_KEY), so within a band graded evidence comes first, then
  // the kind key, then the id.
  // The kind and the id come from the rowid (figure id * 2, brief id * 2 + 1: schema/0011), so the matches are ranked
  // from the index alone, never reading the table's stored kind and ref_id columns.
  const docKinds = spec.kinds.filter((kind) => kind !== "case_study");
  // They are capped as case studies are (bestMatches), each index on its own.
  const oneKind = docKinds.length === 1 ? `AND (search_docs.rowid & 1) = ${KIND_KEYS[docKinds[0] as Kind] - 1}` : "";
  const docs =
    match && docKinds.length
      ? `SELECT id AS rid, id >> 1 AS id, (id & 1) + 1 AS t, s
      FROM (${bestMatches("search_docs", BM25_DOC_RANK, match, oneKind)})`
      : null;
  // The matches' best score and counts in one pass over them (each scalar subquery below then reads one row).
  const docTotals = `SELECT min(s) AS best, count(*) AS n, coalesce(sum(t = ${KIND_KEYS.reference_figure}), 0) AS figures,
      coalesce(sum(t = ${KIND_KEYS.brief}), 0) AS briefs FROM docs`;
  const bestDoc = "(SELECT best FROM doc_totals)";
  const docPart = docs
    ? `UNION ALL SELECT d.id AS id, d.t AS t, CASE WHEN ${bestDoc} < 0 THEN -round(d.s * ${RELEVANCE_BANDS} / ${bestDoc}) ELSE 0 END AS r,
        NULL AS e, ${UNGRADED_KEY} AS g, NULL AS y FROM docs d`
    : "";
  const after = spec.after ? `WHERE ${order.after(spec.after, params)}` : "";
  const page = `SELECT *, ${rank} AS rn FROM (
    SELECT * FROM (SELECT c.id AS id, 0 AS t, ${bands} AS r, ${effectSql(spec)} AS e, c.g AS g, c.y AS y
      FROM flags c WHERE ${allBut(null)} ${casesOnly} ${docPart})
    ${after} ORDER BY ${order.orderBy} LIMIT ${params.bind(spec.limit + 1)})`;

  // Snippets: one full-text lookup per hit of the page (rowid = the hit's id), preferring the body's passage (the card
  // shows the summary already). One pass over the page's id range instead ran the query once, but read every match
  // between the page's lowest and highest id: rows in proportion to the matches when a page's ids lie far apart.
  const snippets = spec.snippets !== false;
  const hits =
    match && snippets
      ? `SELECT 'hit' AS kind, NULL AS facet, NULL AS value, p.rn AS n, ${hitJson(`CASE
        WHEN instr(snippet(case_studies_fts, 3, char(1), char(2), '', 1), char(1)) > 0
        THEN snippet(case_studies_fts, 3, char(1), char(2), '\u2026', 16)
        ELSE snippet(case_studies_fts, -1, char(1), char(2), '\u2026', 16) END`)} AS data
FROM page p CROSS JOIN case_studies_fts ON case_studies_fts.rowid = p.id CROSS JOIN case_studies c ON c.id = p.id
WHERE p.t = 0 AND case_studies_fts MATCH ${match}`
      : `SELECT 'hit' AS kind, NULL AS facet, NULL AS value, p.rn AS n, ${hitJson("NULL")} AS data
FROM page p CROSS JOIN case_studies c ON c.id = p.id`;

  // Figures and briefs on the page: a lookup in search_docs per hit for their snippets (the body's passage when the
  // words are there: the card shows the quote or the question already), one part for both kinds.
  const docSnippet = !snippets
    ? "NULL"
    : `CASE
        WHEN instr(snippet(search_docs, 2, char(1), char(2), '', 1), char(1)) > 0
        THEN snippet(search_docs, 2, char(1), char(2), '\u2026', 16)
        ELSE snippet(search_docs, -1, char(1), char(2), '\u2026', 16) END`;
  const docHits = docs
    ? `SELECT 'hit', NULL, NULL, p.rn, CASE p.t WHEN ${KIND_KEYS.reference_figure} THEN json_object('kind', 'reference_figure',
      't', p.t, 'id', p.id, 'r', p.r, 'e', NULL, 'g', p.g, 'y', NULL, 'slug', f.slug, 'title', f.title, 'value', f.value,
      'low', f.low, 'high', f.high, 'unit', f.unit, 'per', f.per, 'price_year', f.price_year, 'provenance', f.provenance,
      'quote', f.quote, 'source_title', f.source_title, 'snippet', ${docSnippet})
    ELSE json_object('kind', 'brief', 't', p.t, 'id', p.id, 'r', p.r, 'e', NULL, 'g', p.g, 'y', NULL, 'slug', b.slug,
      'title', b.title, 'question', b.question, 'audience', b.audience, 'snippet', ${docSnippet}) END
FROM page p ${snippets ? "CROSS JOIN search_docs ON search_docs.rowid = p.id * 2 + p.t - 1" : ""}
  LEFT JOIN reference_figures f ON p.t = ${KIND_KEYS.reference_figure} AND f.id = p.id
  LEFT JOIN briefs b ON p.t = ${KIND_KEYS.brief} AND b.id = p.id
WHERE p.t > 0 ${snippets ? `AND search_docs MATCH ${match}` : ""}`
    : null;

  // Totals travel as one JSON row (D1 allows at most five terms in a compound SELECT).
  const counted = (condition: string) => `coalesce(sum(${condition}), 0)`;
  const caseTotal = cases ? counted(allBut(null)) : "0";
  const totals: string[] = [`'~total', ${docs ? `${caseTotal} + (SELECT n FROM doc_totals)` : caseTotal}`];
  // Exact unless an index has more matches than the cap (only words are capped). Asked only when the candidates
  // reached the cap, which the common search with a few hundred matches never does.
  const cap = SEARCH_CANDIDATE_CAP;
  if (match) {
    // CASE, not OR: SQLite evaluates both sides of an OR, and only CASE skips the count.
    const casesExact = `(CASE WHEN count(*) < ${cap} THEN 1 ELSE NOT ${moreThanCap("case_studies_fts", match)} END)`;
    const docsExact = `(CASE WHEN (SELECT n FROM doc_totals) < ${cap} THEN 1 ELSE NOT ${moreThanCap("search_docs", match, oneKind)} END)`;
    totals.push(
      `'~facets_exact', ${casesExact}`,
      `'~total_exact', ${docs ? `${casesExact} AND ${docsExact}` : casesExact}`,
    );
  }
  if (docs) {
    totals.push(
      `'~case_study', ${caseTotal}`,
      "'~reference_figure', (SELECT figures FROM doc_totals)",
      "'~brief', (SELECT briefs FROM doc_totals)",
    );
  }
  for (const p of withoutable) totals.push(`'${p.id}', ${withoutPrecomputed ? publishedTotal : counted(allBut(p.id))}`);
  if (spec.match !== null && withoutable.length) {
    // With words and filters: how many records the words alone match, in the chosen statuses.
    totals.push(`'filters', ${counted("f_status")}`);
  }

  // Facet counts: for facet F, candidates passing every flag but F's own. Every candidate that fails at most one
  // predicate sends its flags (bit i = predicate i) and its facet keys as one line; countFacetKeys tallies them.
  // Lines go in one row per range of ids, so no row outgrows D1's limit on a value's size (see KEYS_CHUNK_BITS).
  const flagBits = predicates.map((p, i) => `${flag(p)} * ${2 ** i}`).join(" + ");
  const passed = predicates.map(flag).join(" + ");
  const bitOf: FacetCounting["bitOf"] = {};
  predicates.forEach((p, i) => {
    if (p.id !== "nq" && p.id !== "year") bitOf[p.id] = i;
  });
  const parts = [
    hits,
    ...(docHits ? [docHits] : []),
    `SELECT 'counts', NULL, NULL, 0, json_object(${totals.join(", ")}) FROM flags`,
    `SELECT 'keys', NULL, NULL, 0, group_concat((${flagBits}) || ' ' || facet_keys, char(10)) FROM flags
  WHERE ${passed} >= ${predicates.length - 1} GROUP BY id >> ${KEYS_CHUNK_BITS}`,
  ];
  if (precomputed.size) {
    parts.push(
      `SELECT 'facet', facet, value, n, NULL FROM facet_counts WHERE facet IN (${list([...precomputed])}) AND n > 0`,
    );
  }

  // With words, m is read once (by flags) and is already bounded by its LIMIT, so it stays a subquery: materialized,
  // its rows were read a second time from the temporary table (1,000 rows at the cap, measured).
  return {
    sql: `WITH m AS ${match ? "" : "MATERIALIZED "}(${candidates}),
flags AS MATERIALIZED (${flags}),${docs ? `\ndocs AS MATERIALIZED (${docs}),\ndoc_totals AS MATERIALIZED (${docTotals}),` : ""}
page AS MATERIALIZED (${page})
${parts.join("\nUNION ALL\n")}`,
    params: params.values,
    counting: { live, bitOf, allBits: 2 ** predicates.length - 1 },
  };
}

/** One row of the search statement's result (every part of the answer shares this shape). */
export interface SearchResultRow {
  kind: "hit" | "counts" | "facet" | "keys";
  facet: string | null;
  value: string | null;
  n: number;
  data: string | null;
}

/** The search's answer from one statement's rows (pure). */
export function readResult(
  spec: SearchSpec,
  statement: SearchStatement,
  results: readonly SearchResultRow[],
): SearchAnswer {
  const rows: { n: number; hit: AnyHitRow }[] = [];
  let total = 0;
  let totalExact = true;
  let facetsExact = true;
  const without: SearchOutcome["without"] = {};
  const totalByKind: SearchOutcome["totalByKind"] = { case_study: 0, reference_figure: 0, brief: 0 };
  const facets: FacetCount[] = [];
  const keyChunks: (string | null)[] = [];
  for (const row of results) {
    if (row.kind === "hit") {
      rows.push({ n: row.n, hit: JSON.parse(row.data as string) as AnyHitRow });
    } else if (row.kind === "counts") {
      const counts = JSON.parse(row.data as string) as Record<string, number>;
      total = counts["~total"] ?? 0;
      // Without figures and briefs in the search, every hit is a case study.
      totalByKind.case_study = counts["~case_study"] ?? total;
      totalByKind.reference_figure = counts["~reference_figure"] ?? 0;
      totalByKind.brief = counts["~brief"] ?? 0;
      totalExact = counts["~total_exact"] !== 0;
      facetsExact = counts["~facets_exact"] !== 0;
      for (const [key, n] of Object.entries(counts)) {
        if (!key.startsWith("~")) without[key as keyof SearchOutcome["without"]] = n;
      }
    } else if (row.kind === "keys") {
      keyChunks.push(row.data);
    } else {
      facets.push({ facet: row.facet as SearchFacet, value: row.value as string, count: row.n });
    }
  }
  if (statement.counting) facets.push(...countFacetKeys(keyChunks, statement.counting));
  // A compound SELECT keeps no order across its parts: the hits carry their position.
  const ordered = rows.sort((a, b) => a.n - b.n).map((r) => r.hit);
  const order = orderOf(spec.sort);
  const hasMore = ordered.length > spec.limit;
  const hits = hasMore ? ordered.slice(0, spec.limit) : ordered;
  const last = hits[hits.length - 1];
  const nextKey = hasMore && last ? order.keys.map((key) => last[key] ?? null) : null;
  return { hits, total, totalByKind, totalExact, facetsExact, facets, without, nextKey };
}
