// HTTP caching through the Worker: ETag and Cache-Control on every GET route (the declared API operations and every
// kind of page in the sitemap, so a new route is covered without anyone listing it), 304 on If-None-Match, the edge
// cache (caches.default, which miniflare runs) keyed on the data version so a write is seen at once, no-cache, errors.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { apiRoutes } from "../../src/app";
import type { CaseStudy } from "../../src/domain/case-study";
import { edgeKey } from "../../src/http/caching";
import { get, readRecord, sitemapLocs } from "./helpers";

const TOKENS = { write: "Bearer test-write-token-0123456789", review: "Bearer test-review-token-0123456789" };
const SOURCE = "gerac-acupuncture-low-back-pain-trial";
const ENTITY_TAG = /^(W\/)?"[^"]+"$/;

const PAGE = "public, max-age=60";
const API = "public, max-age=0, must-revalidate";

async function firstSlug(table: "briefs" | "reference_figures"): Promise<string> {
  const row = await env.DB.prepare(`SELECT slug FROM ${table} ORDER BY slug LIMIT 1`).first<{ slug: string }>();
  if (!row) throw new Error(`no row in ${table}`);
  return row.slug;
}

/** A declared GET path with its parameters filled by real values, and the query a route cannot answer without. */
async function samplePath(path: string): Promise<string> {
  const brief = await firstSlug("briefs");
  const figure = await firstSlug("reference_figures");
  const filled = path
    .replace(/^(\/api\/v1\/exports\/briefs\/)\{slug\}/, `$1${brief}`)
    .replace(/^(\/api\/v1\/reference-figures\/)\{slug\}/, `$1${figure}`)
    .replace("{slug}", SOURCE)
    .replace("{n}", "1")
    .replace("{id}", "0000000000000000");
  const required: Record<string, string> = {
    "/oembed": "url=https%3A%2F%2Fexample.test%2Fcalculators%2Fprogram-roi",
    "/api/v1/exports/composed-brief": `cases=${SOURCE}`,
    "/api/v1/search": "q=acupuncture",
    "/api/v1/exports/search": "q=acupuncture",
  };
  return required[path] ? `${filled}?${required[path]}` : filled;
}

/** One page of each shape the sitemap lists (the last segment of a path with two or more stands for its siblings). */
async function sitemapSample(): Promise<string[]> {
  const paths = ["/sitemap.xml", "/sitemaps/pages.xml", ...(await sitemapLocs())];
  const byShape = new Map<string, string>();
  for (const path of paths) {
    const segments = path.split("/");
    const shape = segments.length > 2 ? [...segments.slice(0, -1), "*"].join("/") : path;
    if (!byShape.has(shape)) byShape.set(shape, path);
  }
  expect(byShape.size).toBeGreaterThan(8);
  return [...byShape.values()];
}

/** Pages that are addresses of a state rather than listed pages. */
const UNLISTED_PAGES = [
  "/search?q=acupuncture",
  `/case-studies/${SOURCE}/history`,
  `/embed/case-studies/${SOURCE}`,
  "/embed/calculators/program-roi",
  `/briefs/compose?cases=${SOURCE}`,
  "/docs",
  "/openapi.json",
  "/submit",
];

/** Checks a 2xx answer's caching headers, then that If-None-Match with its ETag is a bodiless 304 saying the same. */
async function expectCacheable(path: string, res: Response, policy: string, init: RequestInit = {}): Promise<void> {
  expect(res.status, path).toBeGreaterThanOrEqual(200);
  expect(res.status, path).toBeLessThan(300);
  expect(res.headers.get("cache-control"), path).toBe(policy);
  expect(res.headers.get("vary") ?? "", path).toMatch(/Accept-Encoding/);
  const etag = res.headers.get("etag");
  expect(etag, path).toMatch(ENTITY_TAG);
  await res.arrayBuffer();
  const again = await get(path, { ...init, headers: { ...init.headers, "if-none-match": etag ?? "" } });
  expect(again.status, `${path} with If-None-Match`).toBe(304);
  expect(await again.text(), path).toBe("");
  expect(again.headers.get("etag"), path).toBe(etag);
  expect(again.headers.get("cache-control"), path).toBe(policy);
  expect(again.headers.get("vary"), path).toBe(res.headers.get("vary"));
}

function expectUncachedError(path: string, res: Response): void {
  expect(res.status, path).toBeGreaterThanOrEqual(400);
  expect(res.headers.get("cache-control"), path).toBe("no-store");
  expect(res.headers.get("etag"), path).toBeNull();
}

/** Asks until the data centre's cache answers (its put runs after the first answer has gone, in waitUntil). */
async function untilHit(path: string): Promise<Response> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const res = await get(path);
    if (res.headers.get("x-cache") === "hit") return res;
    await res.arrayBuffer();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`${path}: never answered from the edge cache`);
}

/** The data centre's cache, as the Worker sees it. */
function edgeCache(): Cache {
  return (caches as unknown as { default: Cache }).default;
}

/** The edge key of a path under the current data version and this deployment. */
async function edgeKeyOf(path: string): Promise<string> {
  const version = (await env.DB.prepare("SELECT version FROM data_version").first<{ version: string }>())?.version;
  return edgeKey(
    new URL(`https://example.test${path}`),
    version ?? "",
    (env as { CF_VERSION_METADATA?: WorkerVersionMetadata }).CF_VERSION_METADATA?.id ?? "unversioned",
  );
}

async function send(method: string, path: string, body: unknown, ifMatch?: string): Promise<Response> {
  const headers: Record<string, string> = { "content-type": "application/json", authorization: TOKENS.write };
  if (ifMatch) headers["if-match"] = ifMatch;
  return get(path, { method, headers, body: JSON.stringify(body) });
}

async function createRecord(slug: string, title: string): Promise<CaseStudy> {
  const record = { ...(await readRecord(SOURCE)), slug, title, status: "published" as const };
  const res = await send("POST", "/api/v1/case-studies", record);
  expect(res.status).toBe(201);
  return record;
}

describe("ETag and Cache-Control on every GET route", () => {
  it("every declared API operation: public by kind, private with a token, 304 on its ETag", async () => {
    const gets = apiRoutes().filter((route) => route.method === "get");
    expect(gets.length).toBeGreaterThan(15);
    for (const route of gets) {
      const path = await samplePath(route.path);
      let init: RequestInit = route.auth ? { headers: { authorization: TOKENS[route.auth] } } : {};
      let res = await get(path, init);
      // A route that checks its token in the handler: ask again with each scope's token.
      for (const token of res.status === 401 ? [TOKENS.review, TOKENS.write] : []) {
        await res.arrayBuffer();
        init = { headers: { authorization: token } };
        res = await get(path, init);
        if (res.status !== 403) break;
      }
      if (init.headers) {
        // The one submission this suite could name does not exist: its 404 is an error like any other.
        if (res.status === 404) {
          expectUncachedError(path, res);
        } else {
          expect(res.headers.get("vary") ?? "", path).toMatch(/Authorization/);
          await expectCacheable(path, res, "private, no-store", init);
        }
        continue;
      }
      expect(res.status, `${path} (add the query this route needs to samplePath)`).toBe(200);
      // Under /api/ a token can change the answer (a backup with revisions, the review queue).
      if (path.startsWith("/api/")) expect(res.headers.get("vary") ?? "", path).toMatch(/Authorization/);
      if (route.path === "/api/v1/export") {
        // Streamed from D1 while it is sent: kept nowhere, and no tag can name it before it is complete.
        expect(res.headers.get("cache-control")).toBe("no-store");
        expect(res.headers.get("etag")).toBeNull();
        await res.arrayBuffer();
        continue;
      }
      const attachment = /attachment/.test(res.headers.get("content-disposition") ?? "");
      const policy = route.path === "/api/v1/health" ? "no-store" : attachment ? PAGE : API;
      await expectCacheable(path, res, policy);
    }
  });

  it("every kind of page: a minute in the browser, 304 on its ETag", async () => {
    const pages = [...(await sitemapSample()), ...UNLISTED_PAGES];
    for (const path of pages) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      await expectCacheable(path, res, /json/.test(res.headers.get("content-type") ?? "") ? API : PAGE);
    }
  });

  it("keeps a record's revision ETag, which writes name in If-Match", async () => {
    const res = await get(`/api/v1/case-studies/${SOURCE}`);
    expect(res.headers.get("etag")).toMatch(/^"r\d+"$/);
    await expectCacheable(`/api/v1/case-studies/${SOURCE}`, res, API);
  });

  it("compares If-None-Match weakly, in lists and as *, and answers 200 when nothing matches", async () => {
    const path = "/reference-figures";
    const etag = (await get(path)).headers.get("etag") ?? "";
    for (const sent of [`W/${etag}`, `"nope", ${etag}`, `"a,b", W/"x", ${etag}`, "*"]) {
      expect((await get(path, { headers: { "if-none-match": sent } })).status, sent).toBe(304);
    }
    for (const sent of ['"nope"', `W/"${etag.slice(1, -2)}"`, etag.slice(1, -1)]) {
      const res = await get(path, { headers: { "if-none-match": sent } });
      expect(res.status, sent).toBe(200);
      expect(await res.text()).toContain("<html");
    }
  });

  it("answers HEAD with the same headers and no body", async () => {
    const full = await get("/about/methods");
    const head = await get("/about/methods", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    expect(head.headers.get("etag")).toBe(full.headers.get("etag"));
    expect(head.headers.get("cache-control")).toBe(PAGE);
  });

  it("errors, problem+json and pages alike, are no-store without an ETag", async () => {
    expectUncachedError("api 404", await get("/api/v1/case-studies/no-such-record-anywhere"));
    expectUncachedError("api 400", await get("/api/v1/search?limit=0"));
    expectUncachedError("page 404", await get("/case-studies/no-such-record-anywhere"));
    expectUncachedError("page 400", await get("/case-studies?condition=not-a-condition"));
  });

  it("anything asked with a token is private and no-store, and never comes from the edge cache", async () => {
    const path = `/api/v1/case-studies/${SOURCE}`;
    await untilHit(path);
    const res = await get(path, { headers: { authorization: TOKENS.write } });
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(res.headers.get("vary")).toMatch(/Authorization/);
    expect(res.headers.get("x-cache")).toBe("bypass");
    const withCookie = await get(path, { headers: { cookie: "session=1" } });
    expect(withCookie.headers.get("x-cache")).toBe("bypass");
  });
});

describe("the edge cache (caches.default) keyed on the data version", () => {
  it("answers search, summary, gap map and pages from the cache on a repeat", async () => {
    for (const path of [
      "/api/v1/search?q=doula",
      "/search?q=doula",
      "/api/v1/evidence/summary?q=doula",
      "/api/v1/evidence/map",
      "/evidence/map",
      `/case-studies/${SOURCE}`,
      "/case-studies",
      `/briefs/${await firstSlug("briefs")}`,
      `/reference-figures/${await firstSlug("reference_figures")}`,
      `/embed/case-studies/${SOURCE}`,
    ]) {
      const first = await get(path, { headers: { "cache-control": "no-cache" } });
      expect(first.headers.get("x-cache"), path).toBe("bypass");
      const body = await first.text();
      const hit = await untilHit(path);
      expect(await hit.text(), path).toBe(body);
      expect(hit.headers.get("etag"), path).toBe(first.headers.get("etag"));
      expect(hit.headers.get("cache-control"), path).toBe(first.headers.get("cache-control"));
      expect(hit.headers.get("content-security-policy"), path).toBe(first.headers.get("content-security-policy"));
    }
  });

  it("an edge hit says what it cost: the one-row version read", async () => {
    const hit = await untilHit("/api/v1/search?q=mindfulness%20pain");
    expect(hit.headers.get("x-d1-queries")).toBe("1");
    expect(Number(hit.headers.get("x-d1-rows-read"))).toBeLessThanOrEqual(1);
    expect(hit.headers.get("x-browser-cache-control")).toBeNull();
  });

  it("never serves what it held before a write: pages, records and search see the write at once", async () => {
    const slug = "caching-write-probe";
    const word = "cachingprobequokka";
    const search = `/api/v1/search?q=${word}`;
    const before = (await (await untilHit(search)).json()) as { total: number };
    expect(before.total).toBe(0);

    const record = await createRecord(slug, `Caching probe ${word}`);
    const found = await get(search);
    expect(found.headers.get("x-cache")).toBe("miss");
    expect(((await found.json()) as { total: number }).total).toBe(1);

    const page = `/case-studies/${slug}`;
    const held = await untilHit(page);
    const heldTag = held.headers.get("etag");
    expect(await held.text()).toContain(`Caching probe ${word}`);
    const api = await untilHit(`/api/v1/case-studies/${slug}`);
    expect(api.headers.get("etag")).toBe('"r1"');

    const put = await send(
      "PUT",
      `/api/v1/case-studies/${slug}`,
      { ...record, title: "Caching probe, edited" },
      '"r1"',
    );
    expect(put.status).toBe(200);
    const after = await get(page);
    expect(after.headers.get("x-cache")).toBe("miss");
    expect(after.headers.get("etag")).not.toBe(heldTag);
    const html = await after.text();
    expect(html).toContain("Caching probe, edited");
    expect(html).not.toContain(`Caching probe ${word}`);
    // The browser's copy is out of date too: its ETag no longer matches.
    expect((await get(page, { headers: { "if-none-match": heldTag ?? "" } })).status).toBe(200);
    const record2 = await get(`/api/v1/case-studies/${slug}`);
    expect(record2.headers.get("etag")).toBe('"r2"');
    expect(((await record2.json()) as { title: string }).title).toBe("Caching probe, edited");
  });

  it("a write made outside the API (plain SQL) moves the version too", async () => {
    const slug = "caching-sql-probe";
    await createRecord(slug, "Caching probe removed by hand");
    const page = `/case-studies/${slug}`;
    expect((await untilHit(page)).status).toBe(200);
    await env.DB.prepare("DELETE FROM case_studies WHERE slug = ?1").bind(slug).run();
    const after = await get(page);
    expect(after.status).toBe(404);
    expect(after.headers.get("x-cache")).toBe("miss");
  });

  it("Cache-Control: no-cache runs the route afresh, and leaves an entry holding that very answer as it is", async () => {
    const path = "/taxonomy";
    const held = await untilHit(path);
    const entry = await edgeCache().match(await edgeKeyOf(path));
    const storedAt = entry?.headers.get("x-edge-stored-at");
    expect(storedAt).toMatch(/^\d+$/);
    await new Promise((resolve) => setTimeout(resolve, 30));
    const fresh = await get(path, { headers: { "cache-control": "no-cache" } });
    expect(fresh.headers.get("x-cache")).toBe("bypass");
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get("etag")).toBe(held.headers.get("etag"));
    // Read whole, as a browser would: the copy for the edge is a tee of this body.
    await fresh.arrayBuffer();
    const pragma = await get(path, { headers: { pragma: "no-cache" } });
    expect(pragma.headers.get("x-cache")).toBe("bypass");
    await pragma.arrayBuffer();
    // Its put would run after the answer (waitUntil): give it the time, then the entry must be the one stored before.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await edgeCache().match(await edgeKeyOf(path)))?.headers.get("x-edge-stored-at")).toBe(storedAt);
    await untilHit(path);
  });

  it("never stores an error: a 404 stays a miss, and the record created there is served at once", async () => {
    const slug = "caching-later-probe";
    for (const path of [`/case-studies/${slug}`, `/api/v1/case-studies/${slug}`]) {
      for (let i = 0; i < 3; i++) {
        const res = await get(path);
        expect(res.status, path).toBe(404);
        expect(res.headers.get("x-cache"), path).toBe("miss");
        await res.arrayBuffer();
      }
    }
    // The data centre's cache holds no entry for them under the current data version (it does for a page it served).
    const version = (await env.DB.prepare("SELECT version FROM data_version").first<{ version: string }>())?.version;
    const keyOf = (path: string) =>
      edgeKey(
        new URL(`https://example.test${path}`),
        version ?? "",
        (env as { CF_VERSION_METADATA?: WorkerVersionMetadata }).CF_VERSION_METADATA?.id ?? "unversioned",
      );
    const cache = (caches as unknown as { default: Cache }).default;
    await untilHit("/about/methods");
    expect(await cache.match(keyOf("/about/methods"))).toBeDefined();
    expect(await cache.match(keyOf(`/case-studies/${slug}`))).toBeUndefined();
    expect(await cache.match(keyOf(`/api/v1/case-studies/${slug}`))).toBeUndefined();
    await createRecord(slug, "Created after its 404");
    expect((await get(`/case-studies/${slug}`)).status).toBe(200);
  });

  it("answers a repeat from the isolate's memory under the same key, even when the data centre's entry is gone", async () => {
    const path = "/api/v1/case-studies?limit=3";
    const first = await get(path, { headers: { "cache-control": "no-cache" } });
    const body = await first.text();
    await untilHit(path);
    const version = (await env.DB.prepare("SELECT version FROM data_version").first<{ version: string }>())?.version;
    const key = edgeKey(
      new URL(`https://example.test${path}`),
      version ?? "",
      (env as { CF_VERSION_METADATA?: WorkerVersionMetadata }).CF_VERSION_METADATA?.id ?? "unversioned",
    );
    const cache = (caches as unknown as { default: Cache }).default;
    expect(await cache.delete(key)).toBe(true);
    const remembered = await get(path);
    expect(remembered.headers.get("x-cache")).toBe("hit");
    expect(remembered.headers.get("etag")).toBe(first.headers.get("etag"));
    expect(remembered.headers.get("cache-control")).toBe(first.headers.get("cache-control"));
    expect(remembered.headers.get("x-browser-cache-control")).toBeNull();
    expect(remembered.headers.get("x-edge-stored-at")).toBeNull();
    expect(remembered.headers.get("x-d1-queries")).toBe("1");
    expect(await remembered.text()).toBe(body);
    // A write moves the version: the memory holds nothing for the new one.
    await env.DB.prepare("UPDATE case_studies SET origin = origin WHERE id = (SELECT min(id) FROM case_studies)").run();
    expect((await get(path)).headers.get("x-cache")).toBe("miss");
  });

  it("never caches the health check", async () => {
    for (let i = 0; i < 3; i++) {
      const res = await get("/api/v1/health");
      expect(res.headers.get("x-cache")).toBe("bypass");
      expect(res.headers.get("cache-control")).toBe("no-store");
      await res.arrayBuffer();
    }
  });
});
