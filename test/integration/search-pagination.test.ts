// Search order and pages through the Worker: each sort orders as it says, and walking the cursor visits every hit
// exactly once.
import { describe, expect, it } from "vitest";
import type { SearchResponse } from "../../src/search/schemas";
import { getJson } from "./helpers";
import { caseHits, everyHit, hitKey, type Problem, search } from "./search-helpers";

describe("sorting", () => {
  it("sorts by relevance with words and by strongest evidence without", async () => {
    expect((await search("q=doula")).sort).toBe("relevance");
    const browse = await search("limit=50");
    expect(browse.sort).toBe("strongest");
    const ranks = caseHits(browse).map((h) => "ABCDE".indexOf(h.evidence_grade));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it("sorts by newest evidence, records without a year last", async () => {
    const body = await search("sort=newest&limit=50");
    const years = caseHits(body).map((h) => h.evidence_year ?? -1);
    const known = years.filter((y) => y >= 0);
    expect(known).toEqual([...known].sort((a, b) => b - a));
    expect(years.slice(known.length).every((y) => y === -1)).toBe(true);
  });

  it("sorts by largest effect on a metric: most improvement first, records without it last", async () => {
    const body = await search("sort=effect&effect_metric=c_section_rate&limit=50");
    const scores = caseHits(body).map((h) => h.effect?.score ?? null);
    const known = scores.filter((s): s is number => s !== null);
    expect(known.length).toBeGreaterThan(0);
    expect(known).toEqual([...known].sort((a, b) => b - a));
    expect(scores.slice(known.length).every((s) => s === null)).toBe(true);
    expect(caseHits(body)[0]?.key_figures[0]?.metric).toBe("c_section_rate");
  });

  it("uses the one chosen metric filter for sort=effect and rejects sort=effect without a metric", async () => {
    const body = await search("sort=effect&metric=roi_ratio");
    expect(body.effect_metric).toBe("roi_ratio");
    expect(caseHits(body).every((h) => h.effect?.scale === "amount")).toBe(true);
    const { res, body: problem } = await getJson<Problem>("/api/v1/search?sort=effect");
    expect(res.status).toBe(400);
    expect(problem.errors?.map((e) => e.path)).toEqual(["sort"]);
  });

  it("treats sort=relevance without words as the default", async () => {
    expect((await search("sort=relevance")).sort).toBe("strongest");
  });
});

describe("pagination", () => {
  const orders = [
    "",
    "sort=newest",
    "q=pain",
    "q=medicaid&sort=newest",
    "q=care&sort=strongest",
    "sort=effect&effect_metric=opioid_fills",
    "payer_type=medicaid&sort=effect&effect_metric=total_cost_of_care",
  ];

  it.each(orders)(
    "walks every page of 2 once, never repeating or skipping (%j)",
    async (params) => {
      const all = await everyHit(params);
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: SearchResponse = await search(`${params}&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
        expect(page.total).toBe(all.total);
        seen.push(...page.hits.map(hitKey));
        cursor = page.next_cursor;
        pages++;
      } while (cursor && pages < 100);
      expect(all.slugs.length).toBe(all.total);
      expect(seen).toEqual(all.slugs);
      expect(new Set(seen).size).toBe(all.total);
    },
    30_000,
  );

  it("links the next page", async () => {
    const body = await search("q=pain&limit=2");
    expect(body.next).toMatch(/^https:\/\/example\.test\/api\/v1\/search\?q=pain&limit=2&cursor=/);
  });

  it("rejects a cursor it did not make, or one made for another sort", async () => {
    const first = await search("q=pain&limit=2");
    for (const cursor of ["garbage", "WyJ4Il0", first.next_cursor ?? ""]) {
      const { res, body } = await getJson<Problem>(`/api/v1/search?sort=newest&q=pain&cursor=${cursor}`);
      expect(res.status).toBe(400);
      expect(body.errors?.[0]?.path).toBe("cursor");
    }
  });
});
