// Build-time data the Worker reads through its ASSETS binding instead of bundling (src/http/static-data.ts): the
// OpenAPI document, the calculators' input JSON Schemas, the glossary pages and the scenarios. What the Worker serves
// must equal what the route declarations and the calculators give in this process, so a stale build cannot pass.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { calculatorInputSchemas, openApiDocument } from "../../scripts/lib/static-data";
import { calculatorIds } from "../../src/calculators";
import { type Scenario, scenarioSlugsFor } from "../../src/calculators/scenario-registry";
import { staticDataPaths } from "../../src/generated/static-data";
import { staticData } from "../../src/http/static-data";
import type { TaxonomyPage } from "../../src/taxonomy/types";
import { get, getJson, sitemapLocs } from "./helpers";

/** A static data file as ASSETS serves it. */
async function asset<T>(name: keyof typeof staticDataPaths): Promise<{ res: Response; body: T }> {
  const res = await env.ASSETS.fetch(`https://example.test${staticDataPaths[name]}`);
  return { res, body: (await res.clone().json()) as T };
}

/** `value` as it comes out of JSON (undefined members dropped), as the Worker's c.json sends it. */
const asJson = (value: unknown) => JSON.parse(JSON.stringify(value));

describe("static data files", () => {
  it.each(Object.entries(staticDataPaths))("%s is a hashed JSON asset (%s)", async (name, path) => {
    const { res } = await asset(name as keyof typeof staticDataPaths);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(path).toMatch(new RegExp(`^/assets/${name.replace(/\.json$/, "")}\\.[0-9a-f]{10}\\.json$`));
  });
});

describe("/openapi.json and /docs from static data", () => {
  it("the asset is the document built from apiRoutes() in this process", async () => {
    expect((await asset("openapi.json")).body).toEqual(asJson(openApiDocument()));
  });

  it("/openapi.json is that document with the request's origin as its server, cached like any API JSON", async () => {
    const { res, body } = await getJson("/openapi.json");
    expect(res.status).toBe(200);
    expect(body).toEqual(asJson({ ...openApiDocument(), servers: [{ url: "https://example.test" }] }));
    expect(res.headers.get("cache-control")).toBe("public, max-age=0, must-revalidate");
    const etag = res.headers.get("etag");
    expect(etag).toBeTruthy();
    const again = await get("/openapi.json", { headers: { "if-none-match": etag ?? "" } });
    expect(again.status).toBe(304);
  });

  it("/docs lists every operation of the document", async () => {
    const html = await (await get("/docs")).text();
    const paths = openApiDocument().paths as Record<string, Record<string, unknown>>;
    for (const [path, operations] of Object.entries(paths)) {
      for (const method of Object.keys(operations)) expect(html).toContain(`id="${method}-${path}"`);
    }
  });
});

describe("calculator input schemas from static data", () => {
  it.each(calculatorIds)("%s: input_schema is the schema built from its zod input schema", async (id) => {
    const { body } = await getJson<{ input_schema: unknown }>(`/api/v1/calculators/${id}`);
    expect(body.input_schema).toEqual(asJson(calculatorInputSchemas()[id]));
  });
});

describe("glossary pages from static data", () => {
  it("/taxonomy, every /taxonomy/{kind} and the sitemap follow the asset", async () => {
    const { body: pages } = await asset<TaxonomyPage[]>("taxonomy.json");
    expect(pages.length).toBeGreaterThan(5);
    const list = await (await get("/taxonomy")).text();
    const locs = await sitemapLocs();
    for (const page of pages) {
      expect(list).toContain(`href="/taxonomy/${page.kind}"`);
      const res = await get(`/taxonomy/${page.kind}`);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain(`<h1>${page.title}</h1>`);
      for (const value of Object.keys(page.entries)) expect(html).toContain(`id="${value}"`);
      expect(locs).toContain(`/taxonomy/${page.kind}`);
    }
  });
});

describe("scenarios from static data", () => {
  it("each calculator's API lists the asset's scenarios, and the bundled slug index agrees with them", async () => {
    const { body: scenarios } = await asset<Scenario[]>("scenarios.json");
    expect(scenarios.length).toBeGreaterThan(5);
    for (const id of calculatorIds) {
      const own = scenarios.filter((s) => s.calculator === id);
      expect(scenarioSlugsFor(id), id).toEqual(own.map((s) => s.slug));
      const { body } = await getJson<{ scenarios: { slug: string; title: string; inputs: unknown }[] }>(
        `/api/v1/calculators/${id}`,
      );
      expect(
        body.scenarios.map(({ slug, title, inputs }) => ({ slug, title, inputs })),
        id,
      ).toEqual(own.map(({ slug, title, inputs }) => ({ slug, title, inputs })));
    }
  });

  it("staticData reads the same file", async () => {
    expect(await staticData<Scenario[]>(env, "scenarios.json")).toEqual(
      (await asset<Scenario[]>("scenarios.json")).body,
    );
  });
});
