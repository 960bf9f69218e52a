// Facet keys and the search result cache, through the Worker (workerd) over the real migrations and content.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { facetKeysOf } from "../../src/search/facet-keys";
import type { SearchResponse } from "../../src/search/schemas";
import { get, writeVariant } from "./helpers";

async function fetchSearch(params: string, headers: Record<string, string> = {}) {
  const res = await get(`/api/v1/search?${params}`, { headers });
  expect(res.status).toBe(200);
  return { res, body: (await res.json()) as SearchResponse, cache: res.headers.get("x-search-cache") };
}

async function dataVersion(): Promise<string> {
  const row = await env.DB.prepare("SELECT version FROM data_version").first<{ version: string }>();
  return row?.version ?? "";
}

describe("facet keys", () => {
  it("hold exactly each record's facet rows", async () => {
    const records = await env.DB.prepare("SELECT id, facet_keys FROM case_studies").all<{
      id: number;
      facet_keys: string;
    }>();
    const rows = await env.DB.prepare("SELECT case_study_id, facet, value FROM case_study_facets").all<{
      case_study_id: number;
      facet: string;
      value: string;
    }>();
    expect(records.results.length).toBeGreaterThan(20);
    for (const record of records.results) {
      const own = rows.results.filter((r) => r.case_study_id === record.id).map((r) => [r.facet, r.value] as const);
      const expected = facetKeysOf(own).split(" ").sort();
      expect(record.facet_keys.split(" ").sort(), `record ${record.id}`).toEqual(expected);
    }
  });

  it("follow a record rewritten through the write path", async () => {
    await writeVariant("gerac-acupuncture-low-back-pain-trial", (r) => ({
      ...r,
      slug: "gerac-keys-copy",
      payer_types: ["medicaid", "commercial"],
    }));
    const row = await env.DB.prepare("SELECT facet_keys FROM case_studies WHERE slug = 'gerac-keys-copy'").first<{
      facet_keys: string;
    }>();
    const tokens = row?.facet_keys.split(" ") ?? [];
    expect(tokens).toContain("pmedicaid");
    expect(tokens).toContain("pcommercial");
    expect(tokens).toContain("spublished");
  });
});

describe("data version", () => {
  it("changes on every insert, update and delete of a record and on a facet count refresh", async () => {
    // Storage is shared by the tests of a file, so this test changes only a copy of its own.
    const v0 = await dataVersion();
    expect(v0).toMatch(/^[0-9a-f]{16}$/);
    await writeVariant("gerac-acupuncture-low-back-pain-trial", (r) => ({ ...r, slug: "gerac-version-copy" }));
    const inserted = await dataVersion();
    expect(inserted).not.toBe(v0);
    await env.DB.prepare("UPDATE case_studies SET origin = 'api' WHERE slug = 'gerac-version-copy'").run();
    const v1 = await dataVersion();
    expect(v1).not.toBe(inserted);
    await env.DB.prepare("DELETE FROM case_studies WHERE slug = 'gerac-version-copy'").run();
    const v2 = await dataVersion();
    expect(v2).not.toBe(v1);
    await env.DB.prepare("UPDATE facet_counts SET n = n WHERE facet = 'status'").run();
    expect(await dataVersion()).not.toBe(v2);
  });
});

describe("search result cache", () => {
  const params = "q=acupuncture%20back%20pain&payer_type=medicare";

  it("answers a repeated search from the cache with one D1 statement and the same body", async () => {
    const fresh = await fetchSearch(params, { "cache-control": "no-cache" });
    expect(fresh.cache).toBe("bypass");
    // The HTTP cache's version read, the search's own and the search itself, sent as one batch.
    expect(fresh.res.headers.get("x-d1-queries")).toBe("3");
    expect(fresh.res.headers.get("x-d1-round-trips")).toBe("1");
    const again = await fetchSearch(params);
    expect(again.cache).toBe("hit");
    expect(again.res.headers.get("x-d1-queries")).toBe("1");
    expect(again.res.headers.get("x-d1-round-trips")).toBe("1");
    expect(Number(again.res.headers.get("x-d1-rows-read"))).toBeLessThanOrEqual(1);
    expect(again.body).toEqual(fresh.body);
  });

  it("never answers from a result computed before a write", async () => {
    await fetchSearch("q=gerac");
    const before = await fetchSearch("q=gerac");
    expect(before.cache).toBe("hit");
    await writeVariant("gerac-acupuncture-low-back-pain-trial", (r) => ({ ...r, slug: "gerac-cache-copy" }));
    const after = await fetchSearch("q=gerac");
    expect(after.cache).toBe("stale");
    // The HTTP cache's version read (its entry is of the old version), the search's check, then the search.
    expect(after.res.headers.get("x-d1-queries")).toBe("3");
    expect(after.body.total).toBe(before.body.total + 1);
    expect(after.body.hits.map((h) => h.slug)).toContain("gerac-cache-copy");
  });

  it("sees a write made outside the write path (plain SQL) too", async () => {
    const before = await fetchSearch("q=gerac");
    await env.DB.prepare(
      "UPDATE case_studies SET status = 'retracted' WHERE slug = 'gerac-acupuncture-low-back-pain-trial'",
    ).run();
    const after = await fetchSearch("q=gerac");
    expect(after.cache).not.toBe("hit");
    expect(after.body.hits.map((h) => h.slug)).not.toContain("gerac-acupuncture-low-back-pain-trial");
    expect(before.body.hits.map((h) => h.slug)).toContain("gerac-acupuncture-low-back-pain-trial");
  });

  it("runs afresh on Cache-Control: no-cache or max-age=0, and on Pragma: no-cache", async () => {
    await fetchSearch("q=doula");
    const asksFresh: Record<string, string>[] = [
      { "cache-control": "no-cache" },
      { "cache-control": "max-age=0" },
      { pragma: "no-cache" },
    ];
    for (const headers of asksFresh) {
      expect((await fetchSearch("q=doula", headers)).cache).toBe("bypass");
    }
    expect((await fetchSearch("q=doula")).cache).toBe("hit");
  });

  it("serves the /search page from the same cache", async () => {
    await get("/search?q=mindfulness");
    const res = await get("/search?q=mindfulness");
    expect(res.status).toBe(200);
    expect(res.headers.get("x-search-cache")).toBe("hit");
    expect(await res.text()).toContain("<mark>");
  });
});
