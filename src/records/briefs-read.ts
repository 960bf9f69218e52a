/**
 * Reading the briefs table (schema/0009): one brief by slug, and every brief. The narrative is stored rendered and
 * sanitised (briefs.ts renders it when the brief is stored), so nothing here parses Markdown.
 */
import type { Brief } from "../domain/brief";

/** A stored brief with its rendered (sanitised) narrative. */
export interface BriefRow {
  brief: Brief;
  body_html: string;
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
