/**
 * The Worker's size as it would be uploaded (wrangler deploy --dry-run, gzipped): the hardening issue's budget is
 * 150 KB. Sizes, never times.
 *
 * The budget applies to the public Worker (wrangler.toml): the code every page, search, embed and calculator loads.
 * On 2026-12-04 it was 142,691 bytes gzip, from 195,778 the day before: src/ moved to zod/mini (about 11.8 KB), the
 * OpenAPI document, the calculators' input JSON Schemas, the glossary and the scenarios became static data read
 * through ASSETS (about 14 KB, src/http/static-data.ts), and the write side moved to the write Worker
 * (wrangler.writer.toml, src/write-side.ts), taking the write path, the review queue and marked with it (the
 * submission form stays, beside its rate limit). The write Worker, reached only through the public one, was 60,685
 * bytes; it has a ceiling, not a budget of its own.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { STATIC_DATA_SOURCE_DIR } from "../../../scripts/lib/static-assets";
import {
  measureWorker,
  WORKER_GZIP_BUDGET_BYTES,
  type WorkerSize,
  WRITE_WORKER_CONFIG,
} from "../../../scripts/lib/worker-size";
import { projectRoot } from "../../../scripts/lib/wrangler-dev";

/** The write Worker today plus a little room (it is reached only through the public one and has no budget of its own). */
const WRITE_WORKER_CEILING_BYTES = 64_000;

let size: WorkerSize;
let writer: WorkerSize;

beforeAll(() => {
  size = measureWorker();
  writer = measureWorker(WRITE_WORKER_CONFIG);
}, 240_000);

describe("Worker size (wrangler deploy --dry-run, gzip)", () => {
  it("is measured from the real build", () => {
    expect(size.rawBytes).toBeGreaterThan(100_000);
    expect(size.gzipBytes).toBeLessThan(size.rawBytes);
    // The browser files are static assets, not part of the Worker.
    expect(size.code).not.toContain("roi-embed:height");
  });

  it("carries none of the build-time data it reads through ASSETS (glossary, scenarios, OpenAPI document)", () => {
    const staged = (name: string) => JSON.parse(readFileSync(join(projectRoot, STATIC_DATA_SOURCE_DIR, name), "utf8"));
    const [page] = staged("taxonomy.json") as { entries: Record<string, string> }[];
    const [scenario] = staged("scenarios.json") as { summary: string }[];
    const probes = [Object.values(page?.entries ?? {})[0], scenario?.summary].map((text) => text?.slice(0, 60) ?? "");
    for (const probe of probes) expect(probe.length).toBeGreaterThan(20);
    // The OpenAPI document's own description, written only in src/openapi/registry.ts (built at build time).
    for (const text of [...probes, "Case studies of how integrative care was financed"]) {
      expect(size.code).not.toContain(text);
    }
  });

  it(`is within the ${WORKER_GZIP_BUDGET_BYTES.toLocaleString("en")}-byte budget`, () => {
    expect(size.gzipBytes).toBeLessThanOrEqual(WORKER_GZIP_BUDGET_BYTES);
  });
});

describe("the write Worker (wrangler.writer.toml)", () => {
  it("holds the write path and the Markdown renderer, which the public Worker does not", () => {
    // Text only the write side carries: a write route's error, the review queue's, and marked's own.
    for (const marker of [
      "X-Change-Message is longer than",
      "No submission has the reference",
      "input parameter is undefined or null",
    ]) {
      expect(writer.code, marker).toContain(marker);
      expect(size.code, marker).not.toContain(marker);
    }
  });

  it(`stays under ${WRITE_WORKER_CEILING_BYTES.toLocaleString("en")} bytes gzip`, () => {
    expect(writer.gzipBytes).toBeLessThanOrEqual(WRITE_WORKER_CEILING_BYTES);
  });
});
