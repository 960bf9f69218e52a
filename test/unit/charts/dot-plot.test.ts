import { describe, expect, it } from "vitest";
import { dotPlot, GRADE_FILL } from "../../../src/charts/dot-plot";

const format = (v: number) => String(v);

describe("dot plot", () => {
  const svg = dotPlot({
    title: "Odds of cesarean",
    description: "One dot per figure",
    reference: 1,
    format,
    rows: [
      { label: "Doula <study>", value: 0.59, n: 1000, grade: "B", illustrative: false },
      { label: "Other", value: 0.77, low: 0.61, high: 0.96, n: 250, grade: "C", illustrative: false },
      { label: "Example", value: 0.5, n: null, grade: "E", illustrative: true },
    ],
  });

  it("draws one mark per figure: circles sized by n (area), a square when the size is unknown", () => {
    const radii = [...svg.matchAll(/<circle [^>]*r="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(radii).toEqual([11, 5.5]); // area ∝ n: 11 · sqrt(250 / 1000)
    expect(svg.match(/<rect /g)).toHaveLength(1);
  });

  it("shades by grade, outlines illustrative figures, and escapes labels", () => {
    expect(svg).toContain(`fill="${GRADE_FILL.B}"`);
    expect(svg).toContain(`stroke="${GRADE_FILL.E}" stroke-width="2" stroke-dasharray="3 2"`);
    expect(svg).toContain("Doula &lt;study&gt;");
    expect(svg).not.toContain("<study>");
  });

  it("draws the no-effect line and a whisker only where a CI is known", () => {
    expect(svg).toContain("no effect (1)");
    expect(svg.match(/stroke-dasharray="4 3"/g)).toHaveLength(1);
    // one whisker: a horizontal line and two end caps
    expect(svg.match(/stroke-width="1.5"\/>/g)?.length).toBe(3);
  });

  it("is accessible and empty without rows", () => {
    expect(svg).toMatch(/role="img" aria-labelledby="(dp\w+)-t \1-d"/);
    expect(dotPlot({ title: "t", description: "d", reference: null, format, rows: [] })).toBe("");
  });
});
