/**
 * How the calculators' browser bundles are built (scripts/client-build.ts), declared once so the tests that weigh
 * and inspect them (test/unit/calculator-web/client-bundle.test.ts, string-jsx.test.ts) build exactly what ships.
 *
 * One bundle per calculator (src/client/calculators/<id>.ts), made small enough for an embed frame's 30 KB budget:
 *   - no zod: the engine's schemas are separate modules the entries never import (the form is checked from the form
 *     model, views/calculator/form-check.ts);
 *   - only its own form model: src/generated/form-models.ts holds all six, so the bundle gets a copy narrowed to
 *     the one calculator (the code reads `formModel(id)` for its own id only);
 *   - a string-only JSX runtime (src/client/calculator-engine/jsx-runtime.ts) in place of hono/jsx, whose streaming,
 *     async and DOM parts the browser never uses here; a unit test holds both to the same HTML.
 */
import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { BuildOptions, Plugin } from "esbuild";
import { type CalculatorId, calculatorIds } from "../../src/calculators";
import { formModels } from "../../src/generated/form-models";

const root = resolve(import.meta.dirname ?? ".", "../..");

/** Where the per-calculator entries live, one `<id>.ts` for each calculator of the registry. */
export const CALCULATOR_ENTRIES_DIR = join(root, "src/client/calculators");

/** The manifest name of calculator `id`'s bundle (the pages link `assetPaths[calculatorBundleName(id)]`). */
export function calculatorBundleName(id: CalculatorId): `calculator-${CalculatorId}.js` {
  return `calculator-${id}.js`;
}

/** The calculator ids with an entry; throws when an entry is missing or names no calculator. */
export function calculatorEntries(): CalculatorId[] {
  const files = readdirSync(CALCULATOR_ENTRIES_DIR)
    .filter((f) => f.endsWith(".ts"))
    .map((f) => f.replace(/\.ts$/, ""));
  const missing = calculatorIds.filter((id) => !files.includes(id));
  const unknown = files.filter((f) => !(calculatorIds as string[]).includes(f));
  if (missing.length || unknown.length) {
    throw new Error(
      `client bundles: src/client/calculators/ must hold one entry per calculator (missing: ${missing.join(", ") || "none"}; unknown: ${unknown.join(", ") || "none"})`,
    );
  }
  return calculatorIds.filter((id) => files.includes(id));
}

/** Narrows the generated form models to calculator `id`'s. */
function oneFormModel(id: CalculatorId): Plugin {
  return {
    name: "one-form-model",
    setup(build) {
      build.onLoad({ filter: /[\\/]src[\\/]generated[\\/]form-models\.ts$/ }, () => ({
        contents: `export const formModels = ${JSON.stringify({ [id]: formModels[id] })};`,
        loader: "ts",
      }));
    },
  };
}

/** Renders JSX with the string-only runtime instead of hono/jsx's. */
export const stringJsx: Plugin = {
  name: "string-jsx",
  setup(build) {
    build.onResolve({ filter: /^hono\/jsx\/jsx(-dev)?-runtime$/ }, () => ({
      path: join(root, "src/client/calculator-engine/jsx-runtime.ts"),
    }));
  },
};

/** What every browser script shares: one minified ES module, JSX through hono/jsx's automatic runtime. */
export const browserScriptOptions = {
  bundle: true,
  format: "esm",
  minify: true,
  target: "es2022",
  jsx: "automatic",
  jsxImportSource: "hono/jsx",
  write: false,
  legalComments: "none",
} as const satisfies BuildOptions;

/** The esbuild options of calculator `id`'s bundle. */
export function calculatorBundleOptions(id: CalculatorId): BuildOptions & { write: false } {
  return {
    ...browserScriptOptions,
    entryPoints: [join(CALCULATOR_ENTRIES_DIR, `${id}.ts`)],
    plugins: [oneFormModel(id), stringJsx],
  };
}
