/**
 * npm run bench -- routes — every public route under autocannon against `wrangler dev`, at 1k, 10k and 100k
 * synthetic records beside the real content, each as a ratio to GET /api/v1/health (one `SELECT 1`) measured in the
 * same moments, with what each request costs in D1 (the x-d1-* headers every response carries, src/http/d1-cost.ts).
 *
 * Interleaved: a route's time is split into rounds (BENCH_ROUTES_ROUNDS, default 3), each a slice of health, then
 * cold, then warm, and a ratio is the route's requests over health's, summed over the rounds. The machine is shared
 * and its load drifts within seconds, so a floor measured once before a route (as this bench did first) moved the
 * ratio by more than the route's own cost did; slices side by side see the same drift.
 *
 * The routes come from the app's own route table (scripts/lib/route-list.ts), so a new route is measured without
 * being listed. Each is measured cold (every request sends `Cache-Control: no-cache`, so nothing cached answers it)
 * and warm (the same request repeated after one that primes whatever caches exist), so the figures follow whatever
 * caching the app has. Routes that read rows in proportion to the corpus are flagged (exports may).
 *
 * Knobs: BENCH_ROUTES_SIZES=1000,10000 (record counts), BENCH_ROUTES_DURATION seconds per case, health's included
 * (default 3, spread over the rounds), BENCH_ROUTES_CONNECTIONS (default 4), BENCH_ROUTES_ONLY=<regex> (routes
 * whose pattern matches), BENCH_ROUTES_TIMEOUT seconds one route may take, its single request and its load together
 * (default 60; a route past it is reported as timed out and the run goes on), BENCH_ROUTES_ROWS_ONLY=1 (one cold
 * request per route for its D1 figures, no load and no health floor: what rows each route reads, in minutes).
 * Only 127.0.0.1 is contacted; the database is a temporary folder, removed at the end.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { autocannon } from "./lib/autocannon";
import { type BenchRoute, benchRoutes, isExport, ORIGIN, type SampleValues } from "./lib/route-list";
import { sentencesSql } from "./lib/synthetic";
import { loadSyntheticRecords } from "./lib/synthetic-load";
import { executeFile, migrate, projectRoot, queryRows, startWranglerDev } from "./lib/wrangler-dev";

const env = process.env;
const SIZES = (env.BENCH_ROUTES_SIZES ?? "1000,10000,100000")
  .split(",")
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0)
  .sort((a, b) => a - b);
const DURATION_S = Number(env.BENCH_ROUTES_DURATION ?? 3);
const ROUNDS = Math.max(1, Math.round(Number(env.BENCH_ROUTES_ROUNDS ?? 3)));
const CONNECTIONS = Number(env.BENCH_ROUTES_CONNECTIONS ?? 4);
const ONLY = env.BENCH_ROUTES_ONLY ? new RegExp(env.BENCH_ROUTES_ONLY) : null;
const ROUTE_TIMEOUT_MS = Number(env.BENCH_ROUTES_TIMEOUT ?? 60) * 1000;
const ROWS_ONLY = env.BENCH_ROUTES_ROWS_ONLY === "1";
/** A route whose single request takes longer than this is timed once, not put under load (a whole-corpus export). */
const SLOW_MS = 2000;
/** Synthetic records take ids and slugs (syn-1001…) above every real record's. */
const SYNTHETIC_BASE = 1000;
/** The synthetic corpus's seed (the search benchmark's: the same records). */
const SEED = 20260426;
const FLOOR_PATH = "/api/v1/health";

export type Mode = "cold" | "warm";

export interface CaseFigures {
  status: number;
  requests_per_s: number | null;
  ratio_to_health: number | null;
  p50_ms: number | null;
  p99_ms: number | null;
  /** One request's time, measured before the load. */
  single_ms: number;
  d1_statements: number;
  d1_round_trips: number;
  rows_read: number;
  bytes: number;
  non2xx: number;
  errors: number;
  note?: string;
}

export interface RouteFigures {
  method: string;
  pattern: string;
  path: string;
  health_requests_per_s: number | null;
  cold: CaseFigures | null;
  warm: CaseFigures | null;
  skipped?: string;
}

interface SizeFigures {
  synthetic_records: number;
  records: number;
  load_seconds: number;
  routes: Record<string, RouteFigures>;
}

function run(route: BenchRoute, port: number, mode: Mode) {
  const headers: Record<string, string> = mode === "cold" ? { "cache-control": "no-cache" } : {};
  if (route.body !== undefined) headers["content-type"] = "application/json";
  return {
    url: `http://127.0.0.1:${port}${route.path.replace(ORIGIN, encodeURIComponent(`http://127.0.0.1:${port}`))}`,
    init: { method: route.method, headers, ...(route.body !== undefined ? { body: route.body } : {}) },
  };
}

/** What a case that failed says: the route timed out (or the request failed), and no figures. */
function failedCase(note: string): CaseFigures {
  return {
    status: 0,
    requests_per_s: null,
    ratio_to_health: null,
    p50_ms: null,
    p99_ms: null,
    single_ms: 0,
    d1_statements: 0,
    d1_round_trips: 0,
    rows_read: 0,
    bytes: 0,
    non2xx: 0,
    errors: 1,
    note,
  };
}

/** A route's figures: health's rate in the same rounds, and each case's. */
interface Measured {
  health: number | null;
  cold: CaseFigures;
  warm: CaseFigures | null;
}

/** Whether the server still answers its health route within 5 s. */
async function answersHealth(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/api/v1/health`, { signal: AbortSignal.timeout(5000) })).ok;
  } catch {
    return false;
  }
}

/**
 * One route within ROUTE_TIMEOUT_MS: its requests are aborted at the deadline, and a route that times out or fails
 * is reported as such, so one slow route (a whole-corpus read at 100k records) cannot hang the run.
 */
async function measure(route: BenchRoute, port: number): Promise<Measured> {
  const deadline = AbortSignal.timeout(ROUTE_TIMEOUT_MS);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const failed = (note: string): Measured => ({ health: null, cold: failedCase(note), warm: null });
  const timedOut = new Promise<Measured>((done) => {
    timer = setTimeout(() => done(failed(`timed out after ${ROUTE_TIMEOUT_MS / 1000} s`)), ROUTE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([measureRoute(route, port, deadline), timedOut]);
  } catch (error) {
    return failed(deadline.aborted ? `timed out after ${ROUTE_TIMEOUT_MS / 1000} s` : `failed: ${String(error)}`);
  } finally {
    clearTimeout(timer);
  }
}

/** One request of a case, timed, with its status and its D1 figures; whether it can be put under load. */
async function probe(route: BenchRoute, port: number, mode: Mode, signal: AbortSignal) {
  const { url, init } = run(route, port, mode);
  if (mode === "warm") await (await fetch(url, { ...init, signal })).arrayBuffer();
  const started = performance.now();
  const res = await fetch(url, { ...init, signal });
  const bytes = (await res.arrayBuffer()).byteLength;
  const single = performance.now() - started;
  const figures: CaseFigures = {
    status: res.status,
    requests_per_s: null,
    ratio_to_health: null,
    p50_ms: null,
    p99_ms: null,
    single_ms: Math.round(single),
    d1_statements: Number(res.headers.get("x-d1-queries") ?? 0),
    d1_round_trips: Number(res.headers.get("x-d1-round-trips") ?? 0),
    rows_read: Number(res.headers.get("x-d1-rows-read") ?? 0),
    bytes,
    non2xx: 0,
    errors: 0,
  };
  let load = true;
  if (!res.ok) {
    const why = [401, 403, 503].includes(res.status) ? " (needs a token)" : "";
    figures.note = `answered ${res.status}${why}; not put under load`;
    load = false;
  } else if (single > SLOW_MS) {
    figures.note = `one request took ${Math.round(single)} ms; not put under load`;
    load = false;
  } else if (ROWS_ONLY) {
    load = false;
  }
  if (res.headers.get("content-type")?.includes("ndjson")) {
    figures.note = `streamed: D1 figures count only what ran before the first byte${figures.note ? `; ${figures.note}` : ""}`;
  }
  if (ROWS_ONLY) figures.note = figures.note ?? "rows only: not put under load";
  return { figures, load, url, init };
}

/** What the rounds add up to for one kind of request. */
interface Tally {
  total: number;
  p50s: number[];
  p99: number;
  non2xx: number;
  errors: number;
}

async function measureRoute(route: BenchRoute, port: number, signal: AbortSignal): Promise<Measured> {
  const cold = await probe(route, port, "cold", signal);
  const warm = ROWS_ONLY ? null : await probe(route, port, "warm", signal);
  if (ROWS_ONLY) return { health: null, cold: cold.figures, warm: null };
  const loads = [cold, warm].filter((c): c is NonNullable<typeof c> => c?.load === true);
  if (loads.length === 0) return { health: null, cold: cold.figures, warm: warm?.figures ?? null };

  const health = { url: `http://127.0.0.1:${port}${FLOOR_PATH}`, init: { method: "GET", headers: {} } };
  const kinds = [health, ...loads];
  const slice = DURATION_S / ROUNDS;
  const options = (k: (typeof kinds)[number]) => ({
    url: k.url,
    method: k.init.method,
    headers: k.init.headers as Record<string, string>,
    body: (k.init as { body?: string }).body,
    connections: CONNECTIONS,
  });
  for (const k of kinds) await autocannon({ ...options(k), duration: 0.3 }); // warm-up, discarded
  const tallies = kinds.map((): Tally => ({ total: 0, p50s: [], p99: 0, non2xx: 0, errors: 0 }));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, k] of kinds.entries()) {
      const load = await autocannon({ ...options(k), duration: slice, timeout: 20 });
      const t = tallies[i] as Tally;
      t.total += load.requests.total;
      t.p50s.push(load.latency.p50);
      t.p99 = Math.max(t.p99, load.latency.p99);
      t.non2xx += load.non2xx;
      t.errors += load.errors + load.timeouts;
    }
  }
  const healthTally = tallies[0] as Tally;
  const healthRps = healthTally.total / DURATION_S;
  const withLoad = (figures: CaseFigures, t: Tally): CaseFigures => ({
    ...figures,
    // From the totals, not autocannon's per-second average, which rounds a slow route's 0.7/s to 0 or 1.
    requests_per_s: t.total / DURATION_S,
    ratio_to_health: healthTally.total ? t.total / healthTally.total : null,
    p50_ms: median(t.p50s),
    p99_ms: t.p99,
    non2xx: t.non2xx,
    errors: t.errors,
  });
  const tallyOf = (c: typeof cold | null) => (c ? tallies[kinds.indexOf(c)] : undefined);
  const coldTally = tallyOf(cold);
  const warmTally = tallyOf(warm);
  return {
    health: healthRps,
    cold: coldTally ? withLoad(cold.figures, coldTally) : cold.figures,
    warm: warm ? (warmTally ? withLoad(warm.figures, warmTally) : warm.figures) : null,
  };
}

/** The median of the rounds' p50s: what a typical slice saw. */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Migrations, the stock sentences the synthetic loader reads, and the real content (its seed). */
export function prepareDatabase(dir: string): { samples: SampleValues; realRecords: number } {
  migrate(dir);
  const sentences = join(dir, "sentences.sql");
  writeFileSync(sentences, sentencesSql());
  executeFile(dir, sentences);
  executeFile(dir, resolve(projectRoot, "build/seed.sql"), 300);
  const [ids] = queryRows<{ max_id: number; n: number }>(
    dir,
    "SELECT max(id) AS max_id, count(*) AS n FROM case_studies",
  );
  if ((ids?.max_id ?? 0) >= SYNTHETIC_BASE)
    throw new Error(`real records reach id ${ids?.max_id}: raise SYNTHETIC_BASE`);
  const slugs = queryRows<{ slug: string }>(
    dir,
    "SELECT slug FROM case_studies WHERE status = 'published' AND provenance = 'verified' ORDER BY id LIMIT 3",
  ).map((r) => r.slug);
  const [brief] = queryRows<{ slug: string }>(dir, "SELECT slug FROM briefs ORDER BY slug LIMIT 1");
  const [figure] = queryRows<{ slug: string }>(dir, "SELECT slug FROM reference_figures ORDER BY slug LIMIT 1");
  return {
    samples: { caseStudySlugs: slugs, briefSlug: brief?.slug ?? "", referenceFigureSlug: figure?.slug ?? "" },
    realRecords: ids?.n ?? 0,
  };
}

/** Loads synthetic records `from`+1..`to` (numbered above the real ones), printing progress; returns seconds. */
export function loadSynthetic(dir: string, from: number, to: number, label = "bench-routes"): Promise<number> {
  return loadSyntheticRecords(dir, SEED, SYNTHETIC_BASE + from, SYNTHETIC_BASE + to, label);
}

/** Requests per second: a decimal below 10, where a slow route's figures live. */
function rate(x: number | null | undefined): string {
  return x === null || x === undefined ? "–" : x.toFixed(x < 10 ? 1 : 0);
}

function fmt(x: number | null | undefined, digits = 0): string {
  return x === null || x === undefined ? "–" : x.toFixed(digits);
}

function caseCells(f: CaseFigures | null): string[] {
  if (!f) return ["–", "–", "–", "–", "–"];
  const latency = f.p50_ms === null ? `(${f.single_ms} once)` : `${f.p50_ms}/${f.p99_ms}`;
  return [rate(f.requests_per_s), fmt(f.ratio_to_health, 2), latency, `${f.d1_statements}`, `${f.rows_read}`];
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

export async function benchRouteTable(): Promise<Record<string, unknown>> {
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), "bench-routes-"));
  const bySize: Record<number, SizeFigures> = {};
  let loadTotal = 0;
  try {
    console.log("bench-routes: migrating and seeding the real content");
    const { samples, realRecords } = prepareDatabase(dir);
    const routes = benchRoutes(samples).filter((r) => !ONLY || ONLY.test(r.pattern));
    console.log(`bench-routes: ${routes.length} routes from the app's route table`);
    let loaded = 0;
    for (const size of SIZES) {
      const seconds = await loadSynthetic(dir, loaded, size);
      loadTotal += seconds;
      loaded = size;
      console.log(
        `bench-routes: ${size} synthetic records ready (this step ${seconds.toFixed(1)} s, ${loadTotal.toFixed(1)} s in all)`,
      );
      let server = await startWranglerDev(dir);
      const figures: Record<string, RouteFigures> = {};
      try {
        for (const route of routes) {
          const key = `${route.method} ${route.pattern}`;
          if (route.skipped) {
            figures[key] = { ...route, health_requests_per_s: null, cold: null, warm: null, skipped: route.skipped };
            continue;
          }
          const { health, cold, warm } = await measure(route, server.port);
          figures[key] = {
            method: route.method,
            pattern: route.pattern,
            path: route.path,
            health_requests_per_s: health,
            cold,
            warm,
          };
          console.log(
            `  ${size} ${key.padEnd(48)} health ${rate(health)}/s  cold ${rate(cold.requests_per_s)}/s ×${fmt(cold.ratio_to_health, 2)} rows ${cold.rows_read}  warm ${rate(warm?.requests_per_s)}/s ×${fmt(warm?.ratio_to_health, 2)} rows ${warm?.rows_read ?? "–"}${cold.note ? `  (${cold.note})` : ""}`,
          );
          // One crash of the server must not void every route after it: when it no longer answers (wrangler may stay up
          // while its workerd is gone), say what it printed last and start it again.
          if (cold.note && !(await answersHealth(server.url))) {
            console.log(
              `bench-routes: wrangler dev stopped answering at ${key}; what it printed last:\n${server.output()}`,
            );
            await server.stop();
            server = await startWranglerDev(dir);
          }
        }
      } finally {
        await server.stop();
      }
      bySize[size] = { synthetic_records: size, records: size + realRecords, load_seconds: seconds, routes: figures };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return report(bySize, loadTotal, (performance.now() - started) / 1000);
}

/** The Markdown tables, the growth from the smallest size to the largest, and the targets. */
function report(bySize: Record<number, SizeFigures>, loadTotal: number, seconds: number): Record<string, unknown> {
  const sizes = SIZES.filter((s) => bySize[s]);
  const header = [
    "route",
    "status",
    "cold req/s",
    "cold ×health",
    "cold p50/p99 ms",
    "cold D1 stmts",
    "cold rows read",
  ];
  const warmHeader = ["warm req/s", "warm ×health", "warm p50/p99 ms", "warm D1 stmts", "warm rows read"];
  for (const size of sizes) {
    const s = bySize[size] as SizeFigures;
    console.log(`\n### Routes at ${s.records.toLocaleString("en")} records (${size.toLocaleString("en")} synthetic)\n`);
    const rows = Object.entries(s.routes).map(([key, f]) => [
      `\`${key}\``,
      f.skipped ? `skipped: ${f.skipped}` : `${f.cold?.status ?? "–"}${f.cold?.note ? ` (${f.cold.note})` : ""}`,
      ...caseCells(f.cold),
      ...caseCells(f.warm),
    ]);
    console.log(table([...header, ...warmHeader], rows));
  }
  const smallest = sizes[0] as number;
  const largest = sizes[sizes.length - 1] as number;
  const corpusGrowth = (bySize[largest]?.records ?? 1) / (bySize[smallest]?.records ?? 1);
  const growth: Record<string, Record<string, number | boolean | null>> = {};
  const growthRows: string[][] = [];
  for (const [key, small] of Object.entries(bySize[smallest]?.routes ?? {})) {
    const large = bySize[largest]?.routes[key];
    if (!small.cold || !large?.cold) continue;
    const rows = large.cold.rows_read / Math.max(small.cold.rows_read, 1);
    // Linear in the corpus would be corpusGrowth; a third of it at the largest size is no index doing the work.
    const oCorpus = sizes.length > 1 && rows > corpusGrowth / 3 && large.cold.rows_read > 1000;
    const ratio = (f: RouteFigures | undefined) => f?.cold?.ratio_to_health ?? null;
    growth[key] = {
      rows_read_growth: rows,
      cold_ratio_growth:
        ratio(large) !== null && ratio(small) ? (ratio(large) as number) / (ratio(small) as number) : null,
      o_corpus: oCorpus,
      export: isExport(small.pattern),
    };
    growthRows.push([
      `\`${key}\``,
      ...sizes.map((size) => `${bySize[size]?.routes[key]?.cold?.rows_read ?? "–"}`),
      `${rows.toFixed(1)}×`,
      ...sizes.map((size) => fmt(bySize[size]?.routes[key]?.cold?.ratio_to_health, 2)),
      oCorpus ? (isExport(small.pattern) ? "O(corpus), an export" : "**O(corpus)**") : "",
    ]);
  }
  if (sizes.length > 1) {
    console.log(
      `\n### How each route grows, ${smallest.toLocaleString("en")} → ${largest.toLocaleString("en")} synthetic records (corpus ×${corpusGrowth.toFixed(1)})\n`,
    );
    console.log(
      table(
        [
          "route",
          ...sizes.map((s) => `rows read @${s}`),
          "rows growth",
          ...sizes.map((s) => `cold ×health @${s}`),
          "flag",
        ],
        growthRows,
      ),
    );
  }
  // Targets at 10k synthetic records (or the size nearest it).
  const target = sizes.reduce((a, b) => (Math.abs(b - 10_000) < Math.abs(a - 10_000) ? b : a), smallest);
  const measured = Object.entries(bySize[target]?.routes ?? {}).filter(
    ([, f]) => f.method === "GET" && f.cold?.ratio_to_health,
  );
  const coldMisses = measured
    .filter(([, f]) => (f.cold?.ratio_to_health ?? 0) < 0.5)
    .map(([k, f]) => `${k} ×${fmt(f.cold?.ratio_to_health, 2)}`);
  const warmMisses = measured
    .filter(([, f]) => (f.warm?.ratio_to_health ?? 0) < 0.9)
    .map(([k, f]) => `${k} ×${fmt(f.warm?.ratio_to_health, 2)}`);
  const unmeasured = Object.entries(bySize[target]?.routes ?? {})
    .filter(([, f]) => !f.cold?.ratio_to_health)
    .map(([k, f]) => `${k} (${f.skipped ?? f.cold?.note ?? "no figures"})`);
  const oCorpus = Object.entries(growth)
    .filter(([, g]) => g.o_corpus && !g.export)
    .map(([k]) => k);
  const summary = {
    target_size: target,
    read_routes_measured: measured.length,
    cold_at_least_half_of_health: measured.length - coldMisses.length,
    cold_misses: coldMisses,
    warm_at_least_0_9_of_health: measured.length - warmMisses.length,
    warm_misses: warmMisses,
    not_under_load: unmeasured,
    o_corpus_routes_other_than_exports: oCorpus,
    synthetic_load_seconds_total: loadTotal,
    synthetic_load_under_2_minutes: loadTotal < 120,
  };
  console.log(`\n### Targets at ${target.toLocaleString("en")} synthetic records\n`);
  console.log(
    `- cold ≥ 0.5× health: ${summary.cold_at_least_half_of_health} of ${measured.length} read routes; misses: ${coldMisses.join(", ") || "none"}`,
  );
  console.log(
    `- warm ≥ 0.9× health: ${summary.warm_at_least_0_9_of_health} of ${measured.length}; misses: ${warmMisses.join(", ") || "none"}`,
  );
  console.log(`- not under load: ${unmeasured.join(", ") || "none"}`);
  console.log(`- reading O(corpus) rows (not exports): ${oCorpus.join(", ") || "none"}`);
  console.log(
    `- ${largest.toLocaleString("en")} synthetic records loaded in ${loadTotal.toFixed(1)} s in all (target < 120 s)`,
  );
  console.log(
    `bench-routes: done in ${seconds.toFixed(0)} s (${DURATION_S} s per case and for health, in ${ROUNDS} interleaved rounds, ${CONNECTIONS} connections)`,
  );
  return {
    config: { sizes, duration_s: DURATION_S, rounds: ROUNDS, connections: CONNECTIONS },
    by_size: bySize,
    growth: { from: smallest, to: largest, corpus_growth: corpusGrowth, by_route: growth },
    summary,
    seconds,
  };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(projectRoot, "scripts/bench-routes.ts")) {
  console.log(JSON.stringify(await benchRouteTable(), null, 2));
}
