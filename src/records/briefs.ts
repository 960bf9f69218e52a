/**
 * The briefs table (schema/0009): the content seed's statements and the reads. Beside the case-study reads because
 * briefs are stored knowledge like records, and search will read them too.
 */
import type { BoundStatement } from "../db/statements";
import type { Brief } from "../domain/brief";
import { renderMarkdown } from "../domain/markdown";

/** A stored brief with its rendered (sanitised) narrative. */
export interface BriefRow {
  brief: Brief;
  body_html: string;
}

/**
 * The statements that make the table hold exactly these briefs: briefs whose file was removed go, the rest are
 * upserted by slug (so ids stay stable across edits).
 */
export function briefStatements(briefs: readonly Brief[], updatedAt: string): BoundStatement[] {
  return [
    {
      sql: "DELETE FROM briefs WHERE slug NOT IN (SELECT value FROM json_each(?1))",
      params: [JSON.stringify(briefs.map((b) => b.slug))],
    },
    ...briefs.map((brief) => briefUpsertStatement(brief, updatedAt)),
  ];
}

/** One brief upserted by slug (its id survives an edit), leaving the other briefs as they are. */
export function briefUpsertStatement(brief: Brief, updatedAt: string): BoundStatement {
  return {
    sql: `INSERT INTO briefs (slug, title, question, audience, brief_json, body_html, updated_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
ON CONFLICT (slug) DO UPDATE SET title = excluded.title, question = excluded.question, audience = excluded.audience,
  brief_json = excluded.brief_json, body_html = excluded.body_html, updated_at = excluded.updated_at`,
    params: [
      brief.slug,
      brief.title,
      brief.question,
      brief.audience,
      JSON.stringify(brief),
      renderMarkdown(brief.body),
      updatedAt,
    ],
  };
}

interface RawBrief {
  brief_json: string;
  body_html: string;
}

/** One brief by slug, or null. */
export async function findBrief(db: D1Database, slug: string): Promise<BriefRow | null> {
  const row = await db.prepare("SELECT brief_json, body_html FROM briefs WHERE slug = ?1").bind(slug).first<RawBrief>();
  return row ? { brief: JSON.parse(row.brief_json) as Brief, body_html: row.body_html } : null;
}

/** Every brief, by title. */
export async function listBriefs(db: D1Database): Promise<Brief[]> {
  const { results } = await db
    .prepare("SELECT brief_json FROM briefs ORDER BY title COLLATE NOCASE, id")
    .all<{ brief_json: string }>();
  return results.map((row) => JSON.parse(row.brief_json) as Brief);
}
