/** The evidence gap map: every cell equals what the search API answers for its two filters; the page is a real table. */
import { describe, expect, it } from "vitest";
import { get, getJson } from "./helpers";

type MapBody = {
  matrices: {
    id: string;
    rows: string;
    columns: string;
    cells: { row: string; column: string; count: number; strongest_grade: string | null; search: string }[];
  }[];
};
type SearchBody = {
  total: number;
  hits: { evidence_grade: string }[];
  facets: Record<string, { value: string; count: number }[]>;
};

describe("GET /api/v1/evidence/map", () => {
  it("counts every cell as the search does, with the strongest grade of the strongest-first search", async () => {
    const { body } = await getJson<MapBody>("/api/v1/evidence/map");
    expect(body.matrices.map((m) => m.id)).toEqual(["modality-condition", "financing-metric"]);
    let filled = 0;
    for (const matrix of body.matrices) {
      const rows = [...new Set(matrix.cells.map((c) => c.row))];
      for (const row of rows) {
        // The search's facet counts for the column facet with the row filter are the totals of each pair.
        const { body: search } = await getJson<SearchBody>(`/api/v1/search?${matrix.rows}=${row}&limit=1`);
        for (const cell of matrix.cells.filter((c) => c.row === row)) {
          const count = search.facets[matrix.columns]?.find((v) => v.value === cell.column)?.count ?? 0;
          expect(cell.count, `${row} × ${cell.column}`).toBe(count);
          const params = new URL(cell.search).searchParams;
          expect([params.get(matrix.rows), params.get(matrix.columns), [...params.keys()].length]).toEqual([
            row,
            cell.column,
            2,
          ]);
          if (cell.count === 0) {
            expect(cell.strongest_grade).toBeNull();
            continue;
          }
          filled++;
          const { body: pair } = await getJson<SearchBody>(
            `/api/v1/search?${matrix.rows}=${row}&${matrix.columns}=${cell.column}&sort=strongest&limit=1`,
          );
          expect(pair.total).toBe(cell.count);
          expect(cell.strongest_grade).toBe(pair.hits[0]?.evidence_grade);
        }
      }
    }
    expect(filled).toBeGreaterThan(10);
  });
});

describe("/evidence/map", () => {
  it("is two tables with row and column headers, cells linking to the search, and gaps in words", async () => {
    const html = await (await get("/evidence/map")).text();
    expect(html.match(/<table class="gap-map">/g)?.length).toBe(2);
    expect(html).toContain('<th scope="col">Chronic pain</th>');
    expect(html).toContain('<th scope="row">Acupuncture</th>');
    expect(html).toContain("Gap: no records");
    expect(html).toMatch(
      /<a href="\/search\?condition=chronic_pain&amp;modality=acupuncture"><span class="n">\d+<\/span>/,
    );
    expect(html).toMatch(/<section class="map-scroll" aria-label="[^"]+" tabindex="0">/);
  });
});
