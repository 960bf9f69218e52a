import { describe, expect, it } from "vitest";
import type { Outcome } from "../../../src/domain/case-study";
import { median, noEffectValue, type SynthesisRecord, synthesise } from "../../../src/domain/synthesis";

const rel = (value: number, extra: Partial<Outcome> = {}): Outcome => ({
  metric: "ed_visits",
  kind: "relative_change",
  value,
  unit: "percent",
  comparison: "usual_care",
  source: "s",
  ...extra,
});

function record(slug: string, outcomes: Outcome[], extra: Partial<SynthesisRecord> = {}): SynthesisRecord {
  return { slug, title: `Record ${slug}`, grade: "B", provenance: "verified", status: "published", outcomes, ...extra };
}

describe("median", () => {
  it("takes the middle value, or the mean of the two middle ones", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });
});

describe("synthesise", () => {
  // Hand-computed: values -10 (n 100), -20 (n 300), -30 (n unknown).
  // count 3, median -20, range -30 to -10; weighted mean over the two with n: (100·-10 + 300·-20) / 400 = -17.5.
  const records = [
    record("a", [rel(-10, { n: 100 })]),
    record("b", [rel(-20)], { population_size: 300, grade: "A" }),
    record("c", [rel(-30)]),
  ];

  it("pools comparable figures: count, median, range and the n-weighted mean where sizes are known", () => {
    const [ed] = synthesise(records).metrics;
    expect(ed?.metric).toBe("ed_visits");
    expect(ed?.groups).toHaveLength(1);
    const group = ed?.groups[0];
    expect(group).toMatchObject({ count: 3, median: -20, min: -30, max: -10, weighted_mean: -17.5 });
    expect(group?.weighted_figures).toBe(2);
    expect(group?.weighted_n).toBe(400);
    expect(ed?.apart).toEqual([]);
    expect(ed?.grade_mix).toEqual({ A: 1, B: 2, C: 0, D: 0, E: 0 });
  });

  it("has no weighted mean when no size is known", () => {
    const [ed] = synthesise([record("a", [rel(-10)]), record("b", [rel(-30)])]).metrics;
    expect(ed?.groups[0]).toMatchObject({ median: -20, weighted_mean: null, weighted_figures: 0 });
  });

  it("lists figures of another kind, unit or comparison apart, not in the pool", () => {
    const mixed = [
      ...records,
      record("d", [rel(-2, { kind: "absolute_change", unit: "percentage_points" })]),
      record("e", [rel(0.8, { kind: "risk_ratio", unit: "ratio" })]),
      record("f", [rel(-50, { comparison: "pre_period" })]),
    ];
    const [ed] = synthesise(mixed).metrics;
    expect(ed?.groups).toHaveLength(1);
    expect(ed?.groups[0]).toMatchObject({ count: 3, median: -20, min: -30, max: -10 });
    expect(ed?.apart.map((f) => f.slug)).toEqual(["d", "e", "f"]);
    expect(ed?.record_count).toBe(6);
  });

  it("pools two comparable sets as two groups, the larger first", () => {
    const two = [
      record("x", [rel(0.7, { kind: "odds_ratio", unit: "ratio" })]),
      record("y", [rel(0.9, { kind: "odds_ratio", unit: "ratio" })]),
      ...records,
    ];
    const [ed] = synthesise(two).metrics;
    expect(ed?.groups.map((g) => [g.kind, g.count, g.median])).toEqual([
      ["relative_change", 3, -20],
      ["odds_ratio", 2, 0.8],
    ]);
  });

  it("keeps money per patient and per programme apart", () => {
    const usd = (value: number, per: Outcome["per"]) =>
      rel(value, { metric: "savings_per_patient", kind: "level", unit: "usd", per, comparison: "none" });
    const [savings] = synthesise([
      record("a", [usd(100, "patient")]),
      record("b", [usd(300, "patient")]),
      record("c", [usd(1_000_000, "program")]),
    ]).metrics;
    expect(savings?.groups[0]).toMatchObject({ count: 2, median: 200, per: "patient" });
    expect(savings?.apart.map((f) => f.slug)).toEqual(["c"]);
  });

  it("never pools outcomes labelled other: each measures something of its own", () => {
    const other = (value: number) => rel(value, { metric: "other", label: "something" });
    const [m] = synthesise([record("a", [other(1)]), record("b", [other(2)])]).metrics;
    expect(m?.groups).toEqual([]);
    expect(m?.apart).toHaveLength(2);
  });

  it("shows illustrative figures apart and never pools them unless asked", () => {
    const withIllustrative = [...records, record("i", [rel(-90)], { provenance: "illustrative", grade: "E" })];
    const [apart] = synthesise(withIllustrative).metrics;
    expect(apart?.groups[0]).toMatchObject({ count: 3, median: -20, min: -30, includes_illustrative: false });
    expect(apart?.illustrative.map((f) => f.slug)).toEqual(["i"]);
    expect(apart?.grade_mix.E).toBe(0);

    // Asked in: -90 joins the pool. Values -90, -30, -20, -10: median -25, min -90.
    const [asked] = synthesise(withIllustrative, { includeIllustrative: true }).metrics;
    expect(asked?.groups[0]).toMatchObject({ count: 4, median: -25, min: -90, includes_illustrative: true });
    expect(asked?.illustrative).toEqual([]);
    expect(asked?.grade_mix.E).toBe(1);
  });

  it("leaves retracted records out, and names them", () => {
    const s = synthesise([...records, record("r", [rel(-99, { n: 1000 })], { status: "retracted" })]);
    expect(s.metrics[0]?.groups[0]).toMatchObject({ count: 3, median: -20, weighted_mean: -17.5 });
    expect(s.left_out).toEqual([{ slug: "r", title: "Record r", reason: "retracted" }]);
  });

  it("follows the metrics asked for, in order, including one nobody reports", () => {
    const s = synthesise([...records, record("h", [rel(-5, { metric: "hospitalizations" })])], {
      metrics: ["hospitalizations", "hba1c", "ed_visits"],
    });
    expect(s.metrics.map((m) => [m.metric, m.record_count])).toEqual([
      ["hospitalizations", 1],
      ["hba1c", 0],
      ["ed_visits", 3],
    ]);
    expect(s.metrics[0]?.apart.map((f) => f.slug)).toEqual(["h"]);
  });

  it("orders metrics by how many figures they have when none are asked for", () => {
    const s = synthesise([...records, record("h", [rel(-5, { metric: "hospitalizations" })])]);
    expect(s.metrics.map((m) => m.metric)).toEqual(["ed_visits", "hospitalizations"]);
  });

  it("names each figure's source when the record's sources are known", () => {
    const source = { key: "s", kind: "journal_article" as const, title: "A trial", year: 2020 };
    const [ed] = synthesise([record("a", [rel(-1)], { sources: [source] }), record("b", [rel(-2)])]).metrics;
    expect(ed?.groups[0]?.figures.map((f) => f.source?.title ?? null)).toEqual(["A trial", null]);
  });
});

describe("noEffectValue", () => {
  it("is 1 for ratios, 0 for changes, none for levels", () => {
    expect(noEffectValue("odds_ratio")).toBe(1);
    expect(noEffectValue("ratio")).toBe(1);
    expect(noEffectValue("relative_change")).toBe(0);
    expect(noEffectValue("standardized_mean_difference")).toBe(0);
    expect(noEffectValue("level")).toBeNull();
  });
});
