/** All SQL for case studies: writing a record with its children, and reading records and lists. */

import { type BoundStatement, chunkRows, type SqlValue } from "../db/statements";
import type { CaseStudy } from "../domain/case-study";
import type { DerivedFields } from "../domain/derive";
import type { facetEnumerations } from "../domain/enums";
import type { Grade } from "../domain/grading";
import { refreshFacetKeysStatement } from "../search/queries";

/** Where a record came from: a file in content/ (the build may delete it) or the write API (it may not). */
export type RecordOrigin = "content" | "api";

/** The facet rows a record contributes: one per enumerated value, so every facet counts the same way. */
export function facetRows(record: CaseStudy, derived: DerivedFields): [string, string][] {
  const rows: [string, string][] = [
    ["status", record.status],
    ["provenance", record.provenance],
    ["design", record.design],
    ["care_setting", record.setting.care_setting],
    ["country", record.setting.country],
    ["grade", derived.grade],
  ];
  for (const value of record.payer_types) rows.push(["payer_type", value]);
  for (const value of record.financing_models) rows.push(["financing_model", value]);
  for (const value of record.modalities) rows.push(["modality", value]);
  for (const value of record.conditions) rows.push(["condition", value]);
  for (const metric of new Set(record.outcomes.map((o) => o.metric))) rows.push(["metric", metric]);
  if (derived.has_cost_figures) rows.push(["has_cost_figures", "true"]);
  return rows;
}

/**
 * The statements that replace one record (and its outcomes, sources and facets) in a single batch.
 * Deleting first lets ON DELETE CASCADE and the FTS triggers clear the old version.
 */
export function upsertCaseStudyStatements(
  record: CaseStudy,
  derived: DerivedFields,
  origin: RecordOrigin,
  updatedAt: string,
): BoundStatement[] {
  const statements: BoundStatement[] = [
    { sql: "DELETE FROM case_studies WHERE slug = ?1", params: [record.slug] },
    {
      sql: `INSERT INTO case_studies (slug, title, summary, status, provenance, design, care_setting, country,
  grade, grade_rank, grade_reason, evidence_year, population_size, has_cost_figures, tags_text, body_text, body_html,
  record_json, origin, updated_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)`,
      params: [
        record.slug,
        record.title,
        record.summary,
        record.status,
        record.provenance,
        record.design,
        record.setting.care_setting,
        record.setting.country,
        derived.grade,
        derived.grade_rank,
        derived.grade_reason,
        derived.evidence_year,
        record.population.size ?? null,
        derived.has_cost_figures ? 1 : 0,
        derived.tags_text,
        derived.body_text,
        derived.body_html,
        JSON.stringify(record),
        origin,
        updatedAt,
      ],
    },
  ];

  statements.push(
    ...childInserts(record.slug, "case_study_facets", ["facet", "value"], facetRows(record, derived)),
    // The search counts facets from this copy of the rows (schema/0004), so it is rewritten right after them.
    refreshFacetKeysStatement({ slug: record.slug }),
    ...childInserts(
      record.slug,
      "outcomes",
      [
        "position",
        "metric",
        "label",
        "kind",
        "value",
        "unit",
        "baseline",
        "followup",
        "comparison",
        "horizon_months",
        "per",
        "price_year",
        "ci_low",
        "ci_high",
        "n",
        "source_key",
        "quote",
      ],
      record.outcomes.map((o, i) => [
        i,
        o.metric,
        o.label ?? null,
        o.kind,
        o.value,
        o.unit,
        o.baseline ?? null,
        o.followup ?? null,
        o.comparison,
        o.horizon_months ?? null,
        o.per ?? null,
        o.price_year ?? null,
        o.ci_low ?? null,
        o.ci_high ?? null,
        o.n ?? null,
        o.source,
        o.quote ?? null,
      ]),
    ),
    ...childInserts(
      record.slug,
      "sources",
      ["position", "key", "kind", "title", "authors_json", "publisher", "year", "url", "doi", "pmid", "accessed"],
      record.sources.map((s, i) => [
        i,
        s.key,
        s.kind,
        s.title,
        s.authors ? JSON.stringify(s.authors) : null,
        s.publisher ?? null,
        s.year ?? null,
        s.url ?? null,
        s.doi ?? null,
        s.pmid ?? null,
        s.accessed ?? null,
      ]),
    ),
  );
  return statements;
}

/** Multi-row inserts of a record's children, chunked so no statement passes D1's 100 bound parameters. */
function childInserts(slug: string, table: string, columns: string[], rows: SqlValue[][]): BoundStatement[] {
  return chunkRows(rows, columns.length, 1).map((chunk) => {
    const params: SqlValue[] = [slug];
    const tuples = chunk.map((row) => {
      const placeholders = row.map((value) => {
        params.push(value);
        return `?${params.length}`;
      });
      return `(${placeholders.join(", ")})`;
    });
    const names = columns.map((_, i) => `column${i + 1}`).join(", ");
    return {
      sql: `WITH parent AS (SELECT id FROM case_studies WHERE slug = ?1)
INSERT INTO ${table} (case_study_id, ${columns.join(", ")})
SELECT parent.id, ${names} FROM parent, (VALUES ${tuples.join(", ")})`,
      params,
    };
  });
}

/** Deletes the content-built records whose files no longer exist (records written through the API are kept). */
export function deleteMissingContentStatement(keptSlugs: readonly string[]): BoundStatement {
  return {
    sql: "DELETE FROM case_studies WHERE origin = 'content' AND slug NOT IN (SELECT value FROM json_each(?1))",
    params: [JSON.stringify(keptSlugs)],
  };
}

export interface CaseStudyRow {
  record: CaseStudy;
  grade: Grade;
  grade_reason: string;
  body_html: string;
  evidence_year: number | null;
  updated_at: string;
}

interface RawRow {
  record_json: string;
  grade: Grade;
  grade_reason: string;
  body_html: string;
  evidence_year: number | null;
  updated_at: string;
}

function mapRow(row: RawRow): CaseStudyRow {
  return {
    record: JSON.parse(row.record_json) as CaseStudy,
    grade: row.grade,
    grade_reason: row.grade_reason,
    body_html: row.body_html,
    evidence_year: row.evidence_year,
    updated_at: row.updated_at,
  };
}

const ROW_COLUMNS = "record_json, grade, grade_reason, body_html, evidence_year, updated_at";

/** One record by slug, whatever its status (a retracted record stays readable). */
export async function findCaseStudy(db: D1Database, slug: string): Promise<CaseStudyRow | null> {
  const row = await db.prepare(`SELECT ${ROW_COLUMNS} FROM case_studies WHERE slug = ?1`).bind(slug).first<RawRow>();
  return row ? mapRow(row) : null;
}

/** Filter values by facet name; values within a facet are ORed, facets are ANDed. */
export type ListFilters = Partial<Record<keyof typeof facetEnumerations | "country", string[]>>;

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
