/**
 * Reading the revision history of case studies (schema/0006). Rows are written only by the write path
 * (write-path.ts), in the batch of the change they record; this module only reads them. The latest revision of a
 * slug says what it is now: live (create, update, restore) or withdrawn (delete, a tombstone).
 */
import type { CaseStudy } from "../domain/case-study";

export const revisionActions = ["create", "update", "delete", "restore"] as const;
export type RevisionAction = (typeof revisionActions)[number];

/** One revision without its record: what a history list shows. */
export interface RevisionMeta {
  slug: string;
  revision: number;
  action: RevisionAction;
  /** The write token's label; "content" for the content seed. */
  author: string;
  message: string | null;
  /** For a restore: the revision it brought back. */
  restored_from: number | null;
  /** ISO timestamp of the write. */
  created_at: string;
}

/** One revision with the full record as it became (for a delete: as it was when withdrawn). */
export interface Revision extends RevisionMeta {
  record: CaseStudy;
  /** The case_studies id the record had, which a restore gives it again. */
  record_id: number;
}

/** A withdrawn record: its slug's latest revision is a delete. */
export interface Tombstone {
  slug: string;
  /** The title it had when withdrawn, so a page or an embed can say what was withdrawn. */
  title: string;
  /** The delete's revision number. */
  revision: number;
  author: string;
  message: string | null;
  deleted_at: string;
}

interface RawRevision extends RevisionMeta {
  record_json: string;
  record_id: number;
}

const META_COLUMNS = "slug, revision, action, author, message, restored_from, created_at";

function toRevision({ record_json, ...rest }: RawRevision): Revision {
  return { ...rest, record: JSON.parse(record_json) as CaseStudy };
}

/** Every revision of a slug, oldest first; empty when the slug has no history. */
export async function listRevisions(db: D1Database, slug: string): Promise<RevisionMeta[]> {
  const { results } = await db
    .prepare(`SELECT ${META_COLUMNS} FROM revisions WHERE slug = ?1 ORDER BY revision`)
    .bind(slug)
    .all<RevisionMeta>();
  return results;
}

/** A slug's history as its history page shows it: every revision, and the records of the ones it compares. */
export interface HistoryToCompare {
  /** Every revision, oldest first. */
  revisions: RevisionMeta[];
  /** The revision numbers compared: as asked, else the latest change (the one before the last against the last). */
  from: number;
  to: number;
  /** Revisions `from` and `to`, when they exist, and the latest, with their records. */
  records: Map<number, Revision>;
}

/**
 * A slug's history and the records a comparison needs, in one statement (the list, then each record, were two round
 * trips); null when the slug has no history. Only the rows compared carry their record's JSON.
 */
export async function historyToCompare(
  db: D1Database,
  slug: string,
  from?: number,
  to?: number,
): Promise<HistoryToCompare | null> {
  const { results } = await db
    .prepare(
      `WITH shown AS (
  SELECT n AS last, coalesce(?3, n) AS shown_to, coalesce(?2, max(1, coalesce(?3, n) - 1)) AS shown_from
  FROM (SELECT max(revision) AS n FROM revisions WHERE slug = ?1)
)
SELECT ${META_COLUMNS.split(", ")
        .map((column) => `r.${column}`)
        .join(", ")}, r.record_id, s.shown_from, s.shown_to,
  CASE WHEN r.revision IN (s.shown_from, s.shown_to, s.last) THEN r.record_json END AS record_json
FROM revisions r CROSS JOIN shown s WHERE r.slug = ?1 ORDER BY r.revision`,
    )
    .bind(slug, from ?? null, to ?? null)
    .all<RevisionMeta & { record_id: number; shown_from: number; shown_to: number; record_json: string | null }>();
  const first = results[0];
  if (!first) return null;
  const records = new Map<number, Revision>();
  const revisions = results.map(({ record_json, record_id, shown_from: _from, shown_to: _to, ...meta }) => {
    if (record_json !== null) records.set(meta.revision, toRevision({ ...meta, record_json, record_id }));
    return meta;
  });
  return { revisions, from: first.shown_from, to: first.shown_to, records };
}

/** Revision n of a slug, with its record; null when there is none. */
export async function findRevision(db: D1Database, slug: string, revision: number): Promise<Revision | null> {
  const row = await db
    .prepare(`SELECT ${META_COLUMNS}, record_json, record_id FROM revisions WHERE slug = ?1 AND revision = ?2`)
    .bind(slug, revision)
    .first<RawRevision>();
  return row ? toRevision(row) : null;
}

/** The latest revision of a slug without its record (what an ETag or an If-Match check needs); null without history. */
export async function latestRevision(db: D1Database, slug: string): Promise<RevisionMeta | null> {
  return db
    .prepare(`SELECT ${META_COLUMNS} FROM revisions WHERE slug = ?1 ORDER BY revision DESC LIMIT 1`)
    .bind(slug)
    .first<RevisionMeta>();
}

/** The latest revision of a slug (live or a tombstone), with its record; null when the slug has no history. */
export async function currentRevision(db: D1Database, slug: string): Promise<Revision | null> {
  const row = await db
    .prepare(
      `SELECT ${META_COLUMNS}, record_json, record_id FROM revisions WHERE slug = ?1 ORDER BY revision DESC LIMIT 1`,
    )
    .bind(slug)
    .first<RawRevision>();
  return row ? toRevision(row) : null;
}

/** The tombstone of a withdrawn slug; null when the slug is live or has no history. */
export async function findTombstone(db: D1Database, slug: string): Promise<Tombstone | null> {
  const current = await currentRevision(db, slug);
  if (current?.action !== "delete") return null;
  return {
    slug,
    title: current.record.title,
    revision: current.revision,
    author: current.author,
    message: current.message,
    deleted_at: current.created_at,
  };
}

/** Where a walk through every revision continues: after this slug and revision. */
export interface RevisionCursor {
  slug: string;
  revision: number;
}

/** Up to `limit` revisions of all slugs after `after`, by slug then revision (for backups that stream them all). */
export async function revisionsAfter(db: D1Database, after: RevisionCursor | null, limit: number): Promise<Revision[]> {
  const { results } = await db
    .prepare(
      `SELECT ${META_COLUMNS}, record_json, record_id FROM revisions
WHERE ?1 IS NULL OR slug > ?1 OR (slug = ?1 AND revision > ?2) ORDER BY slug, revision LIMIT ?3`,
    )
    .bind(after?.slug ?? null, after?.revision ?? 0, limit)
    .all<RawRevision>();
  return results.map(toRevision);
}
