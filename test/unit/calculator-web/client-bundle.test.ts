import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { calculatorBundleOptions, calculatorEntries } from "../../../scripts/lib/client-bundles";
import { calculatorIds } from "../../../src/calculators";

/**
 * Each calculator's browser bundle carries that calculator only: no zod (the form is checked from the form model),
 * no hono/jsx runtime (a string-only one renders the same HTML), no other calculator's engine, presenter or form
 * model. Each of these would push an embed frame past its 30 KB budget.
 */
describe("browser bundles of the calculators", () => {
  it("there is one per calculator", () => {
    expect(calculatorEntries()).toEqual(calculatorIds);
  });

  for (const id of calculatorIds) {
    it(`${id}: its own engine only, no zod, no hono/jsx`, async () => {
      const result = await build({ ...calculatorBundleOptions(id), metafile: true, logLevel: "silent" });
      // What ends up in the file: modules esbuild read but shook out entirely have no bytes in the output.
      const output = Object.values(result.metafile?.outputs ?? {})[0];
      const inputs = Object.entries(output?.inputs ?? {})
        .filter(([, { bytesInOutput }]) => bytesInOutput > 0)
        .map(([path]) => path);
      expect(inputs.filter((path) => path.includes("node_modules/zod/"))).toEqual([]);
      expect(inputs.filter((path) => path.includes("node_modules/hono/dist/jsx/"))).toEqual([]);
      expect(inputs.filter((path) => path.includes("src/calculators/schemas/"))).toEqual([]);
      const others = calculatorIds.filter((other) => other !== id);
      for (const other of others) {
        expect(inputs.filter((path) => path.endsWith(`/${other}.ts`))).toEqual([]);
      }
      const text = result.outputFiles[0]?.text ?? "";
      // The narrowed form model: only this calculator's id appears as a model.
      for (const other of others) expect(text).not.toContain(`id:"${other}"`);
      expect(text).toContain(`id:"${id}"`);
    });
  }
});
