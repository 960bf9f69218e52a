import { describe, expect, it } from "vitest";
import { barLineChart, comparisonChart, histogramChart, tornadoChart } from "../../../src/charts/svg";

const usd = (v: number) => `$${Math.round(v)}`;

function wellFormed(svg: string) {
  expect(svg.startsWith("<svg")).toBe(true);
  expect(svg).toContain('role="img"');
  expect(svg).not.toMatch(/NaN|Infinity/);
  // The CSP forbids inline style: charts use presentation attributes only.
  expect(svg).not.toContain("style=");
}

describe("svg charts", () => {
  it("bar + line chart colours bars by sign and escapes labels", () => {
    const svg = barLineChart({
      title: "Cash <flow>",
      description: "net & cumulative",
      categories: ["Year 1", "Year 2", "Year 3"],
      bars: { label: "Net", values: [-100, 50, 200] },
      line: { label: "Cumulative", values: [-100, -50, 150] },
      format: usd,
    });
    wellFormed(svg);
    expect(svg).toContain("Cash &lt;flow&gt;");
    expect(svg).toContain("net &amp; cumulative");
    expect(svg.match(/<rect [^>]*fill="#b42318"/g)?.length).toBe(1);
    expect(svg).toContain("<polyline");
  });

  it("tornado chart draws a low and a high bar per row", () => {
    const svg = tornadoChart({
      title: "t",
      description: "d",
      base: 10,
      rows: [
        { label: "a", low: 5, high: 20 },
        { label: "b", low: 8, high: 12 },
      ],
      format: usd,
    });
    wellFormed(svg);
    expect(svg.match(/<rect /g)?.length).toBe(4);
  });

  it("histogram counts every finite draw once and survives a constant sample", () => {
    const svg = histogramChart({
      title: "h",
      description: "d",
      values: [1, 2, 3, 4, Number.NaN],
      bins: 4,
      markers: [{ label: "P50", value: 2.5 }],
      format: usd,
    });
    wellFormed(svg);
    const counts = [...svg.matchAll(/: (\d+) draws/g)].map((m) => Number(m[1]));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(4);
    wellFormed(histogramChart({ title: "h", description: "d", values: [7, 7, 7], format: usd }));
    wellFormed(histogramChart({ title: "h", description: "d", values: [], format: usd }));
  });

  it("comparison chart marks the highlighted option", () => {
    const svg = comparisonChart({
      title: "c",
      description: "d",
      items: [
        { label: "A", value: 100 },
        { label: "B", value: 50, highlight: true },
      ],
      format: usd,
    });
    wellFormed(svg);
    expect(svg).toContain("$50 (lowest)");
  });
});
