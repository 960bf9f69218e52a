// Search facets and statuses through the Worker: every count is what choosing that value returns, counted across
// far-apart ids, kept fresh by writes; drafts and retracted records only when asked for.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { SEARCH_FACETS } from "../../src/search/model";
import type { SearchResponse } from "../../src/search/schemas";
import { KEYS_CHUNK_BITS } from "../../src/search/statement";
import { get, writeVariant } from "./helpers";
import { addDraftAndRetracted, search, searchByHandler, slugs, VARIANT_IDS_FROM } from "./search-helpers";

describe("facets", () => {
  const searches = [
    "",
    "q=acupuncture",
    "q=medicaid&condition=perinatal",
    "payer_type=medicaid",
    "payer_type=medicaid&payer_type=medicare&modality=acupuncture",
    "condition=low_back_pain&min_grade=C&has_cost_figures=true",
    "year_from=2010&year_to=2020",
    "q=pain&design=rct&design=meta_analysis&country=US",
    "q=-acupuncture&provenance=reported",
    "status=published&status=draft&status=retracted",
    "status=draft",
  ];

  it.each(searches)(
    "every count equals the hits of choosing that value instead (%j)",
    async (params) => {
      await addDraftAndRetracted();
      const body = await search(params);
      const base = new URLSearchParams(params);
      let checked = 0;
      for (const facet of SEARCH_FACETS) {
        for (const { value, count } of body.facets[facet]) {
          const next = new URLSearchParams(base);
          const key = facet === "grade" ? "min_grade" : facet;
          next.delete(key);
          next.set(key, value);
          // Hundreds of these per file: through the handler, not SELF (see callWorker). Facets count case studies
          // (with words and the default status, figures and briefs are hits too), so the total compared is theirs.
          next.set("kind", "case_study");
          const applied = await searchByHandler(`${next.toString()}&limit=1`);
          expect(applied.total, `${params} + ${key}=${value}`).toBe(count);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(5);
    },
    60_000,
  );

  it("are counted over records whose ids lie far apart (the facet keys come back in one row per range of ids)", async () => {
    await addDraftAndRetracted();
    const ids = await env.DB.prepare(
      "SELECT max(id) AS seeded, (SELECT min(id) FROM case_studies WHERE slug LIKE 'doula-%-variant') AS variants FROM case_studies WHERE origin = 'content'",
    ).first<{ seeded: number; variants: number }>();
    // Other tests of the file write records too (after the first placeholder, new ids continue from there).
    expect(ids?.variants).toBeGreaterThanOrEqual(VARIANT_IDS_FROM);
    expect((ids?.seeded ?? 0) >> KEYS_CHUNK_BITS).toBe(0); // every seeded record is in the first range of ids
    expect(VARIANT_IDS_FROM >> KEYS_CHUNK_BITS).toBeGreaterThan(0);
    const all = await search("status=published&status=draft&status=retracted&q=doula");
    const status = Object.fromEntries(all.facets.status.map((f) => [f.value, f.count]));
    expect(status.draft).toBe(1);
    expect(status.retracted).toBe(1);
    expect(status.published).toBe((await search("q=doula&kind=case_study")).total);
  });

  it("reports the total with each filter dropped", async () => {
    const body = await search("payer_type=medicaid&condition=low_back_pain&year_from=2000");
    expect(body.without.payer_type).toBe((await search("condition=low_back_pain&year_from=2000")).total);
    expect(body.without.condition).toBe((await search("payer_type=medicaid&year_from=2000")).total);
    expect(body.without.year).toBe((await search("payer_type=medicaid&condition=low_back_pain")).total);
  });

  it("answers the plain browse from the precomputed counts without reading every row", async () => {
    // no-cache: the search itself runs (with the data version read in the same round trip), not a cached answer.
    const res = await get("/api/v1/search", { headers: { "cache-control": "no-cache" } });
    const body = (await res.json()) as SearchResponse;
    const records = await env.DB.prepare("SELECT count(*) AS n FROM case_studies").first<{ n: number }>();
    const facetRows = await env.DB.prepare("SELECT count(*) AS n FROM case_study_facets").first<{ n: number }>();
    const rowsRead = Number(res.headers.get("x-d1-rows-read"));
    expect(res.headers.get("x-search-cache")).toBe("bypass");
    expect(res.headers.get("x-d1-queries")).toBe("3");
    expect(res.headers.get("x-d1-round-trips")).toBe("1");
    expect(rowsRead).toBeGreaterThan(0);
    expect(rowsRead).toBeLessThan((records?.n ?? 0) + (facetRows?.n ?? 0));
    // And the precomputed answer is the same as the computed one (the status filter spelled out forces computing).
    const computed = await search("status=published&status=published");
    expect(computed.total).toBe(body.total);
  });

  it("keeps the precomputed counts fresh through the write path", async () => {
    const before = await search("");
    await writeVariant("gerac-acupuncture-low-back-pain-trial", (r) => ({
      ...r,
      slug: "gerac-copy",
      title: "GERAC copy",
    }));
    const after = await search("");
    expect(after.total).toBe(before.total + 1);
    const acupuncture = (b: SearchResponse) => b.facets.modality.find((v) => v.value === "acupuncture")?.count ?? 0;
    expect(acupuncture(after)).toBe(acupuncture(before) + 1);
  });
});

describe("statuses", () => {
  it("leaves drafts and retracted records out unless asked, and counts them in the status facet", async () => {
    await addDraftAndRetracted();
    const plain = await slugs("q=doula&limit=50");
    expect(plain).not.toContain("doula-draft-variant");
    expect(plain).not.toContain("doula-retracted-variant");
    const browse = await search("limit=50");
    expect(browse.hits.map((h) => h.slug)).not.toContain("doula-draft-variant");
    expect(browse.facets.status.find((v) => v.value === "draft")?.count).toBe(1);
    expect(browse.facets.status.find((v) => v.value === "retracted")?.count).toBe(1);
    expect(await slugs("q=doula&status=draft")).toEqual(["doula-draft-variant"]);
    const both = await slugs("q=doula&status=retracted&status=published&limit=50");
    expect(both).toContain("doula-retracted-variant");
    expect(both).not.toContain("doula-draft-variant");
  });
});
