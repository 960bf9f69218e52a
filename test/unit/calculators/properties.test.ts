import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { type CalculatorId, calculatorIds, calculators, formatPath, runCalculator } from "../../../src/calculators";
import * as hsa from "../../../src/calculators/hsa-tax-savings";
import * as membership from "../../../src/calculators/membership-clinic";
import * as patient from "../../../src/calculators/patient-cost-compare";
import * as programRoi from "../../../src/calculators/program-roi";
import * as sharedSavings from "../../../src/calculators/shared-savings";
import { inputJsonSchema, nonFiniteNumbers, validInput } from "./arbitraries";

/** FC_SCALE=20 npx vitest run … multiplies every property's number of runs, for a deeper search than CI's. */
const SCALE = Number(process.env.FC_SCALE ?? 1);
const runs = (n = 100) => ({ numRuns: Math.max(1, Math.round(n * SCALE)) });
// The suite's 30 s per test, scaled with the runs (a loaded 2-core machine ran 100 Monte Carlo properties past 5 s).
vi.setConfig({ testTimeout: 30_000 * Math.max(1, SCALE) });

/** Relative closeness for figures that can reach 1e20. */
function close(a: number, b: number, rel = 1e-9): boolean {
  return Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));
}

const roiInput = validInput("program-roi").map((raw) => calculators["program-roi"].inputSchema.parse(raw));

describe("program-roi properties", () => {
  it("bcr × pv_costs = pv_savings whenever bcr is not null", () => {
    fc.assert(
      fc.property(roiInput, (inputs) => {
        const { bcr, pv_costs, pv_savings } = programRoi.compute({ ...inputs, uncertainty: undefined }).outputs;
        if (bcr === null) return pv_costs === 0 || !Number.isFinite(pv_savings / pv_costs);
        return close(bcr * pv_costs, pv_savings);
      }),
      runs(),
    );
  });

  it("NPV never decreases when any reduction_pct increases", () => {
    fc.assert(
      fc.property(roiInput, fc.nat(), fc.double({ min: 0, max: 200, noNaN: true }), (inputs, pick, delta) => {
        const index = pick % inputs.savings_lines.length;
        const line = inputs.savings_lines[index]!;
        const higher = Math.min(100, line.reduction_pct + delta);
        const bumped = {
          ...inputs,
          uncertainty: undefined,
          savings_lines: inputs.savings_lines.map((l, i) => (i === index ? { ...l, reduction_pct: higher } : l)),
        };
        const before = programRoi.compute({ ...inputs, uncertainty: undefined }).outputs.npv;
        return programRoi.compute(bumped).outputs.npv >= before;
      }),
      runs(),
    );
  });

  it("payback is null exactly when cumulative net never reaches zero, and otherwise is the first such month", () => {
    fc.assert(
      fc.property(roiInput, (raw) => {
        const inputs = { ...raw, uncertainty: undefined };
        const { payback_months, annual } = programRoi.compute(inputs).outputs;
        const reaches = annual.some((row) => row.cumulative_net >= 0);
        if (payback_months === null) return !reaches;
        if (!reaches) return false;
        // Rebuild the monthly path, each year's net spread evenly over its months, as 12 × cumulative (same sign).
        const monthly: number[] = [];
        let start = -inputs.upfront_cost;
        for (const row of annual) {
          for (let k = 1; k <= 12; k++) monthly.push(k === 12 ? row.cumulative_net : 12 * start + k * row.net);
          start = row.cumulative_net;
        }
        return monthly[payback_months - 1]! >= 0 && monthly.slice(0, payback_months - 1).every((c) => c < 0);
      }),
      runs(),
    );
  });

  it("the same seed gives the same Monte Carlo result", () => {
    const withUncertainty = roiInput.filter((inputs) => inputs.uncertainty !== undefined);
    fc.assert(
      fc.property(withUncertainty, (inputs) => {
        const a = programRoi.compute(inputs).outputs;
        const b = programRoi.compute(structuredClone(inputs)).outputs;
        expect(b).toEqual(a);
        return a.npv_p10! <= a.npv_p50! && a.npv_p50! <= a.npv_p90! && a.probability_positive_npv! >= 0;
      }),
      runs(30),
    );
  });
});

describe("shared-savings properties", () => {
  const input = validInput("shared-savings").map((raw) => calculators["shared-savings"].inputSchema.parse(raw));

  it("the payment never exceeds the cap, the repayment never exceeds the loss cap", () => {
    fc.assert(
      fc.property(input, (inputs) => {
        const o = sharedSavings.compute(inputs).outputs;
        const N = inputs.beneficiaries;
        // The contract's caps, with one part in 10^12 of slack for the order of floating-point multiplication.
        const slack = 1 + 1e-12;
        const cap = (inputs.savings_cap_pct / 100) * N * inputs.benchmark_pmpy * slack;
        const lossCap = (inputs.loss_cap_pct / 100) * N * inputs.benchmark_pmpy * slack;
        return (
          o.shared_savings_payment >= 0 &&
          o.shared_savings_payment <= cap &&
          o.shared_loss_payment >= 0 &&
          o.shared_loss_payment <= lossCap &&
          (o.met_minimum_savings_rate || o.shared_savings_payment === 0)
        );
      }),
      runs(),
    );
  });

  it("break-even is where aco_net turns non-negative, to within 0.01", () => {
    fc.assert(
      fc.property(input, (inputs) => {
        const x = sharedSavings.compute(inputs).outputs.breakeven_spend_reduction_pct;
        const netAt = (r: number) => sharedSavings.compute({ ...inputs, spend_reduction_pct: r }).outputs.aco_net;
        if (x === null) return netAt(100) < 0;
        return netAt(x) >= 0 && (x === -100 || netAt(Math.max(-100, x - 0.01)) < 0);
      }),
      runs(),
    );
  });
});

describe("membership-clinic properties", () => {
  const input = validInput("membership-clinic").map((raw) => calculators["membership-clinic"].inputSchema.parse(raw));

  it("cash(m) = starting_cash + Σ net through m; the stress case never ends richer", () => {
    fc.assert(
      fc.property(input, (inputs) => {
        const o = membership.compute(inputs).outputs;
        let sum = 0;
        for (const row of o.monthly) {
          sum += row.net;
          if (!close(row.cash, inputs.starting_cash + sum)) return false;
        }
        return o.stress_ending_cash <= o.ending_cash + 1e-9 * Math.max(1, Math.abs(o.ending_cash));
      }),
      runs(),
    );
  });
});

describe("hsa-tax-savings properties", () => {
  const input = validInput("hsa-tax-savings").map((raw) => calculators["hsa-tax-savings"].inputSchema.parse(raw));

  it("tax savings never exceed contribution × rate, and the contribution never exceeds a published limit", () => {
    fc.assert(
      fc.property(input, (inputs) => {
        const o = hsa.compute(inputs).outputs;
        const planned = hsa.compute(inputs).inputs.planned_contribution;
        return (
          o.tax_savings <= o.contribution * (o.tax_rate_pct / 100) &&
          o.tax_savings <= planned * (o.tax_rate_pct / 100) &&
          (o.limit === null || o.contribution <= o.limit) &&
          o.effective_cost <= inputs.annual_qualified_expenses
        );
      }),
      runs(),
    );
  });
});

describe("patient-cost-compare properties", () => {
  const input = validInput("patient-cost-compare").map((raw) =>
    calculators["patient-cost-compare"].inputSchema.parse(raw),
  );

  it("cheapest is the minimum and break-even is the first visit count where membership ≤ per visit", () => {
    fc.assert(
      fc.property(input, (inputs) => {
        const o = patient.compute(inputs).outputs;
        const costs = [o.pay_per_visit, o.membership, ...(o.insurance === null ? [] : [o.insurance])];
        if (o[o.cheapest] !== Math.min(...costs)) return false;
        const b = o.break_even_visits;
        const at = (n: number) => patient.compute({ ...inputs, visits_per_year: n }).outputs;
        if (b === null) return at(365).membership > at(365).pay_per_visit;
        return at(b).membership <= at(b).pay_per_visit && (b === 0 || at(b - 1).membership > at(b - 1).pay_per_visit);
      }),
      runs(50),
    );
  });
});

describe("every calculator", () => {
  it.each(calculatorIds)("%s: no output is NaN or Infinity for any valid input", (id) => {
    fc.assert(
      fc.property(validInput(id), (raw) => {
        const out = runCalculator(id, raw);
        expect(out.ok).toBe(true);
        if (out.ok) expect(nonFiniteNumbers(out.result.outputs)).toEqual([]);
      }),
      runs(id === "program-roi" ? 60 : 150),
    );
  });

  /** Paths of every numeric leaf of the input schema (array items at index 0, optional objects included). */
  function numericPaths(id: CalculatorId): (string | number)[][] {
    const out: (string | number)[][] = [];
    const walk = (schema: Record<string, unknown>, path: (string | number)[]) => {
      const type = schema.type;
      if (type === "number" || type === "integer") out.push(path);
      if (Array.isArray(schema.anyOf)) for (const s of schema.anyOf) walk(s as Record<string, unknown>, path);
      if (type === "array") walk(schema.items as Record<string, unknown>, [...path, 0]);
      if (type === "object") {
        for (const [key, child] of Object.entries(schema.properties as Record<string, unknown>)) {
          walk(child as Record<string, unknown>, [...path, key]);
        }
      }
    };
    walk(inputJsonSchema(id) as Record<string, unknown>, []);
    return out;
  }

  /** A valid body that contains `path` (arrays and optional objects filled from the defaults). */
  function bodyWith(id: CalculatorId, path: (string | number)[], value: unknown): Record<string, unknown> {
    const body = structuredClone(calculators[id].inputSchema.parse({})) as Record<string, unknown>;
    if (path[0] === "uncertainty") body.uncertainty = {};
    if (path[0] === "insurance") body.insurance = {};
    let node = body as Record<string | number, unknown>;
    for (const segment of path.slice(0, -1)) node = node[segment] as Record<string | number, unknown>;
    node[path[path.length - 1]!] = value;
    return body;
  }

  it.each(calculatorIds)("%s: NaN, ±Infinity in any numeric field is rejected at that field's path", (id) => {
    const paths = numericPaths(id);
    fc.assert(
      fc.property(
        fc.constantFrom(...paths),
        fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
        (path, bad) => {
          const out = runCalculator(id, bodyWith(id, path, bad));
          expect(out.ok).toBe(false);
          if (!out.ok) expect(out.fields.map((f) => f.path)).toContain(formatPath(path));
        },
      ),
      runs(),
    );
  });

  it.each(calculatorIds)("%s: unknown fields are rejected by name, at any depth", (id) => {
    const known = new Set(Object.keys((inputJsonSchema(id) as { properties: object }).properties));
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !known.has(k) && k !== "__proto__"),
        (key) => {
          const out = runCalculator(id, { [key]: 1 });
          expect(out.ok).toBe(false);
          if (!out.ok)
            expect(out.fields).toContainEqual(expect.objectContaining({ path: key, code: "unrecognized_keys" }));
        },
      ),
      runs(50),
    );
  });

  it("arrays over their limit are rejected at the array's path", () => {
    const cases: [CalculatorId, string, number][] = [
      ["program-roi", "savings_lines", 20],
      ["episode-bundle", "branches", 10],
      ["membership-clinic", "tiers", 10],
    ];
    for (const [id, field, max] of cases) {
      const defaults = calculators[id].inputSchema.parse({}) as unknown as Record<string, unknown[]>;
      const item = defaults[field]![0];
      const out = runCalculator(id, { [field]: Array.from({ length: max + 1 }, () => item) });
      expect(out.ok).toBe(false);
      if (!out.ok) expect(out.fields.map((f) => f.path)).toContain(field);
    }
  });
});
