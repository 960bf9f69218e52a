import { createExecutionContext, env, SELF } from "cloudflare:test";
import { runBatch } from "../../src/db/statements";
import { type CaseStudy, parseCaseStudy } from "../../src/domain/case-study";
import { counterStatements, type RecordWrite, writeStatements } from "../../src/records/write-path";
import { checkContract } from "./contract";
import worker from "./worker-entry";

/**
 * Fetches a path from the Worker under test (any method: pass it in `init`). Every response is checked against
 * the OpenAPI document first (./contract.ts): a status or a body the document does not declare fails the test.
 */
export async function get(path: string, init?: RequestInit): Promise<Response> {
  const res = await SELF.fetch(`https://example.test${path}`, init);
  await checkContract(init?.method ?? "GET", path, res);
  return res;
}

/**
 * The Worker's fetch handler called directly: same code, same bindings, same contract check, without the SELF
 * slowdown (workers-sdk issue 15446: SELF.fetch goes from ~5 ms to ~320 ms per request after 1,200 requests), for
 * tests that send thousands.
 */
export async function callWorker(path: string, init?: RequestInit): Promise<Response> {
  const res = await worker.fetch(new Request(`https://example.test${path}`, init), env, createExecutionContext());
  await checkContract(init?.method ?? "GET", path, res);
  return res;
}

export async function getJson<T = unknown>(path: string): Promise<{ res: Response; body: T }> {
  const res = await get(path, { headers: { accept: "application/json" } });
  return { res, body: (await res.json()) as T };
}

/** Runs writes through the one write path, as one batch (the way the content seed and the write API do). */
export async function writeRecords(...writes: RecordWrite[]): Promise<void> {
  await runBatch(env.DB, writeStatements(writes, "2026-01-02T00:00:00.000Z"));
}

/** A record as the API returns it, parsed back into the contract's shape. */
export async function readRecord(slug: string): Promise<CaseStudy> {
  const { body } = await getJson(`/api/v1/case-studies/${slug}`);
  const parsed = parseCaseStudy(body, { acceptDerived: true });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.record;
}

/** A copy of a real record, changed, written through the write path. */
export async function writeVariant(from: string, change: (r: CaseStudy) => CaseStudy): Promise<void> {
  const record = change(structuredClone(await readRecord(from)));
  await writeRecords({ kind: "upsert", record, origin: "api" });
}

/**
 * Runs `write` with the next new record ids starting at `firstId` (a placeholder row holds `firstId - 1` meanwhile,
 * then goes, counted in and out of the counters as the write path does). Search sends facet keys in one row per range of ids, so
 * tests place records far from the seeded ones to cover counts that add up across rows.
 */
export async function withIdsFrom(firstId: number, write: () => Promise<void>): Promise<void> {
  const columns = (
    await env.DB.prepare("SELECT name FROM pragma_table_info('case_studies') WHERE name NOT IN ('id', 'slug')").all<{
      name: string;
    }>()
  ).results.map((c) => c.name);
  if (columns.length === 0) throw new Error("case_studies has no columns to copy");
  await env.DB.prepare(
    `INSERT INTO case_studies (id, slug, ${columns.join(", ")})
     SELECT ?1, 'test-id-placeholder', ${columns.join(", ")} FROM case_studies ORDER BY id LIMIT 1`,
  )
    .bind(firstId - 1)
    .run();
  // Counted as the write path counts a record, so the delete below (which subtracts it) leaves the counters exact.
  await runBatch(env.DB, counterStatements({ slug: "test-id-placeholder" }, 1));
  try {
    await write();
  } finally {
    await writeRecords({ kind: "delete", slug: "test-id-placeholder" });
  }
}

/**
 * Every path the sitemap lists: the index at /sitemap.xml, then each sitemap it names (fetched with `fetcher`, so a
 * suite sending many requests can pass callWorker).
 */
export async function sitemapLocs(fetcher: (path: string) => Promise<Response> = get): Promise<string[]> {
  const locs = async (path: string) =>
    [...(await (await fetcher(path)).text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map(
      (m) => new URL(m[1] as string).pathname,
    );
  return (await Promise.all((await locs("/sitemap.xml")).map(locs))).flat();
}
