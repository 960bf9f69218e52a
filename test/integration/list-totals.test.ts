// List totals (src/records/read.ts): exact from the counters when they hold the answer (status only, or one value of
// one facet), counted up to a cap otherwise, and then said to be a lower bound in the API and on the page.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { runBatch } from "../../src/db/statements";
import { LIST_COUNT_CAP } from "../../src/records/read";
import { rebuildCounterStatements } from "../../src/records/write-path";
import { get, getJson } from "./helpers";

type List = {
  items: { slug: string }[];
  total: number;
  total_exact: boolean;
  pages: number | null;
  next: string | null;
};

async function countWhere(sql: string): Promise<number> {
  return (await env.DB.prepare(`SELECT count(*) AS n FROM case_studies c WHERE ${sql}`).first<{ n: number }>())?.n ?? 0;
}

const HAS = (facet: string, value: string) =>
  `c.id IN (SELECT case_study_id FROM case_study_facets WHERE facet = '${facet}' AND value = '${value}')`;

describe("list totals", () => {
  it("are exact, from the counters or counted, and say so", async () => {
    const cases: [string, string][] = [
      ["", "c.status = 'published'"],
      ["status=draft,retracted", "c.status IN ('draft', 'retracted')"],
      ["condition=chronic_pain", `c.status = 'published' AND ${HAS("condition", "chronic_pain")}`],
      [
        "condition=chronic_pain&modality=acupuncture",
        `c.status = 'published' AND ${HAS("condition", "chronic_pain")} AND ${HAS("modality", "acupuncture")}`,
      ],
      ["status=retracted&provenance=verified", `c.status = 'retracted' AND ${HAS("provenance", "verified")}`],
    ];
    for (const [query, where] of cases) {
      const { body } = await getJson<List>(`/api/v1/case-studies?limit=5&${query}`);
      expect([body.total, body.total_exact], query).toEqual([await countWhere(where), true]);
      expect(body.pages, query).toBe(Math.max(1, Math.ceil(body.total / 5)));
    }
  });

  it("past the cap, are a lower bound with a next page, and exact again when the page reaches past the matches", async () => {
    // 1,100 published copies of a record with both values, written with plain SQL and the counters recounted after
    // (as the bulk loader does): more matches than the cap for a list of two filters.
    const many = LIST_COUNT_CAP + 100;
    const columns = (
      await env.DB.prepare("SELECT name FROM pragma_table_info('case_studies') WHERE name NOT IN ('id', 'slug')").all<{
        name: string;
      }>()
    ).results.map((c) => c.name);
    const source = await env.DB.prepare(
      `SELECT id FROM case_studies c WHERE c.status = 'published' AND ${HAS("condition", "chronic_pain")} AND ${HAS("modality", "acupuncture")} LIMIT 1`,
    ).first<{ id: number }>();
    expect(source).not.toBeNull();
    await env.DB.batch([
      env.DB.prepare(
        `WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ?2)
INSERT INTO case_studies (id, slug, ${columns.join(", ")})
SELECT 500000 + k.i, 'list-total-copy-' || k.i, ${columns.map((c) => `s.${c}`).join(", ")}
FROM k, case_studies s WHERE s.id = ?1`,
      ).bind(source?.id, many),
      env.DB.prepare(
        `INSERT INTO case_study_facets (case_study_id, facet, value)
SELECT c.id, f.facet, f.value FROM case_studies c, case_study_facets f
WHERE c.slug LIKE 'list-total-copy-%' AND f.case_study_id = ?1`,
      ).bind(source?.id),
    ]);
    await runBatch(env.DB, rebuildCounterStatements());
    const query = "condition=chronic_pain&modality=acupuncture";
    const matches = await countWhere(
      `c.status = 'published' AND ${HAS("condition", "chronic_pain")} AND ${HAS("modality", "acupuncture")}`,
    );
    expect(matches).toBeGreaterThan(LIST_COUNT_CAP);

    const { body } = await getJson<List>(`/api/v1/case-studies?limit=5&${query}`);
    expect([body.total, body.total_exact, body.pages]).toEqual([LIST_COUNT_CAP, false, null]);
    expect(body.next).toContain("page=2");
    const html = await (await get(`/case-studies?${query}`)).text();
    expect(html).toContain(`More than ${LIST_COUNT_CAP.toLocaleString("en")} case studies`);
    expect(html).toMatch(/<span>Page 1<\/span>\s*<a href="[^"]*page=2/);

    // A page whose end lies past every match counts them all: exact, and the last page.
    const last = Math.ceil(matches / 50);
    const deep = await getJson<List>(`/api/v1/case-studies?limit=50&page=${last}&${query}`);
    expect([deep.body.total, deep.body.total_exact, deep.body.pages, deep.body.next]).toEqual([
      matches,
      true,
      last,
      null,
    ]);

    // One filter: exact from its counter row whatever the number.
    const one = await getJson<List>("/api/v1/case-studies?limit=5&modality=acupuncture");
    expect([one.body.total, one.body.total_exact]).toEqual([
      await countWhere(`c.status = 'published' AND ${HAS("modality", "acupuncture")}`),
      true,
    ]);
  });
});
