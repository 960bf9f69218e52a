// What each response says it cost in D1 (src/http/d1-cost.ts over src/db/cost.ts), checked against D1 itself.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { coalescingDatabase } from "../../src/db/coalesce";
import { countingDatabase, emptyCost } from "../../src/db/cost";
import { runBatch } from "../../src/db/statements";
import { writeStatements } from "../../src/records/write-path";
import { get, readRecord, writeRecords } from "./helpers";

function costOf(res: Response) {
  return {
    queries: Number(res.headers.get("x-d1-queries")),
    roundTrips: Number(res.headers.get("x-d1-round-trips")),
    rowsRead: Number(res.headers.get("x-d1-rows-read")),
  };
}

describe("the counting D1 wrapper", () => {
  it("adds up statements, round trips and rows read from D1's own result meta", async () => {
    const cost = emptyCost();
    const db = countingDatabase(env.DB, cost);
    const all = await db.prepare("SELECT slug FROM case_studies WHERE status = ?1").bind("published").all();
    const [a, b] = await db.batch([
      db.prepare("SELECT count(*) AS n FROM case_studies"),
      db.prepare("SELECT count(*) AS n FROM case_study_facets"),
    ]);
    const first = await db.prepare("SELECT 1 AS ok").first<{ ok: number }>();
    const one = await db.prepare("SELECT slug FROM case_studies WHERE slug = ?1").bind("no-such-record").first();
    expect(all.results.length).toBeGreaterThan(10);
    expect(first?.ok).toBe(1);
    expect(one).toBeNull();
    expect(cost.statements).toBe(5);
    expect(cost.roundTrips).toBe(4);
    const metaRows = (all.meta.rows_read ?? 0) + (a?.meta.rows_read ?? 0) + (b?.meta.rows_read ?? 0);
    expect(metaRows).toBeGreaterThan(10);
    expect(cost.rowsRead).toBe(metaRows);
  });

  it("leaves results as D1 gives them", async () => {
    const sql = "SELECT slug, title FROM case_studies ORDER BY id LIMIT 3";
    const counted = countingDatabase(env.DB, emptyCost());
    expect((await counted.prepare(sql).all()).results).toEqual((await env.DB.prepare(sql).all()).results);
    expect(await counted.prepare(sql).raw()).toEqual(await env.DB.prepare(sql).raw());
    expect(await counted.prepare(sql).first("slug")).toBe(await env.DB.prepare(sql).first("slug"));
    expect(await counted.prepare(sql).first()).toEqual(await env.DB.prepare(sql).first());
    await expect(counted.prepare(sql).first("nothing")).rejects.toThrow(/D1_COLUMN_NOTFOUND/);
    await expect(env.DB.prepare(sql).first("nothing")).rejects.toThrow(/D1_COLUMN_NOTFOUND/);
  });
});

describe("the read coalescer over D1", () => {
  it("sends reads asked for together as one round trip, with the results D1 gives each alone", async () => {
    const cost = emptyCost();
    const reads = coalescingDatabase(countingDatabase(env.DB, cost));
    const list = "SELECT slug FROM case_studies ORDER BY id LIMIT 3";
    const [all, first, pair] = await Promise.all([
      reads.prepare(list).all(),
      reads.prepare("SELECT slug FROM case_studies WHERE slug = ?1").bind("no-such-record").first(),
      reads.batch([reads.prepare("SELECT count(*) AS n FROM case_studies"), reads.prepare("SELECT 1 AS ok")]),
    ]);
    expect(cost).toMatchObject({ statements: 4, roundTrips: 1 });
    expect(all.results).toEqual((await env.DB.prepare(list).all()).results);
    expect(first).toBeNull();
    expect(pair[1]?.results).toEqual([{ ok: 1 }]);
    expect(pair[0]?.results).toEqual((await env.DB.prepare("SELECT count(*) AS n FROM case_studies").all()).results);
  });

  it("gives a bad statement's error to its caller alone", async () => {
    const reads = coalescingDatabase(env.DB);
    const [good, bad] = await Promise.allSettled([
      reads.prepare("SELECT 1 AS ok").first("ok"),
      reads.prepare("SELECT * FROM no_such_table").all(),
    ]);
    expect(good).toEqual({ status: "fulfilled", value: 1 });
    expect(bad.status).toBe("rejected");
  });

  it("makes a history page one statement besides the version read, compared revisions included", async () => {
    const slug = "gerac-acupuncture-low-back-pain-trial";
    for (const query of ["", "?from=1&to=1"]) {
      const res = await get(`/case-studies/${slug}/history${query}`, { headers: { "cache-control": "no-cache" } });
      expect(res.status, query).toBe(200);
      expect(costOf(res), query).toMatchObject({ queries: 2, roundTrips: 1 });
    }
    const missing = await get(`/case-studies/${slug}/history?from=1&to=9999`, {
      headers: { "cache-control": "no-cache" },
    });
    expect(missing.status).toBe(400);
    expect(costOf(missing)).toMatchObject({ queries: 2, roundTrips: 1 });
  });

  it("makes the home page one round trip when asked for fresh", async () => {
    const res = await get("/", { headers: { "cache-control": "no-cache" } });
    expect(res.status).toBe(200);
    // The version read, two lists with their totals, and the counts by provenance.
    expect(costOf(res)).toMatchObject({ queries: 6, roundTrips: 1 });
  });
});

describe("D1 cost headers on every route", () => {
  it("count the health check's one statement", async () => {
    expect(costOf(await get("/api/v1/health"))).toMatchObject({ queries: 1, roundTrips: 1 });
  });

  it("count the HTTP cache's data-version read, then the route's batch in a round trip of its own", async () => {
    const res = await get("/api/v1/case-studies?limit=7");
    expect(res.status).toBe(200);
    expect(res.headers.get("x-cache")).toBe("miss");
    // The version is needed to look the answer up before the route runs, so it is a round trip of its own.
    expect(costOf(res)).toMatchObject({ queries: 3, roundTrips: 2 });
  });

  it("send a fresh request's version read with the route's reads: its statements in one round trip", async () => {
    const res = await get("/api/v1/case-studies?limit=5", { headers: { "cache-control": "no-cache" } });
    expect(res.status).toBe(200);
    const cost = costOf(res);
    expect(cost).toMatchObject({ queries: 3, roundTrips: 1 });
    const records = await env.DB.prepare("SELECT count(*) AS n FROM case_studies").first<{ n: number }>();
    // The page reads its five records; the total is one counter row (facet_counts), not a count of every record.
    expect(cost.rowsRead).toBeGreaterThanOrEqual(5);
    expect(cost.rowsRead).toBeLessThan(records?.n ?? 0);
  });

  it("count only the version read for a page that needs no database, and count HTML pages too", async () => {
    const none = await get("/api/v1/calculators");
    expect(none.status).toBe(200);
    expect(costOf(none)).toEqual({ queries: 1, roundTrips: 1, rowsRead: 1 });
    const page = await get("/case-studies/gerac-acupuncture-low-back-pain-trial");
    expect(page.status).toBe(200);
    expect(costOf(page).queries).toBeGreaterThan(0);
    expect(costOf(page).rowsRead).toBeGreaterThan(0);
  });

  it("count each request apart when requests run at the same time", async () => {
    const [health, search, list] = await Promise.all([
      get("/api/v1/health"),
      get("/api/v1/search?q=acupuncture", { headers: { "cache-control": "no-cache" } }),
      // no-cache: the list runs again rather than coming from the HTTP cache (which reports only its version read).
      get("/api/v1/case-studies?limit=5", { headers: { "cache-control": "no-cache" } }),
    ]);
    expect(costOf(health)).toMatchObject({ queries: 1, roundTrips: 1 });
    // The HTTP cache's version read, the search's own (for its result cache) and the search: one batch.
    expect(costOf(search)).toMatchObject({ queries: 3, roundTrips: 1 });
    expect(costOf(list)).toMatchObject({ queries: 3, roundTrips: 1 });
  });

  it("are on error answers too", async () => {
    const res = await get("/api/v1/case-studies/no-such-record");
    expect(res.status).toBe(404);
    expect(costOf(res).queries).toBeGreaterThan(0);
  });
});

describe("rows read by the read routes", () => {
  // Exports excepted, no read route reads a number of rows that grows with the corpus: the counters (schema/0012)
  // answer totals and the gap map, the list orders' indexes stop a page at its limit, the sitemap index probes one
  // row per range of ids. Checked by adding 80 records like one already there (same facet values, so no new counter
  // rows) and asking again.
  const ROUTES = [
    "/",
    "/api/v1/evidence/map",
    "/evidence/map",
    "/api/v1/case-studies?limit=5",
    "/case-studies",
    "/case-studies?condition=low_back_pain",
    "/api/v1/case-studies?condition=low_back_pain&modality=acupuncture&limit=5",
    "/sitemap.xml",
    "/sitemaps/pages.xml",
  ];

  async function rowsRead(): Promise<Record<string, number>> {
    const read: Record<string, number> = {};
    for (const path of ROUTES) {
      const res = await get(path, { headers: { "cache-control": "no-cache" } });
      expect(res.status, path).toBe(200);
      read[path] = costOf(res).rowsRead;
    }
    return read;
  }

  /** Rows read by one write of a record through the write path (its counters included). */
  async function writeCost(title: string): Promise<number> {
    const cost = emptyCost();
    const record = { ...(await readRecord("gerac-acupuncture-low-back-pain-trial")), slug: "d1-cost-edit", title };
    await runBatch(
      countingDatabase(env.DB, cost),
      writeStatements([{ kind: "upsert", record, origin: "api" }], "2026-01-02T00:00:00.000Z"),
    );
    return cost.rowsRead;
  }

  it("stay the same when the corpus grows, and so do a write's", async () => {
    await writeCost("First");
    const second = await writeCost("Second");
    // Each edit reads its slug's history, one revision longer each time: the growth of an edit without the corpus.
    const third = await writeCost("Third");
    const before = await rowsRead();
    const base = await readRecord("gerac-acupuncture-low-back-pain-trial");
    await writeRecords(
      ...Array.from({ length: 80 }, (_, i) => ({
        kind: "upsert" as const,
        record: { ...base, slug: `d1-cost-copy-${i}`, status: "published" as const },
        origin: "api" as const,
      })),
    );
    const after = await rowsRead();
    // A write keeps the counters by its own rows (it used to recount every facet row of the corpus).
    // The recount read every facet row, 80 × ~15 more of them after the 80 records; the write now reads its own
    // rows, its slug's history and the full-text index, whose pages grow a little with the corpus (6 rows, seen).
    const fourth = await writeCost("Fourth");
    const facetRows = await env.DB.prepare("SELECT count(*) AS n FROM case_study_facets").first<{ n: number }>();
    expect(fourth).toBeLessThan((facetRows?.n ?? 0) / 2);
    expect(fourth - third - Math.max(third - second, 0)).toBeLessThan(20);
    // A filtered list reads its filters' facet rows (the IN lists, for the page and for the count up to its cap), so
    // it grows with the records that match, here all 80: by one row each for one filter (whose total is a counter
    // row), by seven for two (page and count each read both lists and the record). Every other route reads the same
    // rows as before, give or take a counter row.
    const filtered = ROUTES.filter((p) => p.includes("?condition="));
    for (const path of ROUTES.filter((p) => !filtered.includes(p)))
      expect(after[path], path).toBeLessThanOrEqual((before[path] ?? 0) + 2);
    const [one, two] = filtered;
    expect(after[one as string]).toBeLessThanOrEqual((before[one as string] ?? 0) + 80 + 2);
    expect(after[two as string]).toBeLessThanOrEqual((before[two as string] ?? 0) + 8 * 80);
  });
});
