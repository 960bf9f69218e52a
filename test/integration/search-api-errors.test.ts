// The search API at its edges: bad parameters are a 400 problem naming each field, any q is answered, the health
// check, and the OpenAPI description.
import { describe, expect, it } from "vitest";
import { get, getJson } from "./helpers";
import type { Problem } from "./search-helpers";

describe("API errors and documentation", () => {
  it("answers bad filters with 400 problem+json naming each bad field", async () => {
    const res = await get("/api/v1/search?condition=bogus&limit=500&min_grade=Z&year_from=1800&colour=red");
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const body = (await res.json()) as Problem;
    const paths = body.errors?.map((e) => e.path) ?? [];
    for (const path of ["condition[0]", "limit", "min_grade", "year_from", "colour"]) expect(paths).toContain(path);
  });

  it("rejects an inverted year range and a repeated scalar", async () => {
    expect((await get("/api/v1/search?year_from=2020&year_to=2010")).status).toBe(400);
    expect((await get("/api/v1/search?limit=2&limit=3")).status).toBe(400);
  });

  it("accepts any q, repeated q and empty parameters", async () => {
    for (const q of ['"', "(", "NEAR", "*", ":", "^", "😀", "-", "OR", "AND NOT", "x".repeat(2000), "\u0000"]) {
      const res = await get(`/api/v1/search?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
    }
    expect((await get("/api/v1/search?q=a&q=doula&year_from=&sort=")).status).toBe(200);
  });

  it("has a health check that runs one D1 query", async () => {
    const res = await get("/api/v1/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    expect(res.headers.get("x-d1-queries")).toBe("1");
  });

  it("describes search and health in the OpenAPI document", async () => {
    const { body } = await getJson<{ paths: Record<string, { get?: { parameters: { name: string }[] } }> }>(
      "/openapi.json",
    );
    const params = body.paths["/api/v1/search"]?.get?.parameters.map((p) => p.name) ?? [];
    for (const name of ["q", "condition", "payer_type", "min_grade", "year_from", "sort", "limit", "cursor"]) {
      expect(params).toContain(name);
    }
    expect(body.paths["/api/v1/health"]?.get).toBeDefined();
  });
});
