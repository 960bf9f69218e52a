/**
 * The briefs table (schema/0009): the content seed's statements, which render each brief's Markdown once, when it is
 * stored. The reads are in briefs-read.ts, so the public Worker serves briefs without carrying the Markdown renderer.
 */
import type { BoundStatement } from "../db/statements";
import type { Brief } from "../domain/brief";
import { renderMarkdown } from "../domain/markdown";

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
