/**
 * Loads synthetic records (scripts/lib/synthetic.ts) into the local D1 kept in a `--persist-to` folder, through
 * wrangler's platform proxy (the same local D1 that `wrangler dev --persist-to` then serves), statement by statement.
 *
 * Why not `wrangler d1 execute --file`: its SQL file splitter is superlinear in the file's size (a 0.6 MB file takes
 * seconds, a 1.2 MB one minutes, a 6 MB one of 10k records ran 25 minutes and 4 GB before it was stopped), and each
 * call starts a workerd. One proxy and one statement per call keep a load linear in the number of records.
 */
import { join } from "node:path";
import { getPlatformProxy } from "wrangler";
import { childRowsSql, finishLoadSql, insertRecordsSql, syntheticRecord } from "./synthetic";
import { projectRoot } from "./wrangler-dev";

/** Records per INSERT (each statement stays under D1's 100 KB), and per round of child rows and progress line. */
const RECORDS_PER_STATEMENT = 120;
const RECORDS_PER_STEP = 10_000;

/** The statements of a generated script, one per `;` at a line's end (the generator writes them so). */
function statementsOf(sql: string): string[] {
  return sql
    .split(/;\s*\n/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The local D1 through wrangler's platform proxy, reopened when a call breaks. The proxy makes each D1 call
 * synchronously through a worker thread; on this 2-core machine that handshake has now and then failed (an assertion
 * in miniflare's SynchronousFetcher, seen at 10k and at 100k records, never twice in a row), which leaves the proxy
 * unusable and the statement's fate unknown. `attempt` runs a step, and after such a failure opens a fresh proxy, asks
 * `landed` whether the step took effect anyway, and runs it again (told it is a second try) only if not; three tries
 * in all.
 */
function localD1(stateDir: string) {
  let proxy: Awaited<ReturnType<typeof getPlatformProxy<{ DB: D1Database }>>> | null = null;
  const open = async () => {
    proxy ??= await getPlatformProxy<{ DB: D1Database }>({
      configPath: join(projectRoot, "wrangler.toml"),
      persist: { path: join(stateDir, "v3") },
      remoteBindings: false,
    });
    return proxy.env.DB;
  };
  const close = async () => {
    const closing = proxy;
    proxy = null;
    await closing?.dispose().catch(() => undefined);
  };
  const attempt = async (
    step: (db: D1Database, again: boolean) => Promise<unknown>,
    landed: (db: D1Database) => Promise<boolean>,
  ) => {
    for (let tries = 1; ; tries++) {
      try {
        const db = await open();
        if (tries > 1 && (await landed(db))) return;
        await step(db, tries > 1);
        return;
      } catch (error) {
        await close();
        if (tries === 3) throw error;
        console.warn(`synthetic load: a D1 call failed (${String(error).slice(0, 120)}); reopening and retrying`);
      }
    }
  };
  return { attempt, close };
}

/** How many records with ids in from..to are stored. */
async function storedBetween(db: D1Database, from: number, to: number): Promise<number> {
  const row = await db
    .prepare("SELECT count(*) AS n FROM case_studies WHERE id BETWEEN ?1 AND ?2")
    .bind(from, to)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

/**
 * Loads records numbered from+1..to (their ids and `syn-<n>` slugs) with `seed`, then the write path's browse counts
 * and an FTS merge; prints a progress line per 10k records. Returns the seconds it took.
 */
export async function loadSyntheticRecords(
  stateDir: string,
  seed: number,
  from: number,
  to: number,
  label: string,
): Promise<number> {
  const started = performance.now();
  const d1 = localD1(stateDir);
  const runAll = async (db: D1Database, sql: string) => {
    for (const statement of statementsOf(sql)) await db.prepare(statement).run();
  };
  try {
    for (let start = from + 1; start <= to; start += RECORDS_PER_STEP) {
      const end = Math.min(to, start + RECORDS_PER_STEP - 1);
      for (let s = start; s <= end; s += RECORDS_PER_STATEMENT) {
        const last = Math.min(end, s + RECORDS_PER_STATEMENT - 1);
        const batch: { n: number; record: ReturnType<typeof syntheticRecord> }[] = [];
        for (let n = s; n <= last; n++) batch.push({ n, record: syntheticRecord(seed, n) });
        const sql = insertRecordsSql(batch);
        if (Buffer.byteLength(sql) > 100_000) throw new Error(`statement for ${s}… is over D1's 100 KB`);
        // One statement: it landed whole or not at all.
        await d1.attempt(
          (db) => db.prepare(sql).run(),
          async (db) => (await storedBetween(db, s, last)) === batch.length,
        );
      }
      // Several statements: after a failure, the range's child rows are cleared and the whole group runs again.
      await d1.attempt(
        async (db, again) => {
          if (again) {
            await db.batch([
              db.prepare("DELETE FROM case_study_facets WHERE case_study_id BETWEEN ?1 AND ?2").bind(start, end),
              db.prepare("DELETE FROM outcomes WHERE case_study_id BETWEEN ?1 AND ?2").bind(start, end),
            ]);
          }
          await runAll(db, childRowsSql(start, end));
        },
        async () => false,
      );
      const s = (performance.now() - started) / 1000;
      console.log(`${label}: loaded records ${from + 1}–${end} of ${from + 1}–${to} (${s.toFixed(1)} s)`);
    }
    // Recounts and merges: running them again gives the same result.
    await d1.attempt(
      (db) => runAll(db, finishLoadSql()),
      async () => false,
    );
  } finally {
    await d1.close();
  }
  return (performance.now() - started) / 1000;
}
