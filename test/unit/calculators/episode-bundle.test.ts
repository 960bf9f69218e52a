import { describe, expect, it } from "vitest";
import type { RawInputs } from "../../../src/calculators/episode-bundle";
import { compute } from "../../../src/calculators/episode-bundle";
import { inputSchema } from "../../../src/calculators/schemas/episode-bundle";

function run(raw: RawInputs) {
  return compute(inputSchema.parse(raw));
}
const codes = (r: { warnings: { code: string }[] }) => r.warnings.map((w) => w.code);

describe("episode-bundle worked examples", () => {
  it("defaults: caesarean 31.5% → 22.3% with a $986 doula add-on", () => {
    const r = run({});
    const baseline = 17103 * 0.315 + 11453 * 0.685; // 5,387.445 + 7,845.305 = 13,232.75
    const paths = 17103 * 0.223 + 11453 * 0.777; // 3,813.969 + 8,898.981 = 12,712.95
    const program = paths + 986; // 13,698.95
    expect(r.outputs.baseline_cost).toBeCloseTo(baseline, 9);
    expect(r.outputs.program_cost).toBeCloseTo(program, 9);
    expect(r.outputs.savings_per_episode).toBeCloseTo(baseline - program, 9); // −466.2
    expect(r.outputs.annual_savings).toBeCloseTo((baseline - program) * 1000, 6); // −466,200
    expect(r.outputs.margin_baseline).toBeCloseTo(13393 - baseline, 9); // 160.25, inside ±2,678.6
    expect(r.outputs.margin_program).toBeCloseTo(13393 - program, 9); // −305.95
    expect(r.outputs.annual_provider_gain).toBeCloseTo((-305.95 - 160.25) * 1000, 6);
    expect(r.outputs.max_addon_cost_break_even).toBeCloseTo(baseline - paths, 9); // 519.8
    expect(codes(r)).toContain("addon_exceeds_break_even");
    // Every figure now has a source: prices from a reference figure, shares from a verified record.
    expect(codes(r)).not.toContain("assumption_default");
    // The shares come from a verified record: no illustrative warning.
    expect(codes(r)).not.toContain("illustrative_default");
  });

  it("stop-loss clamps both margins when the target price is low", () => {
    const r = run({ target_price: 8000, stop_loss_pct: 10 });
    // floor = −10% × 8,000 = −800; 8,000 − 13,232.75 = −5,232.75 → −800; 8,000 − 13,698.95 = −5,698.95 → −800
    expect(r.outputs.margin_baseline_unclamped).toBeCloseTo(-5232.75, 9);
    expect(r.outputs.margin_baseline).toBe(-800);
    expect(r.outputs.margin_program).toBe(-800);
    expect(r.outputs.annual_provider_gain).toBe(0);
    const w = r.warnings.find((x) => x.code === "stop_loss_binding");
    expect(w?.message).toContain("without the add-on and with the add-on");
  });

  it("stop-gain clamps both margins when the target price is high", () => {
    const r = run({ target_price: 20000, stop_gain_pct: 20 });
    // ceiling = 20% × 20,000 = 4,000; margins 6,767.25 and 6,301.05 → 4,000
    expect(r.outputs.margin_baseline).toBe(4000);
    expect(r.outputs.margin_program).toBe(4000);
    expect(codes(r)).toContain("stop_gain_binding");
  });

  it("a cheap add-on that shifts enough episodes saves money and raises the provider's margin", () => {
    const r = run({
      target_price: 11000,
      addon_cost_per_episode: 200,
      branches: [
        { label: "Complicated", cost: 20000, baseline_share_pct: 20, program_share_pct: 10 },
        { label: "Uncomplicated", cost: 8000, baseline_share_pct: 80, program_share_pct: 90 },
      ],
    });
    // baseline = 4,000 + 6,400 = 10,400; program = 2,000 + 7,200 + 200 = 9,400; savings 1,000
    expect(r.outputs.baseline_cost).toBeCloseTo(10400, 9);
    expect(r.outputs.program_cost).toBeCloseTo(9400, 9);
    expect(r.outputs.savings_per_episode).toBeCloseTo(1000, 9);
    // margins 600 and 1,600 (inside ±2,200): gain 1,000 × 1,000 episodes
    expect(r.outputs.annual_provider_gain).toBeCloseTo(1_000_000, 6);
    expect(r.outputs.max_addon_cost_break_even).toBeCloseTo(1200, 9);
    expect(codes(r)).not.toContain("addon_exceeds_break_even");
  });

  it("share columns must sum to 100 ± 0.01, reported per column", () => {
    const bad = inputSchema.safeParse({
      branches: [
        { label: "A", cost: 1, baseline_share_pct: 50, program_share_pct: 60 },
        { label: "B", cost: 1, baseline_share_pct: 50, program_share_pct: 39 },
      ],
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path)).toEqual([["branches", "program_share_pct"]]);
    const within = inputSchema.safeParse({
      branches: [
        { label: "A", cost: 1, baseline_share_pct: 50.005, program_share_pct: 100 },
        { label: "B", cost: 1, baseline_share_pct: 50, program_share_pct: 0 },
      ],
    });
    expect(within.success).toBe(true);
  });
});
