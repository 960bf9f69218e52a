import { describe, expect, it } from "vitest";
import { get, getJson } from "./helpers";

describe("home and methods", () => {
  it("home explains the site and links to browsing, newest and strongest evidence", async () => {
    const html = await (await get("/")).text();
    expect(html).toContain("Strongest evidence");
    expect(html).toContain("Newest evidence");
    expect(html).toContain('href="/case-studies?condition=perinatal"');
    expect(html).toMatch(/\d+ published case studies/);
  });

  it("methods page states the rubric and provenance meanings", async () => {
    const html = await (await get("/about/methods")).text();
    expect(html).toContain("Evidence grades");
    expect(html).toContain("Verified");
    expect(html).toContain("Illustrative");
    expect(html).toContain("fewer than 100 people");
  });
});

// Static files get the same headers from build/public/_headers: see assets.test.ts.
describe("security headers on every response", () => {
  for (const path of [
    "/",
    "/api/v1/case-studies",
    "/nope",
    "/api/v1/case-studies/nope",
    "/openapi.json",
    "/favicon.ico",
  ]) {
    it(path, async () => {
      const res = await get(path);
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain("unsafe-inline");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
    });
  }
});

describe("one error path", () => {
  it("API 404s are problem+json", async () => {
    const res = await get("/api/v1/nothing-here");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(await res.json()).toMatchObject({ status: 404, instance: "/api/v1/nothing-here" });
  });

  it("HTML 404s are a friendly page", async () => {
    const res = await get("/no/such/page");
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("Page not found");
  });

  it("never sends a stack trace", async () => {
    const res = await get("/api/v1/case-studies?page=abc");
    const text = await res.text();
    expect(res.status).toBe(400);
    expect(text).not.toMatch(/at .*\.(ts|js):\d+/);
  });
});

describe("OpenAPI", () => {
  it("is OpenAPI 3.1 generated from the schemas, with the case-study routes", async () => {
    const { res, body } = await getJson<{
      openapi: string;
      paths: Record<string, Record<string, { parameters: { name: string }[]; responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, unknown> };
    }>("/openapi.json");
    expect(res.status).toBe(200);
    expect(body.openapi).toBe("3.1.0");
    const list = body.paths["/api/v1/case-studies"]?.get;
    expect(list?.parameters.map((p) => p.name)).toEqual(
      expect.arrayContaining(["condition", "modality", "page", "limit"]),
    );
    const one = body.paths["/api/v1/case-studies/{slug}"]?.get;
    expect(JSON.stringify(one?.responses["200"])).toContain('"$ref":"#/components/schemas/CaseStudy"');
    const schema = JSON.stringify(body.components.schemas.CaseStudy);
    for (const field of ["evidence_grade", "outcomes", "sources", "financing_models", "price_year", "quote"]) {
      expect(schema).toContain(field);
    }
    expect(JSON.stringify(one?.responses["404"])).toContain("application/problem+json");
  });

  it("names each shared schema once, in components, and every reference in the document resolves there", async () => {
    const res = await get("/openapi.json");
    const text = await res.text();
    const doc = JSON.parse(text) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, unknown> };
    };
    const refs = [...text.matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1] as string);
    expect(refs.length).toBeGreaterThan(50);
    for (const ref of new Set(refs)) {
      const name = /^#\/components\/schemas\/(.+)$/.exec(ref)?.[1];
      expect(name, ref).toBeDefined();
      expect(doc.components.schemas[name as string], ref).toBeDefined();
    }
    // A `$defs` inside the document would be referred to from its root, where it is not.
    expect(text).not.toContain('"$defs"');
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        for (const [status, response] of Object.entries(op.responses)) {
          if (Number(status) < 400) continue;
          expect(JSON.stringify(response), `${method} ${path} ${status}`).toContain("#/components/schemas/Problem");
        }
      }
    }
    // Served as built: the same bytes and ETag each time, with this server's origin.
    const again = await get("/openapi.json");
    expect(again.headers.get("etag")).toBe(res.headers.get("etag"));
    expect(await again.text()).toBe(text);
    expect((doc as unknown as { servers: { url: string }[] }).servers).toEqual([{ url: "https://example.test" }]);
  });

  it("/docs renders the same document as a page", async () => {
    const html = await (await get("/docs")).text();
    expect(html).toContain("GET /api/v1/case-studies/{slug}");
    expect(html).toContain("/openapi.json");
  });
});
