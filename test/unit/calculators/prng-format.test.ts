import { describe, expect, it } from "vitest";
import { createRng, sampleTriangular, triangularFromUniform, unitTriangular } from "../../../src/calculators/prng";
import { formatInteger, formatNumber, formatPct, formatRatio, formatUsd } from "../../../src/domain/numbers";

describe("seeded PRNG", () => {
  it("the same seed gives the same sequence; different seeds differ", () => {
    const a = createRng(1);
    const b = createRng(1);
    const c = createRng(2);
    const seqA = Array.from({ length: 100 }, () => a());
    expect(Array.from({ length: 100 }, () => b())).toEqual(seqA);
    expect(Array.from({ length: 100 }, () => c())).not.toEqual(seqA);
    // Seeds beyond 32 bits use their high word too.
    expect(createRng(2 ** 40)()).not.toBe(createRng(0)());
  });

  it("draws are in [0, 1) and look uniform", () => {
    const rng = createRng(12345);
    const n = 100_000;
    const buckets = new Array(10).fill(0);
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const u = rng();
      expect(u >= 0 && u < 1).toBe(true);
      sum += u;
      buckets[Math.floor(u * 10)]++;
    }
    expect(sum / n).toBeCloseTo(0.5, 2);
    for (const count of buckets) expect(Math.abs(count - n / 10)).toBeLessThan(500); // ~5 standard deviations
  });

  it("triangular sampling: endpoints, mode, mean (a + b + c) / 3", () => {
    expect(triangularFromUniform(0, 1, 2, 4)).toBe(1);
    expect(triangularFromUniform(1 / 3, 1, 2, 4)).toBeCloseTo(2, 12); // F(mode) = (c − a)/(b − a) = 1/3
    expect(triangularFromUniform(0.999999999, 1, 2, 4)).toBeCloseTo(4, 3); // 4 − √(1e-9 × 3 × 2)
    expect(triangularFromUniform(0.3, 5, 5, 5)).toBe(5); // degenerate: the mode
    const rng = createRng(9);
    let sum = 0;
    for (let i = 0; i < 50_000; i++) sum += sampleTriangular(rng, 1, 2, 6);
    expect(sum / 50_000).toBeCloseTo((1 + 2 + 6) / 3, 1);
  });

  it("the symmetric unit triangular equals the general one on [−1, 1] with mode 0", () => {
    for (const u of [0, 0.1, 0.25, 0.5, 0.75, 0.9, 0.999]) {
      expect(unitTriangular(u)).toBeCloseTo(triangularFromUniform(u, -1, 0, 1), 12);
    }
  });
});

describe("formatting for steps", () => {
  it("money", () => {
    expect(formatUsd(1234.5)).toBe("$1,234.50");
    expect(formatUsd(1200)).toBe("$1,200");
    expect(formatUsd(-1200)).toBe("\u2212$1,200");
    expect(formatUsd(12_345.67)).toBe("$12,346");
    expect(formatUsd(0.001)).toBe("$0");
    expect(formatUsd(-0.001)).toBe("$0");
    expect(formatUsd(14_400_000)).toBe("$14,400,000");
    expect(formatUsd(Number.NaN)).toBe("n/a");
  });

  it("numbers, percents and ratios", () => {
    expect(formatNumber(1234567.891)).toBe("1,234,567.89");
    expect(formatNumber(0.3)).toBe("0.3");
    expect(formatNumber(-0.001)).toBe("0");
    expect(formatNumber(100)).toBe("100");
    expect(formatInteger(768.44)).toBe("768");
    expect(formatPct(29.65)).toBe("29.65%");
    expect(formatPct(12)).toBe("12%");
    expect(formatRatio(3)).toBe("3:1");
    expect(formatRatio(0.538)).toBe("0.54:1");
    expect(formatRatio(null)).toBe("n/a");
    expect(formatNumber(2e21)).toBe("2.000e+21");
  });
});
