import { describe, expect, it } from "vitest";
import { type AnyCalculatorResult, calculatorIds, calculators, runCalculator } from "../../../src/calculators";
import { monteCarloDraws } from "../../../src/calculators/program-roi";
import { formErrors, formModel, fromQuery } from "../../../src/views/calculator/form-state";
import { formHtml } from "../../../src/views/calculator/form-view";
import { stepRow } from "../../../src/views/calculator/presentation";
import { present } from "../../../src/views/calculator/presenters";
import { invalidResultsHtml, resultsHtml } from "../../../src/views/calculator/results-view";
import { siteContext } from "../../../src/views/render";

function result(id: string, raw: unknown = {}): AnyCalculatorResult {
  const outcome = runCalculator(id, raw);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.fields));
  return outcome.result;
}

/** Percentile type 7, as the engine computes it. */
function percentile(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

describe("every calculator presents figures, a verdict, SVG charts and its steps", () => {
  it.each(calculatorIds)("%s at its defaults", (id) => {
    const r = result(id);
    const p = present(r);
    expect(p.figures.length).toBeGreaterThanOrEqual(3);
    expect(p.verdict.length).toBeGreaterThan(60);
    expect(p.charts.length).toBeGreaterThanOrEqual(1);
    for (const chart of p.charts) {
      expect(chart.svg.startsWith("<svg")).toBe(true);
      expect(chart.table.rows.length).toBeGreaterThan(0);
    }
    expect(p.steps).toHaveLength(r.steps.length);
    const html = resultsHtml(p, siteContext);
    // CSP: no inline style or script may reach the page, and nothing is left unformatted.
    expect(html).not.toMatch(/style=|<script|NaN|Infinity|undefined/);
    expect(html).toContain('class="verdict"');
    expect(html).toContain('<table class="steps stack">');
  });
});

describe("verdicts in plain language", () => {
  it("program-roi: return per dollar, NPV with a minus sign, payback and the break-even factor", () => {
    const p = present(result("program-roi"));
    expect(p.verdict).toMatch(
      /^At these inputs the program returns \$0\.57 for every \$1 spent over 3 years \(NPV −\$577,602/,
    );
    expect(p.verdict).toContain("does not pay back within 3 years");
    expect(p.verdict).toContain("only if every effect were 1.75× larger");
    expect(p.verdict).toContain("illustrative records");
    const good = present(result("program-roi", { cost_per_participant: 100 }));
    expect(good.verdict).toMatch(/pays back in month \d+/);
    expect(good.verdict).toMatch(/still break even if every effect were \d+% smaller/);
  });

  it("patient-cost-compare names the cheapest option and the break-even visits", () => {
    const p = present(result("patient-cost-compare", { insurance: {} }));
    expect(p.verdict).toMatch(/^At 12 visits a year, .* is the cheapest option at \$[\d,.]+ a year/);
    expect(p.verdict).toContain("from 14 visits a year");
    expect(p.charts[0]?.svg).toContain("(lowest)");
    expect(p.charts[0]?.table.rows.map((row) => row[0])).toEqual(["Pay per visit", "Membership", "Insurance"]);
  });

  it("membership-clinic: break-even month, ending cash and the stress case", () => {
    const p = present(result("membership-clinic"));
    expect(p.verdict).toContain("covers its monthly costs from month 21");
    expect(p.verdict).toContain("If member fees come in 25% lower");
    expect(p.charts[0]?.table.rows).toHaveLength(24);
  });
});

describe("program-roi charts", () => {
  it("annual cash flow, tornado and, with uncertainty, a histogram of the engine's own draws", () => {
    const r = result("program-roi", { uncertainty: { iterations: 2000, seed: 7 } });
    if (r.calculator !== "program-roi" || !r.inputs.uncertainty) throw new Error("unexpected");
    const p = present(r);
    expect(p.charts.map((c) => c.heading)).toEqual([
      "Cash flow by year",
      "What moves the result",
      "Uncertainty: NPV across draws",
    ]);
    // The histogram counts every draw of the engine's one Monte Carlo loop, whose summary the outputs report.
    const histogram = p.charts[2]?.svg ?? "";
    const counted = [...histogram.matchAll(/: (\d+) draws<\/title>/g)].reduce((sum, m) => sum + Number(m[1]), 0);
    expect(counted).toBe(2000);
    const draws = monteCarloDraws(r.inputs, r.inputs.uncertainty);
    expect(percentile(draws, 0.1)).toBe(r.outputs.npv_p10);
    expect(percentile(draws, 0.5)).toBe(r.outputs.npv_p50);
    expect(percentile(draws, 0.9)).toBe(r.outputs.npv_p90);
    expect(draws.filter((v) => v > 0).length / draws.length).toBe(r.outputs.probability_positive_npv);
  });

  it("no histogram without uncertainty; long labels are shortened in the tornado but kept in its table", () => {
    const label = "A very long savings line label that would not fit beside the chart at all";
    const p = present(
      result("program-roi", {
        savings_lines: [{ label, baseline_events_per_participant: 1, cost_per_event: 100, reduction_pct: 10 }],
      }),
    );
    expect(p.charts).toHaveLength(2);
    expect(p.charts[1]?.svg).not.toContain(label);
    expect(p.charts[1]?.table.rows.some((row) => row[0]?.includes(label))).toBe(true);
  });
});

describe("formatting and steps", () => {
  it("splits a step into label, working and result", () => {
    expect(stepRow("Annual gross savings = 1,000 participants × $269 = $269,000")).toEqual({
      label: "Annual gross savings",
      working: "1,000 participants × $269",
      result: "$269,000",
    });
    expect(stepRow("NPV = $1 − $2 = -$1").result).toBe("-$1");
    expect(stepRow("Cheapest: membership at $1,200 a year")).toEqual({
      label: "Cheapest",
      working: "membership at $1,200 a year",
      result: "",
    });
    const chained = stepRow("Month 1: revenue = $2,400; cost = $25,900; net = -$23,500");
    expect(chained.label).toBe("Month 1");
    expect(chained.result).toBe("");
  });
});

describe("the form", () => {
  const ctx = (id: (typeof calculatorIds)[number]) => ({
    defaults: calculators[id].defaultsWithReferences(),
    titles: { "payer-pilot-acupuncture-low-back-pain": "Payer pilot: <acupuncture>" },
    render: siteContext,
  });

  it.each(calculatorIds)("%s: every input has a label, help and (when it has one) its default's source", (id) => {
    const model = formModel(id);
    const html = formHtml(id, model, {}, ctx(id), []);
    const inputs = [...html.matchAll(/<(input|select) id="([^"]+)" name="([^"]+)"/g)];
    expect(inputs.length).toBeGreaterThan(3);
    for (const [, , fieldId] of inputs) {
      expect(html).toContain(`<label for="${fieldId}">`);
      expect(html).toContain(`id="${fieldId}-help"`);
    }
    expect(html).not.toMatch(/style=|<script/);
    // Every default in the table shows up beside its input.
    for (const path of Object.keys(calculators[id].defaultsWithReferences())) {
      const model2 = formModel(id);
      const isObject = model2.fields.some((f) => f.kind === "object" && f.key === path);
      if (!isObject) expect(html).toContain(`name="${path}"`);
    }
  });

  it("case-study sources link to the record and show its provenance; placeholders say to replace them", () => {
    const html = formHtml("program-roi", formModel("program-roi"), {}, ctx("program-roi"), []);
    expect(html).toContain(
      'From the case study <a href="/case-studies/payer-pilot-acupuncture-low-back-pain">Payer pilot: &lt;acupuncture&gt;</a> <span class="tag prov-illustrative">Illustrative</span>',
    );
    expect(html).toContain("Example figure</span> not from the evidence base; replace it with your own: ");
    expect(html).toContain("Assumption</span> used when you have no figure of your own: ");
    const doula = formHtml("episode-bundle", formModel("episode-bundle"), {}, ctx("episode-bundle"), []);
    expect(doula).toContain('<span class="tag prov-verified">Verified</span>');
    expect(doula).toContain('<span class="tag prov-reported">Reported</span>');
    const hsa = formHtml("hsa-tax-savings", formModel("hsa-tax-savings"), {}, ctx("hsa-tax-savings"), []);
    expect(hsa).toContain("Published reference figure");
    expect(hsa).toContain('<option value="false">No</option>');
  });

  it("invalid fields are marked, described by their message, and listed in the summary", () => {
    const model = formModel("program-roi");
    const { raw } = fromQuery(model, new URLSearchParams("participants=abc&savings_lines[1].reduction_pct=500"));
    const outcome = runCalculator("program-roi", raw);
    if (outcome.ok) throw new Error("expected errors");
    const errors = formErrors(model, outcome.issues);
    const html = formHtml("program-roi", model, raw, ctx("program-roi"), errors);
    expect(html).toMatch(
      /<input id="f-participants"[^>]*aria-describedby="f-participants-err [^"]*"[^>]*aria-invalid="true"/,
    );
    expect(html).toContain(
      '<p class="field-error" id="f-participants-err">Enter a whole number from 1 to 10,000,000</p>',
    );
    expect(html).toMatch(/id="f-savings_lines-1-reduction_pct"[^>]*aria-invalid="true"/);
    expect(html).toContain('<a href="#f-savings_lines-1-reduction_pct">Savings line 2: Reduction</a>');
    expect(html).toMatch(/There are 2 problems with the inputs/);
    expect(invalidResultsHtml("program-roi", errors)).toContain("2 inputs need fixing");
  });

  it("a column rule (shares summing to 100) marks the whole column and the group", () => {
    const model = formModel("membership-clinic");
    const { raw } = fromQuery(model, new URLSearchParams("tiers[0].share_of_new_members_pct=60"));
    const outcome = runCalculator("membership-clinic", raw);
    if (outcome.ok) throw new Error("expected errors");
    const html = formHtml("membership-clinic", model, raw, ctx("membership-clinic"), formErrors(model, outcome.issues));
    expect(html).toMatch(/<fieldset class="calc-array has-error" id="f-tiers"/);
    expect(html).toMatch(
      /id="f-tiers-0-share_of_new_members_pct"[^>]*aria-describedby="f-tiers-err[^"]*"[^>]*aria-invalid="true"/,
    );
  });

  it("rows have remove buttons (hidden for a single row) and an add button, as submit buttons for no-JS use", () => {
    const html = formHtml("program-roi", formModel("program-roi"), {}, ctx("program-roi"), []);
    expect(html).toContain('<button type="submit" class="secondary" name="_remove" value="savings_lines[2]">');
    expect(html).toContain('<button type="submit" class="secondary" name="_add" value="savings_lines">');
    expect(html).toContain('<p class="small muted" hidden="">At most 20 rows.</p>');
    expect(html).toContain('<input type="hidden" name="savings_lines" value="3"/>');
    const clinic = formHtml("membership-clinic", formModel("membership-clinic"), {}, ctx("membership-clinic"), []);
    expect(clinic).toContain('<button type="submit" class="secondary" name="_remove" value="tiers[0]" hidden="">');
    const full = formHtml(
      "program-roi",
      formModel("program-roi"),
      { savings_lines: Array(20).fill({}) },
      ctx("program-roi"),
      [],
    );
    expect(full).toContain('name="_add" value="savings_lines" hidden=""');
    expect(full).toContain('<p class="small muted">At most 20 rows.</p>');
    expect(full).not.toContain("<template");
    // Enter in a text field submits with the first submit button: it is Calculate, before any row button.
    expect(html.indexOf(">Calculate</button>")).toBeLessThan(html.indexOf('name="_remove"'));
  });

  it("carries the rows the browser may add as templates: each next row with source lines, then one without", () => {
    const model = formModel("program-roi");
    const templates = (html: string) => [...html.matchAll(/<template data-row="(\d+)">/g)].map((m) => m[1]);
    // Three default rows: only the blank fourth row, with no source line, for the browser to renumber.
    const html = formHtml("program-roi", model, {}, ctx("program-roi"), []);
    expect(templates(html)).toEqual(["3"]);
    const fourth = html.slice(html.indexOf('<template data-row="3">'));
    expect(fourth).toContain('name="savings_lines[3].label" type="text" value="Savings line 4"');
    expect(fourth.slice(0, fourth.indexOf("</template>"))).not.toContain('class="source');
    // One row left: the second and third default rows (with their source lines) come back from templates.
    const one = formHtml(
      "program-roi",
      model,
      fromQuery(model, new URLSearchParams("savings_lines=1")).raw,
      ctx("program-roi"),
      [],
    );
    expect(templates(one)).toEqual(["1", "2", "3"]);
    expect(one).toContain('id="f-savings_lines-2-reduction_pct-src"');
  });
});
