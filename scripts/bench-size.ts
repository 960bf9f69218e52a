/**
 * Bundle size of the Worker (what `wrangler deploy --dry-run` uploads, gzipped) and of the calculator pages' browser
 * bundle, and what individual choices cost:
 * the OpenAPI generator (z.toJSONSchema) and `import { z } from "zod"` versus `import * as z`. Ratios are against
 * the full Worker measured in the same run.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const root = resolve(import.meta.dirname ?? ".", "..");

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

async function bundleBytes(source: string): Promise<{ raw: number; gzip: number }> {
  const dir = mkdtempSync(join(tmpdir(), "size-"));
  const entry = join(dir, "entry.ts");
  writeFileSync(entry, source);
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    write: false,
    nodePaths: [join(root, "node_modules")],
    absWorkingDir: root,
    mainFields: ["module", "main"],
    conditions: ["workerd", "worker", "browser", "import"],
  });
  const text = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { raw: text.length, gzip: gzipSync(text).length };
}

export async function benchSize(): Promise<Record<string, unknown>> {
  const outdir = mkdtempSync(join(tmpdir(), "dry-run-"));
  execFileSync("npx", ["wrangler", "deploy", "--dry-run", "--outdir", outdir], {
    cwd: root,
    stdio: "pipe",
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" },
  });
  const files = readdirSync(outdir).filter((f) => f.endsWith(".js"));
  const raw = files.reduce((n, f) => n + statSync(join(outdir, f)).size, 0);
  const gzip = files.reduce((n, f) => n + gzipSync(readFileSync(join(outdir, f))).length, 0);

  const src = (p: string) => JSON.stringify(join(root, p));
  const schemasOnly = await bundleBytes(
    `import { caseStudySchema } from ${src("src/domain/case-study.ts")};\nconsole.log(caseStudySchema.safeParse({}).success);`,
  );
  const withGenerator = await bundleBytes(
    `import * as z from "zod";\nimport { caseStudySchema } from ${src("src/domain/case-study.ts")};\nconsole.log(caseStudySchema.safeParse({}).success, z.toJSONSchema(caseStudySchema));`,
  );
  const namedZ = await bundleBytes(
    `import { z } from "zod";\nconsole.log(z.object({ a: z.string() }).parse({ a: "x" }));`,
  );
  const namespaceZ = await bundleBytes(
    `import * as z from "zod";\nconsole.log(z.object({ a: z.string() }).parse({ a: "x" }));`,
  );

  // The calculator pages' browser bundle, built as client:build builds it (the engine with zod/mini, no JSON Schema).
  const browser = await build({
    entryPoints: [join(root, "src/client/calculator.ts")],
    bundle: true,
    minify: true,
    format: "esm",
    target: "es2022",
    write: false,
    legalComments: "none",
  });
  const browserText = browser.outputFiles[0]?.contents ?? new Uint8Array();

  const figures = {
    worker_raw_bytes: raw,
    worker_gzip_bytes: gzip,
    browser_calculator_raw_bytes: browserText.length,
    browser_calculator_gzip_bytes: gzipSync(browserText).length,
    openapi_generator_gzip_bytes: withGenerator.gzip - schemasOnly.gzip,
    openapi_generator_share_of_worker: (withGenerator.gzip - schemasOnly.gzip) / gzip,
    zod_named_import_gzip_bytes: namedZ.gzip,
    zod_namespace_import_gzip_bytes: namespaceZ.gzip,
    zod_named_vs_namespace_ratio: namedZ.gzip / namespaceZ.gzip,
  };
  console.log("\n== Worker size (wrangler deploy --dry-run) ==");
  console.log(`Worker bundle: ${kib(raw)} raw, ${kib(gzip)} gzip (free plan limit 3 MiB gzip)`);
  console.log(
    `Browser calculator bundle: ${kib(figures.browser_calculator_raw_bytes)} raw, ${kib(figures.browser_calculator_gzip_bytes)} gzip`,
  );
  console.log(
    `OpenAPI generator (z.toJSONSchema): +${kib(figures.openapi_generator_gzip_bytes)} gzip = ${(figures.openapi_generator_share_of_worker * 100).toFixed(1)}% of the Worker`,
  );
  console.log(
    `zod: import { z } ${kib(namedZ.gzip)} vs import * as z ${kib(namespaceZ.gzip)} gzip (ratio ${figures.zod_named_vs_namespace_ratio.toFixed(2)})`,
  );
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) await benchSize();
