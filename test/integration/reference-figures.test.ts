/** Reference figures and scenarios through fetch: the API (contract-checked), the pages, and scenario loading. */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { runCalculator } from "../../src/calculators";
import { findScenario, type Scenario } from "../../src/calculators/scenario-registry";
import { staticData } from "../../src/http/static-data";
import { get, getJson } from "./helpers";

interface FigureJson {
  id: number;
  slug: string;
  title: string;
  value: number;
  measure: string;
  provenance: string;
  price_year?: number;
  quote: string;
  source: { title: string };
  page_url: string;
}

describe("reference figures", () => {
  it("lists every figure with a stable numeric id, in the contract's shape", async () => {
    const { res, body } = await getJson<{ items: FigureJson[]; total: number }>("/api/v1/reference-figures");
    expect(res.status).toBe(200);
    expect(body.total).toBe(body.items.length);
    expect(body.total).toBeGreaterThanOrEqual(13);
    const caesarean = body.items.find((f) => f.slug === "hcci-caesarean-birth-price-2020");
    expect(caesarean).toMatchObject({ value: 17103, price_year: 2020, measure: "price", provenance: "verified" });
    expect(Number.isInteger(caesarean?.id)).toBe(true);
    expect(new Set(body.items.map((f) => f.id)).size).toBe(body.items.length);
  });

  it("returns one figure by slug, and a 404 problem for an unknown or malformed slug", async () => {
    const { res, body } = await getJson<FigureJson>("/api/v1/reference-figures/hcup-readmission-cost-2018");
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ value: 15200, measure: "cost", provenance: "reported" });
    expect(body.quote).toContain("$15,200");
    for (const slug of ["no-such-figure", "Bad_Slug"]) {
      const missing = await get(`/api/v1/reference-figures/${slug}`, { headers: { accept: "application/json" } });
      expect(missing.status).toBe(404);
      expect(missing.headers.get("content-type")).toContain("application/problem+json");
    }
  });

  it("shows them grouped by what they price, each with its quote, measure, year of dollars and source", async () => {
    const res = await get("/reference-figures");
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const heading of ["Per birth", "Per readmission", "Per emergency department visit", "Per visit"]) {
      expect(html).toContain(`>${heading}</h2>`);
    }
    expect(html).toContain("a cost (what the hospital spent, not what was paid)");
    expect(html).toContain("In 2020 dollars, not adjusted for inflation.");
    expect(html).toContain("The source does not say in which year&#39;s dollars.");
    expect(html).toContain('href="/reference-figures/hcci-caesarean-birth-price-2020"');
    expect(html).not.toMatch(/member_month|all_payers|ed_visit/);
  });

  it("has a page per figure, with a reported banner where the figure is second-hand", async () => {
    const res = await get("/reference-figures/hcup-readmission-cost-2018");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Average hospital cost of a 30-day readmission");
    expect(html).toContain("read in a secondary copy");
    expect(html).toContain("What it leaves out");
    expect((await get("/reference-figures/no-such-figure")).status).toBe(404);
  });
});

describe("scenarios", () => {
  it("are listed by GET /api/v1/calculators/{id} with their inputs and references", async () => {
    const { body } = await getJson<{ scenarios: { slug: string; references: Record<string, unknown> }[] }>(
      "/api/v1/calculators/episode-bundle",
    );
    const doula = body.scenarios.find((s) => s.slug === "medicaid-doula-benefit-maternity-bundle");
    expect(doula?.references.addon_cost_per_episode).toEqual({
      reference_figure: "oregon-rhode-island-medicaid-doula-payment-2022",
    });
  });

  it("load on POST with ?scenario=, the body overriding them", async () => {
    const post = (query: string, body: unknown) =>
      get(`/api/v1/calculators/episode-bundle${query}`, {
        method: "POST",
        body: JSON.stringify(body),
        headers: { "content-type": "application/json" },
      });
    const scenarios = await staticData<Scenario[]>(env, "scenarios.json");
    const scenario = findScenario(scenarios, "episode-bundle", "medicaid-doula-benefit-maternity-bundle");
    const expected = runCalculator("episode-bundle", scenario?.inputs);
    const res = await post("?scenario=medicaid-doula-benefit-maternity-bundle", {});
    expect(res.status).toBe(200);
    const json = (await res.json()) as { inputs: Record<string, unknown>; outputs: unknown };
    expect(json.inputs.addon_cost_per_episode).toBe(1500);
    expect(expected.ok && json.outputs).toEqual(expected.ok ? expected.result.outputs : null);

    const over = (await (
      await post("?scenario=medicaid-doula-benefit-maternity-bundle", { addon_cost_per_episode: 800 })
    ).json()) as {
      inputs: Record<string, unknown>;
    };
    expect(over.inputs.addon_cost_per_episode).toBe(800);
    expect(over.inputs.target_price).toBe(4000);

    const unknown = await post("?scenario=no-such-scenario", {});
    expect(unknown.status).toBe(400);
    const problem = (await unknown.json()) as { errors: { path: string }[] };
    expect(problem.errors.map((e) => e.path)).toEqual(["scenario"]);

    const bad = await post("?scenario=medicaid-doula-benefit-maternity-bundle", { episodes_per_year: 0 });
    expect(bad.status).toBe(400);
  });

  it("load on the page with ?scenario=, sources beside the inputs, and explicit fields override", async () => {
    const res = await get("/calculators/program-roi?scenario=medicare-diabetes-prevention-program-payment-rules");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Start from a real case");
    expect(html).toContain("Scenario: A diabetes prevention programme under Medicare");
    expect(html).toContain('name="scenario" value="medicare-diabetes-prevention-program-payment-rules"');
    expect(html).toContain('value="704"');
    expect(html).toContain("Most Medicare pays a Diabetes Prevention Program supplier");
    expect(html).toContain("In the scenario: $704.");

    const over = await get(
      "/calculators/program-roi?scenario=medicare-diabetes-prevention-program-payment-rules&cost_per_participant=500",
    );
    expect(over.status).toBe(200);
    expect(await over.text()).toContain('value="500"');

    const illustrative = await (
      await get("/calculators/shared-savings?scenario=employer-aco-wellness-stipends")
    ).text();
    expect(illustrative).toContain("Illustrative scenario");

    expect((await get("/calculators/program-roi?scenario=no-such-scenario")).status).toBe(404);
  });

  it("the default page cites reference figures beside the defaults, saying price or cost and the year of dollars", async () => {
    const html = await (await get("/calculators/episode-bundle")).text();
    expect(html).toContain('href="/reference-figures/hcci-caesarean-birth-price-2020"');
    expect(html).toContain("a price (the amount allowed or paid), in 2020 dollars");
  });
});
