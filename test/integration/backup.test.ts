import { createExecutionContext, env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { importPlan } from "../../src/backup/ndjson";
import { runBatch } from "../../src/db/statements";
import { checkContract } from "./contract";
import { readRecord, writeRecords } from "./helpers";
import worker from "./worker-entry";

const WRITE = "write-token-for-backup-tests-0001";
const REVIEW = "review-token-for-backup-tests-01";
const API_TOKENS = JSON.stringify([
  { label: "editor", token: WRITE, scope: "write" },
  { label: "reviewer", token: REVIEW, scope: "review" },
]);

async function exportText(query = "", token?: string): Promise<Response> {
  const path = `/api/v1/export${query}`;
  const res = await worker.fetch(
    new Request(`https://example.test${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} }),
    { ...env, API_TOKENS },
    createExecutionContext(),
  );
  await checkContract("GET", path, res);
  return res;
}

async function snapshot() {
  const ids = await env.DB.prepare(
    "SELECT id, slug, origin, updated_at, facet_keys FROM case_studies ORDER BY id",
  ).all();
  const counts = await env.DB.prepare(
    "SELECT facet, value, n FROM facet_counts WHERE n > 0 ORDER BY facet, value",
  ).all();
  const fts = await env.DB.prepare(
    "SELECT rowid FROM case_studies_fts WHERE case_studies_fts MATCH 'acupuncture' ORDER BY rowid",
  ).all();
  return { ids: ids.results, counts: counts.results, fts: fts.results };
}

async function wipe() {
  await env.DB.batch([
    env.DB.prepare("DELETE FROM case_studies"),
    env.DB.prepare("DELETE FROM revisions"),
    env.DB.prepare("DELETE FROM facet_counts"),
  ]);
}

describe("GET /api/v1/export", () => {
  it("streams every live record as NDJSON without a token, and revisions only with a write token", async () => {
    const res = await exportText();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/x-ndjson");
    const lines = (await res.text())
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    const { n } = (await env.DB.prepare("SELECT count(*) AS n FROM case_studies").first<{ n: number }>()) ?? { n: 0 };
    expect(lines[0]).toEqual({ kind: "export", format: 1, revisions: false });
    expect(lines.filter((l) => l.kind === "record")).toHaveLength(n);
    expect(lines.some((l) => l.kind === "revision")).toBe(false);
    const none = await exportText("?revisions=1");
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toMatch(/^Bearer /);
    expect((await exportText("?revisions=1", "wrong-token-wrong-token")).status).toBe(401);
    expect((await exportText("?revisions=1", REVIEW)).status).toBe(403);
    expect((await exportText("?revisions=1", WRITE)).status).toBe(200);
  });
});

describe("export → import into an empty database → export", () => {
  it("gives the same bytes, the same ids, counts and search index, with every revision and tombstone", async () => {
    // Some history beyond the seed: an edit, a withdrawn record, a record written through the API.
    const slugs = (await env.DB.prepare("SELECT slug FROM case_studies ORDER BY id LIMIT 2").all<{ slug: string }>())
      .results;
    const first = await readRecord(slugs[0]?.slug ?? "");
    await writeRecords({
      kind: "upsert",
      record: { ...first, title: `${first.title} (edited)` },
      origin: "content",
      revision: { author: "editor", message: "a test edit" },
    });
    await writeRecords({
      kind: "delete",
      slug: slugs[1]?.slug ?? "",
      revision: { author: "editor", message: "withdrawn" },
    });
    await writeRecords({
      kind: "upsert",
      record: { ...first, slug: "backup-api-record", status: "draft" },
      origin: "api",
      revision: { author: "editor" },
    });
    const before = await snapshot();
    const exported = await (await exportText("?revisions=1", WRITE)).text();
    expect(exported).toContain('"kind":"revision"');
    expect(exported).toContain('"action":"delete"');

    await wipe();
    const plan = importPlan(exported);
    if ("errors" in plan) throw new Error(JSON.stringify(plan.errors));
    await runBatch(env.DB, plan.statements);

    expect(await (await exportText("?revisions=1", WRITE)).text()).toBe(exported);
    expect(await snapshot()).toEqual(before);
  });

  it("round-trips an export without revisions to the same bytes too", async () => {
    const exported = await (await exportText()).text();
    await wipe();
    const plan = importPlan(exported);
    if ("errors" in plan) throw new Error(JSON.stringify(plan.errors));
    await runBatch(env.DB, plan.statements);
    expect(await (await exportText()).text()).toBe(exported);
  });

  it("names every bad line of a backup and plans nothing", () => {
    const bad = [
      '{"kind":"export","format":1,"revisions":false}',
      "not json",
      '{"kind":"record","origin":"content","updated_at":"x","record":{"slug":"Bad Slug"}}',
    ].join("\n");
    const plan = importPlan(bad);
    expect("errors" in plan).toBe(true);
    const paths = "errors" in plan ? plan.errors.map((e) => e.path) : [];
    expect(paths).toContain("line 2");
    expect(paths.some((p) => p.startsWith("line 3 record.slug"))).toBe(true);
  });
});
