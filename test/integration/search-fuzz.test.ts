// Thousands of random and hostile queries and filter combinations through the Worker: never a 5xx, never an
// exception, always JSON (the API) or a page (the HTML route).
//
// The thousands go through the Worker's own fetch handler (src/index.ts, with the test's D1), because SELF.fetch
// gets slower with every request a test worker has made (workers-sdk issue 15446: ~5 ms to ~320 ms per request
// after 1,200 requests). A few hundred more go through SELF.fetch, to cover the real entry end to end.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { facetEnumerations } from "../../src/domain/enums";
import type { SearchResponse } from "../../src/search/schemas";
import { callWorker as call, get } from "./helpers";

const HOSTILE = [
  '"',
  '""',
  "(",
  ")",
  "()",
  "NEAR",
  "NEAR(",
  "NEAR/2",
  "OR",
  "AND",
  "NOT",
  "-",
  "--",
  "*",
  "**",
  ":",
  "title:",
  "^",
  "+",
  "{",
  "}",
  "[",
  "]",
  "'",
  "\\",
  "%",
  "_",
  ";",
  "'; DROP TABLE case_studies; --",
  "\u0000",
  "\u0001",
  "\u0002",
  "\u2028",
  "\uFEFF",
  "😀",
  "👩‍⚕️",
  "\uD800",
  "ﬁ",
  "e\u0301",
  "Ⅻ",
  "acupuncture",
  "back",
  "pain",
  "c-section",
  "doula",
  "opioids",
  "medicaid",
  "ED",
  "a1c",
  "readmissio",
  "the",
  "<script>",
  "&amp;",
  "x".repeat(300),
];

const word = fc.constantFrom(...HOSTILE);
const q = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: "binary", maxLength: 120 }),
  fc.array(word, { maxLength: 25 }).map((parts) => parts.join(" ")),
  fc.array(word, { maxLength: 25 }).map((parts) => parts.join("")),
  fc.constant("z".repeat(2000)),
  fc.array(fc.constantFrom("(", ")", '"', "-", "*", " ", "a", "OR"), { maxLength: 2000 }).map((a) => a.join("")),
);

/** Mostly valid values, now and then a bad one, so most requests reach the search and some test the 400 path. */
const rarely = <T>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 40, arbitrary: valid }, { weight: 1, arbitrary: invalid });

const enumValue = (values: readonly string[]) => rarely(fc.constantFrom(...values), fc.string({ maxLength: 8 }));

const listFilters = Object.entries(facetEnumerations).map(([key, e]) =>
  fc.option(
    fc.array(enumValue(e.values), { minLength: 1, maxLength: 3 }).map((values) => [key, values] as const),
    {
      nil: undefined,
      freq: 3,
    },
  ),
);

const year = rarely<number | string>(fc.integer({ min: 1990, max: 2026 }), fc.constantFrom("abc", 1800, 2200));

const filters = fc.record({
  lists: fc.tuple(...listFilters),
  country: fc.option(
    fc.array(rarely(fc.constantFrom("US", "DE", "ZZ", "GB"), fc.constantFrom("us", "XYZ")), { maxLength: 2 }),
    {
      nil: undefined,
    },
  ),
  min_grade: fc.option(rarely(fc.constantFrom("A", "B", "C", "D", "E", ""), fc.constant("F")), { nil: undefined }),
  has_cost_figures: fc.option(rarely(fc.constantFrom("true", "false"), fc.constant("yes")), { nil: undefined }),
  year_from: fc.option(year, { nil: undefined }),
  year_to: fc.option(rarely<number | string>(fc.integer({ min: 2000, max: 2030 }), fc.constant("")), {
    nil: undefined,
  }),
  sort: fc.option(rarely(fc.constantFrom("relevance", "newest", "strongest", "effect"), fc.constant("bogus")), {
    nil: undefined,
  }),
  effect_metric: fc.option(enumValue(facetEnumerations.metric.values), { nil: undefined }),
  limit: fc.option(rarely<number | string>(fc.integer({ min: 1, max: 50 }), fc.constantFrom(0, 51, "ten")), {
    nil: undefined,
  }),
  cursor: fc.option(rarely(fc.constant("WyJzdHJvbmdlc3QiLDMsM10"), fc.string({ maxLength: 40 })), {
    nil: undefined,
    freq: 8,
  }),
});

function url(path: string, text: string, f: typeof filters extends fc.Arbitrary<infer T> ? T : never): string {
  const params = new URLSearchParams();
  params.set("q", text);
  for (const entry of f.lists) if (entry) for (const v of entry[1]) params.append(entry[0], v);
  for (const v of f.country ?? []) params.append("country", v);
  for (const key of [
    "min_grade",
    "has_cost_figures",
    "year_from",
    "year_to",
    "sort",
    "effect_metric",
    "limit",
    "cursor",
  ] as const) {
    const value = f[key];
    if (value !== undefined) params.set(key, String(value));
  }
  return `${path}?${params.toString()}`;
}

describe("search never fails", () => {
  it("the API answers any text in q with 200 and JSON", async () => {
    await fc.assert(
      fc.asyncProperty(q, async (text) => {
        const params = new URLSearchParams({ q: text });
        const res = await call(`/api/v1/search?${params.toString()}`);
        expect(res.status).toBe(200);
        const body = (await res.json()) as SearchResponse;
        expect(body.hits.length).toBeLessThanOrEqual(body.limit);
        expect(body.total).toBeGreaterThanOrEqual(body.hits.length);
        for (const hit of body.hits) expect(hit.snippet ?? "").not.toMatch(/<(?!\/?mark>)/);
      }),
      { numRuns: 2000 },
    );
  }, 240_000);

  it("the API answers any text with any filters with 200 or a 400 problem, always JSON", async () => {
    const statuses: Record<number, number> = {};
    await fc.assert(
      fc.asyncProperty(q, filters, async (text, f) => {
        const res = await call(url("/api/v1/search", text, f));
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        expect(res.status === 200 || res.status === 400, `status ${res.status}`).toBe(true);
        expect(res.headers.get("content-type")).toMatch(/^application\/(problem\+)?json/);
        const body = (await res.json()) as SearchResponse & { errors?: unknown[] };
        if (res.status === 200) {
          expect(body.hits.length).toBeLessThanOrEqual(body.limit);
          expect(body.total).toBeGreaterThanOrEqual(body.hits.length);
        } else {
          expect(Array.isArray(body.errors)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
    // Most combinations are valid, so the search itself was exercised, not only validation.
    expect(statuses[200] ?? 0).toBeGreaterThan(300);
    expect(statuses[400] ?? 0).toBeGreaterThan(100);
  }, 240_000);

  it("the page answers any text with any filters with a readable 200 page", async () => {
    await fc.assert(
      fc.asyncProperty(q, filters, async (text, f) => {
        const res = await call(url("/search", text, f));
        expect(res.status).toBe(200);
        expect(res.headers.get("content-type")).toContain("text/html");
        const html = await res.text();
        expect(html).toContain("Search the evidence");
        expect(html).not.toContain("<script>");
      }),
      { numRuns: 1000 },
    );
  }, 240_000);

  it("the real entry (SELF.fetch) answers a sample the same way", async () => {
    await fc.assert(
      fc.asyncProperty(q, filters, fc.boolean(), async (text, f, page) => {
        const res = await get(url(page ? "/search" : "/api/v1/search", text, f));
        expect(res.status).toBeLessThan(500);
        expect(res.status === 200 || (!page && res.status === 400)).toBe(true);
        await res.arrayBuffer();
      }),
      { numRuns: 200 },
    );
  }, 240_000);
});
