// Reference figures and scenarios: the contract's schema, coverage of every cost item of shared/data, and the
// build-time checks that tie scenarios to their calculators and to the evidence base.
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadContent } from "../../../scripts/lib/content";
import { loadFiguresAndScenarios, parseScenarioFile } from "../../../scripts/lib/figures-content";
import { calculatorIds } from "../../../src/calculators";
import { withScenario } from "../../../src/calculators/scenario";
import { parseReferenceFigure } from "../../../src/domain/reference-figure";

const shared = "../shared/data/cost-parameters.yaml";
const content = loadContent("content");
const built = loadFiguresAndScenarios("content", content.records);

const figure = {
  slug: "example-figure",
  title: "Average price of an example, 2020",
  value: 13393,
  unit: "usd",
  per: "birth",
  price_year: 2020,
  payer_context: ["commercial"],
  geography: "US",
  measure: "price",
  provenance: "verified",
  source: { key: "s", kind: "web_page", title: "A page", url: "https://example.org/a" },
  quote: "the average price of childbirth was $13,393 in 2020",
};

describe("reference-figure schema", () => {
  it("accepts the contract's shape", () => {
    expect(parseReferenceFigure(figure).ok).toBe(true);
  });

  it("rejects unknown fields, a half range, a quote without the figure and a dollar year on a count", () => {
    const bad = (patch: Record<string, unknown>) => {
      const result = parseReferenceFigure({ ...figure, ...patch });
      return result.ok ? [] : result.errors.map((e) => e.path);
    };
    expect(bad({ summary: "x" })).toContain("summary");
    expect(bad({ low: 1 })).toContain("high");
    expect(bad({ quote: "the average price of childbirth rose in 2020" })).toContain("quote");
    expect(bad({ unit: "count", price_year: 2020, quote: "13393 births" })).toContain("price_year");
    expect(bad({ provenance: "illustrative" })).toContain("provenance");
    expect(bad({ payer_context: ["all_payers", "medicaid"] })).toContain("payer_context");
  });
});

describe("reference figures in content/", () => {
  it("validate, with the scenarios and the defaults that cite them", () => {
    expect(built.errors).toEqual([]);
    expect(built.figures.length).toBeGreaterThanOrEqual(13);
  });

  it.runIf(existsSync(shared))("hold every cost item of shared/data (matched by a source URL)", () => {
    const items = (parse(readFileSync(shared, "utf8")) as { items: { id: number; sources: { url?: string }[] }[] })
      .items;
    expect(items.map((i) => i.id)).toEqual([101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113]);
    const urls = new Set(built.figures.map((f) => f.source.url).filter(Boolean));
    const missing = items.filter((item) => !item.sources.some((s) => s.url && urls.has(s.url))).map((i) => i.id);
    expect(missing).toEqual([]);
  });

  it("never cite a figure the notes removed (the Medicare acupuncture fee, the $810 MDPP maximum, $3,263.21)", () => {
    const values = built.figures.flatMap((f) => [f.value, f.low, f.high]);
    for (const removed of [810, 3263.21, 37.89, 527]) expect(values).not.toContain(removed);
  });
});

describe("scenarios", () => {
  it("give every calculator at least two, except shared savings (the evidence base holds one)", () => {
    const counts = Object.fromEntries(
      calculatorIds.map((id) => [id, built.scenarios.filter((s) => s.calculator === id).length]),
    );
    for (const id of calculatorIds) expect(counts[id], id).toBeGreaterThanOrEqual(id === "shared-savings" ? 1 : 2);
  });

  it("mark a scenario resting on an illustrative record", () => {
    const illustrative = built.scenarios.filter((s) => s.illustrative).map((s) => s.slug);
    expect(illustrative).toEqual(["employer-aco-wellness-stipends", "sliding-scale-clinic-social-impact-bond"]);
  });

  const file = (front: string) => `---\n${front}\n---\nA short note on what the scenario assumes.\n`;
  const evidence = { records: content.records, figures: built.figures };
  const errorsOf = (front: string) => {
    const result = parseScenarioFile(file(front), "content/scenarios/bad-scenario.md", evidence);
    return "errors" in result ? result.errors.map((e) => `${e.path}: ${e.message}`) : [];
  };
  const head =
    "slug: bad-scenario\ntitle: A bad scenario\ncalculator: program-roi\nsummary: A scenario written to fail the checks.";

  it("are checked against the calculator's schema and the evidence base at build time", () => {
    expect(
      errorsOf(`${head}\ninputs: { years: 40 }\nreferences: { years: { assumption: "Forty years of effect." } }`),
    ).toEqual([expect.stringMatching(/^inputs\.years: /)]);
    expect(errorsOf(`${head}\ninputs: { years: 2 }\nreferences: {}`)).toEqual([
      expect.stringMatching(/^references\.years: is missing/),
    ]);
    expect(
      errorsOf(
        `${head}\ninputs: { years: 2 }\nreferences: { years: { case_study: highmark-ornish-program, metric: hba1c } }`,
      ),
    ).toEqual([expect.stringMatching(/no 'hba1c' outcome/)]);
    expect(
      errorsOf(`${head}\ninputs: { years: 2 }\nreferences: { years: { reference_figure: no-such-figure } }`),
    ).toEqual([expect.stringMatching(/no reference figure has the slug/)]);
    expect(
      errorsOf(
        `${head}\ninputs: { years: 2 }\nreferences: { years: { assumption: "Two years." }, upfront_cost: { assumption: "None at all here." } }`,
      ),
    ).toEqual([expect.stringMatching(/^references\.upfront_cost: names an input the scenario does not set/)]);
  });

  it("load under explicit inputs: a field wins, an object merges, an array is replaced", () => {
    const base = { years: 1, uncertainty: { seed: 2, iterations: 500 }, savings_lines: [{ label: "a" }] };
    expect(withScenario(base, { years: 3, uncertainty: { seed: 9 }, savings_lines: [] })).toEqual({
      years: 3,
      uncertainty: { seed: 9, iterations: 500 },
      savings_lines: [],
    });
    expect(withScenario(base, {})).toEqual(base);
  });
});
