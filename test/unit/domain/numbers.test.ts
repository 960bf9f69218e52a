/** One set of number and money rules: the calculators' steps, their pages and the case-study figures print alike. */
import { describe, expect, it } from "vitest";
import { runCalculator } from "../../../src/calculators";
import type { Outcome } from "../../../src/domain/case-study";
import { formatBaselineFollowup, formatOutcomeValue } from "../../../src/domain/format";
import { formatNumber, formatPct, formatSigned, formatUsd, formatUsdShort } from "../../../src/domain/numbers";
import { present } from "../../../src/views/calculator/presenters";

describe("numbers", () => {
  it("one minus sign for every figure, no sign on what rounds to zero", () => {
    expect(formatNumber(-18)).toBe("\u221218");
    expect(formatNumber(-1234.567, 1)).toBe("\u22121,234.6");
    expect(formatPct(-46.2)).toBe("\u221246.2%");
    expect(formatNumber(-0.001)).toBe("0");
    expect(formatSigned(8)).toBe("+8");
    expect(formatSigned(-18)).toBe("\u221218");
    expect(formatSigned(0.001)).toBe("0");
    expect(formatNumber(-2e21)).toBe("\u22122.000e+21");
  });
});

describe("full money", () => {
  it("cents only below $10,000 and only when there are any; a true minus sign; + when asked", () => {
    expect(formatUsd(45.5)).toBe("$45.50");
    expect(formatUsd(1234.5)).toBe("$1,234.50");
    expect(formatUsd(1200)).toBe("$1,200");
    expect(formatUsd(224_500.4)).toBe("$224,500");
    expect(formatUsd(-1200)).toBe("\u2212$1,200");
    expect(formatUsd(-0.001)).toBe("$0");
    expect(formatUsd(1200, true)).toBe("+$1,200");
    expect(formatUsd(-1200, true)).toBe("\u2212$1,200");
    expect(formatUsd(Number.NaN)).toBe("n/a");
  });

  it("the steps, the calculator pages and the case-study figures use the same formatter", () => {
    const outcome = runCalculator("program-roi", {});
    if (!outcome.ok) throw new Error("defaults must be valid");
    const npv = formatUsd(outcome.result.outputs.npv);
    expect(present(outcome.result).figures[0]?.value).toBe(npv);
    expect(outcome.result.steps.some((step) => step.includes(npv))).toBe(true);
    const saving: Outcome = {
      metric: "total_cost_of_care",
      kind: "absolute_change",
      value: -982.5,
      unit: "usd",
      baseline: 12_400,
      followup: 11_417.5,
      comparison: "control_group",
      source: "trial",
    } as Outcome;
    expect(formatOutcomeValue(saving)).toBe("\u2212$982.50");
    expect(formatBaselineFollowup(saving)).toBe("$12,400 \u2192 $11,418");
  });
});

describe("short money", () => {
  it("for chart axes and ranges", () => {
    expect(formatUsdShort(350000)).toBe("$350K");
    expect(formatUsdShort(-1_250_000)).toBe("\u2212$1.3M");
    expect(formatUsdShort(1500)).toBe("$1.5K");
    expect(formatUsdShort(1_000_000)).toBe("$1M");
    expect(formatUsdShort(2_500_000_000)).toBe("$2.5B");
    expect(formatUsdShort(-950.4)).toBe("\u2212$950");
    expect(formatUsdShort(0)).toBe("$0");
  });
});
