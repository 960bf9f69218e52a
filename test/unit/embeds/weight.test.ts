/**
 * The weight budget of the embed pages: each page's HTML plus every stylesheet and script it loads, gzipped, from the
 * built output (npm run build), at most 30 KB. Sizes, never times.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { embedWeights } from "../../../scripts/lib/embed-pages";
import { EMBED_GZIP_BUDGET_BYTES, linkedFiles } from "../../../scripts/lib/embed-weight";

type Weight = Awaited<ReturnType<typeof embedWeights>>[number];
let weights: Weight[] = [];

beforeAll(async () => {
  weights = await embedWeights();
});

describe("embed page weight (HTML + CSS + JS, gzip)", () => {
  it("measures every page, with the files it links", () => {
    expect(weights.filter((w) => w.path.startsWith("/embed/calculators/"))).toHaveLength(6);
    expect(weights.filter((w) => w.path.startsWith("/embed/case-studies/")).length).toBeGreaterThan(5);
    for (const w of weights) {
      expect(
        Object.keys(w.files).some((f) => /\/embed-frame\.[0-9a-f]{10}\.js$/.test(f)),
        w.path,
      ).toBe(true);
      expect(
        Object.keys(w.files).some((f) => /\/embed\.[0-9a-f]{10}\.css$/.test(f)),
        w.path,
      ).toBe(true);
      expect(w.total_gzip_bytes).toBeGreaterThan(w.html_gzip_bytes);
    }
    expect(linkedFiles('<link rel="stylesheet" href="/a.css"/><script type="module" src="/b.js"></script>')).toEqual([
      "/a.css",
      "/b.js",
    ]);
  });

  it("every evidence card is within the budget", () => {
    for (const w of weights.filter((x) => x.path.startsWith("/embed/case-studies/"))) {
      expect(w.total_gzip_bytes, w.path).toBeLessThanOrEqual(EMBED_GZIP_BUDGET_BYTES);
    }
  });

  it("every calculator frame is within the budget", () => {
    const frames = weights.filter((x) => x.path.startsWith("/embed/calculators/"));
    expect(frames).toHaveLength(6);
    for (const w of frames) expect(w.total_gzip_bytes, w.path).toBeLessThanOrEqual(EMBED_GZIP_BUDGET_BYTES);
  });
});
