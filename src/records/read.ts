/**
 * Reading case-study records: one record, a filtered page of records, titles by slug. Several features show records
 * (the case-study pages, the home page, the calculators' source links), so the reads live here beside the one write
 * path (write-path.ts), not inside any one feature.
 */

import type { SqlValue } from "../db/statements";
import type { CaseStudy } from "../domain/case-study";
import type { ListFilters } from "../domain/facets";
import type { Grade } from "../domain/grading";

export interface CaseStudyRow {
  record: CaseStudy;
  grade: Grade;
  grade_reason: string;
  body_html: string;
  evidence_year: number | null;
}

interface RawRow {
  record_json: string;
  grade: Grade;
  grade_reason: string;
  body_html: string;
  evidence_year: number | null;
}

function mapRow(row: RawRow): CaseStudyRow {
  return {
    record: JSON.parse(row.record_json) as CaseStudy,
    grade: row.grade,
    grade_reason: row.grade_reason,
    body_html: row.body_html,
    evidence_year: row.evidence_year,
  };
}

const ROW_COLUMNS = "record_json, grade, grade_reason, body_html, evidence_year";

/** One record by slug, whatever its status (a retracted record stays readable). */
export async function findCaseStudy(db: D1Database, slug: string): Promise<CaseStudyRow | null> {
  const row = await db.prepare(`SELECT ${ROW_COLUMNS} FROM case_studies WHERE slug = ?1`).bind(slug).first<RawRow>();
  return row ? mapRow(row) : null;
}

export type ListOrder = "newest" | "strongest" | "title";

const ORDER_BY: Record<ListOrder, string> = {
  newest: "c.evidence_year IS NULL, c.evidence_year DESC, c.grade_rank DESC, c.id",
  strongest: "c.grade_rank DESC, c.evidence_year IS NULL, c.evidence_year DESC, c.id",
  title: "c.title COLLATE NOCASE, c.id",
};

/** The statuses a list shows: those asked for, else published. */
function statusesOf(filters: ListFilters): string[] {
  return filters.status?.length ? [...new Set(filters.status)] : ["published"];
}

/**
 * Builds the WHERE clause for list filters; status defaults to published. Status is the record's own column (equal
 * to its status facet row), so the list orders' indexes (schema/0012), which start with it, serve an unfiltered page.
 */
function filterClause(filters: ListFilters, params: SqlValue[]): string {
  const statusParams = statusesOf(filters).map((value) => {
    params.push(value);
    return `?${params.length}`;
  });
  const clauses = [`c.status IN (${statusParams.join(", ")})`];
  for (const [facet, values] of Object.entries(filters)) {
    if (facet === "status" || !values || values.length === 0) continue;
    params.push(facet);
    const facetParam = `?${params.length}`;
    const valueParams = values.map((value) => {
      params.push(value);
      return `?${params.length}`;
    });
    clauses.push(
      `c.id IN (SELECT case_study_id FROM case_study_facets WHERE facet = ${facetParam} AND value IN (${valueParams.join(", ")}))`,
    );
  }
  return `WHERE ${clauses.join(" AND ")}`;
}

/** A filtered total is counted no further than this past the page (rows read stay bounded); see ListPage. */
export const LIST_COUNT_CAP = 1000;

export interface ListPage {
  rows: CaseStudyRow[];
  /** Records matching: exact when `totalExact`, else a lower bound (more than `total` match). */
  total: number;
  totalExact: boolean;
}

/**
 * The statement of a list's total. From the counters (facet_counts, schema/0002) when they hold it exactly: no filter
 * but status (the sum of the status rows), or the default status with one value of one facet (that value's row,
 * which counts published records). Otherwise a count that stops after `bound + 1` rows, so a list reads O(its page
 * and the cap) rows, never O(corpus).
 */
function totalStatement(db: D1Database, filters: ListFilters, bound: number): D1PreparedStatement {
  const facets = Object.entries(filters).filter(([facet, values]) => facet !== "status" && values && values.length > 0);
  if (facets.length === 0) {
    return db
      .prepare(
        "SELECT coalesce(sum(n), 0) AS total, 1 AS exact FROM facet_counts WHERE facet = 'status' AND value IN (SELECT value FROM json_each(?1))",
      )
      .bind(JSON.stringify(statusesOf(filters)));
  }
  const [only] = facets;
  if (facets.length === 1 && only && only[1]?.length === 1 && !filters.status?.some((s) => s !== "published")) {
    return db
      .prepare("SELECT coalesce((SELECT n FROM facet_counts WHERE facet = ?1 AND value = ?2), 0) AS total, 1 AS exact")
      .bind(only[0], only[1][0] as string);
  }
  const params: SqlValue[] = [];
  const where = filterClause(filters, params);
  params.push(bound);
  const b = `?${params.length}`;
  return db
    .prepare(
      `SELECT min(count(*), ${b}) AS total, count(*) <= ${b} AS exact FROM (SELECT 1 FROM case_studies c ${where} LIMIT ${b} + 1)`,
    )
    .bind(...params);
}

/** A page of records matching the filters, in a stable order (ties broken by id). */
export async function listCaseStudies(
  db: D1Database,
  filters: ListFilters,
  order: ListOrder,
  limit: number,
  offset: number,
): Promise<ListPage> {
  const params: SqlValue[] = [];
  const where = filterClause(filters, params);
  params.push(limit, offset);
  const [rows, count] = await db.batch([
    db
      .prepare(
        `SELECT ${ROW_COLUMNS} FROM case_studies c ${where} ORDER BY ${ORDER_BY[order]} LIMIT ?${params.length - 1} OFFSET ?${params.length}`,
      )
      .bind(...params),
    // The bound covers the page asked for, so a next page is known to exist whenever the total is a lower bound.
    totalStatement(db, filters, Math.max(LIST_COUNT_CAP, offset + limit)),
  ]);
  const counted = count?.results[0] as { total: number; exact: number } | undefined;
  return {
    rows: ((rows?.results ?? []) as RawRow[]).map(mapRow),
    total: counted?.total ?? 0,
    totalExact: (counted?.exact ?? 1) === 1,
  };
}

/** Titles of the records with these slugs, by slug (unknown slugs are simply absent). */
export async function findCaseStudyTitles(db: D1Database, slugs: readonly string[]): Promise<Record<string, string>> {
  if (slugs.length === 0) return {};
  const { results } = await db
    .prepare("SELECT slug, title FROM case_studies WHERE slug IN (SELECT value FROM json_each(?1))")
    .bind(JSON.stringify(slugs))
    .all<{ slug: string; title: string }>();
  return Object.fromEntries(results.map((row) => [row.slug, row.title]));
}

/** Whole records by slug, in the order of `slugs` (unknown slugs are left out): exports of a result set read these. */
export async function findCaseStudies(db: D1Database, slugs: readonly string[]): Promise<CaseStudyRow[]> {
  if (slugs.length === 0) return [];
  const { results } = await db
    .prepare(`SELECT ${ROW_COLUMNS}, slug FROM case_studies WHERE slug IN (SELECT value FROM json_each(?1))`)
    .bind(JSON.stringify(slugs))
    .all<RawRow & { slug: string }>();
  const bySlug = new Map(results.map((row) => [row.slug, mapRow(row)]));
  return slugs.flatMap((slug) => bySlug.get(slug) ?? []);
}

/**
 * Statuses whose record pages are public: a retracted record stays readable. Spelled exactly as the sitemap's partial
 * index (schema/0013) is, which SQLite uses only for a WHERE that says the same.
 */
const PUBLIC_STATUSES = "('published', 'retracted')";

/**
 * The ranges of `size` ids (1 for ids 1…size, 2 for the next…) that hold a public record, in order. One probe per
 * range up to the highest id, each stopping at the range's first public record: O(ranges) rows read, about. Both
 * sitemap statements name the sitemap's index (schema/0013: id, slug and status of the public records, no record
 * row); left to itself SQLite walked a status index instead, every public record, as it did at 10k records.
 */
export const PUBLIC_RANGES_SQL = `WITH RECURSIVE r(n) AS (
  SELECT 1 WHERE (SELECT max(id) FROM case_studies) IS NOT NULL
  UNION ALL SELECT n + 1 FROM r WHERE n * ?1 < (SELECT max(id) FROM case_studies)
)
SELECT n FROM r WHERE EXISTS (
  SELECT 1 FROM case_studies c INDEXED BY case_studies_sitemap
  WHERE c.id BETWEEN (n - 1) * ?1 + 1 AND n * ?1 AND c.status IN ${PUBLIC_STATUSES}
) ORDER BY n`;

export async function publicCaseStudyRanges(db: D1Database, size: number): Promise<number[]> {
  const { results } = await db.prepare(PUBLIC_RANGES_SQL).bind(size).all<{ n: number }>();
  return results.map((row) => row.n);
}

/**
 * The slugs of the public records with ids from `from` to `to`, by id: a range of the sitemap's index (the public
 * records' id and slug), O(to - from) small index entries and no record row.
 */
export const PUBLIC_SLUGS_IN_IDS_SQL = `SELECT slug FROM case_studies INDEXED BY case_studies_sitemap
WHERE id BETWEEN ?1 AND ?2 AND status IN ${PUBLIC_STATUSES} ORDER BY id`;

export async function publicCaseStudySlugsInIds(db: D1Database, from: number, to: number): Promise<string[]> {
  const { results } = await db.prepare(PUBLIC_SLUGS_IN_IDS_SQL).bind(from, to).all<{ slug: string }>();
  return results.map((row) => row.slug);
}
