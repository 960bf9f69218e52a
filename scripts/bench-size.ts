/**
 * Bundle size of the Worker (what `wrangler deploy --dry-run` uploads, gzipped), the static files served beside it
 * (build/public, from `npm run build`), and what individual choices cost: the OpenAPI generator (z.toJSONSchema) and
 * `import { z } from "zod"` versus `import * as z`. Ratios are against the full Worker measured in the same run.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { embedWeights } from "./lib/embed-pages";
import { EMBED_GZIP_BUDGET_BYTES } from "./lib/embed-weight";
import { ASSETS_DIR, ASSETS_URL_PREFIX } from "./lib/static-assets";
import { measureWorker, WORKER_GZIP_BUDGET_BYTES, WRITE_WORKER_CONFIG } from "./lib/worker-size";

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
  const { rawBytes: raw, gzipBytes: gzip } = measureWorker();
  const writer = measureWorker(WRITE_WORKER_CONFIG);
  const assetsDir = join(root, ASSETS_DIR, ASSETS_URL_PREFIX);
  const assets = Object.fromEntries(
    readdirSync(assetsDir).map((file) => {
      const bytes = readFileSync(join(assetsDir, file));
      // Keyed by the source name (calculator.js), so runs compare across content hashes.
      const name = file.replace(/\.[0-9a-f]{10}(\.[a-z]+)$/, "$1");
      return [name, { file, raw_bytes: bytes.length, gzip_bytes: gzipSync(bytes).length }];
    }),
  );

  const src = (p: string) => JSON.stringify(join(root, p));
  const schemasOnly = await bundleBytes(
    `import { caseStudySchema } from ${src("src/domain/case-study.ts")};\nconsole.log(caseStudySchema.safeParse({}).success);`,
  );
  const withGenerator = await bundleBytes(
    `import * as z from "zod/mini";\nimport { caseStudySchema } from ${src("src/domain/case-study.ts")};\nconsole.log(caseStudySchema.safeParse({}).success, z.toJSONSchema(caseStudySchema));`,
  );
  const namedZ = await bundleBytes(
    `import { z } from "zod";\nconsole.log(z.object({ a: z.string() }).parse({ a: "x" }));`,
  );
  const namespaceZ = await bundleBytes(
    `import * as z from "zod";\nconsole.log(z.object({ a: z.string() }).parse({ a: "x" }));`,
  );

  const figures = {
    worker_raw_bytes: raw,
    worker_gzip_bytes: gzip,
    write_worker_raw_bytes: writer.rawBytes,
    write_worker_gzip_bytes: writer.gzipBytes,
    openapi_generator_gzip_bytes: withGenerator.gzip - schemasOnly.gzip,
    openapi_generator_share_of_worker: (withGenerator.gzip - schemasOnly.gzip) / gzip,
    zod_named_import_gzip_bytes: namedZ.gzip,
    zod_namespace_import_gzip_bytes: namespaceZ.gzip,
    zod_named_vs_namespace_ratio: namedZ.gzip / namespaceZ.gzip,
    static_assets: assets,
    // Each embed page as a reader fetches it: HTML + every stylesheet and script it loads, gzipped (budget 30 KB).
    embed_pages: Object.fromEntries(
      (await embedWeights()).map((w) => [
        w.path,
        { ...w, ratio_to_budget: w.total_gzip_bytes / EMBED_GZIP_BUDGET_BYTES },
      ]),
    ),
  };
  console.log("\n== Worker size (wrangler deploy --dry-run) ==");
  console.log(
    `Public Worker bundle: ${kib(raw)} raw, ${kib(gzip)} gzip (budget ${WORKER_GZIP_BUDGET_BYTES / 1000} KB gzip; free plan limit 3 MiB gzip)`,
  );
  console.log(
    `Write Worker bundle (reached through the public one): ${kib(writer.rawBytes)} raw, ${kib(writer.gzipBytes)} gzip`,
  );
  for (const size of Object.values(assets)) {
    console.log(
      `Static file ${ASSETS_URL_PREFIX}${size.file}: ${kib(size.raw_bytes)} raw, ${kib(size.gzip_bytes)} gzip`,
    );
  }
  console.log(
    `OpenAPI generator (z.toJSONSchema): +${kib(figures.openapi_generator_gzip_bytes)} gzip = ${(figures.openapi_generator_share_of_worker * 100).toFixed(1)}% of the Worker`,
  );
  console.log(
    `zod: import { z } ${kib(namedZ.gzip)} vs import * as z ${kib(namespaceZ.gzip)} gzip (ratio ${figures.zod_named_vs_namespace_ratio.toFixed(2)})`,
  );
  for (const [path, w] of Object.entries(figures.embed_pages)) {
    console.log(
      `Embed page ${path}: ${kib(w.total_gzip_bytes)} gzip in all (HTML ${kib(w.html_gzip_bytes)}), ${(w.ratio_to_budget * 100).toFixed(0)}% of the ${EMBED_GZIP_BUDGET_BYTES / 1024} KiB budget`,
    );
  }
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) await benchSize();
