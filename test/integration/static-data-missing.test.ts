// A build-time data file that ASSETS does not have (a deploy without `npm run build`'s data step) is an error through
// the one error path: a 500 with no internals, the cause logged for the operator; never an empty page or list. Its own
// file, so nothing in this isolate has read the data before (src/http/static-data.ts keeps what it parsed).
import { createExecutionContext, env } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { staticDataPaths } from "../../src/generated/static-data";
import worker from "./worker-entry";

/** The Worker with an ASSETS binding that has no files. */
async function withoutAssets(path: string, accept: string): Promise<Response> {
  const emptyAssets = { fetch: async () => new Response("Not found", { status: 404 }) } as unknown as Fetcher;
  return await worker.fetch(
    new Request(`https://example.test${path}`, { headers: { accept } }),
    { ...env, ASSETS: emptyAssets },
    createExecutionContext(),
  );
}

afterEach(() => vi.restoreAllMocks());

describe("a missing static data file", () => {
  it.each([
    ["/openapi.json", "application/json", "openapi.json"],
    ["/taxonomy", "text/html", "taxonomy.json"],
    ["/api/v1/calculators/program-roi", "application/json", "calculator-schemas.json"],
    ["/calculators/program-roi", "text/html", "scenarios.json"],
  ] as const)("%s answers 500 through the error path and logs which file", async (path, accept, file) => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = await withoutAssets(path, accept);
    expect(res.status).toBe(500);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = await res.text();
    expect(body).toContain("Something went wrong on our side");
    for (const internal of [staticDataPaths[file], "StaticDataError", "ASSETS", "npm run build"]) {
      expect(body).not.toContain(internal);
    }
    if (accept === "application/json") expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(logged).toHaveBeenCalled();
    expect(String(logged.mock.calls.flat().map(String))).toContain(file);
  });
});
