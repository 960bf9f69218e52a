import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import {
  DPC_HSA_FEE_CAP,
  FICA_EMPLOYEE_PCT,
  HEALTH_FSA_LIMITS,
  HSA_LIMITS,
  HSA_RULES,
  LATEST_TAX_YEAR,
  TAX_YEARS,
  type TaxYear,
} from "../../../src/calculators/reference-params";

interface ReferenceParams {
  hsa_limits: { year: number; self: number; family: number; catch_up_55: number; source: string }[];
  health_fsa_limits: { year: number; limit: number | null; carryover_max: number | null; source: string }[];
  dpc_hsa_fee_cap_per_month: { year: number; self: number; family: number; source: string }[];
  payroll_tax: { fica_employee_pct: number; note: string };
  hsa_rules: {
    excess_contribution_excise_pct: number;
    nonqualified_withdrawal_penalty_pct: number;
    nonqualified_withdrawal_penalty_exempt_age: number;
    note: string;
  };
}

// The shared folder sits beside the project root (README: "`../shared` from the project's root").
const file = fileURLToPath(new URL("../../../../shared/data/reference-params.yaml", import.meta.url));
const data = parseYaml(readFileSync(file, "utf8")) as ReferenceParams;

describe("reference-params.ts transcribes shared/data/reference-params.yaml", () => {
  it("covers the same years, latest last", () => {
    expect([...TAX_YEARS]).toEqual(data.hsa_limits.map((row) => row.year).sort());
    expect(LATEST_TAX_YEAR).toBe(Math.max(...data.hsa_limits.map((row) => row.year)));
  });

  it("HSA limits and their sources", () => {
    for (const row of data.hsa_limits) {
      const { year, ...rest } = row;
      expect(HSA_LIMITS[year as TaxYear]).toEqual(rest);
    }
  });

  it("health FSA limits, with the unpublished year left null", () => {
    for (const row of data.health_fsa_limits) {
      const { year, ...rest } = row;
      expect(HEALTH_FSA_LIMITS[year as TaxYear]).toEqual(rest);
    }
    expect(HEALTH_FSA_LIMITS[2027].limit).toBeNull();
  });

  it("DPC fee caps exist only from 2026", () => {
    const years = data.dpc_hsa_fee_cap_per_month.map((row) => row.year);
    for (const row of data.dpc_hsa_fee_cap_per_month) {
      const { year, ...rest } = row;
      expect(DPC_HSA_FEE_CAP[year as TaxYear]).toEqual(rest);
    }
    for (const year of TAX_YEARS) if (!years.includes(year)) expect(DPC_HSA_FEE_CAP[year]).toBeUndefined();
  });

  it("payroll tax and HSA rules", () => {
    expect(FICA_EMPLOYEE_PCT.value).toBe(data.payroll_tax.fica_employee_pct);
    expect(FICA_EMPLOYEE_PCT.source).toBe(data.payroll_tax.note);
    expect(HSA_RULES.excess_contribution_excise_pct).toBe(data.hsa_rules.excess_contribution_excise_pct);
    expect(HSA_RULES.nonqualified_withdrawal_penalty_pct).toBe(data.hsa_rules.nonqualified_withdrawal_penalty_pct);
    expect(HSA_RULES.nonqualified_withdrawal_penalty_exempt_age).toBe(
      data.hsa_rules.nonqualified_withdrawal_penalty_exempt_age,
    );
    expect(HSA_RULES.source).toBe(data.hsa_rules.note);
  });
});
