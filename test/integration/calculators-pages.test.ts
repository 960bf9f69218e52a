/** The calculator pages through fetch: server-rendered forms and results, URL state, errors, headers. */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { calculatorIds, calculators, isCalculatorId, runCalculator } from "../../src/calculators";
import { formatUsd } from "../../src/domain/numbers";
import { calculatorSources } from "../../src/records/calculator-sources";
import { formErrors, formModel, fromQuery } from "../../src/views/calculator/form-state";
import { formHtml } from "../../src/views/calculator/form-view";
import { present } from "../../src/views/calculator/presenters";
import { invalidResultsHtml, resultsHtml } from "../../src/views/calculator/results-view";
import { siteContext } from "../../src/views/render";
import { defaultSavingsLinesWith } from "../fixtures/calculators";
import { get } from "./helpers";

async function page(path: string) {
  const res = await get(path, { redirect: "manual" });
  return { res, html: await res.text() };
}

describe("/calculators", () => {
  it("lists the six calculators, each linked to its page", async () => {
    const { res, html } = await page("/calculators");
    expect(res.status).toBe(200);
    for (const id of calculatorIds) {
      expect(html).toContain(`href="/calculators/${id}"`);
      expect(html).toContain(calculators[id].title.replace(/&/g, "&amp;"));
    }
  });
});

describe("/calculators/{id} at the defaults", () => {
  it.each(calculatorIds)("%s: form, SVG chart, steps table and verdict", async (id) => {
    const { res, html } = await page(`/calculators/${id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(html).toContain(`<form method="get" action="/calculators/${id}"`);
    expect(html).toMatch(/<label for="f-[^"]+">/);
    expect(html).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
    expect(html).toContain('<table class="steps stack">');
    expect(html).toContain('<p class="verdict">');
    expect(html).toContain('aria-live="polite"');
    // The page's figures are the engine's figures at the defaults.
    const outcome = runCalculator(id, {});
    if (!outcome.ok) throw new Error("defaults must be valid");
    for (const step of outcome.result.steps.slice(0, 2)) {
      const firstNumber = /\$[\d,]+(\.\d+)?/.exec(step)?.[0];
      if (firstNumber) expect(html).toContain(firstNumber);
    }
  });

  it("program-roi draws the annual cash flow and the tornado; membership-clinic the monthly cash; patient-cost-compare the options", async () => {
    const roi = (await page("/calculators/program-roi")).html;
    expect(roi).toContain("Net cash flow by year and cumulative net");
    expect(roi).toContain("NPV when one input is 20% lower or higher");
    expect(roi).toContain("returns $0.57 for every $1 spent over 3 years");
    const clinic = (await page("/calculators/membership-clinic")).html;
    expect(clinic).toContain("Monthly net and cash balance");
    const patient = (await page("/calculators/patient-cost-compare")).html;
    expect(patient).toContain("The options side by side");
    expect(patient).toContain("(lowest)");
  });

  it("sources: case-study links with provenance, placeholders marked for replacement", async () => {
    const html = (await page("/calculators/program-roi")).html;
    expect(html).toContain('<a href="/case-studies/payer-pilot-acupuncture-low-back-pain">');
    expect(html).toContain('<span class="tag prov-illustrative">Illustrative</span>');
    expect(html).toContain("Example figure</span> not from the evidence base; replace it with your own: ");
    // The link text is the record's title from the knowledge base, not its slug.
    expect(html).not.toContain('">payer-pilot-acupuncture-low-back-pain</a>');
    expect(html).toContain("Illustrative figures in use.");
  });

  it("an unknown calculator is a readable 404 page", async () => {
    const { res, html } = await page("/calculators/nope");
    expect(res.status).toBe(404);
    expect(html).toContain("There is no calculator at this address.");
  });
});

describe("words a payer or a patient understands", () => {
  const states: Record<string, string[]> = {
    "program-roi": ["", "uncertainty=on", "participants=abc"],
    "patient-cost-compare": ["", "insurance=on"],
    "hsa-tax-savings": ["", "account=fsa&coverage=family", "tax_year=2024"],
    "shared-savings": ["", "spend_reduction_pct=-5", "two_sided=true&spend_reduction_pct=-5"],
  };
  it.each(calculatorIds)("%s: no file path, no 'contract', in any state", async (id) => {
    for (const query of states[id] ?? [""]) {
      let { res, html } = await page(`/calculators/${id}${query ? `?${query}` : ""}`);
      // A query not in canonical order is first redirected; the words are checked on the page it leads to.
      if (res.status === 303) ({ res, html } = await page(res.headers.get("location")?.replace(/#.*$/, "") ?? ""));
      expect([200, 400], `${id}?${query}`).toContain(res.status);
      for (const word of ["shared/", ".yaml", "Contract default", "stored material"]) {
        expect(html, `${id}?${query}`).not.toContain(word);
      }
      expect(html, `${id}?${query}`).not.toMatch(/contract/i);
    }
  });

  it("every default says where it comes from in words", async () => {
    const hsa = (await page("/calculators/hsa-tax-savings")).html;
    expect(hsa).toContain("Published reference figure");
    expect(hsa).toContain("Assumption</span> used when you have no figure of your own: ");
    // The inputs used are told in words too, not as the values the engine reads.
    expect(hsa).toContain('<th scope="row">Account</th><td>HSA (health savings account)</td>');
    const roi = (await page("/calculators/program-roi")).html;
    expect(roi).toContain("From the case study");
    expect(roi).toContain("Example figure</span> not from the evidence base");
  });
});

/** The markup inside the page's element that opens with `open` and whose content ends just before `before`. */
function section(html: string, open: string, close: string, before: string): string {
  const start = html.indexOf(open);
  expect(start, open).toBeGreaterThanOrEqual(0);
  const end = html.lastIndexOf(close, html.indexOf(before, start));
  return html.slice(start + open.length, end);
}

describe("the server and the browser bundle draw the same markup", () => {
  const cases: [string, string][] = [
    ["program-roi", "uncertainty=on&uncertainty.iterations=500&savings_lines[0].label=%3Cb%3E%26"],
    ["program-roi", "participants=abc&savings_lines[1].reduction_pct=500"],
    ["membership-clinic", "tiers[0].share_of_new_members_pct=60"],
    ["patient-cost-compare", "insurance=on"],
    ["hsa-tax-savings", "account=fsa"],
    ["shared-savings", ""],
    ["episode-bundle", ""],
  ];
  it.each(cases)("%s?%s: results and form equal what the bundle's render functions produce", async (id, query) => {
    let { res, html } = await page(`/calculators/${id}${query ? `?${query}` : ""}`);
    let url = new URL(`http://x/calculators/${id}?${query}`);
    // A query that is not in canonical form is first redirected to it.
    if (res.status === 303) {
      url = new URL(res.headers.get("location") ?? "", url);
      ({ res, html } = await page(`${url.pathname}${url.search}`));
    }
    if (!isCalculatorId(id)) throw new Error(id);
    const model = formModel(id);
    const { raw } = fromQuery(model, url.searchParams);
    const outcome = runCalculator(id, raw);
    const errors = outcome.ok ? [] : formErrors(model, outcome.issues);
    // What src/client/calculator.ts renders into #calc-output after reading the same inputs from the form.
    const live = outcome.ok ? resultsHtml(present(outcome.result), siteContext) : invalidResultsHtml(id, errors);
    expect(section(html, '<div id="calc-output">', "</div>", '<p class="small muted no-print">The same figures')).toBe(
      live,
    );
    // The form, with the case-study titles and figure summaries the page reads from the database.
    const { titles, figures } = await calculatorSources(env.DB, id, null);
    const form = formHtml(
      id,
      model,
      raw,
      { defaults: calculators[id].defaultsWithReferences(), titles, figures, render: siteContext },
      errors,
    );
    expect(html).toContain(form);
  });
});

describe("URL state", () => {
  it("hsa-tax-savings: an FSA with family coverage (the no-JS form after toggling) is a result with a warning", async () => {
    const { res, html } = await page("/calculators/hsa-tax-savings?account=fsa&coverage=family");
    expect(res.status).toBe(200);
    expect(html).toContain("family coverage was ignored");
    expect(html).not.toContain("needs fixing");
  });

  it("a GET with edited params reproduces the API's outputs", async () => {
    const query = "participants=2500&cost_per_participant=300&savings_lines[1].reduction_pct=35&years=5";
    const { res, html } = await page(`/calculators/program-roi?${query}`);
    expect(res.status).toBe(200);
    const api = await get("/api/v1/calculators/program-roi", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        participants: 2500,
        cost_per_participant: 300,
        years: 5,
        savings_lines: defaultSavingsLinesWith(1, { reduction_pct: 35 }),
      }),
    });
    const body = (await api.json()) as { outputs: { npv: number; pv_costs: number } };
    expect(html).toContain(formatUsd(body.outputs.npv));
    expect(html).toContain(formatUsd(body.outputs.pv_costs));
    expect(html).toContain('value="2500"');
  });

  it("a submitted form (every field, defaults too) redirects to the short canonical query", async () => {
    const full =
      "participants=2500&cost_per_participant=475&fixed_cost_per_year=0&upfront_cost=0&savings_lines=3" +
      "&savings_lines%5B0%5D.reduction_pct=30&years=3&uncertainty=off&uncertainty.iterations=10000&utm_source=x";
    const { res } = await page(`/calculators/program-roi?${full}`);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/calculators/program-roi?participants=2500#results");
    // The canonical address itself renders without a redirect.
    expect((await page("/calculators/program-roi?participants=2500")).res.status).toBe(200);
  });

  it("no-JS row editing: _add and _remove redirect to the new state, anchored at the rows", async () => {
    const add = await page("/calculators/program-roi?participants=10&_add=savings_lines");
    expect(add.res.status).toBe(303);
    expect(add.res.headers.get("location")).toBe(
      "/calculators/program-roi?participants=10&savings_lines=4#f-savings_lines-3",
    );
    const four = await page("/calculators/program-roi?participants=10&savings_lines=4");
    expect(four.res.status).toBe(200);
    expect(four.html).toContain('name="savings_lines[3].label" type="text" value="Savings line 4"');
    const remove = await page("/calculators/program-roi?_remove=savings_lines%5B2%5D");
    expect(remove.res.headers.get("location")).toBe("/calculators/program-roi?savings_lines=2#f-savings_lines");
  });

  it("optional objects switch on from the URL: uncertainty adds the histogram, insurance adds an option", async () => {
    const roi = (await page("/calculators/program-roi?uncertainty=on&uncertainty.iterations=1000")).html;
    expect(roi).toContain("NPV across 1,000 Monte Carlo draws");
    expect(roi).toContain('<option value="on" selected="">Yes</option>');
    const patient = (await page("/calculators/patient-cost-compare?insurance=on")).html;
    expect(patient).toMatch(/<th scope="row">Insurance<\/th>/);
  });
});

describe("invalid params", () => {
  it("render the form with each bad field marked and a summary, never a blank page or a 500", async () => {
    const { res, html } = await page(
      "/calculators/program-roi?participants=abc&savings_lines[1].reduction_pct=500&years=",
    );
    expect(res.status).toBe(400);
    expect(html).toContain("<h1>Program ROI</h1>");
    expect(html).toContain("There are 3 problems with the inputs");
    expect(html).toMatch(
      /<input id="f-participants"[^>]*aria-describedby="f-participants-err[^"]*"[^>]*aria-invalid="true"/,
    );
    expect(html).toContain(
      '<p class="field-error" id="f-participants-err">Enter a whole number from 1 to 10,000,000</p>',
    );
    expect(html).toMatch(/id="f-savings_lines-1-reduction_pct"[^>]*aria-invalid="true"/);
    expect(html).toContain("3 inputs need fixing");
  });

  it("hostile values stay readable pages", async () => {
    for (const query of [
      "savings_lines=99999999",
      "uncertainty=on&uncertainty.iterations=1e9",
      "tiers[0].share_of_new_members_pct=40",
      "participants=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    ]) {
      const id = query.startsWith("tiers") ? "membership-clinic" : "program-roi";
      let { res, html } = await page(`/calculators/${id}?${query}`);
      // A non-canonical query (a hostile row count) is first redirected to its canonical form, junk kept.
      if (res.status === 303) ({ res, html } = await page(res.headers.get("location")?.replace(/#.*$/, "") ?? ""));
      expect([200, 400], query).toContain(res.status);
      expect(html).toContain("There is a problem with the inputs");
      expect(html).not.toContain("<script>alert");
    }
  });
});

describe("security headers are unchanged on calculator routes", () => {
  for (const path of [
    "/calculators",
    "/calculators/program-roi",
    "/api/v1/calculators",
    "/calculators/program-roi?years=x",
  ]) {
    it(path, async () => {
      const res = await get(path);
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).not.toContain("unsafe-inline");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
    });
  }

  it("the pages carry no inline style or script", async () => {
    for (const id of calculatorIds) {
      const html = (await page(`/calculators/${id}?${id === "program-roi" ? "uncertainty=on" : ""}`)).html;
      expect(html).not.toMatch(/\sstyle="/);
      expect(html).not.toMatch(/<script(?![^>]*\ssrc=)/);
    }
  });
});
