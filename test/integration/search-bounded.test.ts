// A search with words reads the best SEARCH_CANDIDATE_CAP full-text matches and no more (src/search/statement.ts,
// bestMatches): past the cap its rows read stop growing with the matches, its totals and facet counts say they are
// lower bounds (API and page), and its pages walk those candidates once each, in the same order every time.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { runBatch } from "../../src/db/statements";
import { rebuildCounterStatements } from "../../src/records/write-path";
import { SEARCH_CANDIDATE_CAP } from "../../src/search/model";
import type { SearchResponse } from "../../src/search/schemas";
import { get } from "./helpers";
import { hitKey } from "./search-helpers";

const CAP = SEARCH_CANDIDATE_CAP;
const WORD = "acupuncture";
/** No cache: copies are written with plain SQL, which leaves the data version (and so cached answers) as it was. */
const FRESH = { headers: { "cache-control": "no-cache" } };

async function fresh(params: string): Promise<{ body: SearchResponse; rows: number }> {
  const res = await get(`/api/v1/search?${params}`, FRESH);
  const body = (await res.json()) as SearchResponse;
  expect(res.status, JSON.stringify(body).slice(0, 300)).toBe(200);
  return { body, rows: Number(res.headers.get("x-d1-rows-read")) };
}

async function matches(): Promise<number> {
  const row = await env.DB.prepare("SELECT count(*) AS n FROM case_studies_fts WHERE case_studies_fts MATCH ?1")
    .bind(WORD)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

let copied = 0;

/**
 * `count` published copies of a record that has the word, written with plain SQL (the full-text triggers index them)
 * and the counters recounted after, as the bulk loader does. Summaries of different lengths give them different bm25
 * scores; many still tie, which the order must break the same way every time.
 */
async function addCopies(count: number): Promise<void> {
  const columns = (
    await env.DB.prepare(
      "SELECT name FROM pragma_table_info('case_studies') WHERE name NOT IN ('id', 'slug', 'summary', 'status')",
    ).all<{ name: string }>()
  ).results.map((c) => c.name);
  const source = await env.DB.prepare(
    "SELECT c.id AS id FROM case_studies c JOIN case_studies_fts f ON f.rowid = c.id WHERE case_studies_fts MATCH ?1 AND c.status = 'published' ORDER BY c.id LIMIT 1",
  )
    .bind(WORD)
    .first<{ id: number }>();
  expect(source).not.toBeNull();
  const from = copied;
  await env.DB.batch([
    env.DB.prepare(
      `WITH RECURSIVE k(i) AS (SELECT ?3 + 1 UNION ALL SELECT i + 1 FROM k WHERE i < ?3 + ?2)
INSERT INTO case_studies (id, slug, summary, status, ${columns.join(", ")})
SELECT 600000 + k.i, 'bounded-copy-' || k.i, s.summary || substr(' more words on the program', 1, k.i % 27), 'published',
  ${columns.map((c) => `s.${c}`).join(", ")}
FROM k, case_studies s WHERE s.id = ?1`,
    ).bind(source?.id, count, from),
    env.DB.prepare(
      `INSERT INTO case_study_facets (case_study_id, facet, value)
SELECT c.id, f.facet, f.value FROM case_studies c, case_study_facets f
WHERE c.id > 600000 + ?2 AND c.id <= 600000 + ?2 + ?3 AND f.case_study_id = ?1`,
    ).bind(source?.id, from, count),
  ]);
  copied += count;
  await runBatch(env.DB, rebuildCounterStatements());
}

/** Every hit of a search, walked in pages of 50 through the cursor. */
async function walk(params: string): Promise<{ keys: string[]; pages: number }> {
  let { body } = await fresh(`${params}&limit=50`);
  const keys = body.hits.map(hitKey);
  let pages = 1;
  while (body.next_cursor && pages < 100) {
    ({ body } = await fresh(`${params}&limit=50&cursor=${body.next_cursor}`));
    keys.push(...body.hits.map(hitKey));
    pages++;
  }
  return { keys, pages };
}

describe("a search with more matches than the cap", () => {
  it("reads the same rows however many more match, and says its totals and counts are lower bounds", async () => {
    const few = await fresh(`q=${WORD}`);
    expect([few.body.total_exact, few.body.facets_exact]).toEqual([true, true]);
    expect(await (await get(`/search?q=${WORD}`, FRESH)).text()).not.toContain("At least");

    await addCopies(CAP + 100);
    expect(await matches()).toBeGreaterThan(CAP);
    const capped = await fresh(`q=${WORD}`);
    expect([capped.body.total_exact, capped.body.facets_exact]).toEqual([false, false]);
    // The candidates are the CAP best case-study matches of every status; the total counts the published among
    // them, and the figures and briefs (fewer than the cap, so exactly) beside them.
    const byKind = capped.body.total_by_kind;
    expect(byKind.case_study).toBeLessThanOrEqual(CAP);
    expect(byKind.case_study).toBeGreaterThan(CAP - 100);
    expect(capped.body.total).toBe(byKind.case_study + byKind.reference_figure + byKind.brief);
    // The status facet counts every candidate once, by its status: exactly the cap.
    const statusCounts = capped.body.facets.status?.map((v) => v.count) ?? [];
    expect(statusCounts.reduce((a, b) => a + b, 0)).toBe(CAP);
    for (const values of Object.values(capped.body.facets))
      for (const v of values) expect(v.count).toBeLessThanOrEqual(CAP);

    // A thousand more matches: without the cap that is a thousand more candidate rows, read several times over.
    await addCopies(1000);
    const more = await fresh(`q=${WORD}`);
    expect(more.body.total_exact).toBe(false);
    expect(Math.abs(more.rows - capped.rows), `${capped.rows} → ${more.rows} rows`).toBeLessThan(30);

    // A word few records have is still counted exactly, beside the capped one.
    const rare = await fresh("q=doula");
    expect([rare.body.total_exact, rare.body.facets_exact]).toEqual([true, true]);
    expect(rare.rows).toBeLessThan(capped.rows);

    const html = await (await get(`/search?q=${WORD}`, FRESH)).text();
    expect(html).toMatch(/At least\s+[\d,]+ results/);
    expect(html).toContain(`the ${CAP.toLocaleString("en-US")} best matches`);
    expect(html).toMatch(/<span class="count">\([\d,]+\+\)<\/span>/);
    expect(html).toContain("each choice gives at least that many");
  });

  it("walks its pages once each, in the same order every time, ending at the cap", async () => {
    if (copied === 0) await addCopies(CAP + 100);
    // Relevance walked twice (its ties between equal scores are cut the same way each time), newest once.
    const walks: [string, number][] = [
      ["", 2],
      ["&sort=newest", 1],
    ];
    for (const [sort, times] of walks) {
      const { body } = await fresh(`q=${WORD}${sort}`);
      const first = await walk(`q=${WORD}${sort}`);
      expect(new Set(first.keys).size, sort).toBe(first.keys.length);
      expect(first.keys.length, sort).toBe(body.total);
      expect(first.pages, sort).toBe(Math.ceil(body.total / 50));
      if (times > 1) expect((await walk(`q=${WORD}${sort}`)).keys, sort).toEqual(first.keys);
    }
  });

  it("applies filters within the candidates, counting them as lower bounds too", async () => {
    if (copied === 0) await addCopies(CAP + 100);
    const { body } = await fresh(`q=${WORD}&status=published&status=draft&status=retracted`);
    expect(body.total).toBe(CAP);
    expect(body.total_exact).toBe(false);
    const value = body.facets.provenance?.[0];
    expect(value).toBeDefined();
    const filtered = await fresh(`q=${WORD}&status=published&status=draft&status=retracted&provenance=${value?.value}`);
    // The count shown for a value is the total that choosing it gives: the same candidates, the same lower bound.
    expect([filtered.body.total, filtered.body.total_exact]).toEqual([value?.count, false]);
    expect(filtered.body.without.provenance).toBe(CAP);
  });
});
