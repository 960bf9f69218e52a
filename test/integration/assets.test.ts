// The browser files are Workers Static Assets (build/public, written by npm run build). In the test pool the Worker's
// own fetch does not reach them (requests for files never run the Worker), so they are fetched through the ASSETS
// binding, which serves them as production does: same files, same _headers.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { ASSETS_URL_PREFIX, IMMUTABLE_CACHE_CONTROL } from "../../scripts/lib/static-assets";
import { assetPaths } from "../../src/generated/assets";
import { securityHeadersFor } from "../../src/http/security";
import { get } from "./helpers";

const files = Object.entries(assetPaths);

function asset(path: string): Promise<Response> {
  return env.ASSETS.fetch(`https://example.test${path}`);
}

async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

const contentTypes: Record<string, string> = { js: "javascript", css: "text/css", svg: "image/svg+xml" };

describe("static assets", () => {
  it("the manifest names each calculator's bundle, the embed frame's script and stylesheet, the embed panel's script, search as you type, the stylesheet and the icon", () => {
    expect(Object.keys(assetPaths).sort()).toEqual([
      "calculator-episode-bundle.js",
      "calculator-hsa-tax-savings.js",
      "calculator-membership-clinic.js",
      "calculator-patient-cost-compare.js",
      "calculator-program-roi.js",
      "calculator-shared-savings.js",
      "embed-frame.js",
      "embed-panel.js",
      "embed.css",
      "favicon.svg",
      "search.js",
      "site.css",
    ]);
  });

  it.each(files)(
    "%s is served with immutable caching and the Worker's security headers, named by its content",
    async (name, path) => {
      expect(path.startsWith(ASSETS_URL_PREFIX)).toBe(true);
      const res = await asset(path);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toContain(contentTypes[name.split(".").pop() ?? ""] ?? "?");
      expect(res.headers.get("cache-control")).toBe(IMMUTABLE_CACHE_CONTROL);
      for (const [header, value] of Object.entries(securityHeadersFor(path))) {
        expect(res.headers.get(header), header).toBe(value);
      }
      const body = await res.arrayBuffer();
      expect(body.byteLength).toBeGreaterThan(0);
      const hash = /\.([0-9a-f]{10})\.[a-z]+$/.exec(path)?.[1];
      expect((await sha256Hex(body)).slice(0, 10)).toBe(hash);
    },
  );

  it("the stylesheet carries the print rules", async () => {
    expect(await (await asset(assetPaths["site.css"])).text()).toContain("@media print");
  });

  it("the pages link the hashed files", async () => {
    const home = await (await get("/")).text();
    expect(home).toContain(`<link rel="stylesheet" href="${assetPaths["site.css"]}"/>`);
    expect(home).toContain(`<link rel="icon" href="${assetPaths["favicon.svg"]}" type="image/svg+xml"/>`);
    const calculator = await (await get("/calculators/program-roi")).text();
    expect(calculator).toContain(`<script type="module" src="${assetPaths["calculator-program-roi.js"]}"></script>`);
  });

  it("unknown names and the _headers file itself are not served; the Worker keeps no copy of the files", async () => {
    expect((await asset("/assets/calculator-program-roi.0000000000.js")).status).toBe(404);
    expect((await asset("/_headers")).status).toBe(404);
    // What reaches the Worker under /assets/ (only names that are not files) is its 404 page.
    for (const path of Object.values(assetPaths)) expect((await get(path)).status, path).toBe(404);
  });
});
