import { existsSync } from "node:fs";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";
import { loadContent, seedStatements } from "./scripts/lib/content";
import { loadFiguresAndScenarios } from "./scripts/lib/figures-content";
import { ASSETS_DIR } from "./scripts/lib/static-assets";
import { figureSeedStatements } from "./src/records/reference-figures";

process.env.WRANGLER_SEND_METRICS = "false";
process.env.CLOUDFLARE_CF_FETCH_ENABLED = "false";

/**
 * The real content, loaded the same way `npm run content:build` does; a content error fails the run loudly. Loaded
 * once per run: the workers pool asks for its options again for every test file it starts.
 */
let seed: ReturnType<typeof seedStatements> | undefined;
function contentSeed() {
  if (seed) return seed;
  const content = loadContent("content");
  content.errors.push(...loadFiguresAndScenarios("content", content.records).errors);
  if (content.errors.length) {
    throw new Error(
      `content/ is invalid:\n${content.errors.map((e) => `${e.file} ${e.path}: ${e.message}`).join("\n")}`,
    );
  }
  const figures = loadFiguresAndScenarios("content", content.records).figures;
  seed = [
    ...seedStatements(content.records, "2026-01-01T00:00:00.000Z", content.briefs),
    ...figureSeedStatements(figures, "2026-01-01T00:00:00.000Z"),
  ];
  return seed;
}

export default defineConfig({
  test: {
    reporters: process.env.CI ? ["default", ["json", { outputFile: "test-results/vitest.json" }]] : ["default"],
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.ts"],
          environment: "node",
          // Property tests run hundreds of cases; on a loaded 2-core machine they took up to 15 s where they take 3 s
          // alone. The limit only stops a hung test: no test asserts on time.
          testTimeout: 30_000,
        },
      },
      {
        plugins: [
          cloudflareTest(async () => {
            if (!existsSync(ASSETS_DIR)) throw new Error(`${ASSETS_DIR} is missing: run \`npm run build\` first`);
            return {
              // The public Worker with the write Worker in the same isolate (the file says why).
              main: "./test/integration/worker-entry.ts",
              wrangler: { configPath: "./wrangler.toml" },
              miniflare: {
                // The write Worker runs in the test's own isolate (test/integration/worker-entry.ts), so the public
                // Worker's binding to it is never called here: an answer from it would be a routing bug, made loud.
                serviceBindings: {
                  WRITER: () => new Response("The tests call the write app in-process", { status: 599 }),
                },
                bindings: {
                  TEST_MIGRATIONS: await readD1Migrations("schema"),
                  TEST_SEED: contentSeed(),
                  // Test-only tokens (never a real secret): test/integration/authoring-helpers.ts uses them.
                  API_TOKENS: JSON.stringify([
                    { label: "test editor", token: "test-write-token-0123456789", scope: "write" },
                    { label: "test reviewer", token: "test-review-token-0123456789", scope: "review" },
                  ]),
                },
              },
            };
          }),
        ],
        test: {
          name: "workers",
          include: ["test/integration/**/*.test.ts", "test/integration/**/*.test.tsx"],
          setupFiles: ["./test/integration/setup.ts"],
          // The hostile-input suite's fast-check seed: HOSTILE_SEED replays a run; CI uses a fixed one, a local run a new one.
          provide: {
            hostileSeed: Number(process.env.HOSTILE_SEED ?? (process.env.CI ? 20261202 : Date.now() % 2 ** 31)),
          },
          // As above: many-request tests slow down under load; the limit only stops a hung test.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: "browser",
          include: ["test/browser/**/*.test.ts"],
          environment: "node",
          globalSetup: ["./test/browser/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One Chromium at a time: the machine has two cores and workerd needs one.
          fileParallelism: false,
        },
      },
    ],
  },
});
