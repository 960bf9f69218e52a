import { describe, expect, it } from "vitest";
import { runCalculator } from "../../../src/calculators";
import type { RawInputs } from "../../../src/calculators/program-roi";
import { compute } from "../../../src/calculators/program-roi";
import { inputSchema } from "../../../src/calculators/schemas/program-roi";

function run(raw: RawInputs) {
  return compute(inputSchema.parse(raw));
}

const codes = (r: { warnings: { code: string }[] }) => r.warnings.map((w) => w.code);

/** One line: 2 events × $100 × 50% = $100 of savings per participant per year. */
const oneLine = [{ label: "ED visits", baseline_events_per_participant: 2, cost_per_event: 100, reduction_pct: 50 }];

describe("program-roi worked examples", () => {
  it("undiscounted three years with an upfront cost: NPV, BCR, ROI, annual rows and payback in year two", () => {
    const r = run({
      participants: 100,
      cost_per_participant: 50,
      upfront_cost: 7500,
      savings_lines: oneLine,
      years: 3,
      discount_rate_pct: 0,
    });
    const S = 100 * (2 * 100 * 0.5); // 10,000 a year
    const C = 100 * 50 + 0; // 5,000 a year
    const pvSavings = 3 * S; // 30,000
    const pvCosts = 7500 + 3 * C; // 22,500
    expect(r.outputs.annual_gross_savings).toBe(S);
    expect(r.outputs.annual_program_cost).toBe(C);
    expect(r.outputs.pv_savings).toBeCloseTo(pvSavings, 9);
    expect(r.outputs.pv_costs).toBeCloseTo(pvCosts, 9);
    expect(r.outputs.npv).toBeCloseTo(pvSavings - pvCosts, 9); // 7,500
    expect(r.outputs.bcr).toBeCloseTo(30000 / 22500, 12); // 1.333…
    expect(r.outputs.roi_pct).toBeCloseTo((7500 / 22500) * 100, 9); // 33.3%
    expect(r.outputs.break_even_effect_factor).toBeCloseTo(22500 / 30000, 12); // 0.75: effects could be 25% smaller
    expect(r.outputs.annual).toEqual([
      { year: 1, savings: S, costs: C, net: 5000, cumulative_net: -7500 + 5000 },
      { year: 2, savings: S, costs: C, net: 5000, cumulative_net: -2500 + 5000 },
      { year: 3, savings: S, costs: C, net: 5000, cumulative_net: 2500 + 5000 },
    ]);
    // Year 2 starts at −2,500 and gains 5,000/12 a month: −2,500 + 6 × 416.67 = 0 exactly at its 6th month → 12 + 6.
    expect(r.outputs.payback_months).toBe(18);
    expect(r.outputs.probability_positive_npv).toBeNull();
    expect(r.outputs.npv_p50).toBeNull();
    expect(codes(r)).not.toContain("negative_npv");
    expect(codes(r)).not.toContain("payback_beyond_horizon");
  });

  it("pays back exactly on a month boundary (month 6 and month 12)", () => {
    // net 5,000 a year → 416.67 a month; 2,500 upfront is recovered at 6 × 5,000 / 12 = 2,500 exactly.
    const base = { participants: 100, cost_per_participant: 50, savings_lines: oneLine, discount_rate_pct: 0 };
    expect(run({ ...base, upfront_cost: 2500 }).outputs.payback_months).toBe(6);
    expect(run({ ...base, upfront_cost: 5000 }).outputs.payback_months).toBe(12);
    // One dollar more and it slips into the next month.
    expect(run({ ...base, upfront_cost: 2501 }).outputs.payback_months).toBe(7);
    // No upfront cost and a positive net: the first month already has cumulative net ≥ 0.
    expect(run({ ...base, upfront_cost: 0 }).outputs.payback_months).toBe(1);
  });

  it("discounts and decays savings; zero costs make BCR and ROI null, not Infinity", () => {
    const r = run({
      participants: 1,
      cost_per_participant: 0,
      savings_lines: [
        { label: "Admissions", baseline_events_per_participant: 1, cost_per_event: 1000, reduction_pct: 100 },
      ],
      years: 2,
      discount_rate_pct: 10,
      effect_decay_pct_per_year: 50,
    });
    // Year 1: 1,000 / 1.1; year 2: 1,000 × 0.5 / 1.1² = 500 / 1.21.
    const pvSavings = 1000 / 1.1 + 500 / 1.21; // 909.09 + 413.22 = 1,322.31
    expect(r.outputs.pv_savings).toBeCloseTo(pvSavings, 9);
    expect(r.outputs.pv_costs).toBe(0);
    expect(r.outputs.bcr).toBeNull();
    expect(r.outputs.roi_pct).toBeNull();
    expect(r.outputs.break_even_effect_factor).toBe(0); // 0 / 1,322.31
    expect(r.outputs.annual.map((row) => row.savings)).toEqual([1000, 500]);
    expect(codes(r)).toContain("zero_costs");
  });

  it("no savings: break-even factor null, payback null, negative NPV warned", () => {
    const r = run({
      participants: 10,
      cost_per_participant: 100,
      savings_lines: [{ label: "Nothing", baseline_events_per_participant: 1, cost_per_event: 100, reduction_pct: 0 }],
      years: 2,
      discount_rate_pct: 0,
    });
    expect(r.outputs.pv_savings).toBe(0);
    expect(r.outputs.pv_costs).toBe(2 * 10 * 100); // 2,000
    expect(r.outputs.bcr).toBe(0);
    expect(r.outputs.roi_pct).toBe(-100);
    expect(r.outputs.break_even_effect_factor).toBeNull();
    expect(r.outputs.payback_months).toBeNull();
    expect(codes(r)).toEqual(expect.arrayContaining(["negative_npv", "payback_beyond_horizon", "no_savings"]));
  });

  it("one-way sensitivity: each input at ±20%, sorted by swing", () => {
    const r = run({
      participants: 10,
      cost_per_participant: 100,
      savings_lines: [{ label: "Visits", baseline_events_per_participant: 1, cost_per_event: 100, reduction_pct: 50 }],
      years: 1,
      discount_rate_pct: 0,
      sensitivity_pct: 20,
    });
    // NPV = 10 × (1 × 100 × 50%) − 10 × 100 = 500 − 1,000 = −500.
    expect(r.outputs.npv).toBe(-500);
    expect(r.outputs.sensitivity).toEqual([
      // cost per participant 80 / 120: 500 − 800 = −300; 500 − 1,200 = −700 (swing 400)
      {
        input: "cost_per_participant",
        label: "Cost per participant",
        low_value: 80,
        high_value: 120,
        npv_low: -300,
        npv_high: -700,
      },
      // reduction 40 / 60: 400 − 1,000 = −600; 600 − 1,000 = −400 (swing 200)
      {
        input: "savings_lines[0].reduction_pct",
        label: "Reduction: Visits",
        low_value: 40,
        high_value: 60,
        npv_low: -600,
        npv_high: -400,
      },
      // cost per event 80 / 120: same swing of 200, listed after the reduction (stable order)
      {
        input: "savings_lines[0].cost_per_event",
        label: "Cost per event: Visits",
        low_value: 80,
        high_value: 120,
        npv_low: -600,
        npv_high: -400,
      },
      // discount rate 0 stays 0: no swing
      {
        input: "discount_rate_pct",
        label: "Discount rate",
        low_value: 0,
        high_value: 0,
        npv_low: -500,
        npv_high: -500,
      },
    ]);
  });

  it("Monte Carlo with no spread reproduces the deterministic NPV; same seed, same answer", () => {
    const raw: RawInputs = {
      participants: 100,
      cost_per_participant: 50,
      savings_lines: oneLine,
      years: 3,
      discount_rate_pct: 3,
      uncertainty: { iterations: 500, seed: 7, reduction_spread_pct: 0, cost_spread_pct: 0 },
    };
    const r = run(raw);
    // NPV = (10,000 − 5,000) × (1/1.03 + 1/1.03² + 1/1.03³) = 5,000 × 2.828611 = 14,143.06
    const annuity = 1 / 1.03 + 1 / 1.03 ** 2 + 1 / 1.03 ** 3;
    expect(r.outputs.npv).toBeCloseTo(5000 * annuity, 6);
    expect(r.outputs.npv_p10).toBeCloseTo(r.outputs.npv, 6);
    expect(r.outputs.npv_p50).toBeCloseTo(r.outputs.npv, 6);
    expect(r.outputs.npv_p90).toBeCloseTo(r.outputs.npv, 6);
    expect(r.outputs.probability_positive_npv).toBe(1);
    expect(run(raw).outputs).toEqual(r.outputs);
  });

  it("Monte Carlo with spread: percentiles ordered around the deterministic NPV, seed changes the draws", () => {
    const raw: RawInputs = {
      participants: 100,
      cost_per_participant: 100,
      savings_lines: oneLine,
      years: 1,
      discount_rate_pct: 0,
      uncertainty: { iterations: 20000, seed: 3, reduction_spread_pct: 50, cost_spread_pct: 20 },
    };
    const r = run(raw);
    // NPV at the modes = 100 × 100 − 100 × 100 = 0; savings ∈ [5,000, 15,000], cost ∈ [8,000, 12,000].
    expect(r.outputs.npv).toBe(0);
    const { npv_p10, npv_p50, npv_p90, probability_positive_npv } = r.outputs;
    expect(npv_p10!).toBeLessThan(npv_p50!);
    expect(npv_p50!).toBeLessThan(npv_p90!);
    expect(npv_p10!).toBeGreaterThan(-7000);
    expect(npv_p90!).toBeLessThan(7000);
    // Symmetric draws around a zero-NPV mode: about half the draws are positive.
    expect(Math.abs(npv_p50!)).toBeLessThan(200);
    expect(probability_positive_npv!).toBeGreaterThan(0.47);
    expect(probability_positive_npv!).toBeLessThan(0.53);
    const other = run({ ...raw, uncertainty: { ...raw.uncertainty, seed: 4 } });
    expect(other.outputs.npv_p10).not.toBe(npv_p10);
  });

  it("warns when draws can exceed a 100% reduction", () => {
    const r = run({
      savings_lines: [{ label: "Fills", baseline_events_per_participant: 1, cost_per_event: 10, reduction_pct: 80 }],
      uncertainty: { reduction_spread_pct: 50 },
    });
    // 80 × 1.5 = 120 > 100
    const w = r.warnings.find((x) => x.code === "uncertainty_draws_beyond_100");
    expect(w?.fields).toEqual(["savings_lines[0].reduction_pct"]);
  });

  it("defaults: illustrative effects and placeholder costs are flagged until replaced", () => {
    const r = run({});
    const illustrative = r.warnings.find((w) => w.code === "illustrative_default");
    expect(illustrative?.fields).toEqual([
      "savings_lines[0].reduction_pct",
      "savings_lines[1].reduction_pct",
      "savings_lines[2].reduction_pct",
    ]);
    expect(illustrative?.message).toContain("medicare-advantage-acupuncture-nutrition-pilot");
    expect(codes(r)).toContain("assumption_default");
    // The default scenario by hand: (0.3 × 1,000 × 30% + 4 × 50 × 22% + 0.05 × 15,200 × 18%) = 90 + 44 + 136.8 = 270.8
    expect(r.outputs.annual_gross_savings).toBeCloseTo(1000 * 270.8, 6);
    expect(r.outputs.annual_program_cost).toBe(1000 * 475);

    // The user's own line with the same reduction is not mistaken for the default.
    const own = run({
      cost_per_participant: 100,
      savings_lines: [{ label: "My line", baseline_events_per_participant: 1, cost_per_event: 100, reduction_pct: 30 }],
    });
    expect(codes(own)).not.toContain("illustrative_default");
    expect(codes(own)).not.toContain("assumption_default");
  });

  it("runCalculator returns issues for bad input instead of throwing", () => {
    const out = runCalculator("program-roi", { participants: 0, savings_lines: [] });
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.fields.map((f) => f.path).sort()).toEqual(["participants", "savings_lines"]);
  });
});
