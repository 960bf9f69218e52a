/**
 * Static assets under `wrangler dev`: the files a page links come from Workers Static Assets (not the Worker), with
 * immutable caching and the same security headers as the Worker's responses, and Chromium loads them.
 */
import type { BrowserContext, Response } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IMMUTABLE_CACHE_CONTROL } from "../../scripts/lib/static-assets";
import { securityHeadersFor } from "../../src/http/security";
import { baseUrl, launch, watchErrors } from "./browser";

let context: BrowserContext;
beforeAll(async () => {
  context = await launch({ width: 1280 });
});
afterAll(async () => {
  await context?.close();
});

/** The stylesheet, icon and script paths a page links, read from its HTML. */
async function linkedAssets(path: string): Promise<string[]> {
  const html = await (await fetch(`${baseUrl()}${path}`)).text();
  return [...html.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)].map((m) => m[1] as string);
}

describe("static assets from wrangler dev", () => {
  it("a calculator page links a hashed stylesheet, icon and script, each immutable and with the security headers", async () => {
    const paths = await linkedAssets("/calculators/program-roi");
    expect(paths.map((p) => p.replace(/\.[0-9a-f]{10}\./, ".#."))).toEqual([
      "/assets/site.#.css",
      "/assets/favicon.#.svg",
      "/assets/calculator-program-roi.#.js",
      "/assets/embed-panel.#.js",
    ]);
    for (const path of paths) {
      const res = await fetch(`${baseUrl()}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("cache-control"), path).toBe(IMMUTABLE_CACHE_CONTROL);
      for (const [header, value] of Object.entries(securityHeadersFor(path))) {
        expect(res.headers.get(header), `${path} ${header}`).toBe(value);
      }
      expect((await res.arrayBuffer()).byteLength, path).toBeGreaterThan(0);
    }
  });

  it("an unknown asset name reaches the Worker, which answers 404 with no-store (errors are never cached)", async () => {
    const res = await fetch(`${baseUrl()}/assets/calculator-program-roi.0000000000.js`);
    expect(res.status).toBe(404);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("Chromium loads the page's stylesheet and script from the static files, with no error", async () => {
    const page = await context.newPage();
    const errors = watchErrors(page);
    const assets: Response[] = [];
    page.on("response", (response) => {
      if (new URL(response.url()).pathname.startsWith("/assets/")) assets.push(response);
    });
    await page.goto(`${baseUrl()}/calculators/program-roi`, { waitUntil: "load" });
    const kinds = assets.map((r) => r.request().resourceType()).sort();
    expect(kinds).toEqual(expect.arrayContaining(["script", "stylesheet"]));
    for (const response of assets) {
      expect(response.status(), response.url()).toBe(200);
      expect((await response.allHeaders())["cache-control"], response.url()).toBe(IMMUTABLE_CACHE_CONTROL);
    }
    // The stylesheet applied: the skip link is moved off-screen until focused.
    const skipLeft = await page.locator("a.skip").evaluate((a) => a.getBoundingClientRect().left);
    expect(skipLeft).toBeLessThan(0);
    expect(errors).toEqual([]);
  });
});
