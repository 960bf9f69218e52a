/**
 * The Worker as it would be uploaded: `wrangler deploy --dry-run --outdir` (same bundler, same minify, no network),
 * and its size raw and gzipped. Shared by the size benchmark and the size-budget test.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { projectRoot, WRANGLER_ENV } from "./wrangler-dev";

/**
 * The public Worker's budget: 150 KB gzipped (issue 15). It is the code every page, embed and search loads; the write
 * Worker (wrangler.writer.toml), reached only through it, is measured beside it. Browser files are static assets and
 * do not count.
 */
export const WORKER_GZIP_BUDGET_BYTES = 150_000;

export interface WorkerSize {
  rawBytes: number;
  gzipBytes: number;
  /** The bundled JavaScript, for checks on what is (not) inside. */
  code: string;
}

/** The public Worker's config and the write Worker's. */
export const PUBLIC_WORKER_CONFIG = "wrangler.toml";
export const WRITE_WORKER_CONFIG = "wrangler.writer.toml";

/** Builds a Worker with wrangler's dry run and measures its JavaScript (the static assets are uploaded apart). */
export function measureWorker(config: string = PUBLIC_WORKER_CONFIG): WorkerSize {
  const outdir = mkdtempSync(join(tmpdir(), "dry-run-"));
  try {
    execFileSync("npx", ["wrangler", "deploy", "-c", config, "--dry-run", "--outdir", outdir], {
      cwd: projectRoot,
      stdio: "pipe",
      env: WRANGLER_ENV,
      timeout: 120_000,
    });
    const files = readdirSync(outdir).filter((f) => f.endsWith(".js"));
    if (files.length === 0) throw new Error(`wrangler deploy --dry-run wrote no JavaScript to ${outdir}`);
    const contents = files.map((f) => readFileSync(join(outdir, f)));
    return {
      rawBytes: contents.reduce((n, c) => n + c.length, 0),
      gzipBytes: contents.reduce((n, c) => n + gzipSync(c).length, 0),
      code: contents.map((c) => c.toString("utf8")).join("\n"),
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
