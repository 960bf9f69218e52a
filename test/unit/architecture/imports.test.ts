/**
 * The shape of src/ as the house rules state it: no import cycles anywhere, and features that do not reach into
 * each other (what two features share lives below them: domain/, db/, records/, views/, http/).
 *
 * Type-only imports count. They vanish at runtime, but a cycle of types still ties the modules into one unit a reader
 * has to take in whole, and it is how runtime cycles start (the search model once imported a type from the module
 * that imported its constants back). So `import type` and `import { type X }` are edges like any other.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = resolve(__dirname, "../../../src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

/** Relative module specifiers of static imports and re-exports (`from "./x"`), and dynamic `import("./x")`. */
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)["'](\.{1,2}\/[^"']+)["']/gm;

function resolveImport(from: string, specifier: string): string {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts"), join(base, "index.tsx")]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // try the next candidate
    }
  }
  throw new Error(`${relative(SRC, from)}: cannot resolve import "${specifier}"`);
}

/** Every file under src/ with the files it imports (relative imports only; packages cannot form a cycle with us). */
function importGraph(files: readonly string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    const targets = [...text.matchAll(SPECIFIER)].map((m) => resolveImport(file, m[1] as string));
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** Every cycle found by a depth-first search, each as the list of files from where it closes back to itself. */
function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, "open");
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === "open") cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, "done");
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return cycles;
}

const graph = importGraph(sourceFiles(SRC));
const name = (file: string) => relative(SRC, file);

describe("imports in src/", () => {
  it("reads a real graph (the scan finds the imports it is meant to check)", () => {
    expect(graph.size).toBeGreaterThan(50);
    const search = graph.get(join(SRC, "search/statement.ts"))?.map(name) ?? [];
    expect(search).toContain("search/model.ts");
  });

  it("form no cycle", () => {
    expect(findCycles(graph).map((cycle) => cycle.map(name).join(" → "))).toEqual([]);
  });

  it("the cycle finder finds a cycle, type-only or not", () => {
    const g = new Map([
      ["a", ["b"]],
      ["b", ["c"]],
      ["c", ["a"]],
      ["d", ["a"]],
    ]);
    expect(findCycles(g)).toEqual([["a", "b", "c", "a"]]);
    expect(
      findCycles(
        new Map([
          ["a", ["b"]],
          ["b", []],
        ]),
      ),
    ).toEqual([]);
  });

  it("keep features out of each other's internals, and the shared layers below every feature", () => {
    // A feature is a capability with routes; what two of them share lives in a layer below (domain/, db/, records/,
    // http/, views/, charts/, calculators/). client/ is calculator-web's own browser entry, so it may use it.
    const features = [
      "case-studies/",
      "search/",
      "site/",
      "taxonomy/",
      "calculator-web/",
      "openapi/",
      "embeds/",
      "oembed/",
      "briefs/",
      "submissions/",
      "backup/",
      "reference-figures/",
    ];
    // exports/ is the pure formatters (Markdown, CSV, JSON, BibTeX, RIS, CSL-JSON) that records, searches and briefs share.
    const layers = ["domain/", "db/", "records/", "http/", "views/", "charts/", "calculators/", "exports/"];
    const crossings: string[] = [];
    for (const [file, targets] of graph) {
      const from = name(file);
      for (const target of targets.map(name)) {
        const fromFeature = features.find((f) => from.startsWith(f));
        const toFeature = features.find((f) => target.startsWith(f));
        if (toFeature && fromFeature && fromFeature !== toFeature) crossings.push(`${from} → ${target}`);
        if (toFeature && layers.some((l) => from.startsWith(l))) crossings.push(`${from} → ${target}`);
      }
    }
    expect(crossings).toEqual([]);
  });
});
