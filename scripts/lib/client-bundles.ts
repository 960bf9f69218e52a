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
 *     async and DOM parts the browser never uses here; a unit test holds both to the same HTML;
 *   - the defaults' references without their notes (the prose of each source line): the server renders every source
 *     line, the browser never does (it adds rows by cloning the server's markup), and the engine's warnings read only
 *     a reference's kind, provenance, slug and metric.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { BuildOptions, Plugin } from "esbuild";
import ts from "typescript";
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

/** The position of the `note` argument of each reference builder in src/calculators/defaults.ts. */
const NOTE_ARGUMENT: Record<string, number> = { caseStudy: 3, figure: 1, convention: 0, placeholder: 0 };

/**
 * src/calculators/defaults.ts with every reference builder's note replaced by "" (read with the TypeScript parser,
 * so the edit follows the code, not its layout). Throws when a builder is called without its note.
 */
export function defaultsWithoutNotes(source: string, file = "defaults.ts"): string {
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const spans: [number, number][] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
      const position = NOTE_ARGUMENT[node.expression.text];
      if (position !== undefined) {
        const note = node.arguments[position];
        if (!note) throw new Error(`${file}: ${node.expression.text}(…) without its note`);
        spans.push([note.getStart(tree), note.getEnd()]);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  let out = source;
  for (const [start, end] of spans.sort((a, b) => b[0] - a[0])) out = `${out.slice(0, start)}""${out.slice(end)}`;
  return out;
}

/** Loads the calculators' defaults without the notes of their references (see `defaultsWithoutNotes`). */
const noDefaultNotes: Plugin = {
  name: "no-default-notes",
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]calculators[\\/]defaults\.ts$/ }, (args) => ({
      contents: defaultsWithoutNotes(readFileSync(args.path, "utf8"), args.path),
      loader: "ts",
    }));
  },
};

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
    plugins: [oneFormModel(id), noDefaultNotes, stringJsx],
  };
}
