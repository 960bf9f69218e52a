/**
 * Throughput of the calculator API under load, as a ratio to a trivial route measured in the same run (shared,
 * noisy machines make absolute figures meaningless; ratios travel). Starts `wrangler dev` on a free port of
 * 127.0.0.1 with its own temporary local state, runs autocannon for a few seconds against:
 *   - GET /favicon.svg (a constant: the floor of routing, middleware and workerd's HTTP path), before and after;
 *   - POST /api/v1/calculators/program-roi with {} (parse + compute + JSON);
 *   - the same with {"uncertainty":{"iterations":10000}} (the Monte Carlo at the contract's default size);
 * prints requests/s, p50 and p99 latency and the ratios, and stops wrangler.
 *
 * Called by scripts/bench.ts (`benchCalculatorApi()`); also runs alone: `npx tsx scripts/bench-calculator-api.ts`.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type AutocannonResult, autocannon } from "./lib/autocannon";
import { startWranglerDev } from "./lib/wrangler-dev";

const DURATION_S = 5;
const CONNECTIONS = 8;

export interface LoadFigure {
  requests_per_s: number;
  p50_ms: number;
  p99_ms: number;
  /** requests_per_s divided by the trivial route's. */
  ratio_to_trivial: number;
  non_2xx: number;
  errors: number;
}

export interface CalculatorApiBench {
  duration_s: number;
  connections: number;
  trivial: { what: string; requests_per_s: number; p50_ms: number; p99_ms: number; runs: number[] };
  post_defaults: LoadFigure;
  post_monte_carlo_10000: LoadFigure;
}

async function load(url: string, request: { method?: string; body?: string }): Promise<AutocannonResult> {
  const options = {
    url,
    connections: CONNECTIONS,
    ...(request.method ? { method: request.method } : {}),
    ...(request.body !== undefined ? { body: request.body, headers: { "content-type": "application/json" } } : {}),
  };
  await autocannon({ ...options, duration: 1 }); // warm-up, discarded
  return autocannon({ ...options, duration: DURATION_S });
}

function figure(run: AutocannonResult, trivialRps: number): LoadFigure {
  return {
    requests_per_s: Math.round(run.requests.average),
    p50_ms: run.latency.p50,
    p99_ms: run.latency.p99,
    ratio_to_trivial: Number((run.requests.average / trivialRps).toFixed(3)),
    non_2xx: run.non2xx,
    errors: run.errors + run.timeouts,
  };
}

export async function benchCalculatorApi(): Promise<CalculatorApiBench> {
  const stateDir = mkdtempSync(join(tmpdir(), "bench-calculator-api-"));
  const server = await startWranglerDev(stateDir, "/favicon.svg");
  const { url } = server;
  try {
    const api = `${url}/api/v1/calculators/program-roi`;
    // Each request must be a real 200 before its throughput means anything.
    for (const body of ["{}", '{"uncertainty":{"iterations":10000}}']) {
      const res = await fetch(api, { method: "POST", body, headers: { "content-type": "application/json" } });
      if (res.status !== 200) throw new Error(`POST ${body} answered ${res.status}: ${await res.text()}`);
    }
    const trivialBefore = await load(`${url}/favicon.svg`, {});
    const defaults = await load(api, { method: "POST", body: "{}" });
    const monteCarlo = await load(api, { method: "POST", body: '{"uncertainty":{"iterations":10000}}' });
    const trivialAfter = await load(`${url}/favicon.svg`, {});
    const trivialRps = (trivialBefore.requests.average + trivialAfter.requests.average) / 2;
    const result: CalculatorApiBench = {
      duration_s: DURATION_S,
      connections: CONNECTIONS,
      trivial: {
        what: "GET /favicon.svg (constant), mean of a run before and after",
        requests_per_s: Math.round(trivialRps),
        p50_ms: (trivialBefore.latency.p50 + trivialAfter.latency.p50) / 2,
        p99_ms: (trivialBefore.latency.p99 + trivialAfter.latency.p99) / 2,
        runs: [Math.round(trivialBefore.requests.average), Math.round(trivialAfter.requests.average)],
      },
      post_defaults: figure(defaults, trivialRps),
      post_monte_carlo_10000: figure(monteCarlo, trivialRps),
    };
    console.log(
      `\n== Calculator API under load (autocannon, ${CONNECTIONS} connections, ${DURATION_S} s each, wrangler dev) ==`,
    );
    const row = (name: string, rps: number, p50: number, p99: number, ratio: string) =>
      console.log(
        `${name.padEnd(48)} ${String(rps).padStart(7)} req/s   p50 ${String(p50).padStart(4)} ms   p99 ${String(p99).padStart(4)} ms   ${ratio}`,
      );
    row(
      "GET /favicon.svg (trivial)",
      result.trivial.requests_per_s,
      result.trivial.p50_ms,
      result.trivial.p99_ms,
      "1.000",
    );
    for (const [name, f] of [
      ["POST program-roi {}", result.post_defaults],
      ["POST program-roi uncertainty 10,000 iterations", result.post_monte_carlo_10000],
    ] as const) {
      row(
        name,
        f.requests_per_s,
        f.p50_ms,
        f.p99_ms,
        `${f.ratio_to_trivial.toFixed(3)} of trivial${f.non_2xx ? `, ${f.non_2xx} non-2xx` : ""}`,
      );
    }
    return result;
  } finally {
    await server.stop();
    await new Promise((r) => setTimeout(r, 500));
    rmSync(stateDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchCalculatorApi(), null, 2));
}
