/**
 * The evidence gap map: for two facets (modality × condition, financing model × outcome metric) the number of
 * records in every pair of values and the strongest grade among them.
 *
 * Read from the gap_pairs counters (schema/0012), which the write path keeps exact: published records by pair and
 * grade, a few hundred rows whatever the size of the corpus. A cell is what the search answers for those two filters
 * (same statuses, same facet rows, tombstoned or retracted records left out the same way); `gapMapsBySearch` computes
 * it that way, from the search statement's own facet keys over every published record, and the integration tests
 * hold the counters to it.
 */
import { FACETS } from "../domain/facets";
import { GAP_MAPS, type MapFacet } from "../domain/gap-maps";
import { grades } from "../domain/grading";
import { FACET_KEY_CODES } from "./facet-keys";
import type { SearchFacet } from "./model";
import { searchQuerySchema } from "./schemas";
import { prepareSearch } from "./spec";
import { type SearchResultRow, searchStatement } from "./statement";

export { GAP_MAPS, type MapFacet };

export interface GapCell {
  row: string;
  column: string;
  count: number;
  /** The strongest evidence grade among the cell's records; null for a gap. */
  strongest: (typeof grades)[number] | null;
}

export interface GapMatrix {
  id: string;
  rows: MapFacet;
  columns: MapFacet;
  /** Every pair of values, rows in the enumeration's order, then columns. */
  cells: GapCell[];
}

function valuesOf(facet: MapFacet): readonly string[] {
  return FACETS[facet].enumeration.values;
}

/**
 * The search a matrix is counted from: every published record, through the one filter that holds exactly one facet
 * row per record (a minimum grade of E), so the statement returns each record's facet keys once and counts live.
 */
function matrixStatement() {
  return searchStatement(prepareSearch(searchQuerySchema.parse({ min_grade: "E", limit: 1 })).spec);
}

/** Tallies pairs from the statement's facet-key lines of records that pass every predicate (pure). */
export function tallyPairs(
  keyChunks: readonly (string | null)[],
  allBits: number,
  rows: MapFacet,
  columns: MapFacet,
): GapCell[] {
  const rowCode = FACET_KEY_CODES[rows as SearchFacet];
  const colCode = FACET_KEY_CODES[columns as SearchFacet];
  const gradeCode = FACET_KEY_CODES.grade;
  const tally = new Map<string, { count: number; best: number }>();
  for (const line of keyChunks.flatMap((chunk) => (chunk ? chunk.split("\n") : []))) {
    const tokens = line.split(" ");
    if (Number(tokens[0]) !== allBits) continue;
    const mine = tokens.slice(1);
    const rowValues = mine.filter((t) => t[0] === rowCode).map((t) => t.slice(1));
    const colValues = mine.filter((t) => t[0] === colCode).map((t) => t.slice(1));
    const grade = mine.find((t) => t[0] === gradeCode)?.slice(1) ?? "E";
    const rank = grades.indexOf(grade as (typeof grades)[number]);
    for (const r of new Set(rowValues)) {
      for (const c of new Set(colValues)) {
        const key = `${r} ${c}`;
        const held = tally.get(key);
        tally.set(key, { count: (held?.count ?? 0) + 1, best: Math.min(held?.best ?? grades.length, rank) });
      }
    }
  }
  return valuesOf(rows).flatMap((row) =>
    valuesOf(columns).map((column) => {
      const held = tally.get(`${row} ${column}`);
      return { row, column, count: held?.count ?? 0, strongest: held ? (grades[held.best] ?? null) : null };
    }),
  );
}

/** A gap_pairs row: published records with both values and this grade. */
export interface GapPairRow {
  map: string;
  row_value: string;
  column_value: string;
  grade: string;
  n: number;
}

/** Cells of one matrix from its counter rows (pure): a cell's count is the sum over grades, its strongest the best. */
export function cellsFromPairs(pairs: readonly GapPairRow[], rows: MapFacet, columns: MapFacet): GapCell[] {
  const tally = new Map<string, { count: number; best: number }>();
  for (const pair of pairs) {
    if (pair.n <= 0) continue;
    const key = `${pair.row_value} ${pair.column_value}`;
    const held = tally.get(key);
    const rank = grades.indexOf(pair.grade as (typeof grades)[number]);
    tally.set(key, { count: (held?.count ?? 0) + pair.n, best: Math.min(held?.best ?? grades.length, rank) });
  }
  return valuesOf(rows).flatMap((row) =>
    valuesOf(columns).map((column) => {
      const held = tally.get(`${row} ${column}`);
      return { row, column, count: held?.count ?? 0, strongest: held ? (grades[held.best] ?? null) : null };
    }),
  );
}

/** Both matrices from the counters: one statement reading the non-zero gap_pairs rows. */
export async function gapMaps(db: D1Database): Promise<GapMatrix[]> {
  const { results } = await db
    .prepare("SELECT map, row_value, column_value, grade, n FROM gap_pairs WHERE n > 0")
    .all<GapPairRow>();
  return GAP_MAPS.map((map) => ({
    ...map,
    cells: cellsFromPairs(
      results.filter((pair) => pair.map === map.id),
      map.rows,
      map.columns,
    ),
  }));
}

/**
 * Both matrices the long way, in one D1 round trip: the search statement over every published record per matrix,
 * pairs tallied from its facet keys. O(corpus); the reference the counters are tested against, not a read route.
 */
export async function gapMapsBySearch(db: D1Database): Promise<GapMatrix[]> {
  const statements = GAP_MAPS.map(() => matrixStatement());
  const results = (await db.batch(
    statements.map((s) => db.prepare(s.sql).bind(...s.params)),
  )) as D1Result<SearchResultRow>[];
  return GAP_MAPS.map((map, i) => {
    const statement = statements[i];
    const rows = results[i]?.results ?? [];
    if (!statement?.counting) throw new Error("a gap-map search must count its facets live");
    const chunks = rows.filter((row) => row.kind === "keys").map((row) => row.data);
    return { ...map, cells: tallyPairs(chunks, statement.counting.allBits, map.rows, map.columns) };
  });
}
