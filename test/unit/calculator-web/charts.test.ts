/**
 * The charts as the calculator pages draw them stay inside their plot area. (This caught a bug in the shared
 * axis ticks of src/charts/svg.ts: the top tick stopped below the largest value, so tall bars ran over the legend.)
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type AnyCalculatorResult, type CalculatorId, calculatorIds, runCalculator } from "../../../src/calculators";
import { DEFAULT_WARNING_TITLES, type WarningTitles, warningTitle } from "../../../src/views/calculator/presentation";
import { present } from "../../../src/views/calculator/presenters";
import { WARNING_TITLES as episodeBundle } from "../../../src/views/calculator/presenters/episode-bundle";
import { WARNING_TITLES as hsaTaxSavings } from "../../../src/views/calculator/presenters/hsa-tax-savings";
import { WARNING_TITLES as membershipClinic } from "../../../src/views/calculator/presenters/membership-clinic";
import { WARNING_TITLES as patientCostCompare } from "../../../src/views/calculator/presenters/patient-cost-compare";
import { WARNING_TITLES as programRoi } from "../../../src/views/calculator/presenters/program-roi";
import { WARNING_TITLES as sharedSavings } from "../../../src/views/calculator/presenters/shared-savings";

const presenterTitles: Record<CalculatorId, WarningTitles> = {
  "program-roi": programRoi,
  "shared-savings": sharedSavings,
  "episode-bundle": episodeBundle,
  "membership-clinic": membershipClinic,
  "hsa-tax-savings": hsaTaxSavings,
  "patient-cost-compare": patientCostCompare,
};

function result(id: string, raw: unknown = {}): AnyCalculatorResult {
  const outcome = runCalculator(id, raw);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.fields));
  return outcome.result;
}

/** Data rects (the ones with a <title>), as numbers. */
function dataRects(svg: string) {
  return [...svg.matchAll(/<rect x="([-\d.]+)" y="([-\d.]+)" width="([-\d.]+)" height="([-\d.]+)"[^>]*><title>/g)].map(
    (m) => ({ x: Number(m[1]), y: Number(m[2]), width: Number(m[3]), height: Number(m[4]) }),
  );
}

describe("bars stay inside the plot", () => {
  const cases: [string, unknown][] = [
    ["shared-savings", {}],
    ["program-roi", { cost_per_participant: 100 }],
    ["program-roi", {}],
    ["membership-clinic", { starting_cash: 1234567 }],
  ];
  it.each(cases)("%s %j: bar and line charts (plot from y=30 to y=250)", (id, raw) => {
    const chart = present(result(id, raw)).charts[0];
    const rects = dataRects(chart?.svg ?? "");
    expect(rects.length).toBeGreaterThan(0);
    for (const r of rects) {
      expect(r.y).toBeGreaterThanOrEqual(29.9);
      expect(r.y + r.height).toBeLessThanOrEqual(250.1);
    }
  });

  it("the tornado's bars stay between its label column and the right edge", () => {
    for (const raw of [{}, { cost_per_participant: 100 }, { participants: 77777, discount_rate_pct: 7 }]) {
      const tornado = present(result("program-roi", raw)).charts[1];
      for (const r of dataRects(tornado?.svg ?? "")) {
        expect(r.x).toBeGreaterThanOrEqual(219.9);
        expect(r.x + r.width).toBeLessThanOrEqual(610.1);
      }
    }
  });
});

describe("every warning the engine can give has a title written for people, in its own calculator's presenter", () => {
  const dir = join(process.cwd(), "src/calculators");
  const codesIn = (file: string) =>
    [...readFileSync(join(dir, file), "utf8").matchAll(/code: "([a-z0-9_]+)"/g)]
      .map((m) => m[1] as string)
      .filter((code) => code !== "custom");
  const cases: [string, string, WarningTitles][] = [];
  for (const code of codesIn("defaults.ts")) cases.push(["every calculator", code, DEFAULT_WARNING_TITLES]);
  for (const id of calculatorIds) for (const code of codesIn(`${id}.ts`)) cases.push([id, code, presenterTitles[id]]);
  it.each(cases)("%s: %s", (_id, code, titles) => {
    expect(Object.hasOwn(titles, code)).toBe(true);
    expect(warningTitle(code, titles)).toMatch(/^[A-Z].*\.$/);
  });
  it("covers every calculator, and every engine file is one of them or the shared defaults", () => {
    expect(calculatorIds.length).toBe(6);
    const withCodes = readdirSync(dir).filter((f) => f.endsWith(".ts") && codesIn(f).length > 0);
    expect(withCodes.sort()).toEqual(["defaults.ts", ...calculatorIds.map((id) => `${id}.ts`)].sort());
  });
});
