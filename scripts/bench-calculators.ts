/**
 * npx tsx scripts/bench-calculators.ts — time per call of each calculator (parse + compute, as the API runs it)
 * and of program-roi's Monte Carlo at 10,000 and 100,000 iterations. Each figure is the median of several timed
 * batches after a warm-up, and is also given as a ratio to a baseline measured in the same run (JSON.parse of a
 * small object), because absolute times on shared machines say little while ratios travel. The contract's
 * budget: 10,000 iterations within 10 ms of CPU (the Workers free plan's limit for a whole request).
 * Also reports the minified, gzipped size of the calculators as the browser bundle would include them.
 */
import { resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { calculatorIds, runCalculator } from "../src/calculators";

const root = resolve(import.meta.dirname ?? ".", "..");

export interface Timing {
  /** Median time per call, microseconds. */
  us_per_call: number;
  /** us_per_call divided by the baseline's. */
  ratio_to_baseline: number;
}

export interface CalculatorBench {
  baseline: { what: string; us_per_call: number };
  per_calculator: Record<string, Timing>;
  program_roi_monte_carlo: Record<string, Timing & { within_10ms_budget: boolean }>;
  bundle: { raw_bytes: number; gzip_bytes: number };
}

/** Median per-call time (µs) of `fn` over `batches` batches of `calls` calls, after `warmup` calls. */
function timePerCall(fn: () => unknown, calls: number, batches = 9, warmup = Math.max(3, calls)): number {
  let sink: unknown;
  for (let i = 0; i < warmup; i++) sink = fn();
  const samples: number[] = [];
  for (let b = 0; b < batches; b++) {
    const start = performance.now();
    for (let i = 0; i < calls; i++) sink = fn();
    samples.push(((performance.now() - start) * 1000) / calls);
  }
  if (sink === Symbol.for("never")) console.log(sink); // keeps the calls from being optimised away
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

async function bundleSize(): Promise<{ raw_bytes: number; gzip_bytes: number }> {
  const result = await build({
    stdin: {
      contents: `export { calculators, runCalculator } from ${JSON.stringify(resolve(root, "src/calculators/index.ts"))};`,
      resolveDir: root,
      loader: "ts",
    },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
  });
  const bytes = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { raw_bytes: bytes.length, gzip_bytes: gzipSync(bytes).length };
}

/** Runs the calculator benchmarks, prints a table and returns the figures. */
export async function benchCalculators(): Promise<CalculatorBench> {
  const small = JSON.stringify({ id: "program-roi", participants: 1000, lines: [1, 2, 3], ok: true });
  const baselineUs = timePerCall(() => JSON.parse(small), 20_000);
  const ratio = (us: number) => us / baselineUs;

  const perCalculator: Record<string, Timing> = {};
  for (const id of calculatorIds) {
    const us = timePerCall(() => runCalculator(id, {}), 500);
    perCalculator[id] = { us_per_call: us, ratio_to_baseline: ratio(us) };
  }

  const monteCarlo: CalculatorBench["program_roi_monte_carlo"] = {};
  for (const iterations of [10_000, 100_000]) {
    const body = { uncertainty: { iterations } };
    const us = timePerCall(() => runCalculator("program-roi", body), iterations >= 100_000 ? 3 : 20, 9);
    monteCarlo[String(iterations)] = { us_per_call: us, ratio_to_baseline: ratio(us), within_10ms_budget: us < 10_000 };
  }

  const bundle = await bundleSize();
  const out: CalculatorBench = {
    baseline: { what: "JSON.parse of a 70-byte object", us_per_call: baselineUs },
    per_calculator: perCalculator,
    program_roi_monte_carlo: monteCarlo,
    bundle,
  };

  const row = (name: string, t: Timing) =>
    `${name.padEnd(38)}${t.us_per_call.toFixed(1).padStart(12)} µs${t.ratio_to_baseline.toFixed(0).padStart(10)}×`;
  console.log("\n== calculators: time per call (median of batches) and ratio to the baseline ==");
  console.log(`${"baseline: JSON.parse (small object)".padEnd(38)}${baselineUs.toFixed(3).padStart(12)} µs`);
  for (const [id, t] of Object.entries(perCalculator)) console.log(row(`${id} (defaults)`, t));
  for (const [n, t] of Object.entries(monteCarlo)) {
    const budget = t.within_10ms_budget ? "within the 10 ms budget" : "over 10 ms";
    const note = Number(n) === 10_000 ? budget : `${budget} (the contract sets the budget for 10,000)`;
    console.log(`${row(`program-roi, ${Number(n).toLocaleString("en-US")} MC iterations`, t)}  ${note}`);
  }
  console.log(
    `calculators bundle (minified): ${(bundle.raw_bytes / 1024).toFixed(1)} KiB, gzip ${(bundle.gzip_bytes / 1024).toFixed(1)} KiB`,
  );
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) await benchCalculators();
