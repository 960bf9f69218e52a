/**
 * The browser bundles render shared markup with a string-only JSX runtime (src/client/calculator-engine/
 * jsx-runtime.ts) instead of hono/jsx: both must give the same HTML, byte for byte, for every calculator's results,
 * errors and form in many states, so the browser's markup stays the server's.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { browserScriptOptions, stringJsx } from "../../../scripts/lib/client-bundles";

async function renderWith(plugins: Parameters<typeof build>[0]["plugins"], dir: string, name: string) {
  const result = await build({
    ...browserScriptOptions,
    minify: false,
    platform: "node",
    entryPoints: ["test/fixtures/render-shared-views.ts"],
    plugins,
    logLevel: "silent",
  });
  const file = join(dir, `${name}.mjs`);
  writeFileSync(file, result.outputFiles[0]?.text ?? "");
  const module = (await import(pathToFileURL(file).href)) as { renderAll: () => string[] };
  return module.renderAll();
}

describe("the browser's string-only JSX runtime", () => {
  it("renders every shared view exactly as hono/jsx does", async () => {
    const dir = mkdtempSync(join(tmpdir(), "string-jsx-"));
    const hono = await renderWith([], dir, "hono");
    const ours = await renderWith([stringJsx], dir, "string");
    expect(hono.length).toBeGreaterThan(200);
    expect(ours).toHaveLength(hono.length);
    for (let i = 0; i < hono.length; i++) expect(ours[i], `rendering ${i}`).toBe(hono[i]);
  });
});
