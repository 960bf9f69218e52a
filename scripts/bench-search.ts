/**
 * npx tsx scripts/bench-search.ts — search under load at 1k, 10k and 100k synthetic records, against a floor route.
 *
 * For each size: load the seeded synthetic records (scripts/lib/synthetic.ts, with one synthetic reference figure per
 * 20 records and one brief per 100, which a search with words finds too) into a temporary local D1 with
 * `wrangler d1 execute --file` (chunked files, each with a time limit), start `wrangler dev` on a free port of
 * 127.0.0.1 with that database, then for each case read the D1 cost headers of one request (statements, round
 * trips, rows_read from D1's result meta) and run autocannon for a fixed duration. The floor is GET /api/v1/health
 * (one trivial D1 query) measured in the same run, so the figures are ratios that travel across machines.
 *
 * Every search case is measured twice: "fresh", each request sending `Cache-Control: no-cache` so the search runs in
 * full every time (the worst case: every request a new question or the data just changed), and "cached", the same
 * request repeated so the Worker's versioned result cache answers it after one data-version read (src/search/run.ts, src/db/versioned-cache.ts).
 *
 * The temporary database never touches the developer's local one (--persist-to a temp folder), the Worker is
 * stopped at the end, and only 127.0.0.1 is contacted.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseCaseStudy } from "../src/domain/case-study";
import { autocannon } from "./lib/autocannon";
import {
  childRowsSql,
  finishLoadSql,
  insertRecordsSql,
  otherKindsSql,
  sentencesSql,
  syntheticRecord,
} from "./lib/synthetic";
import { executeFile as execute, migrate, startWranglerDev } from "./lib/wrangler-dev";

const root = resolve(import.meta.dirname ?? ".", "..");

const SEED = 20260426;
/** Record counts measured, in order (BENCH_SEARCH_SIZES=1000,10000 for a quicker look). */
const SIZES: readonly number[] = (process.env.BENCH_SEARCH_SIZES ?? "1000,10000,100000")
  .split(",")
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0)
  .sort((a, b) => a - b);
/** Seconds of load per case (after a short warm-up), the same for the floor and for search. */
const DURATION_S = Number(process.env.BENCH_SEARCH_DURATION ?? 3);
const CONNECTIONS = 8;
/** Records per generated SQL file, and per INSERT statement (each statement stays under D1's 100 KB). */
const RECORDS_PER_FILE = 10_000;
const RECORDS_PER_STATEMENT = 120;

/** The cases: the floor, the browse, typical questions, and filtered searches. */
const FLOOR_PATH = "/api/v1/health";
export const CASES: { name: string; path: string; typical?: boolean }[] = [
  { name: "floor: health (SELECT 1)", path: FLOOR_PATH },
  { name: "browse: no query, no filter", path: "/api/v1/search" },
  { name: "q: acupuncture back pain", path: "/api/v1/search?q=acupuncture%20back%20pain", typical: true },
  { name: "q: opioid medicaid", path: "/api/v1/search?q=opioid%20medicaid", typical: true },
  { name: "q: c-section doula", path: "/api/v1/search?q=c-section%20doula", typical: true },
  {
    name: "q + filters: acupuncture, medicare, grade C+",
    path: "/api/v1/search?q=acupuncture&payer_type=medicare&min_grade=C",
    typical: true,
  },
  {
    name: "filters only: low back pain + medicaid",
    path: "/api/v1/search?condition=low_back_pain&payer_type=medicaid",
  },
  { name: "page: /search (browse HTML)", path: "/search" },
];

/** Writes and loads records from+1..to, RECORDS_PER_FILE at a time. */
export function loadRecords(dir: string, from: number, to: number): { seconds: number; sql_bytes: number } {
  const started = performance.now();
  let bytes = 0;
  for (let start = from + 1; start <= to; start += RECORDS_PER_FILE) {
    const end = Math.min(to, start + RECORDS_PER_FILE - 1);
    const statements: string[] = [];
    for (let s = start; s <= end; s += RECORDS_PER_STATEMENT) {
      const batch: { n: number; record: ReturnType<typeof syntheticRecord> }[] = [];
      for (let n = s; n <= Math.min(end, s + RECORDS_PER_STATEMENT - 1); n++) {
        batch.push({ n, record: syntheticRecord(SEED, n) });
      }
      const sql = insertRecordsSql(batch);
      if (Buffer.byteLength(sql) > 100_000)
        throw new Error(`statement for ${s}… is over D1's 100 KB; lower RECORDS_PER_STATEMENT`);
      statements.push(sql);
    }
    statements.push(childRowsSql(start, end));
    // One synthetic reference figure per 20 records and one brief per 100, which search finds beside them.
    statements.push(otherKindsSql(SEED, start, end));
    const file = join(dir, `load-${start}.sql`);
    const text = statements.join("\n");
    bytes += Buffer.byteLength(text);
    writeFileSync(file, text);
    execute(dir, file);
    rmSync(file);
  }
  return { seconds: (performance.now() - started) / 1000, sql_bytes: bytes };
}

/** After a load: the write path's refresh of the browse counts, and an FTS merge (see finishLoadSql). */
export function finishLoad(dir: string): void {
  const file = join(dir, "finish.sql");
  writeFileSync(file, finishLoadSql());
  execute(dir, file);
  rmSync(file);
}

/** How a case is requested: "fresh" bypasses the search result cache on every request, "cached" lets it answer. */
export type CacheMode = "fresh" | "cached";
const MODES: readonly CacheMode[] = ["fresh", "cached"];
const MODE_HEADERS: Record<CacheMode, Record<string, string>> = { fresh: { "cache-control": "no-cache" }, cached: {} };

export interface CaseFigures {
  mode: CacheMode;
  requests_per_s: number;
  /** The floor's requests/s measured just before this case. */
  floor_requests_per_s: number;
  p50_ms: number;
  p99_ms: number;
  ratio_to_floor: number;
  d1_statements: number;
  d1_round_trips: number;
  rows_read: number;
  /** The x-search-cache header of a request like the measured ones: bypass, hit, miss or stale (null: not search). */
  search_cache: string | null;
  total_hits: number | null;
  non2xx: number;
  errors: number;
}

async function measureCase(
  port: number,
  path: string,
  mode: CacheMode,
): Promise<Omit<CaseFigures, "ratio_to_floor" | "floor_requests_per_s">> {
  const url = `http://127.0.0.1:${port}${path}`;
  const headers = MODE_HEADERS[mode];
  // Cached: the first request fills the cache, the second shows what the measured requests cost.
  if (mode === "cached") await (await fetch(url)).arrayBuffer();
  const res = await fetch(url, { headers });
  const text = await res.text();
  if (!res.ok) throw new Error(`${path} answered ${res.status}: ${text.slice(0, 300)}`);
  let total: number | null = null;
  if ((res.headers.get("content-type") ?? "").includes("json")) {
    total = (JSON.parse(text) as { total?: number }).total ?? null;
  }
  await autocannon({ url, headers, connections: CONNECTIONS, duration: 0.5 }); // warm-up, discarded
  const run = await autocannon({ url, headers, connections: CONNECTIONS, duration: DURATION_S });
  return {
    mode,
    requests_per_s: Math.round(run.requests.average),
    p50_ms: run.latency.p50,
    p99_ms: run.latency.p99,
    d1_statements: Number(res.headers.get("x-d1-queries") ?? 0),
    d1_round_trips: Number(res.headers.get("x-d1-round-trips") ?? 0),
    rows_read: Number(res.headers.get("x-d1-rows-read") ?? 0),
    search_cache: res.headers.get("x-search-cache"),
    total_hits: total,
    non2xx: run.non2xx,
    errors: run.errors + run.timeouts,
  };
}

/** One synthetic record read back through the API must still be a valid contract record. */
async function checkRecord(port: number): Promise<void> {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/case-studies/syn-1`);
  const parsed = parseCaseStudy(await res.json(), { acceptDerived: true });
  if (!parsed.ok) throw new Error(`synthetic record syn-1 is not a valid record: ${JSON.stringify(parsed.errors)}`);
}

/** A case's figures are keyed by its name and how it was requested. */
function caseKey(name: string, mode: CacheMode): string {
  return `${name} [${mode}]`;
}

function pad(text: string | number, width: number, right = false): string {
  const s = String(text);
  return right ? s.padStart(width) : s.padEnd(width);
}

export async function benchSearch(): Promise<Record<string, unknown>> {
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), "bench-search-"));
  const bySize: Record<string, { load: { seconds: number; sql_bytes: number }; cases: Record<string, CaseFigures> }> =
    {};
  try {
    migrate(dir);
    const sentences = join(dir, "sentences.sql");
    writeFileSync(sentences, sentencesSql());
    execute(dir, sentences);
    let loaded = 0;
    for (const size of SIZES) {
      console.log(`bench-search: loading records ${loaded + 1}–${size}…`);
      const load = loadRecords(dir, loaded, size);
      finishLoad(dir);
      loaded = size;
      console.log(`bench-search: loaded in ${load.seconds.toFixed(1)} s; starting wrangler dev`);
      const server = await startWranglerDev(dir);
      const cases: Record<string, CaseFigures> = {};
      try {
        await checkRecord(server.port);
        // The floor is measured right before each case and the ratio taken against that neighbour: this machine is
        // shared, and load from elsewhere drifts over a run.
        for (const c of CASES) {
          for (const mode of c === CASES[0] ? (["fresh"] as const) : MODES) {
            const floor = c === CASES[0] ? null : await measureCase(server.port, FLOOR_PATH, "fresh");
            const figures = await measureCase(server.port, c.path, mode);
            const base = floor?.requests_per_s ?? figures.requests_per_s;
            cases[caseKey(c.name, mode)] = {
              ...figures,
              floor_requests_per_s: base,
              ratio_to_floor: base ? figures.requests_per_s / base : 0,
            };
            console.log(
              `  ${pad(size, 6, true)} ${pad(c.name, 52)} ${pad(mode, 6)} ${pad(figures.requests_per_s, 6, true)} req/s (floor ${base})  p50 ${figures.p50_ms} ms  p99 ${figures.p99_ms} ms  rows_read ${figures.rows_read}`,
            );
          }
        }
      } finally {
        await server.stop();
      }
      bySize[size] = { load, cases };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const typical = CASES.filter((c) => c.typical).map((c) => c.name);
  const summary: Record<string, unknown> = {};
  for (const size of SIZES) {
    const cases = bySize[size]?.cases ?? {};
    const figures: Record<string, number | undefined> = {};
    for (const mode of MODES) {
      const ratios = typical.map((name) => cases[caseKey(name, mode)]?.ratio_to_floor ?? 0);
      figures[`typical_search_${mode}_ratio_to_floor_mean`] = ratios.reduce((a, b) => a + b, 0) / ratios.length;
      figures[`typical_search_${mode}_ratio_to_floor_min`] = Math.min(...ratios);
    }
    figures.browse_rows_read = cases[caseKey(CASES[1]?.name ?? "", "fresh")]?.rows_read;
    figures.browse_page_rows_read = cases[caseKey(CASES[CASES.length - 1]?.name ?? "", "fresh")]?.rows_read;
    figures.max_d1_statements_per_search = Math.max(
      ...Object.entries(cases)
        .filter(([key]) => key !== caseKey(CASES[0]?.name ?? "", "fresh"))
        .map(([, f]) => f.d1_statements),
    );
    summary[size] = figures;
  }
  // How each figure grows from the smallest size to the largest measured.
  const growth: Record<string, Record<string, number>> = {};
  const smallest = String(SIZES[0]);
  const largest = String(SIZES[SIZES.length - 1]);
  for (const key of Object.keys(bySize[smallest]?.cases ?? {})) {
    const small = bySize[smallest]?.cases[key];
    const large = bySize[largest]?.cases[key];
    if (!small || !large) continue;
    growth[key] = {
      requests_per_s: large.requests_per_s / Math.max(small.requests_per_s, 1),
      ratio_to_floor: large.ratio_to_floor / Math.max(small.ratio_to_floor, 0.001),
      p50: large.p50_ms / Math.max(small.p50_ms, 1),
      rows_read: large.rows_read / Math.max(small.rows_read, 1),
    };
  }

  console.log("\n== Search under load (autocannon, wrangler dev, local D1) ==");
  console.log(
    `${pad("records", 8)} ${pad("case", 52)} ${pad("mode", 6)} ${pad("req/s", 7, true)} ${pad("×floor", 7, true)} ${pad("p50", 5, true)} ${pad("p99", 5, true)} ${pad("stmts", 6, true)} ${pad("trips", 6, true)} ${pad("rows_read", 10, true)} ${pad("cache", 7, true)} ${pad("hits", 7, true)}`,
  );
  for (const size of SIZES) {
    for (const [key, f] of Object.entries(bySize[size]?.cases ?? {})) {
      console.log(
        `${pad(size, 8)} ${pad(key.slice(0, key.lastIndexOf(" [")), 52)} ${pad(f.mode, 6)} ${pad(f.requests_per_s, 7, true)} ${pad(f.ratio_to_floor.toFixed(2), 7, true)} ${pad(f.p50_ms, 5, true)} ${pad(f.p99_ms, 5, true)} ${pad(f.d1_statements, 6, true)} ${pad(f.d1_round_trips, 6, true)} ${pad(f.rows_read, 10, true)} ${pad(f.search_cache ?? "", 7, true)} ${pad(f.total_hits ?? "", 7, true)}`,
      );
    }
  }
  for (const size of SIZES) {
    const s = summary[size] as Record<string, number>;
    const percent = (x: number | undefined) => `${(100 * (x ?? 0)).toFixed(0)}%`;
    console.log(
      `${size} records: typical search ${percent(s.typical_search_cached_ratio_to_floor_mean)} of the floor's throughput cached (worst ${percent(s.typical_search_cached_ratio_to_floor_min)}), ${percent(s.typical_search_fresh_ratio_to_floor_mean)} fresh (worst ${percent(s.typical_search_fresh_ratio_to_floor_min)}); at most ${s.max_d1_statements_per_search} D1 statements per search; browse rows_read ${s.browse_rows_read}; loaded in ${bySize[size]?.load.seconds.toFixed(1)} s`,
    );
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`bench-search: done in ${seconds.toFixed(0)} s (${DURATION_S} s per case, ${CONNECTIONS} connections)`);
  return {
    config: { seed: SEED, duration_s: DURATION_S, connections: CONNECTIONS, sizes: SIZES },
    by_size: bySize,
    summary,
    growth: { from: Number(smallest), to: Number(largest), factor_by_case: growth },
    seconds,
  };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(root, "scripts/bench-search.ts")) {
  const figures = await benchSearch();
  console.log(JSON.stringify(figures, null, 2));
}
