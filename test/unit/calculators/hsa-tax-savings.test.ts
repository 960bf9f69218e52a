import { describe, expect, it } from "vitest";
import type { RawInputs } from "../../../src/calculators/hsa-tax-savings";
import { compute } from "../../../src/calculators/hsa-tax-savings";
import { inputSchema } from "../../../src/calculators/schemas/hsa-tax-savings";

function run(raw: RawInputs) {
  return compute(inputSchema.parse(raw));
}
const codes = (r: { warnings: { code: string }[] }) => r.warnings.map((w) => w.code);

describe("hsa-tax-savings worked examples", () => {
  it("defaults: 2027 self-only HSA, $1,000 of care through payroll at 22%", () => {
    const r = run({});
    expect(r.inputs.tax_year).toBe(2027);
    expect(r.inputs.planned_contribution).toBe(1000); // min(expenses 1,000, limit 4,500)
    expect(r.outputs.limit).toBe(4500);
    expect(r.outputs.contribution).toBe(1000);
    expect(r.outputs.tax_rate_pct).toBeCloseTo(22 + 0 + 7.65, 12); // 29.65
    expect(r.outputs.tax_savings).toBeCloseTo(1000 * 0.2965, 9); // 296.50
    expect(r.outputs.effective_cost).toBeCloseTo(1000 - 1000 * 0.2965, 9); // 703.50
    expect(r.outputs.unspent_at_risk).toBe(0);
    expect(r.outputs.dpc_hsa_eligible).toBeNull();
    expect(r.warnings).toEqual([]);
  });

  it("catch-up at 55 on a 2026 family HSA, with an over-limit plan and its 6% excise", () => {
    const r = run({
      tax_year: 2026,
      coverage: "family",
      age: 55,
      annual_qualified_expenses: 12000,
      planned_contribution: 12000,
    });
    // limit = 8,750 + 1,000 catch-up = 9,750; excess = 12,000 − 9,750 = 2,250; excise 6% = 135
    expect(r.outputs.catch_up).toBe(1000);
    expect(r.outputs.limit).toBe(9750);
    expect(r.outputs.contribution).toBe(9750);
    expect(r.outputs.excess_contribution).toBe(2250);
    expect(r.outputs.excess_excise_tax).toBeCloseTo(135, 9);
    // effective cost = 12,000 − min(9,750, 12,000) × 29.65%
    expect(r.outputs.effective_cost).toBeCloseTo(12000 - 9750 * 0.2965, 9);
    expect(codes(r)).toEqual(expect.arrayContaining(["catch_up_applied", "contribution_over_limit"]));
    // At 54 there is no catch-up.
    expect(run({ tax_year: 2026, coverage: "family", age: 54 }).outputs.limit).toBe(8750);
  });

  it("2027 FSA: the limit is not published, so it is null and said so; use-it-or-lose-it applies", () => {
    const r = run({ account: "fsa", annual_qualified_expenses: 1500, planned_contribution: 2000 });
    expect(r.outputs.limit).toBeNull();
    expect(r.outputs.excess_contribution).toBeNull();
    expect(r.outputs.carryover_max).toBeNull();
    expect(r.outputs.contribution).toBe(2000); // uncapped: no published limit
    expect(r.outputs.unspent_at_risk).toBe(500); // 2,000 − 1,500
    expect(codes(r)).toEqual(expect.arrayContaining(["limit_not_published", "fsa_use_it_or_lose_it"]));
    expect(r.warnings.find((w) => w.code === "limit_not_published")?.message).toContain("not yet published");
    // Without a planned figure the default is the expenses alone.
    expect(run({ account: "fsa" }).inputs.planned_contribution).toBe(1000);
  });

  it("2026 FSA over its $3,400 limit: capped, no HSA excise, carryover shown", () => {
    const r = run({ tax_year: 2026, account: "fsa", annual_qualified_expenses: 3000, planned_contribution: 4000 });
    expect(r.outputs.limit).toBe(3400);
    expect(r.outputs.contribution).toBe(3400);
    expect(r.outputs.excess_contribution).toBe(600);
    expect(r.outputs.excess_excise_tax).toBeNull();
    expect(r.outputs.unspent_at_risk).toBe(400); // 3,400 − 3,000
    expect(r.outputs.carryover_max).toBe(680);
  });

  it("without payroll deduction only income taxes are saved", () => {
    const r = run({
      payroll_deduction: false,
      state_rate_pct: 5,
      annual_qualified_expenses: 2000,
      planned_contribution: 1000,
    });
    // rate = 22 + 5 = 27%; savings = 270; effective cost = 2,000 − 1,000 × 27% = 1,730
    expect(r.outputs.tax_rate_pct).toBe(27);
    expect(r.outputs.tax_savings).toBeCloseTo(270, 9);
    expect(r.outputs.effective_cost).toBeCloseTo(1730, 9);
  });

  it("direct primary care: not before 2026, up to $150 / $300 a month from 2026", () => {
    const before = run({ tax_year: 2025, dpc_monthly_fee: 100 });
    expect(before.outputs.dpc_hsa_eligible).toBe(false);
    expect(before.outputs.dpc_reason).toContain("2026");
    expect(codes(before)).toContain("dpc_not_hsa_compatible");
    expect(run({ tax_year: 2026, dpc_monthly_fee: 150 }).outputs.dpc_hsa_eligible).toBe(true);
    const over = run({ tax_year: 2026, dpc_monthly_fee: 150.01 });
    expect(over.outputs.dpc_hsa_eligible).toBe(false);
    expect(over.outputs.dpc_fee_cap_monthly).toBe(150);
    expect(run({ tax_year: 2027, coverage: "family", dpc_monthly_fee: 300 }).outputs.dpc_hsa_eligible).toBe(true);
  });

  it("coverage is for an HSA only: family with an FSA is accepted, ignored and named in a warning", () => {
    const fsa = { tax_year: 2026, account: "fsa", annual_qualified_expenses: 2000 } as const;
    const family = run({ ...fsa, coverage: "family" });
    const self = run(fsa);
    expect(family.outputs).toEqual(self.outputs);
    expect(family.steps).toEqual(self.steps);
    expect(family.warnings.find((w) => w.code === "coverage_ignored")).toEqual({
      code: "coverage_ignored",
      message: expect.stringContaining("family coverage was ignored"),
      fields: ["coverage"],
    });
    expect(codes(self)).not.toContain("coverage_ignored");
    expect(codes(run({ coverage: "family" }))).not.toContain("coverage_ignored");
    expect(inputSchema.safeParse({ tax_year: 2023 }).error?.issues[0]?.path).toEqual(["tax_year"]);
  });

  it("warns about Medicare enrolment at 65", () => {
    expect(codes(run({ age: 65 }))).toContain("hsa_medicare_age");
  });
});
