// Thousands of random and hostile queries and filter combinations through the search API: never a 5xx, never an
// exception, always JSON (a 200 answer or a 400 problem).
//
// Most requests go through the Worker's own fetch handler (callWorker, with the test's D1), because SELF.fetch
// gets slower with every request a test worker has made (workers-sdk issue 15446). The fuzzing is split over two
// files so they can run side by side.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SearchResponse } from "../../src/search/schemas";
import { callWorker } from "./helpers";
import { filters, q, url } from "./search-arbitraries";

describe("the search API never fails", () => {
  it("the API answers any text in q with 200 and JSON", async () => {
    await fc.assert(
      fc.asyncProperty(q, async (text) => {
        const params = new URLSearchParams({ q: text });
        const res = await callWorker(`/api/v1/search?${params.toString()}`);
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
        const res = await callWorker(url("/api/v1/search", text, f));
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
});
