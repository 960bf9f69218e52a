import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { calculatorBundleOptions, calculatorEntries, defaultsWithoutNotes } from "../../../scripts/lib/client-bundles";
import { calculatorIds, calculators } from "../../../src/calculators";

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
      // The defaults' references without their notes (only the server renders source lines), with what the
      // engine's warnings read: a case study's slug stays.
      const references = Object.values(calculators[id].defaultsWithReferences()).map((entry) => entry.reference);
      for (const ref of references) {
        // (The notes of sources; an assumption's note may repeat the field's own help text, which the bundle has.)
        if (ref.kind === "case_study" || ref.kind === "reference_figure")
          expect(text).not.toContain(JSON.stringify(ref.note).slice(1, 41));
        if (ref.kind === "case_study") expect(text).toContain(`"${ref.slug}"`);
      }
    });
  }

  it("drops each reference builder's note, and only that argument", () => {
    const source =
      'const a = caseStudy("s", "m", "illustrative", "A note " + "in two parts"); const b = figure("f", `x`);';
    expect(defaultsWithoutNotes(source)).toBe(
      'const a = caseStudy("s", "m", "illustrative", ""); const b = figure("f", "");',
    );
    expect(() => defaultsWithoutNotes("convention();")).toThrow(/without its note/);
  });
});
