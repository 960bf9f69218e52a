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
  const proxy = await getPlatformProxy<{ DB: D1Database }>({
    configPath: join(projectRoot, "wrangler.toml"),
    persist: { path: join(stateDir, "v3") },
    remoteBindings: false,
  });
  try {
    const db = proxy.env.DB;
    for (let start = from + 1; start <= to; start += RECORDS_PER_STEP) {
      const end = Math.min(to, start + RECORDS_PER_STEP - 1);
      for (let s = start; s <= end; s += RECORDS_PER_STATEMENT) {
        const batch: { n: number; record: ReturnType<typeof syntheticRecord> }[] = [];
        for (let n = s; n <= Math.min(end, s + RECORDS_PER_STATEMENT - 1); n++) {
          batch.push({ n, record: syntheticRecord(seed, n) });
        }
        const sql = insertRecordsSql(batch);
        if (Buffer.byteLength(sql) > 100_000) throw new Error(`statement for ${s}… is over D1's 100 KB`);
        await db.prepare(sql).run();
      }
      for (const sql of statementsOf(childRowsSql(start, end))) await db.prepare(sql).run();
      const s = (performance.now() - started) / 1000;
      console.log(`${label}: loaded records ${from + 1}–${end} of ${from + 1}–${to} (${s.toFixed(1)} s)`);
    }
    for (const sql of statementsOf(finishLoadSql())) await db.prepare(sql).run();
  } finally {
    await proxy.dispose();
  }
  return (performance.now() - started) / 1000;
}
