// Search cards show at most two figures, each one line of plain words; checked on every record of the real content.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "../../../scripts/lib/content";
import type { Outcome } from "../../../src/domain/case-study";
import { CARD_FIGURES_SHOWN, cardFigures, keyFigure } from "../../../src/domain/key-figures";

const records = loadContent(join(process.cwd(), "content")).records;

const outcome = (o: Partial<Outcome>): Outcome =>
  ({ metric: "other", kind: "level", value: 1, unit: "count", comparison: "none", source: "s", ...o }) as Outcome;

describe("card figures", () => {
  it("reads like the issue's example: a level beside its comparison group's figure, name cut to its head", () => {
    const [figure] = cardFigures([
      outcome({
        label: "Responders at 6 months, verum acupuncture vs guideline-based therapy (responder: 33% better)",
        value: 47.6,
        unit: "percent",
        baseline: 27.4,
        followup: 47.6,
        comparison: "usual_care",
      }),
    ]);
    expect(`${figure?.label}: ${figure?.text}`).toBe("Responders at 6 months: 47.6% vs 27.4% with usual care");
  });

  it("keeps names apart when their heads would read the same", () => {
    const figures = cardFigures([
      outcome({ label: "Incremental cost per participant, MBSR vs usual care", unit: "usd", kind: "absolute_change" }),
      outcome({ label: "Incremental cost per participant, CBT vs usual care", unit: "usd", kind: "absolute_change" }),
    ]);
    expect(figures.map((f) => f.label)).toEqual([
      "Incremental cost per participant, MBSR vs usual care",
      "Incremental cost per participant, CBT vs usual care",
    ]);
  });

  it("a count is a number, and a figure compared with nothing says no comparison word", () => {
    expect(keyFigure(outcome({ label: "Visits covered", value: 12 })).text).toBe("12");
    expect(cardFigures([outcome({ label: "Visits covered", value: 12 })])[0]?.text).toBe("12");
  });

  it.each(records.map((r) => [r.slug, r] as const))("%s: at most two one-line figures, no bare unit words", (_, r) => {
    const figures = cardFigures(r.outcomes);
    expect(figures.length).toBeLessThanOrEqual(CARD_FIGURES_SHOWN);
    expect(figures.length).toBe(Math.min(CARD_FIGURES_SHOWN, r.outcomes.length));
    for (const f of figures) {
      const line = `${f.label}: ${f.text}`;
      expect(line).not.toMatch(/\n|\bcount\b|no comparison|\bUSD\b|:1 no/);
      expect(f.label).not.toMatch(/\(/);
    }
  });
});
