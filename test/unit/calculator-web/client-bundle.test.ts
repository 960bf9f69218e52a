import { build } from "esbuild";
import { describe, expect, it } from "vitest";

/**
 * The calculator page's browser bundle carries the engine and zod/mini only: classic zod (every method on every
 * schema), the JSON Schema generator (form models are built at build time) and other locales than English would
 * each multiply its size.
 */
describe("browser bundle of the calculator pages", () => {
  it("has no classic zod, no JSON Schema generator and only the English locale", async () => {
    const result = await build({
      entryPoints: ["src/client/calculator.ts"],
      bundle: true,
      minify: true,
      format: "esm",
      target: "es2022",
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    // What ends up in the file: modules esbuild read but shook out entirely have no bytes in the output.
    const output = Object.values(result.metafile.outputs)[0];
    const inputs = Object.entries(output?.inputs ?? {})
      .filter(([path, { bytesInOutput }]) => bytesInOutput > 0 && path.includes("node_modules/zod/"))
      .map(([path]) => path);
    expect(inputs.some((path) => path.includes("/v4/mini/"))).toBe(true);
    expect(inputs.filter((path) => path.includes("/v4/classic/"))).toEqual([]);
    expect(inputs.filter((path) => /json-schema/.test(path))).toEqual([]);
    expect(inputs.filter((path) => path.includes("/locales/") && !path.endsWith("/en.js"))).toEqual([]);
  });
});
