/**
 * The charts as the calculator pages draw them stay inside their plot area. (This caught a bug in the shared
 * axis ticks of src/charts/svg.ts: the top tick stopped below the largest value, so tall bars ran over the legend.)
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type AnyCalculatorResult, calculatorIds, runCalculator } from "../../../src/calculators";
import { present } from "../../../src/views/calculator/presenters";
import { WARNING_TITLES, warningTitle } from "../../../src/views/calculator/results-view";

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

describe("every warning the engine can give has a title written for people", () => {
  const dir = join(process.cwd(), "src/calculators");
  const codes = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
    for (const m of readFileSync(join(dir, file), "utf8").matchAll(/code: "([a-z0-9_]+)"/g)) {
      if (m[1] !== "custom") codes.add(m[1] as string);
    }
  }
  it.each([...codes])("%s", (code) => {
    expect(Object.hasOwn(WARNING_TITLES, code)).toBe(true);
    expect(warningTitle(code)).toMatch(/^[A-Z].*\.$/);
  });
  it("covers every calculator", () => expect(calculatorIds.length).toBe(6));
});
