/**
 * The one write path for case studies. Every change to the records (the content seed, the test helpers, the coming
 * write API; the synthetic bench loader for its derived tables) is a list of writes turned into ONE batch of
 * statements by `writeStatements`, which always ends with what keeps the derived tables right. D1 runs a batch as
 * one transaction, so readers see the records and their derived tables change together or not at all.
 *
 * - A record is upserted by slug (`INSERT … ON CONFLICT(slug) DO UPDATE`), so an edited record keeps its id: search
 *   cursors (which break ties on id) stay valid across an edit, and rows that reference case_studies(id) survive it.
 * - Its children (facet rows, outcomes, sources) are deleted by case_study_id and inserted again in the same batch.
 *   The full-text row follows by itself: the triggers of schema/0001 and schema/0004 replace it on UPDATE of the
 *   text columns and remove it on DELETE.
 * - Counters (facet_counts, schema/0002; gap_pairs, schema/0012) are kept incrementally around each write: before a
 *   record is upserted or deleted, what it counts for now is subtracted; after its upsert, what it counts for then is
 *   added. Each costs O(the record's facet rows), where rebuilding them read every facet row of the corpus.
 * - Derived tables, last: each written record's facet_keys (schema/0004) from its facet rows. The data version
 *   (schema/0005) is bumped by triggers on case_studies and facet_counts.
 *
 * - Every upsert and delete appends its revision row (schema/0006) in the same batch: the full record as it became,
 *   who, when, and an optional message. A delete is a tombstone: the live row goes, the revision keeps the record.
 *   A slug that comes back takes its old id back; a new slug takes an id no revision has used.
 *
 * Statements are data (BoundStatement), so a caller can append its own to the same batch or inline them into a seed
 * file. (The comments of schema/0002, 0004 and 0005 name src/search/queries.ts and a
 * delete-and-insert upsert: that is where and how these statements were written when those migrations landed.)
 */
import { type BoundStatement, chunkRows, type SqlValue } from "../db/statements";
import type { CaseStudy } from "../domain/case-study";
import { type DerivedFields, deriveFields } from "../domain/derive";
import { FACET_NAMES, FACETS, type FacetName } from "../domain/facets";
import { GAP_MAPS } from "../domain/gap-maps";

/** Where a record came from: a file in content/ (the build may delete it) or the write API (it may not). */
export type RecordOrigin = "content" | "api";

/** What a revision row says about a change beyond the record itself. */
export interface RevisionNote {
  /** Who: the write token's label ("content" for the content seed). */
  author: string;
  message?: string;
  /** Set for a restore: the revision whose record is brought back (the row's action is then 'restore'). */
  restoredFrom?: number;
  /**
   * The revision the writer based the change on (If-Match; 0 for a create). The new revision is then base + 1
   * exactly, so when another write took that number first the batch fails on the revisions key and nothing of it is
   * written. Omitted: the slug's next number.
   */
  base?: number;
}

/**
 * One change to the records. Without a `revision` note, a write still appends its revision (author "content" for
 * content-built records, "system" otherwise), but an upsert only when the record differs from its latest revision:
 * seeding unchanged content again adds no history.
 */
export type RecordWrite =
  /** Create the record, or replace the one with its slug (keeping that one's id). */
  | { kind: "upsert"; record: CaseStudy; origin: RecordOrigin; revision?: RevisionNote }
  /** Delete the record with this slug (its children go with it); nothing happens when there is none. */
  | { kind: "delete"; slug: string; revision?: RevisionNote }
  /**
   * Delete every content-built record whose slug is not listed: the content seed, for files that were removed.
   * Records written through the API are never removed this way.
   */
  | { kind: "deleteContentExcept"; slugs: readonly string[] };

/**
 * The whole batch for a list of writes, in order, ending with the derived-table statements. `updatedAt` is stored
 * as the records' write time (an ISO timestamp); it is bookkeeping, not a date shown to readers.
 */
export function writeStatements(writes: readonly RecordWrite[], updatedAt: string): BoundStatement[] {
  const statements: BoundStatement[] = [];
  const upserted: string[] = [];
  for (const write of writes) {
    if (write.kind === "upsert") {
      const one: CountedRecords = { slug: write.record.slug };
      statements.push(...counterStatements(one, -1));
      statements.push(...upsertStatements(write.record, deriveFields(write.record), write.origin, updatedAt));
      statements.push(...counterStatements(one, 1));
      const note = write.revision ?? { author: write.origin === "content" ? "content" : "system" };
      statements.push(revisionStatement(write.record.slug, note, updatedAt, !write.revision));
      upserted.push(write.record.slug);
    } else if (write.kind === "delete") {
      statements.push(...counterStatements({ slug: write.slug }, -1));
      statements.push(revisionStatement(write.slug, write.revision ?? { author: "system" }, updatedAt, false, true));
      statements.push({ sql: "DELETE FROM case_studies WHERE slug = ?1", params: [write.slug] });
    } else {
      statements.push(...counterStatements({ contentExcept: write.slugs }, -1));
      statements.push({
        sql: `INSERT INTO revisions (slug, revision, action, record_json, record_id, author, created_at)
SELECT c.slug, ${NEXT_REVISION_SQL}, 'delete', c.record_json, c.id, 'content', ?2
FROM case_studies c WHERE c.origin = 'content' AND c.slug NOT IN (SELECT value FROM json_each(?1))`,
        params: [JSON.stringify(write.slugs), updatedAt],
      });
      statements.push({
        sql: "DELETE FROM case_studies WHERE origin = 'content' AND slug NOT IN (SELECT value FROM json_each(?1))",
        params: [JSON.stringify(write.slugs)],
      });
    }
  }
  statements.push(...derivedTableStatements({ slugs: upserted }));
  return statements;
}

/** The facet rows a record contributes: one per enumerated value, so every facet counts the same way. */
export function facetRows(
  record: CaseStudy,
  derived: Pick<DerivedFields, "grade" | "has_cost_figures">,
): [FacetName, string][] {
  const rows: [FacetName, string][] = [
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

const RECORD_COLUMNS = [
  "slug",
  "title",
  "summary",
  "status",
  "provenance",
  "design",
  "care_setting",
  "country",
  "grade",
  "grade_rank",
  "grade_reason",
  "evidence_year",
  "population_size",
  "has_cost_figures",
  "tags_text",
  "body_text",
  "details_text",
  "body_html",
  "record_json",
  "origin",
  "updated_at",
] as const;

const CHILD_TABLES = ["case_study_facets", "outcomes", "sources"] as const;

/** A record and its children: upsert by slug (keeping the id), then its children replaced. */
function upsertStatements(
  record: CaseStudy,
  derived: DerivedFields,
  origin: RecordOrigin,
  updatedAt: string,
): BoundStatement[] {
  const values: Record<(typeof RECORD_COLUMNS)[number], SqlValue> = {
    slug: record.slug,
    title: record.title,
    summary: record.summary,
    status: record.status,
    provenance: record.provenance,
    design: record.design,
    care_setting: record.setting.care_setting,
    country: record.setting.country,
    grade: derived.grade,
    grade_rank: derived.grade_rank,
    grade_reason: derived.grade_reason,
    evidence_year: derived.evidence_year,
    population_size: record.population.size ?? null,
    has_cost_figures: derived.has_cost_figures ? 1 : 0,
    tags_text: derived.tags_text,
    body_text: derived.body_text,
    details_text: derived.details_text,
    body_html: derived.body_html,
    record_json: JSON.stringify(record),
    origin,
    updated_at: updatedAt,
  };
  const updates = RECORD_COLUMNS.filter((c) => c !== "slug").map((c) => `${c} = excluded.${c}`);
  return [
    {
      // ?1 is the slug. The id applies to a new row only (an existing one keeps its id through ON CONFLICT).
      sql: `INSERT INTO case_studies (id, ${RECORD_COLUMNS.join(", ")})
VALUES (${NEW_ID_SQL}, ${RECORD_COLUMNS.map((_, i) => `?${i + 1}`).join(", ")})
ON CONFLICT (slug) DO UPDATE SET ${updates.join(", ")}`,
      params: RECORD_COLUMNS.map((c) => values[c]),
    },
    ...CHILD_TABLES.map((table) => ({
      sql: `DELETE FROM ${table} WHERE case_study_id = (SELECT id FROM case_studies WHERE slug = ?1)`,
      params: [record.slug],
    })),
    ...childInserts(record.slug, "case_study_facets", ["facet", "value"], facetRows(record, derived)),
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
  ];
}

/**
 * The id of a record inserted for slug ?1: the id it had before when its slug has a history (a restore keeps the id,
 * so search cursors and references stay right), else one past every id a live record or a revision has used (SQLite
 * would otherwise hand the highest deleted id to the next record). NULL on an empty database: SQLite picks then.
 */
const NEW_ID_SQL = `coalesce(
  (SELECT record_id FROM revisions WHERE slug = ?1 ORDER BY revision DESC LIMIT 1),
  (SELECT max(m) FROM (SELECT max(id) AS m FROM case_studies UNION ALL SELECT max(record_id) FROM revisions)) + 1)`;

/** The next revision number of the slug of `c` (a case_studies row in the enclosing query). */
const NEXT_REVISION_SQL = "coalesce((SELECT max(r.revision) FROM revisions r WHERE r.slug = c.slug), 0) + 1";

/**
 * Appends the revision of slug ?1 as the live row shows it: after its upsert (the record it became), or before its
 * delete (the record it was, kept by the tombstone). Nothing is appended when there is no live row (deleting a slug
 * that is not there), nor, with `onlyIfChanged`, when the latest revision already holds this record.
 */
function revisionStatement(
  slug: string,
  note: RevisionNote,
  createdAt: string,
  onlyIfChanged: boolean,
  isDelete = false,
): BoundStatement {
  const params: SqlValue[] = [slug, note.author, note.message ?? null, createdAt, note.restoredFrom ?? null];
  let revision = NEXT_REVISION_SQL;
  if (note.base !== undefined) {
    params.push(note.base);
    revision = `?${params.length} + 1`;
  }
  const action = isDelete
    ? "'delete'"
    : note.restoredFrom !== undefined
      ? "'restore'"
      : // The space after END matters: wrangler's SQL file splitter (d1 execute --file) only sees a CASE end at "END"
        // followed by whitespace or ";", and without it runs every later statement of seed.sql into one (SQLITE_TOOBIG).
        "CASE WHEN EXISTS (SELECT 1 FROM revisions r WHERE r.slug = c.slug) THEN 'update' ELSE 'create' END ";
  const unchanged = `NOT EXISTS (SELECT 1 FROM revisions r WHERE r.slug = c.slug AND r.action <> 'delete'
    AND r.record_json = c.record_json AND r.revision = (SELECT max(x.revision) FROM revisions x WHERE x.slug = c.slug))`;
  return {
    sql: `INSERT INTO revisions (slug, revision, action, record_json, record_id, author, message, created_at, restored_from)
SELECT c.slug, ${revision}, ${action}, c.record_json, c.id, ?2, ?3, ?4, ?5
FROM case_studies c WHERE c.slug = ?1${onlyIfChanged ? ` AND ${unchanged}` : ""}`,
    params,
  };
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

// ---------------------------------------------------------------------------------------------------------------
// Derived tables

/** Which records' facet rows were written: by slug (the write path) or by a range of ids (a bulk loader). */
export type WrittenRecords = { slugs: readonly string[] } | { idFrom: number; idTo: number };

/**
 * What every batch that writes records ends with: the facet keys of the records whose facet rows it wrote. (The
 * counters are kept around each write, by counterStatements.) A bulk loader that writes facet rows with its own SQL in
 * chunks (scripts/lib/synthetic.ts) runs facetKeysStatement per chunk and rebuildCounterStatements once at the end.
 */
export function derivedTableStatements(written: WrittenRecords): BoundStatement[] {
  return "slugs" in written && written.slugs.length === 0 ? [] : [facetKeysStatement(written)];
}

/** Facet codes are one letter and facet names [a-z_]; checked anyway, because they are inlined into SQL. */
function code(text: string): string {
  if (!/^[a-z_-]+$/.test(text)) throw new Error(`refusing to inline ${JSON.stringify(text)}`);
  return `'${text}'`;
}

/** The facet_keys text of a case_studies row, derived from its facet rows (see schema/0004). */
const FACET_KEYS_SQL = `coalesce((SELECT group_concat(CASE f.facet ${FACET_NAMES.map(
  (facet) => `WHEN ${code(facet)} THEN ${code(FACETS[facet].keyCode)}`,
).join(" ")} END || f.value, ' ') FROM case_study_facets f WHERE f.case_study_id = case_studies.id), '')`;

/**
 * Rewrites facet_keys of the given records from their facet rows. It runs in the same batch as the facet rows,
 * after them, so the search's counts always match the rows.
 */
export function facetKeysStatement(written: WrittenRecords): BoundStatement {
  if ("slugs" in written) {
    return {
      sql: `UPDATE case_studies SET facet_keys = ${FACET_KEYS_SQL} WHERE slug IN (SELECT value FROM json_each(?1))`,
      params: [JSON.stringify(written.slugs)],
    };
  }
  return {
    sql: `UPDATE case_studies SET facet_keys = ${FACET_KEYS_SQL} WHERE id BETWEEN ?1 AND ?2`,
    params: [written.idFrom, written.idTo],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Counters: facet_counts (schema/0002) and gap_pairs (schema/0012)

/** The records whose contribution to the counters a statement moves: one slug, or the content-built ones not listed. */
export type CountedRecords = { slug: string } | { contentExcept: readonly string[] };

/**
 * What the records of `c` (a case_studies alias) count for, as (key…, n) rows: facet_counts counts the PUBLISHED
 * records of each facet value but status, and every record under its status; gap_pairs counts published records by
 * pair of values of each matrix and grade. `where` picks the records ("1" for all of them).
 */
function facetCountsSelect(where: string, n: string): string {
  return `SELECT f.facet, f.value, ${n} FROM case_studies c JOIN case_study_facets f ON f.case_study_id = c.id
  WHERE ${where} AND c.status = 'published' AND f.facet <> 'status' GROUP BY f.facet, f.value
  UNION ALL
  SELECT 'status', c.status, ${n} FROM case_studies c WHERE ${where} GROUP BY c.status`;
}

function gapPairsSelect(where: string, n: string): string {
  return GAP_MAPS.map(
    (map) => `SELECT ${code(map.id)}, r.value, k.value, c.grade, ${n} FROM case_studies c
  JOIN case_study_facets r ON r.case_study_id = c.id AND r.facet = ${code(map.rows)}
  JOIN case_study_facets k ON k.case_study_id = c.id AND k.facet = ${code(map.columns)}
  WHERE ${where} AND c.status = 'published' GROUP BY r.value, k.value, c.grade`,
  ).join("\n  UNION ALL\n  ");
}

/**
 * Adds (sign 1) or subtracts (sign -1) what the records count for now. Run before a record's row and facet rows change
 * (subtract) and after (add), in the same batch, it keeps every counter equal to a count over the rows: an edit of its
 * facets, grade or status, a retraction, a deletion are each a change of what it counts for. Reads only the records'
 * own rows (by slug, or the content-built records a content seed removes).
 */
export function counterStatements(records: CountedRecords, sign: 1 | -1): BoundStatement[] {
  const where =
    "slug" in records ? "c.slug = ?1" : "c.origin = 'content' AND c.slug NOT IN (SELECT value FROM json_each(?1))";
  const params = ["slug" in records ? records.slug : JSON.stringify(records.contentExcept)];
  const n = `${sign} * count(*)`;
  // "WHERE true" keeps SQLite from reading ON CONFLICT as a join constraint of the SELECT (the upsert docs' parsing
  // ambiguity); the outer SELECT is there because a compound SELECT cannot take it directly.
  return [
    {
      sql: `INSERT INTO facet_counts (facet, value, n)
SELECT * FROM (${facetCountsSelect(where, n)}) WHERE true
ON CONFLICT (facet, value) DO UPDATE SET n = n + excluded.n`,
      params,
    },
    {
      sql: `INSERT INTO gap_pairs (map, row_value, column_value, grade, n)
SELECT * FROM (${gapPairsSelect(where, n)}) WHERE true
ON CONFLICT (map, row_value, column_value, grade) DO UPDATE SET n = n + excluded.n`,
      params,
    },
  ];
}

/**
 * Recounts every counter from all the rows, O(corpus): for a bulk loader that writes records with its own SQL
 * (scripts/lib/synthetic.ts), once after its last chunk, and for checking the counters in tests. Existing rows are
 * kept with n = 0 when nothing counts for them any more (INSERT OR REPLACE over the union of old keys and new counts),
 * the same shape the incremental statements leave.
 */
export function rebuildCounterStatements(): BoundStatement[] {
  return [
    {
      sql: `INSERT OR REPLACE INTO facet_counts (facet, value, n)
SELECT facet, value, sum(n) FROM (
  SELECT facet, value, 0 AS n FROM facet_counts
  UNION ALL
  ${facetCountsSelect("1", "count(*)")}
) GROUP BY facet, value`,
      params: [],
    },
    {
      sql: `INSERT OR REPLACE INTO gap_pairs (map, row_value, column_value, grade, n)
SELECT map, row_value, column_value, grade, sum(n) FROM (
  SELECT map, row_value, column_value, grade, 0 AS n FROM gap_pairs
  UNION ALL
  ${gapPairsSelect("1", "count(*)")}
) GROUP BY map, row_value, column_value, grade`,
      params: [],
    },
  ];
}
