import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { ASSETS_DIR, EMBED_LOADER_PATH } from "../../../scripts/lib/static-assets";

/**
 * /embed.js goes onto other people's pages, so it must stay small: 3 KB gzip at most, measured on the file
 * `npm run build` writes (what hosts download), not on a rebuild here.
 */
const BUDGET_GZIP_BYTES = 3 * 1024;
const file = join(ASSETS_DIR, EMBED_LOADER_PATH.slice(1));

describe("the embed loader as built (build/public/embed.js)", () => {
  it("exists (run `npm run build` first)", () => {
    expect(existsSync(file), `${file} is missing: run npm run build`).toBe(true);
  });

  it(`is at most ${BUDGET_GZIP_BYTES} bytes gzip`, () => {
    const gzip = gzipSync(readFileSync(file)).length;
    expect(gzip).toBeGreaterThan(200);
    expect(gzip).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
  });

  it("is a classic script with one global, no framework and no request of its own", () => {
    const text = readFileSync(file, "utf8");
    expect(text).not.toMatch(/\bimport\s*[({"']|\bexport\s/);
    expect(text.match(/window\.RoiEmbed\s*=/g)?.length).toBe(1);
    // It frames our pages and listens; it never fetches, stores or sets cookies on the host.
    expect(text).not.toMatch(/\bfetch\(|XMLHttpRequest|localStorage|sessionStorage|document\.cookie/);
  });
});
