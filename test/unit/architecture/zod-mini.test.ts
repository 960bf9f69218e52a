/**
 * src/ uses zod/mini only. Classic zod ("zod") attaches every method, and with them the JSON Schema generator, to
 * every schema, so one classic import anywhere in the Worker's graph bundles all of it: moving src/ to zod/mini took
 * about 12 KB gzip off the Worker, which has a 150 KB budget (test/unit/worker/worker-size.test.ts). Type-only imports
 * count too: they are how a value import starts, and a classic type does not describe a zod/mini schema.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = resolve(__dirname, "../../../src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.[cm]?[jt]sx?$/.test(name) ? [path] : [];
  });
}

/** Static imports and re-exports (`from "zod"`), side-effect imports and dynamic `import("zod")` of classic zod. */
const CLASSIC_ZOD = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)["']zod(?:\/v4(?:\/classic)?)?["']/m;

/** The files under src/ that import classic zod. */
function classicImporters(files: readonly string[]): string[] {
  return files.filter((file) => CLASSIC_ZOD.test(readFileSync(file, "utf8"))).map((file) => relative(SRC, file));
}

describe("zod in src/", () => {
  it("is zod/mini: no file imports classic zod, which would bundle all of it into the Worker (size budget)", () => {
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(50);
    expect(
      classicImporters(files),
      'these files import classic "zod"; use `import * as z from "zod/mini"` (classic puts every method and the JSON Schema generator on every schema and costs the Worker about 12 KB gzip)',
    ).toEqual([]);
  });

  it("the scan recognises every way of importing classic zod, and not zod/mini", () => {
    const seen = (text: string) => CLASSIC_ZOD.test(text);
    expect(seen('import * as z from "zod";')).toBe(true);
    expect(seen('import { z } from "zod";')).toBe(true);
    expect(seen("import type * as z from 'zod';")).toBe(true);
    expect(seen('export { z } from "zod";')).toBe(true);
    expect(seen('const z = await import("zod");')).toBe(true);
    expect(seen('import "zod";')).toBe(true);
    expect(seen('import * as z from "zod/v4";')).toBe(true);
    expect(seen('import * as z from "zod/mini";')).toBe(false);
    expect(seen('import { en } from "zod/locales";')).toBe(false);
    expect(seen('import * as z from "zod/v4/mini";')).toBe(false);
  });
});
