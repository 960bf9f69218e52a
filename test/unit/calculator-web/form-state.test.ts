import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CalculatorId, calculatorIds, runCalculator } from "../../../src/calculators";
import {
  applyRowAction,
  canonicalQuery,
  fieldId,
  formErrors,
  formModel,
  fromQuery,
  queryString,
  type RawInput,
  toQuery,
} from "../../../src/views/calculator/form-state";
import { defaultSavingsLinesWith } from "../../fixtures/calculators";
import { validInput } from "../calculators/arbitraries";

const read = (id: CalculatorId, query: string) => fromQuery(formModel(id), new URLSearchParams(query));

/** Object → query → object, as a browser would carry it (through the URL's own parser). */
function roundTrip(id: CalculatorId, raw: RawInput): RawInput {
  const query = canonicalQuery(formModel(id), raw);
  return fromQuery(formModel(id), new URL(`https://x.test/c?${query}`).searchParams).raw;
}

/** JSON with sorted keys, so -0 and 0 compare equal (as on the wire) and key order does not matter. */
function stable(value: unknown): string {
  return JSON.stringify(value, (_, v) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/** The inputs a calculator actually uses for `raw`. */
function parsedInputs(id: CalculatorId, raw: unknown): string {
  const outcome = runCalculator(id, raw);
  if (!outcome.ok) throw new Error(`${id}: ${JSON.stringify(outcome.fields)}`);
  return stable(outcome.result.inputs);
}

describe("field model from each calculator's JSON Schema", () => {
  it.each(calculatorIds)("%s: every input has a title, and the shapes are ones the form can draw", (id) => {
    const model = formModel(id);
    expect(model.fields.length).toBeGreaterThan(3);
    for (const field of model.fields) {
      expect(field.title).not.toBe(field.key);
      if (field.kind === "array") {
        expect(field.default.length).toBeGreaterThan(0);
        expect(field.maxItems).toBeGreaterThanOrEqual(field.minItems);
      }
    }
  });

  it("recognises booleans, enums, nullable and optional numbers and optional objects", () => {
    const roi = formModel("program-roi");
    expect(roi.fields.find((f) => f.key === "uncertainty")?.kind).toBe("object");
    expect(roi.fields.find((f) => f.key === "savings_lines")).toMatchObject({ kind: "array", maxItems: 20 });
    const hsa = formModel("hsa-tax-savings");
    expect(hsa.fields.find((f) => f.key === "payroll_deduction")).toMatchObject({ kind: "boolean", default: true });
    expect(hsa.fields.find((f) => f.key === "tax_year")).toMatchObject({
      kind: "enum",
      options: [2024, 2025, 2026, 2027],
    });
    expect(hsa.fields.find((f) => f.key === "planned_contribution")).toMatchObject({
      optional: true,
      hasDefault: false,
    });
    const patient = formModel("patient-cost-compare");
    expect(patient.fields.find((f) => f.key === "membership_visits_per_month")).toMatchObject({
      kind: "integer",
      nullable: true,
      default: null,
    });
  });
});

describe("defaults: an empty query is the defaults, and the defaults are an empty query", () => {
  it.each(calculatorIds)("%s", (id) => {
    expect(read(id, "")).toEqual({ raw: {}, action: null });
    const outcome = runCalculator(id, {});
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    // The normalised inputs (every default filled in) write back as no parameters at all.
    const inputs = outcome.result.inputs as RawInput;
    const model = formModel(id);
    const written = toQuery(model, inputs).filter(([name]) => {
      // Derived defaults (baseline = benchmark, planned = min(expenses, limit)) are filled in by compute, not by the
      // schema, so they are legitimately written when present in the normalised inputs.
      return name !== "baseline_spend_pmpy" && name !== "planned_contribution";
    });
    expect(written).toEqual([]);
    expect(parsedInputs(id, roundTrip(id, inputs))).toBe(parsedInputs(id, {}));
  });
});

describe("edited values round-trip: object → query → object", () => {
  it("scalars, one array cell, an optional object: only the differences are written, in schema order", () => {
    const raw = {
      participants: 2500,
      savings_lines: defaultSavingsLinesWith(1, { reduction_pct: 35.5 }),
      years: 5,
      uncertainty: { iterations: 2000, seed: 1 },
    };
    const query = canonicalQuery(formModel("program-roi"), raw);
    expect(query).toBe(
      "participants=2500&savings_lines[1].reduction_pct=35.5&years=5&uncertainty=on&uncertainty.iterations=2000",
    );
    // The seed equals its default, so it is left out and filled in again by the schema.
    expect(roundTrip("program-roi", raw)).toEqual({ ...raw, uncertainty: { iterations: 2000 } });
  });

  it("arrays: added rows and removed rows carry their count; labels survive any characters", () => {
    const raw = {
      tiers: [
        { label: "Sliding scale & low (<$30)", monthly_fee: 25, members_start: 10, share_of_new_members_pct: 40 },
        { label: "Standard", monthly_fee: 60, members_start: 0, share_of_new_members_pct: 60 },
      ],
    };
    const query = canonicalQuery(formModel("membership-clinic"), raw);
    expect(query).toContain("tiers=2");
    expect(query).toContain("tiers[0].label=Sliding%20scale%20%26%20low%20(%3C%2430)");
    expect(roundTrip("membership-clinic", raw)).toEqual(raw);

    const oneLine = {
      savings_lines: [
        { label: "ED visits", baseline_events_per_participant: 2, cost_per_event: 100, reduction_pct: 50 },
      ],
    };
    expect(canonicalQuery(formModel("program-roi"), oneLine)).toMatch(/^savings_lines=1&/);
    expect(roundTrip("program-roi", oneLine)).toEqual(oneLine);
  });

  it("optional objects: on with defaults is just `=on`; off is nothing", () => {
    expect(canonicalQuery(formModel("patient-cost-compare"), { insurance: {} })).toBe("insurance=on");
    expect(read("patient-cost-compare", "insurance=on").raw).toEqual({ insurance: {} });
    expect(read("patient-cost-compare", "insurance=off&insurance.copay=20").raw).toEqual({});
    const withPlan = { insurance: { copay: 20, allowed_amount: 100 } };
    expect(canonicalQuery(formModel("patient-cost-compare"), withPlan)).toBe("insurance=on&insurance.copay=20");
  });

  it("nullable: empty means null (unlimited), a number is a number", () => {
    expect(read("patient-cost-compare", "membership_visits_per_month=").raw).toEqual({
      membership_visits_per_month: null,
    });
    expect(read("patient-cost-compare", "membership_visits_per_month=2").raw).toEqual({
      membership_visits_per_month: 2,
    });
    expect(canonicalQuery(formModel("patient-cost-compare"), { membership_visits_per_month: null })).toBe("");
    expect(canonicalQuery(formModel("patient-cost-compare"), { membership_visits_per_month: 4 })).toBe(
      "membership_visits_per_month=4",
    );
  });

  it("optional numbers without a default: empty leaves them out", () => {
    expect(read("hsa-tax-savings", "planned_contribution=&age=60").raw).toEqual({ age: 60 });
    expect(read("shared-savings", "baseline_spend_pmpy=11000").raw).toEqual({ baseline_spend_pmpy: 11000 });
  });

  it("booleans and enums: false stays false (a select, never a checkbox); numeric enums become numbers", () => {
    const raw = read("hsa-tax-savings", "payroll_deduction=false&tax_year=2025&account=fsa").raw;
    expect(raw).toEqual({ payroll_deduction: false, tax_year: 2025, account: "fsa" });
    expect(canonicalQuery(formModel("hsa-tax-savings"), raw)).toBe("tax_year=2025&account=fsa&payroll_deduction=false");
    expect(read("shared-savings", "two_sided=true").raw).toEqual({ two_sided: true });
  });

  it("the first value of a name wins (an embed's locked values come first), for every kind of input", () => {
    const { raw } = read(
      "program-roi",
      "participants=5000&savings_lines=2&savings_lines[0].label=A&uncertainty=on&uncertainty.seed=7" +
        "&participants=9&savings_lines=4&savings_lines[0].label=B&uncertainty=off&uncertainty.seed=8",
    );
    expect(raw.participants).toBe(5000);
    const rows = raw.savings_lines as Record<string, unknown>[];
    expect(rows).toHaveLength(2);
    expect(rows[0]?.label).toBe("A");
    expect((raw.uncertainty as Record<string, unknown>).seed).toBe(7);
  });

  it("a whole submitted form (every field, defaults included) reduces to the same short query", () => {
    const model = formModel("program-roi");
    const full = new URLSearchParams();
    const inputs = (runCalculator("program-roi", { participants: 1200 }) as { ok: true; result: { inputs: RawInput } })
      .result.inputs;
    full.set("participants", "1200");
    for (const key of ["cost_per_participant", "fixed_cost_per_year", "upfront_cost", "years", "discount_rate_pct"]) {
      full.set(key, String(inputs[key]));
    }
    full.set("savings_lines", "3");
    (inputs.savings_lines as RawInput[]).forEach((line, i) => {
      for (const [k, v] of Object.entries(line)) full.set(`savings_lines[${i}].${k}`, String(v));
    });
    full.set("uncertainty", "off");
    full.set("uncertainty.iterations", "10000");
    expect(canonicalQuery(model, fromQuery(model, full).raw)).toBe("participants=1200");
  });

  it("property: any valid input survives the URL with the same parsed inputs, and the canonical query is stable", () => {
    for (const id of calculatorIds) {
      fc.assert(
        fc.property(validInput(id), (raw) => {
          const back = roundTrip(id, raw);
          expect(parsedInputs(id, back)).toBe(parsedInputs(id, raw));
          const once = canonicalQuery(formModel(id), back);
          expect(canonicalQuery(formModel(id), roundTrip(id, back))).toBe(once);
        }),
        { numRuns: 60 },
      );
    }
  });
});

describe("junk stays junk, so the schema reports it by path", () => {
  it("non-numbers, Infinity, NaN, an empty required number, a bad boolean, a bad enum and a bad switch", () => {
    const { raw } = read(
      "program-roi",
      "participants=abc&cost_per_participant=Infinity&years=NaN&discount_rate_pct=&uncertainty=maybe",
    );
    expect(raw).toEqual({
      participants: "abc",
      cost_per_participant: "Infinity",
      years: "NaN",
      discount_rate_pct: "",
      uncertainty: "maybe",
    });
    const outcome = runCalculator("program-roi", raw);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.fields.map((f) => f.path).sort()).toEqual(
      ["cost_per_participant", "discount_rate_pct", "participants", "uncertainty", "years"].sort(),
    );
    // The junk is written back as it was, so the page can show it and a reload reproduces the same errors.
    expect(canonicalQuery(formModel("program-roi"), raw)).toBe(
      "participants=abc&cost_per_participant=Infinity&years=NaN&discount_rate_pct=&uncertainty=maybe",
    );

    const hsa = read("hsa-tax-savings", "payroll_deduction=yes&tax_year=1999").raw;
    expect(hsa).toEqual({ payroll_deduction: "yes", tax_year: "1999" });
    const bad = runCalculator("hsa-tax-savings", hsa);
    expect(bad.ok ? [] : bad.fields.map((f) => f.path).sort()).toEqual(["payroll_deduction", "tax_year"]);
  });

  it("a bad array cell is reported at its own path", () => {
    const raw = read("program-roi", "savings_lines[2].reduction_pct=lots&savings_lines[0].label=").raw;
    const outcome = runCalculator("program-roi", raw);
    expect(outcome.ok ? [] : outcome.fields.map((f) => f.path)).toEqual([
      "savings_lines[0].label",
      "savings_lines[2].reduction_pct",
    ]);
  });

  it("hostile row counts and indexes are capped just above the limit, so the schema still says 'too many'", () => {
    const raw = read("program-roi", "savings_lines=1000000&savings_lines[999999].label=x").raw;
    expect((raw.savings_lines as unknown[]).length).toBe(21);
    const outcome = runCalculator("program-roi", raw);
    expect(outcome.ok ? [] : outcome.fields.map((f) => f.path)).toEqual(["savings_lines"]);
  });

  it("unknown parameters are ignored (a tracking tag must not break a shared link)", () => {
    expect(read("program-roi", "utm_source=mail&participants=10&uncertainty.foo=1").raw).toEqual({ participants: 10 });
  });

  it("friendly messages name the range", () => {
    const model = formModel("program-roi");
    const outcome = runCalculator("program-roi", {
      participants: 1.5,
      years: 0,
      savings_lines: [],
      uncertainty: "x",
    });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(formErrors(model, outcome.issues)).toEqual([
      { path: "participants", message: "Enter a whole number from 1 to 10,000,000" },
      { path: "savings_lines", message: "Use 1 to 20 rows" },
      { path: "years", message: "Enter a whole number from 1 to 10" },
      { path: "uncertainty", message: "Choose on or off" },
    ]);
  });
});

describe("add and remove rows (no-JS submit buttons)", () => {
  it("_add appends a neutral row that keeps the inputs valid", () => {
    const { raw, action } = read("program-roi", "participants=5&_add=savings_lines");
    expect(action).toEqual({ kind: "add", array: "savings_lines" });
    const lines = raw.savings_lines as RawInput[];
    expect(lines).toHaveLength(4);
    expect(lines[3]).toEqual({
      label: "Savings line 4",
      baseline_events_per_participant: 0,
      cost_per_event: 0,
      reduction_pct: 0,
    });
    expect(runCalculator("program-roi", raw).ok).toBe(true);
    expect(canonicalQuery(formModel("program-roi"), raw)).toBe("participants=5&savings_lines=4");
    // A tier or branch added with a 0% share keeps each share column at 100.
    expect(runCalculator("membership-clinic", read("membership-clinic", "_add=tiers").raw).ok).toBe(true);
    expect(runCalculator("episode-bundle", read("episode-bundle", "_add=branches").raw).ok).toBe(true);
  });

  it("_remove drops the named row; later rows move up and are written in full", () => {
    const { raw, action } = read("program-roi", "_remove=savings_lines[0]");
    expect(action).toEqual({ kind: "remove", array: "savings_lines", index: 0 });
    const labels = (raw.savings_lines as RawInput[]).map((l) => l.label);
    expect(labels).toEqual(["Opioid prescription fills", "Hospital readmissions within 30 days"]);
    const query = canonicalQuery(formModel("program-roi"), raw);
    expect(query.startsWith("savings_lines=2&savings_lines[0].label=Opioid")).toBe(true);
    expect(roundTrip("program-roi", raw)).toEqual(raw);
  });

  it("cannot remove the last row or add beyond the maximum; unknown arrays are ignored", () => {
    const model = formModel("membership-clinic");
    const one = read("membership-clinic", "_remove=tiers[0]").raw;
    expect((one.tiers as unknown[]).length).toBe(1);
    let raw: RawInput = {};
    for (let i = 0; i < 15; i++) raw = applyRowAction(model, raw, { kind: "add", array: "tiers" });
    expect((raw.tiers as unknown[]).length).toBe(10);
    expect(read("program-roi", "_add=nope").action).toBeNull();
    expect(read("program-roi", "_remove=savings_lines").action).toBeNull();
  });
});

describe("names and ids", () => {
  it("ids are valid CSS identifiers derived from paths", () => {
    expect(fieldId("participants")).toBe("f-participants");
    expect(fieldId("savings_lines[10].reduction_pct")).toBe("f-savings_lines-10-reduction_pct");
    expect(fieldId("uncertainty.seed")).toBe("f-uncertainty-seed");
  });

  it("query strings keep brackets readable and encode everything else", () => {
    expect(queryString([["savings_lines[0].label", "A&B = c"]])).toBe("savings_lines[0].label=A%26B%20%3D%20c");
  });
});

describe("toggling a form never produces an error", () => {
  // Every combination of the choices a person makes with a select (enumerations, yes/no, an optional group on or
  // off), from the defaults: each must compute. A choice that makes another input irrelevant is ignored with a
  // warning, never rejected (an FSA with family coverage was once a 400).
  const withSelects = calculatorIds.filter((id) =>
    formModel(id).fields.some((f) => f.kind === "object" || f.kind === "boolean" || f.kind === "enum"),
  );
  it.each(withSelects)("%s: every combination of its selects computes", (id) => {
    const model = formModel(id);
    const choices: [string, string[]][] = [];
    for (const field of model.fields) {
      if (field.kind === "object") choices.push([field.key, ["off", "on"]]);
      else if (field.kind === "boolean") choices.push([field.key, ["true", "false"]]);
      else if (field.kind === "enum") choices.push([field.key, (field.options ?? []).map(String)]);
    }
    let combinations: [string, string][][] = [[]];
    for (const [key, values] of choices) {
      combinations = combinations.flatMap((combination) =>
        values.map((value): [string, string][] => [...combination, [key, value]]),
      );
    }
    expect(combinations.length).toBeGreaterThan(1);
    for (const combination of combinations) {
      const outcome = runCalculator(id, fromQuery(model, new URLSearchParams(combination)).raw);
      expect(outcome.ok ? [] : outcome.fields, new URLSearchParams(combination).toString()).toEqual([]);
    }
  });
});
