/**
 * npx tsx scripts/bench-typeahead.ts — search as you type on /search, in Chromium, at 10k synthetic records: from the
 * last keystroke of a query typed into the search box to the results updated on screen, p50 and p95 over 50 typed
 * queries of words the corpus uses (anchor: hosted instant-search services answer in about 50 ms).
 *
 * The records are loaded as the search bench loads them (scripts/bench-search.ts) into a temporary local D1, then
 * `wrangler dev` serves it on 127.0.0.1. Inside the page a keydown listener on the box and a MutationObserver on the
 * results time each query: "updated" is when the results' DOM changed to answer the whole query, "painted" the frame
 * after it. The script also shows answers for the words typed so far while the newest is on its way; those changes
 * are not counted (the address, which the script sets with each swap, says which words the results answer). The
 * resource timing of the page's own request splits the time into the wait (one request at a time, so the last key may
 * wait for the answer to an earlier one), the request, and the swap. The machine is shared and noisy, so the baseline
 * is measured in the same page in the same run, one before each query: a fetch of GET /api/v1/health (one trivial D1
 * query), and every figure is also given as a ratio to its median. Each query is new to the Worker, so its result
 * cache does not answer it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import { assetPaths } from "../src/generated/assets";
import { finishLoad, loadRecords } from "./bench-search";
import { launchChromium } from "./lib/chromium";
import { sentencesSql } from "./lib/synthetic";
import { executeFile, migrate, startWranglerDev } from "./lib/wrangler-dev";

const root = resolve(import.meta.dirname ?? ".", "..");
const RECORDS = Number(process.env.BENCH_TYPEAHEAD_RECORDS ?? 10_000);
/** Records per SQL file loaded. */
const LOAD_CHUNK = 2_000;
/** Milliseconds between keys: a brisk typist (about 150 characters a minute would be 400 ms; most type faster). */
const KEY_DELAY_MS = 70;

/** Words and phrases people would search this corpus for (its conditions, modalities, payers, places, figures). */
export const QUERIES: readonly string[] = [
  "acupuncture",
  "back pain",
  "doula",
  "medicaid",
  "diabetes",
  "yoga",
  "chiropractic",
  "massage",
  "mindfulness",
  "opioid",
  "preterm birth",
  "caesarean",
  "hba1c",
  "blood pressure",
  "cardiac rehabilitation",
  "tai chi",
  "health coaching",
  "group visits",
  "produce prescription",
  "tailored meals",
  "nutrition",
  "physical therapy",
  "depression",
  "anxiety",
  "readmissions",
  "emergency department",
  "pharmacy costs",
  "social impact bond",
  "shared savings",
  "wellness stipend",
  "oregon",
  "minnesota",
  "texas",
  "appalachia",
  "california",
  "ohio",
  "bavaria",
  "new york",
  "return on investment",
  "per member per month",
  "accountable care",
  "health plan",
  "fee for service",
  "grant funding",
  "hypertension",
  "obesity",
  "prediabetes",
  "chronic pain",
  "sick days",
  "productivity",
];
/** Typed first and not counted: the Worker's and the browser's first requests warm their caches and JITs. */
const WARMUP: readonly string[] = ["pain", "care", "cost", "medicare", "employer"];

interface Sample {
  query: string;
  /** Last keydown → results DOM changed. */
  updated_ms: number;
  /** Last keydown → the frame after the change. */
  painted_ms: number;
  /** Last keydown → the request started (waiting for the answer in flight for the words typed before it). */
  wait_ms: number;
  /** The request, start to last byte. */
  request_ms: number;
  /** Last byte → results DOM changed (parse and swap). */
  swap_ms: number;
  /** The floor measured just before: one fetch of /api/v1/health from the page. */
  health_ms: number;
  /** Results count as the page says it ("1,234 records for …"). */
  heading: string;
}

/** What the page records (performance.now() times): keydowns, results changes with the words they answer, frames. */
interface Probe {
  keys: number[];
  updated: number[];
  /** The address's words at each change of `updated`. */
  words: string[];
  painted: number[];
}

/** Times one health fetch from inside the page. */
function healthFetch(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const started = performance.now();
    const res = await fetch("/api/v1/health", { cache: "no-store" });
    await res.text();
    return performance.now() - started;
  });
}

/** Keydown and mutation listeners, installed once per page load (an evaluation, so the site's CSP holds). */
async function instrument(page: Page): Promise<void> {
  await page.evaluate(() => {
    const probe: Probe = { keys: [], updated: [], painted: [], words: [] };
    (window as unknown as { probe: Probe }).probe = probe;
    document.getElementById("q")?.addEventListener("keydown", () => probe.keys.push(performance.now()), true);
    const results = document.getElementById("search-results");
    if (!results) throw new Error("no #search-results on the page");
    new MutationObserver(() => {
      // Observers run after the script's swap and its replaceState: the address names the words now on screen.
      const words = new URLSearchParams(location.search).get("q") ?? "";
      probe.updated.push(performance.now());
      probe.words.push(words);
      requestAnimationFrame(() => setTimeout(() => probe.painted.push(performance.now()), 0));
    }).observe(results, { childList: true, subtree: true, characterData: true });
  });
}

async function typeQuery(page: Page, query: string): Promise<Omit<Sample, "health_ms">> {
  await page.keyboard.press("ControlOrMeta+a");
  await page.evaluate(() => {
    const probe = (window as unknown as { probe: Probe }).probe;
    probe.keys.length = probe.updated.length = probe.painted.length = probe.words.length = 0;
    performance.clearResourceTimings();
  });
  await page.keyboard.type(query, { delay: KEY_DELAY_MS });
  await page.waitForFunction((q) => new URLSearchParams(location.search).get("q") === q, query, { timeout: 30_000 });
  await page.waitForFunction(() => {
    const probe = (window as unknown as { probe: Probe }).probe;
    return probe.painted.some((t) => t >= (probe.updated[probe.updated.length - 1] ?? Number.POSITIVE_INFINITY));
  });
  return page.evaluate((query) => {
    const probe = (window as unknown as { probe: Probe }).probe;
    const last = probe.keys[probe.keys.length - 1] ?? Number.NaN;
    const updated = probe.updated.find((t, i) => t > last && probe.words[i] === query) ?? Number.NaN;
    const painted = probe.painted.find((t) => t >= updated) ?? Number.NaN;
    // The request that answered: the last one for exactly this query (an earlier pause may have asked for a prefix).
    const entries = (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).filter(
      (e) => e.name.includes("fragment=results") && new URL(e.name).searchParams.get("q") === query,
    );
    const request = entries[entries.length - 1];
    return {
      query,
      updated_ms: updated - last,
      painted_ms: painted - last,
      wait_ms: request ? request.startTime - last : Number.NaN,
      request_ms: request ? request.responseEnd - request.startTime : Number.NaN,
      swap_ms: request ? updated - request.responseEnd : Number.NaN,
      heading: document.getElementById("results-heading")?.textContent ?? "",
    };
  }, query);
}

/** Nearest-rank percentile of `values` (p in 0..100). */
function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Gzip size of what the browser downloads for search as you type: its script, and the page and a fragment. */
async function weights(url: string): Promise<Record<string, number>> {
  const script = assetPaths["search.js"];
  const scriptBody = readFileSync(join(root, "build/public", script));
  const gzip = async (path: string) => gzipSync(Buffer.from(await (await fetch(`${url}${path}`)).arrayBuffer())).length;
  return {
    script_bytes: scriptBody.length,
    script_gzip_bytes: gzipSync(scriptBody).length,
    page_gzip_bytes: await gzip("/search?q=acupuncture"),
    fragment_gzip_bytes: await gzip("/search?q=acupuncture&fragment=results"),
  };
}

export async function benchTypeahead(): Promise<Record<string, unknown>> {
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), "bench-typeahead-"));
  try {
    migrate(dir);
    const sentences = join(dir, "sentences.sql");
    writeFileSync(sentences, sentencesSql());
    executeFile(dir, sentences);
    console.log(`bench-typeahead: loading ${RECORDS} synthetic records…`);
    // In small files: one wrangler command per file, each with its time limit, holds on a busy machine.
    const load = { seconds: 0, sql_bytes: 0 };
    for (let from = 0; from < RECORDS; from += LOAD_CHUNK) {
      const part = loadRecords(dir, from, Math.min(RECORDS, from + LOAD_CHUNK));
      load.seconds += part.seconds;
      load.sql_bytes += part.sql_bytes;
    }
    finishLoad(dir);
    console.log(`bench-typeahead: loaded in ${load.seconds.toFixed(1)} s; starting wrangler dev`);
    const server = await startWranglerDev(dir);
    const browser = await launchChromium({ width: 1200 });
    try {
      const page = await browser.newPage();
      const consoleErrors: string[] = [];
      page.on("console", (m) => (m.type() === "error" ? consoleErrors.push(m.text()) : undefined));
      await page.goto(`${server.url}/search`);
      await instrument(page);
      await page.locator("#q").click();
      for (const q of WARMUP) {
        await healthFetch(page);
        await typeQuery(page, q);
      }
      const samples: Sample[] = [];
      for (const q of QUERIES) {
        const health_ms = await healthFetch(page);
        const sample = { ...(await typeQuery(page, q)), health_ms };
        samples.push(sample);
        console.log(
          `  ${q.padEnd(24)} updated ${sample.updated_ms.toFixed(0).padStart(4)} ms (wait ${sample.wait_ms.toFixed(0)}, request ${sample.request_ms.toFixed(0)}, swap ${sample.swap_ms.toFixed(0)})  painted ${sample.painted_ms.toFixed(0)} ms  health ${sample.health_ms.toFixed(1)} ms  ${sample.heading}`,
        );
      }
      if (consoleErrors.length) throw new Error(`console errors on /search: ${consoleErrors.join("; ")}`);
      const stat = (key: keyof Omit<Sample, "query" | "heading">) => {
        const values = samples.map((s) => s[key]);
        if (values.some((v) => !Number.isFinite(v))) throw new Error(`a sample lacks ${key}: the probe missed it`);
        return { p50: round(percentile(values, 50)), p95: round(percentile(values, 95)) };
      };
      const figures = {
        updated: stat("updated_ms"),
        painted: stat("painted_ms"),
        wait: stat("wait_ms"),
        request: stat("request_ms"),
        swap: stat("swap_ms"),
        health_fetch: stat("health_ms"),
      };
      const health = figures.health_fetch.p50;
      const afterWait = samples.map((s) => s.updated_ms - s.wait_ms);
      const summary = {
        updated_p50_ms: figures.updated.p50,
        updated_p95_ms: figures.updated.p95,
        updated_p50_ratio_to_health: round(figures.updated.p50 / health, 2),
        updated_p95_ratio_to_health: round(figures.updated.p95 / health, 2),
        // Without the wait for an earlier answer: the request and the swap, as a page asking on every key would see.
        after_wait_p50_ms: round(percentile(afterWait, 50)),
        after_wait_p95_ms: round(percentile(afterWait, 95)),
        after_wait_p50_ratio_to_health: round(percentile(afterWait, 50) / health, 2),
        after_wait_p95_ratio_to_health: round(percentile(afterWait, 95) / health, 2),
        health_fetch_p50_ms: health,
      };
      const weight = await weights(server.url);
      console.log(`\n== Search as you type (Chromium, wrangler dev, ${RECORDS} records, ${samples.length} queries) ==`);
      for (const [name, f] of Object.entries(figures)) {
        console.log(
          `${name.padEnd(14)} p50 ${String(f.p50).padStart(6)} ms  p95 ${String(f.p95).padStart(6)} ms   ×health ${(f.p50 / health).toFixed(2)} / ${(f.p95 / health).toFixed(2)}`,
        );
      }
      console.log(
        `keystroke → results on screen: p50 ${summary.updated_p50_ms} ms, p95 ${summary.updated_p95_ms} ms (${summary.updated_p50_ratio_to_health}× / ${summary.updated_p95_ratio_to_health}× a health fetch); after the wait for an earlier answer p50 ${summary.after_wait_p50_ms} ms, p95 ${summary.after_wait_p95_ms} ms (anchor: hosted instant search ~50 ms)`,
      );
      console.log(
        `weight: search.js ${weight.script_gzip_bytes} B gzip (${weight.script_bytes} B); /search ${weight.page_gzip_bytes} B gzip, its fragment ${weight.fragment_gzip_bytes} B gzip`,
      );
      const seconds = (performance.now() - started) / 1000;
      console.log(`bench-typeahead: done in ${seconds.toFixed(0)} s`);
      return {
        config: { records: RECORDS, queries: samples.length, key_delay_ms: KEY_DELAY_MS, load_seconds: load.seconds },
        summary,
        figures,
        weight,
        samples,
        seconds,
      };
    } finally {
      await browser.close();
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(root, "scripts/bench-typeahead.ts")) {
  const figures = await benchTypeahead();
  console.log(JSON.stringify(figures.summary, null, 2));
}
