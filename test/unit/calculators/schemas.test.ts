import { describe, expect, it } from "vitest";
import * as z from "zod";
import { calculatorIds, calculators, fieldErrors, runCalculator } from "../../../src/calculators";

const pathsOf = (raw: unknown, id: (typeof calculatorIds)[number]) => {
  const out = runCalculator(id, raw);
  if (out.ok) throw new Error(`${id} accepted ${JSON.stringify(raw)}`);
  return out.fields.map((f) => f.path).sort();
};

describe("calculator schemas", () => {
  it.each(calculatorIds)("%s: {} parses to the full defaults and computes", (id) => {
    const parsed = calculators[id].inputSchema.safeParse({});
    expect(parsed.success).toBe(true);
    const out = runCalculator(id, {});
    expect(out.ok).toBe(true);
    if (out.ok) {
      expect(out.result.calculator).toBe(id);
      expect(out.result.steps.length).toBeGreaterThan(0);
      // Outputs are JSON-safe: a round trip changes nothing (no undefined, NaN or Infinity hiding in them).
      expect(JSON.parse(JSON.stringify(out.result.outputs))).toEqual(out.result.outputs);
    }
  });

  it.each(calculatorIds)("%s: the schema yields a JSON Schema with a title for every top-level input", (id) => {
    const json = z.toJSONSchema(calculators[id].inputSchema, { io: "input" }) as {
      properties: Record<string, { title?: string; description?: string }>;
      additionalProperties: boolean;
    };
    expect(json.additionalProperties).toBe(false);
    for (const [key, prop] of Object.entries(json.properties)) {
      expect(prop.title, key).toBeTruthy();
      expect(prop.description, key).toBeTruthy();
    }
  });

  it("program-roi: every bad field is reported by its own path", () => {
    const raw = {
      participants: 0,
      cost_per_participant: -1,
      savings_lines: [
        { label: "", baseline_events_per_participant: -1, cost_per_event: "x", reduction_pct: 101, extra: 1 },
        { label: "ok", baseline_events_per_participant: 1, cost_per_event: 1, reduction_pct: 5 },
      ],
      years: 11,
      discount_rate_pct: 20.5,
      uncertainty: { iterations: 99, seed: 1.5, reduction_spread_pct: 101 },
      bogus: true,
    };
    expect(pathsOf(raw, "program-roi")).toEqual(
      [
        "participants",
        "cost_per_participant",
        "savings_lines[0].label",
        "savings_lines[0].baseline_events_per_participant",
        "savings_lines[0].cost_per_event",
        "savings_lines[0].reduction_pct",
        "savings_lines[0].extra",
        "years",
        "discount_rate_pct",
        "uncertainty.iterations",
        "uncertainty.seed",
        "uncertainty.reduction_spread_pct",
        "bogus",
      ].sort(),
    );
  });

  it("shared-savings: every bad field is reported by its own path", () => {
    const raw = {
      beneficiaries: 1.5,
      benchmark_pmpy: 0,
      baseline_spend_pmpy: -5,
      spend_reduction_pct: -101,
      minimum_savings_rate_pct: 11,
      two_sided: "yes",
      loss_cap_pct: 100.1,
    };
    expect(pathsOf(raw, "shared-savings")).toEqual(
      [
        "beneficiaries",
        "benchmark_pmpy",
        "baseline_spend_pmpy",
        "spend_reduction_pct",
        "minimum_savings_rate_pct",
        "two_sided",
        "loss_cap_pct",
      ].sort(),
    );
  });

  it("episode-bundle: field errors and the share-sum rule are reported together", () => {
    const raw = {
      target_price: 0,
      stop_gain_pct: -1,
      branches: [
        { label: "A", cost: 100, baseline_share_pct: 60, program_share_pct: 50 },
        { label: "B", cost: 100, baseline_share_pct: 30, program_share_pct: 50 },
      ],
    };
    expect(pathsOf(raw, "episode-bundle")).toEqual(
      ["target_price", "stop_gain_pct", "branches.baseline_share_pct"].sort(),
    );
    // A bad value inside branches: reported at its own path; the sum rule waits until the column is valid.
    const inner = {
      branches: [{ label: "A", cost: -1, baseline_share_pct: 100, program_share_pct: 120 }],
    };
    expect(pathsOf(inner, "episode-bundle")).toEqual(["branches[0].cost", "branches[0].program_share_pct"].sort());
  });

  it("membership-clinic: every bad field is reported by its own path", () => {
    const raw = {
      tiers: [{ label: "A", monthly_fee: 60, members_start: 2.5, share_of_new_members_pct: 100, colour: "red" }],
      months: 61,
      monthly_churn_pct: Number.NaN,
      reserve_target_months: 37,
    };
    expect(pathsOf(raw, "membership-clinic")).toEqual(
      ["tiers[0].members_start", "tiers[0].colour", "months", "monthly_churn_pct", "reserve_target_months"].sort(),
    );
    expect(pathsOf({ tiers: [] }, "membership-clinic")).toEqual(["tiers"]);
  });

  it("hsa-tax-savings: every bad field is reported by its own path", () => {
    const raw = {
      tax_year: 2030,
      account: "ira",
      age: 17,
      federal_marginal_rate_pct: 51,
      state_rate_pct: 21,
      payroll_deduction: 1,
      dpc_monthly_fee: Number.POSITIVE_INFINITY,
    };
    expect(pathsOf(raw, "hsa-tax-savings")).toEqual(
      [
        "tax_year",
        "account",
        "age",
        "federal_marginal_rate_pct",
        "state_rate_pct",
        "payroll_deduction",
        "dpc_monthly_fee",
      ].sort(),
    );
  });

  it("patient-cost-compare: every bad field is reported by its own path", () => {
    const raw = {
      visits_per_year: 366,
      membership_visits_per_month: -1,
      insurance: { allowed_amount: -1, coinsurance_pct: 101, covered_visits_per_year: 1.5, network: "ppo" },
      hsa_tax_rate_pct: 61,
    };
    expect(pathsOf(raw, "patient-cost-compare")).toEqual(
      [
        "visits_per_year",
        "membership_visits_per_month",
        "insurance.allowed_amount",
        "insurance.coinsurance_pct",
        "insurance.covered_visits_per_year",
        "insurance.network",
        "hsa_tax_rate_pct",
      ].sort(),
    );
  });

  it.each(calculatorIds)("%s: a body that is not an object is rejected at the root, not thrown", (id) => {
    for (const raw of [null, [], "text", 42, undefined]) {
      const out = runCalculator(id, raw);
      expect(out.ok).toBe(false);
      if (!out.ok) expect(out.fields[0]?.path).toBe("");
    }
  });

  it("an unknown calculator id is reported, not thrown", () => {
    expect(runCalculator("nope", {})).toEqual({ ok: false, error: "unknown_calculator", issues: [], fields: [] });
    expect(runCalculator("__proto__", {})).toMatchObject({ ok: false, error: "unknown_calculator" });
  });

  it("fieldErrors expands unknown keys into one entry each", () => {
    const parsed = calculators["program-roi"].inputSchema.safeParse({ a: 1, b: 2 });
    expect(fieldErrors(parsed.error!.issues).map((f) => f.path)).toEqual(["a", "b"]);
  });
});
