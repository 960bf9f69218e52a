// Random and hostile queries and filter combinations through the /search page: always a readable 200 page; and a
// sample of page and API requests through the real entry (SELF.fetch), end to end.
//
// Most requests go through the Worker's own fetch handler (callWorker, with the test's D1), because SELF.fetch
// gets slower with every request a test worker has made (workers-sdk issue 15446). The fuzzing is split over two
// files so they can run side by side.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { callWorker, get } from "./helpers";
import { filters, q, url } from "./search-arbitraries";

describe("the search page never fails", () => {
  it("the page answers any text with any filters with a readable 200 page", async () => {
    await fc.assert(
      fc.asyncProperty(q, filters, async (text, f) => {
        const res = await callWorker(url("/search", text, f));
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
