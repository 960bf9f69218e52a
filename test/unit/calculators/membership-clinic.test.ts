import { describe, expect, it } from "vitest";
import type { RawInputs } from "../../../src/calculators/membership-clinic";
import { compute } from "../../../src/calculators/membership-clinic";
import { inputSchema } from "../../../src/calculators/schemas/membership-clinic";

function run(raw: RawInputs) {
  return compute(inputSchema.parse(raw));
}
const codes = (r: { warnings: { code: string }[] }) => r.warnings.map((w) => w.code);

/** A flat clinic: no joiners, no churn, no visit costs; only fees against fixed costs. */
const flat: RawInputs = {
  tiers: [{ label: "Standard", monthly_fee: 100, members_start: 10, share_of_new_members_pct: 100 }],
  new_members_per_month: 0,
  monthly_churn_pct: 0,
  visits_per_member_per_month: 0,
  cost_per_visit: 0,
  fixed_monthly_costs: 500,
  starting_cash: 0,
  months: 3,
  revenue_variability_pct: 25,
  reserve_target_months: 12,
};

describe("membership-clinic worked examples", () => {
  it("a flat clinic: 10 members × $100 against $500 of fixed cost", () => {
    const r = run(flat);
    // revenue 1,000, cost 500, net 500 a month; cash 500, 1,000, 1,500
    expect(r.outputs.monthly).toEqual([
      { month: 1, members: 10, revenue: 1000, cost: 500, net: 500, cash: 500 },
      { month: 2, members: 10, revenue: 1000, cost: 500, net: 500, cash: 1000 },
      { month: 3, members: 10, revenue: 1000, cost: 500, net: 500, cash: 1500 },
    ]);
    expect(r.outputs.break_even_month).toBe(1);
    expect(r.outputs.min_cash).toBe(500);
    expect(r.outputs.min_cash_month).toBe(1);
    expect(r.outputs.ending_cash).toBe(1500);
    expect(r.outputs.sustainability_ratio).toBe(3000 / 1500); // 2
    expect(r.outputs.reserve_months_at_end).toBe(1500 / 500); // 3 months < 12
    expect(r.outputs.reserve_target_met).toBe(false);
    expect(codes(r)).toContain("reserve_target_not_met");
    // Stress: fees × 0.75 → revenue 750, net 250 a month: cash 250, 500, 750
    expect(r.outputs.stress_min_cash).toBe(250);
    expect(r.outputs.stress_ending_cash).toBe(750);
    expect(r.outputs.stress_break_even_month).toBe(1);
  });

  it("two tiers with churn, joiners, visits and other revenue", () => {
    const r = run({
      tiers: [
        { label: "Full fee", monthly_fee: 50, members_start: 100, share_of_new_members_pct: 60 },
        { label: "Sliding scale", monthly_fee: 20, members_start: 0, share_of_new_members_pct: 40 },
      ],
      new_members_per_month: 10,
      monthly_churn_pct: 10,
      other_monthly_revenue: 120,
      visits_per_member_per_month: 0.5,
      cost_per_visit: 10,
      fixed_monthly_costs: 2000,
      starting_cash: 1000,
      months: 2,
    });
    // Month 1: full = 100 × 0.9 + 10 × 60% = 96; sliding = 0 × 0.9 + 10 × 40% = 4; members 100
    //   revenue = 96 × 50 + 4 × 20 + 120 = 4,800 + 80 + 120 = 5,000; cost = 2,000 + 100 × 0.5 × 10 = 2,500
    // Month 2: full = 96 × 0.9 + 6 = 92.4; sliding = 4 × 0.9 + 4 = 7.6; members 100
    //   revenue = 92.4 × 50 + 7.6 × 20 + 120 = 4,620 + 152 + 120 = 4,892; cost 2,500
    const [m1, m2] = r.outputs.monthly;
    expect(m1!.members).toBeCloseTo(100, 9);
    expect(m1!.revenue).toBeCloseTo(5000, 9);
    expect(m1!.cost).toBeCloseTo(2500, 9);
    expect(m1!.cash).toBeCloseTo(1000 + 2500, 9);
    expect(m2!.revenue).toBeCloseTo(4892, 9);
    expect(m2!.net).toBeCloseTo(2392, 9);
    expect(r.outputs.ending_cash).toBeCloseTo(1000 + 2500 + 2392, 9);
    expect(r.outputs.members_end).toBeCloseTo(100, 9);
    expect(r.outputs.sustainability_ratio!).toBeCloseTo((5000 + 4892) / 5000, 12);
  });

  it("cash going negative is reported with the month it happens", () => {
    const r = run({
      ...flat,
      tiers: [{ label: "Free", monthly_fee: 0, members_start: 0, share_of_new_members_pct: 100 }],
      fixed_monthly_costs: 10000,
      starting_cash: 15000,
    });
    // cash 5,000, −5,000, −15,000
    expect(r.outputs.monthly.map((m) => m.cash)).toEqual([5000, -5000, -15000]);
    expect(r.outputs.min_cash).toBe(-15000);
    expect(r.outputs.min_cash_month).toBe(3);
    expect(r.outputs.first_negative_cash_month).toBe(2);
    expect(r.outputs.break_even_month).toBeNull();
    expect(r.outputs.reserve_months_at_end).toBe(-1.5);
    expect(codes(r)).toEqual(expect.arrayContaining(["cash_negative", "no_break_even", "reserve_target_not_met"]));
  });

  it("no cost at all: ratios are null, never Infinity", () => {
    const r = run({ ...flat, fixed_monthly_costs: 0 });
    expect(r.outputs.sustainability_ratio).toBeNull();
    expect(r.outputs.reserve_months_at_end).toBeNull();
    expect(r.outputs.reserve_target_met).toBe(true); // nothing to hold a reserve against, cash ≥ 0
  });

  it("defaults: the $350K seed is flagged as illustrative (the $60 fee is a reported figure); the stress case runs out of cash", () => {
    const r = run({});
    expect(r.warnings.find((w) => w.code === "illustrative_default")?.fields).toEqual(["starting_cash"]);
    // Month 1 by hand: 40 members, revenue 40 × $60 = 2,400, cost 25,000 + 40 × 0.5 × 45 = 25,900
    const m1 = r.outputs.monthly[0]!;
    expect(m1.members).toBe(40);
    expect(m1.revenue).toBe(2400);
    expect(m1.cost).toBe(25900);
    expect(m1.cash).toBe(350000 - 23500);
    expect(codes(r)).toContain("stress_cash_negative");
  });

  it("tier shares must sum to 100 ± 0.01, reported on the tiers column", () => {
    const bad = inputSchema.safeParse({
      tiers: [
        { label: "A", monthly_fee: 60, members_start: 0, share_of_new_members_pct: 70 },
        { label: "B", monthly_fee: 20, members_start: 0, share_of_new_members_pct: 20 },
      ],
    });
    expect(bad.error?.issues.map((i) => i.path)).toEqual([["tiers", "share_of_new_members_pct"]]);
  });
});
