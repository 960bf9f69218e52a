import { describe, expect, it } from "vitest";
import type { RawInputs } from "../../../src/calculators/patient-cost-compare";
import { compute } from "../../../src/calculators/patient-cost-compare";
import { inputSchema } from "../../../src/calculators/schemas/patient-cost-compare";

function run(raw: RawInputs) {
  return compute(inputSchema.parse(raw));
}
const codes = (r: { warnings: { code: string }[] }) => r.warnings.map((w) => w.code);

describe("patient-cost-compare worked examples", () => {
  it("defaults: 12 visits at $90 vs a $100/month unlimited membership", () => {
    const r = run({});
    expect(r.outputs.pay_per_visit).toBe(12 * 90); // 1,080
    expect(r.outputs.membership).toBe(12 * 100); // 1,200, unlimited: no extra visits
    expect(r.outputs.insurance).toBeNull();
    expect(r.outputs.cheapest).toBe("pay_per_visit");
    // 1,200 ≤ 90 n ⇔ n ≥ 13.33 → 14
    expect(r.outputs.break_even_visits).toBe(14);
    expect(r.outputs.after_tax).toEqual({ pay_per_visit: 1080, membership: 1200, insurance: null });
  });

  it("unlimited membership wins for heavy use", () => {
    const r = run({ visits_per_year: 100 });
    expect(r.outputs.pay_per_visit).toBe(9000);
    expect(r.outputs.membership).toBe(1200);
    expect(r.outputs.cheapest).toBe("membership");
  });

  it("a membership with one visit a month charges extra visits beyond 12", () => {
    const r = run({ visits_per_year: 20, membership_visits_per_month: 1 });
    // extra = max(0, 20 − 12 × 1) = 8 × $45 = 360 → 1,200 + 360 = 1,560
    expect(r.outputs.membership_extra_visits).toBe(8);
    expect(r.outputs.membership).toBe(1560);
    // n ≤ 12: 1,200 ≤ 90 n fails; n > 12: 1,200 + 45 (n − 12) ≤ 90 n ⇔ n ≥ 14.67 → 15
    // (n = 15: 1,335 ≤ 1,350; n = 14: 1,290 > 1,260)
    expect(r.outputs.break_even_visits).toBe(15);
  });

  it("break-even is null when the membership never pays", () => {
    // every visit beyond 0 included costs the full $90 again, on top of the fee
    const r = run({ membership_visits_per_month: 0, membership_extra_visit_price: 90 });
    expect(r.outputs.break_even_visits).toBeNull();
  });

  it("insurance: the deductible is crossed on visit 3, the 5th visit is beyond coverage", () => {
    const r = run({
      visits_per_year: 5,
      cash_price_per_visit: 90,
      insurance: {
        allowed_amount: 100,
        remaining_deductible: 250,
        copay: 10,
        coinsurance_pct: 20,
        covered_visits_per_year: 4,
      },
    });
    // visit 1: d = 100 (left 150), nothing after the deductible → 100
    // visit 2: d = 100 (left 50) → 100
    // visit 3: d = 50 (left 0), rest 50 → 50 + 10 + 20% × 50 = 70
    // visit 4: d = 0, rest 100 → 10 + 20 = 30
    // visit 5: beyond 4 covered visits → cash 90
    expect(r.outputs.insurance).toBeCloseTo(100 + 100 + 70 + 30 + 90, 9); // 390
    expect(r.outputs.insurance_detail).toEqual({ covered_visits: 4, uncovered_visits: 1, deductible_applied: 250 });
    expect(r.outputs.pay_per_visit).toBe(450);
    expect(r.outputs.cheapest).toBe("insurance");
    expect(codes(r)).toContain("visits_beyond_coverage");
  });

  it("after-tax costs when paid from an HSA", () => {
    const r = run({ hsa_tax_rate_pct: 30, insurance: {} });
    // insurance default plan: 12 visits × $100 all within the $1,500 deductible = 1,200
    expect(r.outputs.insurance).toBe(1200);
    expect(r.outputs.after_tax.pay_per_visit).toBeCloseTo(1080 * 0.7, 9);
    expect(r.outputs.after_tax.membership).toBeCloseTo(1200 * 0.7, 9);
    expect(r.outputs.after_tax.insurance!).toBeCloseTo(1200 * 0.7, 9);
  });

  it("zero visits: paying per visit costs nothing", () => {
    const r = run({ visits_per_year: 0 });
    expect(r.outputs.pay_per_visit).toBe(0);
    expect(r.outputs.cheapest).toBe("pay_per_visit");
    expect(r.outputs.break_even_visits).toBe(14);
  });

  it("warns when a copay exceeds the allowed amount", () => {
    const r = run({ insurance: { allowed_amount: 30, remaining_deductible: 0, copay: 40 } });
    expect(codes(r)).toContain("copay_exceeds_allowed");
  });
});
