/**
 * The API contract itself: the OpenAPI document is the route declarations; the contract check that every
 * integration helper runs (./contract.ts) rejects an undeclared status, an undeclared key and a wrong type; and every
 * declared route, sent good and bad requests, answers only with what it declares.
 */
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { apiRoutes } from "../../src/app";
import type { AppEnv } from "../../src/env";
import { defineRoute, mountRoutes } from "../../src/http/route";
import { MAX_JSON_BODY_BYTES } from "../../src/http/validate";
import { contractChecker } from "./contract";
import { get, getJson } from "./helpers";

type Json = Record<string, unknown>;

describe("the OpenAPI document is built from the route declarations", () => {
  it("has exactly the declared operations, each with the declared statuses", async () => {
    const { res, body } = await getJson<{ paths: Record<string, Record<string, { responses: Json }>> }>(
      "/openapi.json",
    );
    expect(res.status).toBe(200);
    const documented = Object.entries(body.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => `${method} ${path} ${Object.keys(op.responses).sort().join(",")}`),
    );
    const declared = apiRoutes().map((r) => `${r.method} ${r.path} ${Object.keys(r.responses).sort().join(",")}`);
    expect(documented.sort()).toEqual(declared.sort());
  });

  it("documents the slug's rule on the path parameter", async () => {
    const { body } = await getJson<{ paths: Record<string, Record<string, { parameters: Json[] }>> }>("/openapi.json");
    const slug = body.paths["/api/v1/case-studies/{slug}"]?.get?.parameters.find((p) => p.name === "slug");
    expect(slug).toMatchObject({ in: "path", required: true, schema: { pattern: "^[a-z0-9]+(-[a-z0-9]+)*$" } });
  });
});

describe("the contract check can fail", () => {
  const teapot = defineRoute({
    method: "get",
    path: "/api/v1/teapot/{slug}",
    tag: "Test",
    summary: "A route that answers what it is told to",
    params: z.object({ slug: z.string() }),
    responses: { 200: { description: "Tea", schema: z.object({ ok: z.literal(true) }) } },
    handler: (c, { params }) => {
      if (params.slug === "teapot") return c.json({ ok: true }, 418);
      if (params.slug === "extra") return c.json({ ok: true, leaked: "internal" });
      if (params.slug === "wrong") return c.json({ ok: "yes" });
      return c.json({ ok: true });
    },
  });
  const app = mountRoutes(new Hono<AppEnv>(), [teapot]);
  const check = contractChecker([teapot]);
  const run = async (slug: string) =>
    check("GET", `/api/v1/teapot/${slug}`, await app.request(`/api/v1/teapot/${slug}`));

  it("passes what the declaration says", async () => {
    await expect(run("fine")).resolves.toBeUndefined();
  });

  it("fails a status the route does not declare", async () => {
    await expect(run("teapot")).rejects.toThrow(/status 418 is not declared/);
  });

  it("fails a key the schema does not declare, and a wrong type", async () => {
    await expect(run("extra")).rejects.toThrow(/do(es)? not declare: leaked/);
    await expect(run("wrong")).rejects.toThrow(/does not match the declared schema/);
  });

  it("fails an API address that is no operation unless it is a 404 problem", async () => {
    const ok = new Response("{}", { status: 200, headers: { "content-type": "application/json" } });
    await expect(check("GET", "/api/v1/elsewhere", ok)).rejects.toThrow(/no declared operation/);
  });
});

describe("every declared route answers only with declared statuses and bodies", () => {
  // Each request goes through `get`, which runs the contract check on the response.
  it("for good requests, bad queries, malformed addresses and bad bodies", async () => {
    const { body: list } = await getJson<{ items: { slug: string }[] }>("/api/v1/case-studies?limit=1");
    const slug = list.items[0]?.slug ?? "";
    expect(slug).not.toBe("");
    const seen = new Set<string>();
    for (const route of apiRoutes()) {
      const good = route.path.replace("{slug}", slug);
      const requests: [string, RequestInit?][] = [];
      if (route.method === "get") {
        requests.push([good], [`${good}?not_a_parameter=1`]);
        if (route.query) requests.push([`${good}?limit=1&limit=2`], [`${good}?limit=0`]);
      } else {
        const json = (body: string, type = "application/json"): RequestInit => ({
          method: route.method.toUpperCase(),
          body,
          headers: { "content-type": type },
        });
        requests.push(
          [good, json("{}")],
          [good, json("[1, 2]")],
          [good, json('{"not_an_input": 1}')],
          [good, json("{")],
          [good, json("a=1", "application/x-www-form-urlencoded")],
          [good, json(" ".repeat(MAX_JSON_BODY_BYTES + 1))],
        );
      }
      if (route.params) requests.push([route.path.replace("{slug}", "Not_A_Slug")]);
      for (const [path, init] of requests) {
        const res = await get(path, init);
        expect(res.status, `${init?.method ?? "GET"} ${path}`).toBeLessThan(500);
        seen.add(`${route.method} ${route.path} ${res.status}`);
        await res.arrayBuffer();
      }
    }
    // The sweep did reach the hook's answers, not only successes (401: the write routes check the token first).
    const statuses = new Set([...seen].map((s) => s.split(" ").pop()));
    expect([...statuses].sort()).toEqual(["200", "400", "401", "404", "413", "415"]);
  });
});

describe("the one validation hook", () => {
  type Problem = { status: number; detail: string; errors?: { path: string; message: string }[] };

  it("answers a malformed slug like an unknown one: a 404 naming the slug's rule", async () => {
    const { res, body } = await getJson<Problem>("/api/v1/case-studies/Not_A_Slug");
    expect(res.status).toBe(404);
    expect(body.errors).toEqual([{ path: "slug", message: "must be lower-case words joined by single hyphens" }]);
    expect((await get("/case-studies/Not_A_Slug")).status).toBe(404);
  });

  it("names a repeated scalar and a bad value of the same query in one 400", async () => {
    const { res, body } = await getJson<Problem>("/api/v1/case-studies?page=1&page=2&order=sideways");
    expect(res.status).toBe(400);
    expect(body.errors?.map((e) => e.path).sort()).toEqual(["order", "page"]);
    expect(body.detail).toBe("The query has 2 invalid fields: page, order");
  });

  it('names the body as a whole with the root path ""', async () => {
    const res = await get("/api/v1/calculators/program-roi", {
      method: "POST",
      body: "[]",
      headers: { "content-type": "application/json" },
    });
    const body = (await res.json()) as Problem;
    expect(res.status).toBe(400);
    expect(body.errors?.map((e) => e.path)).toEqual([""]);
    expect(body.detail).toBe("The body has 1 invalid field: the body as a whole");
  });
});
