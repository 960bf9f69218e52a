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

/** Builds the WHERE clause for list filters; status defaults to published. */
function filterClause(filters: ListFilters, params: SqlValue[]): string {
  const clauses: string[] = [];
  const withStatus: ListFilters = { ...filters, status: filters.status?.length ? filters.status : ["published"] };
  for (const [facet, values] of Object.entries(withStatus)) {
    if (!values || values.length === 0) continue;
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
  return clauses.length ? `WHERE ${clauses.join(" AND ")}` : "";
}

export interface ListPage {
  rows: CaseStudyRow[];
  total: number;
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
  const countParams = [...params];
  params.push(limit, offset);
  const [rows, count] = await db.batch([
    db
      .prepare(
        `SELECT ${ROW_COLUMNS} FROM case_studies c ${where} ORDER BY ${ORDER_BY[order]} LIMIT ?${params.length - 1} OFFSET ?${params.length}`,
      )
      .bind(...params),
    db.prepare(`SELECT count(*) AS total FROM case_studies c ${where}`).bind(...countParams),
  ]);
  return {
    rows: ((rows?.results ?? []) as RawRow[]).map(mapRow),
    total: (count?.results[0] as { total: number } | undefined)?.total ?? 0,
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

/** The slugs of every record whose page is public (published or retracted: a retracted record stays readable). */
export async function publicCaseStudySlugs(db: D1Database): Promise<string[]> {
  const { results } = await db
    .prepare("SELECT slug FROM case_studies WHERE status IN ('published', 'retracted') ORDER BY slug")
    .all<{ slug: string }>();
  return results.map((row) => row.slug);
}
