// The /search page through the Worker: a plain GET form with filters, chips, empty states, readable errors, paging.
import { describe, expect, it } from "vitest";
import { get } from "./helpers";

describe("the /search page", () => {
  it("renders results, a GET form with the filter sidebar, and marks illustrative and reported records", async () => {
    const res = await get("/search?q=acupuncture");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/<form id="search-form"[^>]*method="get"[^>]*action="\/search"/);
    expect(html).toContain('name="condition"');
    expect(html).toContain('form="search-form"');
    expect(html).toContain("<mark>");
    expect(html).toContain("Illustrative figures with no identifiable source");
    expect(html).toContain("Reported figures, not checked");
    expect(html).not.toMatch(/<script(?![^>]*type="module" src=)/);
  });

  it("shows active filters as chips that link to the same search without them", async () => {
    const html = await (await get("/search?q=pain&condition=low_back_pain&payer_type=medicaid&min_grade=C")).text();
    expect(html).toContain('href="/search?q=pain&amp;payer_type=medicaid&amp;min_grade=C"');
    expect(html).toContain('href="/search?q=pain&amp;condition=low_back_pain&amp;min_grade=C"');
    expect(html).toContain('href="/search?q=pain&amp;condition=low_back_pain&amp;payer_type=medicaid"');
    expect(html).toContain("Clear all filters");
  });

  it("says clearly when nothing matched and which filter to drop", async () => {
    const html = await (await get("/search?q=doula&condition=low_back_pain")).text();
    expect(html).toContain("Nothing matched");
    expect(html).toMatch(/Drop “Condition: Low back pain”/);
    expect(html).toContain('href="/search?q=doula"');
    const nothing = await (await get("/search?q=zzzqqqxxx")).text();
    expect(nothing).toContain("No record contains all of these words");
  });

  it("shows a readable page, never a 500, for invalid parameters", async () => {
    const res = await get("/search?q=doula&condition=bogus&limit=500&sort=effect&cursor=nope&year_from=abc&colour=1");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Some of the request was ignored");
    expect(html).toContain("condition[0]");
    expect(html).toContain("doula");
  });

  it("pages with plain links", async () => {
    const html = await (await get("/search?limit=2")).text();
    const next = /href="(\/search\?limit=2&amp;cursor=[^"]+)"/.exec(html)?.[1];
    expect(next).toBeDefined();
    const second = await get((next as string).replace(/&amp;/g, "&"));
    expect(second.status).toBe(200);
    expect(await second.text()).toContain("First page");
  });

  it("answers search as you type with the page's parts only, rendered as the page renders them", async () => {
    const page = await (await get("/search?q=acupuncture&sort=strongest")).text();
    expect(page).toMatch(/<script type="module" src="\/assets\/search\.[0-9a-f]+\.js"><\/script>/);
    const res = await get("/search?q=acupuncture&sort=strongest&fragment=results");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    const parts = await res.text();
    expect(parts).not.toContain("<html");
    expect(parts).not.toContain('class="site"');
    expect(parts).not.toContain("<script");
    expect(parts).toMatch(/^<title>Search: acupuncture · /);
    // The same markup for each part the script swaps (sort choices, results, filters), as on the page.
    for (const id of ["sort", "search-results", "filters"]) {
      const part = new RegExp(`<(select|section|aside) id="${id}"[\\s\\S]*?</\\1>`);
      expect(parts.match(part)?.[0], id).toBe(page.match(part)?.[0]);
    }
    expect(parts).toContain("<mark>");
    // It is not a search filter: never reported as an ignored part of the request.
    expect(parts).not.toContain("Some of the request was ignored");
  });
});
