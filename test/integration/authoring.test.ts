// The write API: the auth matrix of every write route, optimistic concurrency (428 without If-Match, 412 for a stale
// one), atomicity (one failing statement leaves no trace), tombstones (410, out of search and lists) and restore.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { CaseStudy } from "../../src/domain/case-study";
import { get, getJson, readRecord } from "./helpers";

const WRITE = "Bearer test-write-token-0123456789";
const REVIEW = "Bearer test-review-token-0123456789";
const SOURCE = "gerac-acupuncture-low-back-pain-trial";

async function send(
  method: string,
  path: string,
  options: { auth?: string; body?: unknown; ifMatch?: string; message?: string } = {},
) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (options.auth) headers.authorization = options.auth;
  if (options.ifMatch) headers["if-match"] = options.ifMatch;
  if (options.message) headers["x-change-message"] = options.message;
  return get(path, { method, headers, ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }) });
}

async function fresh(slug: string): Promise<CaseStudy> {
  return { ...(await readRecord(SOURCE)), slug, status: "published" };
}

async function create(slug: string): Promise<CaseStudy> {
  const record = await fresh(slug);
  const res = await send("POST", "/api/v1/case-studies", { auth: WRITE, body: record });
  expect(res.status).toBe(201);
  return record;
}

async function trace(slug: string) {
  const q = (sql: string) =>
    env.DB.prepare(sql)
      .bind(slug)
      .first<{ n: number }>()
      .then((r) => r?.n ?? 0);
  return {
    record: await q("SELECT count(*) AS n FROM case_studies WHERE slug = ?1"),
    titles: await env.DB.prepare("SELECT title FROM case_studies WHERE slug = ?1")
      .bind(slug)
      .first<{ title: string }>(),
    facets: await q(
      "SELECT count(*) AS n FROM case_study_facets f JOIN case_studies c ON c.id = f.case_study_id WHERE c.slug = ?1",
    ),
    outcomes: await q(
      "SELECT count(*) AS n FROM outcomes o JOIN case_studies c ON c.id = o.case_study_id WHERE c.slug = ?1",
    ),
    revisions: await q("SELECT count(*) AS n FROM revisions WHERE slug = ?1"),
    counts: (await env.DB.prepare("SELECT facet, value, n FROM facet_counts ORDER BY facet, value").all()).results,
    version: (await env.DB.prepare("SELECT version FROM data_version").first<{ version: string }>())?.version,
    fts: (
      await env.DB.prepare(
        "SELECT count(*) AS n FROM case_studies_fts WHERE case_studies_fts MATCH 'zebraquokka'",
      ).first<{ n: number }>()
    )?.n,
  };
}

describe("the auth matrix of every write route", () => {
  it("answers 401 without or with an unknown token, 403 for the review scope, and works with a write token", async () => {
    const slug = "authoring-matrix-probe";
    const record = await fresh(slug);
    const routes: [string, string, () => { body?: unknown; ifMatch?: string }][] = [
      ["POST", "/api/v1/case-studies", () => ({ body: record })],
      [
        "PUT",
        `/api/v1/case-studies/${slug}`,
        () => ({ body: { ...record, title: "Matrix probe, edited" }, ifMatch: '"r1"' }),
      ],
      ["POST", `/api/v1/case-studies/${slug}/revisions/1/restore`, () => ({ ifMatch: '"r2"' })],
      ["DELETE", `/api/v1/case-studies/${slug}`, () => ({ ifMatch: '"r3"' })],
    ];
    for (const [method, path, options] of routes) {
      const none = await send(method, path, options());
      expect(none.status, `${method} ${path}`).toBe(401);
      expect(none.headers.get("www-authenticate"), path).toMatch(/^Bearer realm="/);
      const wrong = await send(method, path, { ...options(), auth: "Bearer not-a-token-of-this-server" });
      expect(wrong.status, path).toBe(401);
      expect(wrong.headers.get("www-authenticate"), path).toMatch(/invalid_token/);
      expect((await send(method, path, { ...options(), auth: REVIEW })).status, path).toBe(403);
      const right = await send(method, path, { ...options(), auth: WRITE });
      expect(right.status, `${method} ${path}`).toBe(method === "POST" && !path.includes("restore") ? 201 : 200);
    }
  });
});

describe("optimistic concurrency", () => {
  it("answers the revision as ETag, 428 without If-Match, and 412 with the current revision to the second editor", async () => {
    const slug = "authoring-concurrency-probe";
    await create(slug);
    const { res, body } = await getJson<CaseStudy>(`/api/v1/case-studies/${slug}`);
    expect(res.headers.get("etag")).toBe('"r1"');
    const noIfMatch = await send("PUT", `/api/v1/case-studies/${slug}`, { auth: WRITE, body });
    expect(noIfMatch.status).toBe(428);
    expect((await send("DELETE", `/api/v1/case-studies/${slug}`, { auth: WRITE })).status).toBe(428);
    const first = await send("PUT", `/api/v1/case-studies/${slug}`, {
      auth: WRITE,
      ifMatch: '"r1"',
      body: { ...body, title: "The first editor's title" },
      message: "first%20edit%20%E2%80%94%20ok",
    });
    expect(first.status).toBe(200);
    expect(first.headers.get("etag")).toBe('"r2"');
    const second = await send("PUT", `/api/v1/case-studies/${slug}`, {
      auth: WRITE,
      ifMatch: '"r1"',
      body: { ...body, title: "The second editor's title" },
    });
    expect(second.status).toBe(412);
    expect(((await second.json()) as { current_revision: number }).current_revision).toBe(2);
    expect((await readRecord(slug)).title).toBe("The first editor's title");
    const { body: list } = await getJson<{ items: { message: string | null; author: string }[] }>(
      `/api/v1/case-studies/${slug}/revisions`,
    );
    expect(list.items.map((i) => [i.author, i.message])).toEqual([
      ["test editor", null],
      ["test editor", "first edit — ok"],
    ]);
  });

  it("refuses a second create of a slug (409), an invalid body naming every path (400), and a renaming PUT", async () => {
    const slug = "authoring-conflict-probe";
    const record = await create(slug);
    expect((await send("POST", "/api/v1/case-studies", { auth: WRITE, body: record })).status).toBe(409);
    const bad = await send("POST", "/api/v1/case-studies", {
      auth: WRITE,
      body: { ...record, slug: "authoring-invalid", title: "x", status: "nope" },
    });
    expect(bad.status).toBe(400);
    const paths = ((await bad.json()) as { errors: { path: string }[] }).errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["title", "status"]));
    const renamed = await send("PUT", `/api/v1/case-studies/${slug}`, {
      auth: WRITE,
      ifMatch: '"r1"',
      body: { ...record, slug: "authoring-renamed" },
    });
    expect(renamed.status).toBe(400);
  });
});

describe("atomicity", () => {
  it("leaves no trace of a write whose batch has one failing statement", async () => {
    const slug = "authoring-atomicity-probe";
    const record = await create(slug);
    // Test database only: the revision row of this message fails, after the record and its children were written.
    await env.DB.prepare(
      "CREATE TRIGGER atomicity_probe BEFORE INSERT ON revisions WHEN new.message = 'atomicity probe' BEGIN SELECT RAISE(ABORT, 'atomicity probe'); END",
    ).run();
    try {
      const before = await trace(slug);
      const res = await send("PUT", `/api/v1/case-studies/${slug}`, {
        auth: WRITE,
        ifMatch: '"r1"',
        message: "atomicity probe",
        body: { ...record, title: "Zebraquokka title", status: "draft", outcomes: record.outcomes.slice(0, 1) },
      });
      expect(res.status).toBe(500);
      expect(await trace(slug)).toEqual(before);
      expect(before.fts).toBe(0);
    } finally {
      await env.DB.prepare("DROP TRIGGER atomicity_probe").run();
    }
  });
});

describe("withdrawal and restore", () => {
  it("withdraws a record from search and lists (410 with its history), and restores it exactly with its id", async () => {
    const slug = "authoring-tombstone-probe";
    const record = await create(slug);
    const idOf = () =>
      env.DB.prepare("SELECT id FROM case_studies WHERE slug = ?1")
        .bind(slug)
        .first<{ id: number }>()
        .then((r) => r?.id);
    const id = await idOf();
    const deleted = await send("DELETE", `/api/v1/case-studies/${slug}`, { auth: WRITE, ifMatch: '"r1"' });
    expect(deleted.status).toBe(200);
    const gone = await get(`/api/v1/case-studies/${slug}`);
    expect(gone.status).toBe(410);
    expect(await gone.json()).toMatchObject({ current_revision: 2, history: `/case-studies/${slug}/history` });
    const page = await get(`/case-studies/${slug}`);
    expect(page.status).toBe(410);
    expect(await page.text()).toContain(`href="/case-studies/${slug}/history"`);
    // A host page keeps its snippet: the frame says what was withdrawn and links the history (in a new tab).
    const frame = await get(`/embed/case-studies/${slug}`);
    expect(frame.status).toBe(410);
    const frameHtml = await frame.text();
    expect(frameHtml).toContain("This case study was withdrawn");
    expect(frameHtml).toContain(`“${record.title}” was withdrawn`);
    expect(frameHtml).toMatch(
      new RegExp(`href="https://example\\.test/case-studies/${slug}/history"[^>]*target="_blank"`),
    );
    const { body: search } = await getJson<{ hits: { slug: string }[] }>(
      `/api/v1/search?q=${encodeURIComponent(record.title)}&limit=50`,
    );
    expect(search.hits.map((h) => h.slug)).not.toContain(slug);
    const { body: list } = await getJson<{ items: { slug: string }[] }>("/api/v1/case-studies?limit=50");
    expect(list.items.map((i) => i.slug)).not.toContain(slug);
    expect(
      (await send("POST", `/api/v1/case-studies/${slug}/revisions/2/restore`, { auth: WRITE, ifMatch: '"r2"' })).status,
    ).toBe(409);
    const restored = await send("POST", `/api/v1/case-studies/${slug}/revisions/1/restore`, {
      auth: WRITE,
      ifMatch: '"r2"',
    });
    expect(restored.status).toBe(200);
    expect(restored.headers.get("etag")).toBe('"r3"');
    expect(await readRecord(slug)).toEqual(record);
    expect(await idOf()).toBe(id);
  });
});

describe("the history page", () => {
  it("lists every revision and compares two field by field, chosen with a GET form", async () => {
    const slug = "authoring-history-probe";
    const record = await create(slug);
    await send("PUT", `/api/v1/case-studies/${slug}`, {
      auth: WRITE,
      ifMatch: '"r1"',
      body: { ...record, title: "History probe, retitled" },
      message: "retitled",
    });
    const res = await get(`/case-studies/${slug}/history?from=1&to=2`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<form method="get"');
    expect(html).toContain('<label for="history-from">');
    expect(html).toContain("retitled");
    expect(html).toContain("<code>title</code>");
    expect(html).toContain("History probe, retitled");
    expect(html).not.toContain("<code>summary</code>");
    expect((await get(`/case-studies/${slug}/history?from=1&to=99`)).status).toBe(400);
  });
});
