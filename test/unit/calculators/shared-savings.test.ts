import { describe, expect, it } from "vitest";
import { inputSchema } from "../../../src/calculators/schemas/shared-savings";
import type { RawInputs } from "../../../src/calculators/shared-savings";
import { compute } from "../../../src/calculators/shared-savings";

function run(raw: RawInputs) {
  return compute(inputSchema.parse(raw));
}
const codes = (r: { warnings: { code: string }[] }) => r.warnings.map((w) => w.code);

describe("shared-savings worked examples", () => {
  it("defaults: 12% lower spending on a $12,000 benchmark for 10,000 beneficiaries", () => {
    const r = run({});
    expect(r.inputs.baseline_spend_pmpy).toBe(12000); // defaults to the benchmark
    const actual = 12000 * (1 - 0.12); // 10,560
    const gross = 10000 * (12000 - actual); // 14,400,000
    const payment = Math.min(gross * 0.5 * 1.0, 0.1 * 10000 * 12000); // min(7.2M, 12M) = 7.2M
    const program = 10000 * 250; // 2.5M
    expect(r.outputs.actual_pmpy).toBeCloseTo(actual, 9);
    expect(r.outputs.gross_savings).toBeCloseTo(gross, 4);
    expect(r.outputs.savings_rate_pct).toBeCloseTo(12, 9);
    expect(r.outputs.met_minimum_savings_rate).toBe(true);
    expect(r.outputs.shared_savings_payment).toBeCloseTo(payment, 4);
    expect(r.outputs.shared_loss_payment).toBe(0);
    expect(r.outputs.program_cost).toBe(program);
    expect(r.outputs.aco_net).toBeCloseTo(payment - program, 4); // 4.7M
    expect(r.outputs.payer_net).toBeCloseTo(gross - payment, 4); // 7.2M
    // Break-even: payment = 50% × gross ≥ 2.5M → gross ≥ 5M → 5M / 120M = 4.1667% (above the 2% minimum).
    expect(r.outputs.breakeven_spend_reduction_pct!).toBeCloseTo(500 / 120, 2);
    expect(codes(r)).toContain("illustrative_default");
  });

  it("the savings cap binds", () => {
    const r = run({ spend_reduction_pct: 30 });
    // gross = 10,000 × (12,000 − 8,400) = 36M; 50% = 18M > cap 10% × 120M = 12M
    expect(r.outputs.gross_savings).toBeCloseTo(36_000_000, 4);
    expect(r.outputs.shared_savings_payment).toBeCloseTo(12_000_000, 4);
    expect(r.outputs.payer_net).toBeCloseTo(36_000_000 - 12_000_000, 4);
    expect(codes(r)).toContain("savings_cap_binding");
  });

  it("savings below the minimum savings rate earn nothing", () => {
    const r = run({ spend_reduction_pct: 1.5 });
    // gross = 10,000 × (12,000 − 11,820) = 1.8M = 1.5% < 2%
    expect(r.outputs.gross_savings).toBeCloseTo(1_800_000, 4);
    expect(r.outputs.savings_rate_pct).toBeCloseTo(1.5, 9);
    expect(r.outputs.met_minimum_savings_rate).toBe(false);
    expect(r.outputs.shared_savings_payment).toBe(0);
    expect(r.outputs.aco_net).toBe(-2_500_000);
    expect(r.outputs.payer_net).toBeCloseTo(1_800_000, 4);
    expect(codes(r)).toEqual(expect.arrayContaining(["minimum_savings_rate_not_met", "aco_net_negative"]));
  });

  it("two-sided: a 5% overspend is shared at 30%, a 20% overspend hits the 4% loss cap", () => {
    const five = run({ two_sided: true, spend_reduction_pct: -5 });
    // actual 12,600; gross = 10,000 × (12,000 − 12,600) = −6M; rate −5%, beyond the 2% minimum loss rate
    expect(five.outputs.gross_savings).toBeCloseTo(-6_000_000, 4);
    expect(five.outputs.shared_loss_payment).toBeCloseTo(6_000_000 * 0.3, 4); // 1.8M < cap 4.8M
    expect(five.outputs.aco_net).toBeCloseTo(0 - 1_800_000 - 2_500_000, 4);
    expect(five.outputs.payer_net).toBeCloseTo(-6_000_000 + 1_800_000, 4);
    expect(codes(five)).toContain("shared_loss_owed");
    expect(codes(five)).not.toContain("loss_cap_binding");

    const twenty = run({ two_sided: true, spend_reduction_pct: -20 });
    // gross = −24M; 30% = 7.2M > cap 4% × 120M = 4.8M
    expect(twenty.outputs.shared_loss_payment).toBeCloseTo(4_800_000, 4);
    expect(codes(twenty)).toContain("loss_cap_binding");

    // A 1% overspend stays inside the 2% minimum loss rate: nothing owed.
    const one = run({ two_sided: true, spend_reduction_pct: -1 });
    expect(one.outputs.shared_loss_payment).toBe(0);

    // One-sided: the payer bears the loss.
    const oneSided = run({ spend_reduction_pct: -5 });
    expect(oneSided.outputs.shared_loss_payment).toBe(0);
    expect(codes(oneSided)).toContain("payer_bears_loss");
  });

  it("break-even is null when the cap keeps the payment below the program cost", () => {
    // cap 1% × 120M = 1.2M < program 2.5M even at a 100% reduction
    const r = run({ savings_cap_pct: 1 });
    expect(r.outputs.breakeven_spend_reduction_pct).toBeNull();
    expect(codes(r)).toContain("no_breakeven");
  });

  it("break-even lands on the minimum savings rate when the program is cheap", () => {
    // program 10,000 × $10 = 100k needs gross ≥ 200k (0.17%), but nothing is paid below the 2% minimum → 2%
    const r = run({ integrative_cost_pmpy: 10 });
    expect(r.outputs.breakeven_spend_reduction_pct!).toBeCloseTo(2, 2);
    // A free program under one-sided risk never loses: break-even at the bottom of the range.
    expect(run({ integrative_cost_pmpy: 0 }).outputs.breakeven_spend_reduction_pct).toBe(-100);
  });

  it("expected spending below the benchmark counts as savings even with no reduction", () => {
    const r = run({ baseline_spend_pmpy: 11000, spend_reduction_pct: 0 });
    // gross = 10,000 × (12,000 − 11,000) = 10M = 8.33% of 120M
    expect(r.outputs.gross_savings).toBe(10_000_000);
    expect(r.outputs.savings_rate_pct).toBeCloseTo((10 / 120) * 100, 9);
    expect(r.outputs.shared_savings_payment).toBe(5_000_000);
  });

  it("quality score scales the payment", () => {
    const r = run({ quality_score_pct: 80 });
    // 14.4M × 50% × 80% = 5.76M
    expect(r.outputs.shared_savings_payment).toBeCloseTo(5_760_000, 4);
  });
});
