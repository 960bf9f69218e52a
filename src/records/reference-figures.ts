/**
 * The one write path for reference figures (schema/0008). Like the case-study write path (write-path.ts), a list of
 * writes becomes ONE list of statements, run as one batch (one transaction in D1), and a figure is upserted by slug so
 * its numeric id survives an edit. Figures have no children and no facets, so nothing derived follows.
 */
import type { BoundStatement, SqlValue } from "../db/statements";
import { renderMarkdown } from "../domain/markdown";
import type { ReferenceFigure } from "../domain/reference-figure";

/** One change to the reference figures. */
export type FigureWrite =
  | { kind: "upsert"; figure: ReferenceFigure }
  /** Delete every content-built figure whose slug is not listed: the content seed, for files that were removed. */
  | { kind: "deleteContentExcept"; slugs: readonly string[] };

const COLUMNS = [
  "slug",
  "title",
  "value",
  "low",
  "high",
  "unit",
  "per",
  "price_year",
  "geography",
  "measure",
  "provenance",
  "quote",
  "caveats",
  "body",
  "body_html",
  "source_title",
  "source_publisher",
  "source_url",
  "record_json",
  "origin",
  "updated_at",
] as const;

function upsert(figure: ReferenceFigure, updatedAt: string): BoundStatement {
  const { body, ...record } = figure;
  const values: Record<(typeof COLUMNS)[number], SqlValue> = {
    slug: figure.slug,
    title: figure.title,
    value: figure.value,
    low: figure.low ?? null,
    high: figure.high ?? null,
    unit: figure.unit,
    per: figure.per ?? null,
    price_year: figure.price_year ?? null,
    geography: figure.geography,
    measure: figure.measure,
    provenance: figure.provenance,
    quote: figure.quote,
    caveats: (figure.caveats ?? []).join("\n"),
    body,
    body_html: renderMarkdown(body),
    source_title: figure.source.title,
    source_publisher: figure.source.publisher ?? null,
    source_url: figure.source.url ?? null,
    record_json: JSON.stringify(record),
    origin: "content",
    updated_at: updatedAt,
  };
  const updates = COLUMNS.filter((c) => c !== "slug").map((c) => `${c} = excluded.${c}`);
  return {
    sql: `INSERT INTO reference_figures (${COLUMNS.join(", ")}) VALUES (${COLUMNS.map((_, i) => `?${i + 1}`).join(", ")}) ON CONFLICT(slug) DO UPDATE SET ${updates.join(", ")}`,
    params: COLUMNS.map((c) => values[c]),
  };
}

/** The statements for a list of writes, in order; run them as one batch. */
export function figureWriteStatements(writes: readonly FigureWrite[], updatedAt: string): BoundStatement[] {
  return writes.map((write) =>
    write.kind === "upsert"
      ? upsert(write.figure, updatedAt)
      : {
          sql: "DELETE FROM reference_figures WHERE origin = 'content' AND slug NOT IN (SELECT value FROM json_each(?1))",
          params: [JSON.stringify(write.slugs)],
        },
  );
}

/** The content seed's part for figures: removed files first, then one upsert per figure. */
export function figureSeedStatements(figures: readonly ReferenceFigure[], updatedAt: string): BoundStatement[] {
  return figureWriteStatements(
    [
      { kind: "deleteContentExcept", slugs: figures.map((f) => f.slug) },
      ...figures.map((figure) => ({ kind: "upsert" as const, figure })),
    ],
    updatedAt,
  );
}
