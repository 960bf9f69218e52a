/**
 * npm run bench -- load — sustained load on the routes readers lean on: the search API (every request sent with
 * `Cache-Control: no-cache`, so each one runs the whole search), a calculator (POST, the Program ROI default inputs)
 * and a brief page, each for 60 s at 50 concurrent connections against `wrangler dev` over the real content and 10k
 * synthetic records. Passes when no request errs, times out or answers other than 2xx; reports requests/s, p50 and
 * p99. Bounded (a fixed duration, a 10 s timeout per request) and on 127.0.0.1 only.
 *
 * Knobs: BENCH_LOAD_DURATION seconds per route (default 60), BENCH_LOAD_CONNECTIONS (50), BENCH_LOAD_RECORDS (10000).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { calculatorIds } from "../src/calculators/index";
import { loadSynthetic, prepareDatabase } from "./bench-routes";
import { autocannon } from "./lib/autocannon";
import { projectRoot, startWranglerDev } from "./lib/wrangler-dev";

const DURATION_S = Number(process.env.BENCH_LOAD_DURATION ?? 60);
const CONNECTIONS = Number(process.env.BENCH_LOAD_CONNECTIONS ?? 50);
const RECORDS = Number(process.env.BENCH_LOAD_RECORDS ?? 10_000);

interface LoadCase {
  name: string;
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface LoadFigures {
  method: string;
  path: string;
  requests: number;
  requests_per_s: number;
  p50_ms: number;
  p99_ms: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  ok: boolean;
}

function cases(briefSlug: string): LoadCase[] {
  return [
    {
      name: "search (no-cache)",
      method: "GET",
      path: "/api/v1/search?q=acupuncture%20back%20pain",
      headers: { "cache-control": "no-cache" },
    },
    {
      name: `calculator ${calculatorIds[0]} (POST)`,
      method: "POST",
      path: `/api/v1/calculators/${calculatorIds[0]}`,
      headers: { "content-type": "application/json" },
      body: "{}",
    },
    { name: "brief page", method: "GET", path: `/briefs/${briefSlug}`, headers: {} },
  ];
}

export async function benchLoad(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), "bench-load-"));
  const figures: Record<string, LoadFigures> = {};
  try {
    console.log("bench-load: migrating and seeding the real content");
    const { samples, realRecords } = prepareDatabase(dir);
    const loadSeconds = await loadSynthetic(dir, 0, RECORDS, "bench-load");
    console.log(
      `bench-load: ${RECORDS} synthetic records loaded in ${loadSeconds.toFixed(1)} s; starting wrangler dev`,
    );
    const server = await startWranglerDev(dir);
    try {
      for (const c of cases(samples.briefSlug)) {
        const url = `http://127.0.0.1:${server.port}${c.path}`;
        const probe = await fetch(url, { method: c.method, headers: c.headers, body: c.body });
        await probe.arrayBuffer();
        if (!probe.ok) throw new Error(`${c.method} ${c.path} answered ${probe.status} before the load`);
        console.log(`bench-load: ${c.name}: ${DURATION_S} s at ${CONNECTIONS} connections…`);
        const run = await autocannon({
          url,
          method: c.method,
          headers: c.headers,
          body: c.body,
          connections: CONNECTIONS,
          duration: DURATION_S,
          timeout: 10,
        });
        figures[c.name] = {
          method: c.method,
          path: c.path,
          requests: run.requests.total,
          requests_per_s: Math.round(run.requests.average),
          p50_ms: run.latency.p50,
          p99_ms: run.latency.p99,
          errors: run.errors,
          timeouts: run.timeouts,
          non2xx: run.non2xx,
          ok: run.errors === 0 && run.timeouts === 0 && run.non2xx === 0,
        };
      }
    } finally {
      await server.stop();
    }
    console.log(
      `\n### Load: ${DURATION_S} s per route at ${CONNECTIONS} connections, ${(RECORDS + realRecords).toLocaleString("en")} records\n`,
    );
    console.log("| route | requests | req/s | p50 ms | p99 ms | errors | timeouts | non-2xx | zero failures |");
    console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    for (const [name, f] of Object.entries(figures)) {
      console.log(
        `| ${name}: \`${f.method} ${f.path}\` | ${f.requests} | ${f.requests_per_s} | ${f.p50_ms} | ${f.p99_ms} | ${f.errors} | ${f.timeouts} | ${f.non2xx} | ${f.ok ? "yes" : "**no**"} |`,
      );
    }
    return {
      config: {
        duration_s: DURATION_S,
        connections: CONNECTIONS,
        synthetic_records: RECORDS,
        real_records: realRecords,
      },
      routes: figures,
      all_ok: Object.values(figures).every((f) => f.ok),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(projectRoot, "scripts/bench-load.ts")) {
  console.log(JSON.stringify(await benchLoad(), null, 2));
}
