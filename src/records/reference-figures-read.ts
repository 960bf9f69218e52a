/**
 * Reading reference figures: all of them (the list page and API), one by slug, and the short summaries a calculator
 * shows beside a default or a scenario input that cites one. Several features read them, so the reads live here.
 */
import type { FigureSummary, ReferenceFigure } from "../domain/reference-figure";

/** A stored figure: the contract's record, its stable id and its note as HTML. */
export interface FigureRow {
  id: number;
  figure: Omit<ReferenceFigure, "body">;
  body_html: string;
}

interface RawRow {
  id: number;
  record_json: string;
  body_html: string;
}

function mapRow(row: RawRow): FigureRow {
  return { id: row.id, figure: JSON.parse(row.record_json) as FigureRow["figure"], body_html: row.body_html };
}

/** Every figure, by what it prices then title. */
export async function listReferenceFigures(db: D1Database): Promise<FigureRow[]> {
  const { results } = await db
    .prepare("SELECT id, record_json, body_html FROM reference_figures ORDER BY per IS NULL, per, title COLLATE NOCASE")
    .all<RawRow>();
  return results.map(mapRow);
}

/** One figure by slug, or null. */
export async function findReferenceFigure(db: D1Database, slug: string): Promise<FigureRow | null> {
  const row = await db
    .prepare("SELECT id, record_json, body_html FROM reference_figures WHERE slug = ?1")
    .bind(slug)
    .first<RawRow>();
  return row ? mapRow(row) : null;
}

/** Summaries of the figures with these slugs (missing slugs are left out), in one statement. */
export async function findFigureSummaries(
  db: D1Database,
  slugs: readonly string[],
): Promise<Record<string, FigureSummary>> {
  if (slugs.length === 0) return {};
  const { results } = await db
    .prepare(
      "SELECT slug, title, provenance, measure, price_year, source_title, source_publisher FROM reference_figures WHERE slug IN (SELECT value FROM json_each(?1))",
    )
    .bind(JSON.stringify(slugs))
    .all<FigureSummary>();
  return Object.fromEntries(results.map((row) => [row.slug, row]));
}
