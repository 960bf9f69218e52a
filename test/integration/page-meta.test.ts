/** Record pages describe themselves to machines (citation_*, JSON-LD, Open Graph, alternates); the sitemap (an index of sitemaps) lists every public page. */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { PUBLIC_RANGES_SQL, PUBLIC_SLUGS_IN_IDS_SQL } from "../../src/records/read";
import { SITEMAP_PAGE_SIZE } from "../../src/site/sitemap";
import { jsonLdText } from "../../src/views/page-meta";
import { get, sitemapLocs, withIdsFrom, writeRecords, writeVariant } from "./helpers";

const SLUG = "geisinger-fresh-food-farmacy-rct";

function metaContent(html: string, name: string): string[] {
  return [...html.matchAll(new RegExp(`<meta (?:name|property)="${name}" content="([^"]*)"`, "g"))].map(
    (m) => m[1] as string,
  );
}

describe("record page metadata", () => {
  it("has citation_* tags of the primary source, Open Graph, alternates to JSON and CSV, and JSON-LD that parses", async () => {
    const res = await get(`/case-studies/${SLUG}`);
    const html = await res.text();
    expect(metaContent(html, "citation_title").length).toBe(1);
    expect(metaContent(html, "citation_author").length).toBeGreaterThan(0);
    expect(metaContent(html, "citation_publication_date")[0]).toMatch(/^\d{4}$/);
    expect(metaContent(html, "og:url")).toEqual([`https://example.test/case-studies/${SLUG}`]);
    expect(metaContent(html, "og:title").length).toBe(1);
    expect(html).toContain(
      `<link rel="alternate" type="application/json" href="https://example.test/api/v1/exports/case-studies/${SLUG}?format=json"`,
    );
    expect(html).toContain(
      `<link rel="alternate" type="text/csv" href="https://example.test/api/v1/exports/case-studies/${SLUG}?format=csv"`,
    );
    const ld = /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(html);
    const data = JSON.parse(ld?.[1] ?? "null") as { "@type": string; url: string; citation: unknown[] };
    expect(data["@type"]).toBe("Article");
    expect(data.url).toBe(`https://example.test/case-studies/${SLUG}`);
    expect(data.citation.length).toBeGreaterThan(0);
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(html).toContain(`/api/v1/exports/case-studies/${SLUG}?format=ris`);
  });

  it("writes JSON-LD so that no title can close the script element", () => {
    const text = jsonLdText({ title: "</script><script>alert(1)</script> & <!-- \u2028" });
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual({ title: "</script><script>alert(1)</script> & <!-- \u2028" });
  });

  it("the search page links to the export of the same search", async () => {
    const html = await (await get("/search?condition=diabetes")).text();
    expect(html).toContain("Download these results");
    expect(html).toContain('href="/api/v1/exports/search?condition=diabetes&amp;format=csv"');
  });
});

describe("/sitemap.xml", () => {
  it("reads slugs from the sitemap's own index (the public records' id and slug), never a whole record row", async () => {
    for (const [sql, binds] of [
      [PUBLIC_RANGES_SQL, [SITEMAP_PAGE_SIZE]],
      [PUBLIC_SLUGS_IN_IDS_SQL, [1, SITEMAP_PAGE_SIZE]],
    ] as const) {
      const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .bind(...binds)
        .all<{ detail: string }>();
      const plan = results.map((row) => row.detail);
      // The id range of a sitemap goes through the covering index; max(id) is one lookup at an index's end.
      const ranges = plan.filter((step) => /\(id>\? AND id<\?\)/.test(step));
      expect(ranges.length, plan.join("\n")).toBe(1);
      expect(ranges[0], plan.join("\n")).toMatch(/USING COVERING INDEX case_studies_sitemap\b/);
      for (const step of plan) expect(step, plan.join("\n")).not.toMatch(/^SCAN (c|case_studies)\b/);
    }
  });

  it("is a sitemap index whose sitemaps list every published and retracted record and the fixed pages, each answering 200", async () => {
    const res = await get("/sitemap.xml");
    expect(res.headers.get("content-type")).toContain("application/xml");
    const index = await res.text();
    expect(index).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    const maps = [...index.matchAll(/<sitemap><loc>([^<]*)<\/loc><\/sitemap>/g)].map((m) =>
      (m[1] as string).replace("https://example.test", ""),
    );
    expect(maps[0]).toBe("/sitemaps/pages.xml");
    expect(maps.slice(1).every((path) => /^\/sitemaps\/case-studies-\d+\.xml$/.test(path))).toBe(true);
    for (const path of maps) {
      const map = await get(path);
      expect(map.status, path).toBe(200);
      expect(await map.text()).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    }
    const locs = await sitemapLocs();
    const { results } = await env.DB.prepare(
      "SELECT slug FROM case_studies WHERE status IN ('published', 'retracted')",
    ).all<{ slug: string }>();
    expect(results.length).toBeGreaterThan(20);
    for (const { slug } of results) expect(locs).toContain(`/case-studies/${slug}`);
    expect(locs.filter((path) => path.startsWith("/case-studies/"))).toHaveLength(results.length);
    for (const path of ["/", "/search", "/case-studies", "/calculators", "/taxonomy", "/evidence/map"])
      expect(locs).toContain(path);
    for (const path of locs) expect((await get(path)).status, path).toBe(200);
  });

  it("puts a record in the case-study sitemap of its id range, and answers 404 for a range or name it has not", async () => {
    await withIdsFrom(12_001, () =>
      writeVariant(SLUG, (r) => ({ ...r, slug: "sitemap-far-record", status: "published" })),
    );
    const index = await (await get("/sitemap.xml")).text();
    // Id 12,001 is in range n; range n - 1 ends at id 12,000, where the placeholder of withIdsFrom is gone again.
    const n = Math.ceil(12_001 / SITEMAP_PAGE_SIZE);
    expect(index).toContain(`https://example.test/sitemaps/case-studies-${n}.xml`);
    const page = await (await get(`/sitemaps/case-studies-${n}.xml`)).text();
    expect([...page.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1])).toEqual([
      "https://example.test/case-studies/sitemap-far-record",
    ]);
    expect(index).not.toContain(`case-studies-${n - 1}.xml`);
    for (const path of [`/sitemaps/case-studies-${n - 1}.xml`, "/sitemaps/case-studies-0.xml", "/sitemaps/other.xml"])
      expect((await get(path)).status, path).toBe(404);
    await writeRecords({ kind: "delete", slug: "sitemap-far-record" });
    expect(await (await get("/sitemap.xml")).text()).not.toContain(`case-studies-${n}.xml`);
  });
});
