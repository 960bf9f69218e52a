import { describe, expect, it } from "vitest";
import { MAX_BRIEF_CASES } from "../../src/domain/brief";
import { get, getJson, writeVariant } from "./helpers";

const PAIN = "non-drug-pain-care-acupuncture-coverage";
const PERINATAL = "perinatal-doulas-group-prenatal-care";
const FOOD = "food-as-medicine-diabetes-geisinger";

async function page(path: string): Promise<{ status: number; html: string }> {
  const res = await get(path);
  return { status: res.status, html: await res.text() };
}

describe("curated briefs", () => {
  it("are listed at /briefs", async () => {
    const { status, html } = await page("/briefs");
    expect(status).toBe(200);
    for (const slug of [PAIN, PERINATAL, FOOD]) expect(html).toContain(`href="/briefs/${slug}"`);
  });

  it("show key messages, a synthesis and a dot plot per metric, records, caveats and citations", async () => {
    const { status, html } = await page(`/briefs/${FOOD}`);
    expect(status).toBe(200);
    expect(html).toContain("Key messages");
    expect(html).toContain("adjusted difference of −0.1 points");
    expect(html).toContain('class="chart dot-plot"');
    expect(html).toContain('href="/case-studies/geisinger-fresh-food-farmacy-rct"');
    expect(html).toContain("Caveats");
    expect(html).toContain("Citations");
    expect(html).toContain("The evidence in words");
    // HbA1c figures are of three kinds or comparisons, so none is pooled: each is listed apart.
    expect(html).toContain("No two figures are comparable");
    // No figure is a change in an event count, so no calculator link, and the page says why.
    expect(html).toContain("nothing to carry into a calculator");
  });

  it("link into the calculator with the figures they took, and the calculator takes the link", async () => {
    const { html } = await page(`/briefs/${PERINATAL}`);
    const href = /href="(\/calculators\/program-roi\?[^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, "&");
    expect(href).toBe(
      "/calculators/program-roi?savings_lines=1&savings_lines[0].label=Preterm+births&savings_lines[0].reduction_pct=36",
    );
    expect(html).toContain("a 36% reduction, the median of one figure");
    const calculator = await page(href as string);
    expect(calculator.status).toBe(200);
    expect(calculator.html).toMatch(/name="savings_lines\[0\]\.reduction_pct"[^>]*value="36"/);
  });

  it("keep illustrative figures apart unless asked, then pool them", async () => {
    const apart = await page(`/briefs/${PAIN}`);
    expect(apart.html).toContain("Illustrative figures, not pooled");
    expect(apart.html).toContain(`href="/briefs/${PAIN}?include_illustrative=1"`);
    const pooled = await page(`/briefs/${PAIN}?include_illustrative=1`);
    expect(pooled.html).toContain("Illustrative figures pooled");
    expect(pooled.html).not.toContain("Illustrative figures, not pooled");
  });

  it("answer an unknown brief with a readable 404 page", async () => {
    const { status, html } = await page("/briefs/no-such-brief");
    expect(status).toBe(404);
    expect(html).toContain("There is no brief at /briefs/no-such-brief.");
  });
});

describe("composed briefs", () => {
  it("keep the records in the URL's order, with move and remove links, and list unknown slugs as not found", async () => {
    const { status, html } = await page(
      "/briefs/compose?cases=geisinger-fresh-food-farmacy-rct,no-such-record,Not%20A%20Slug,doula-care-medicaid-birth-outcomes",
    );
    expect(status).toBe(200);
    expect(html).toContain("Not found");
    expect(html).toContain("no-such-record, Not A Slug");
    expect(html).toContain(
      'href="/briefs/compose?cases=doula-care-medicaid-birth-outcomes,geisinger-fresh-food-farmacy-rct"',
    );
    expect(html).toContain('href="/briefs/compose?cases=geisinger-fresh-food-farmacy-rct"');
    expect(html.indexOf("Geisinger Fresh Food Farmacy: randomised")).toBeLessThan(
      html.indexOf("Doula care, birth outcomes"),
    );
  });

  it("cap the number of records", async () => {
    const many = Array.from({ length: MAX_BRIEF_CASES + 1 }, (_, i) => `record-${i}`).join(",");
    const { status, html } = await page(`/briefs/compose?cases=${many}`);
    expect(status).toBe(200);
    expect(html).toContain("Brief full");
    expect(html).toContain(`record-${MAX_BRIEF_CASES}`);
  });

  it("leave a retracted record out of the synthesis, and say so", async () => {
    await writeVariant("geisinger-fresh-food-farmacy-program-report", (r) => ({
      ...r,
      slug: "retracted-food-claim",
      status: "retracted",
    }));
    const { html } = await page("/briefs/compose?cases=geisinger-fresh-food-farmacy-rct,retracted-food-claim");
    expect(html).toContain("is left out of the synthesis: it is retracted.");
    const summary = await getJson<{ left_out: { slug: string }[] }>(
      "/api/v1/evidence/summary?status=retracted&metric=hba1c",
    );
    expect(summary.body.left_out.map((l) => l.slug)).toContain("retracted-food-claim");
  });

  it("are offered from search cards and record pages, extending the brief in progress", async () => {
    const search = await page("/search?q=doula&brief=geisinger-fresh-food-farmacy-rct");
    expect(search.html).toContain(
      'href="/briefs/compose?cases=geisinger-fresh-food-farmacy-rct,doula-care-medicaid-birth-outcomes"',
    );
    expect(search.html).toContain('name="brief" value="geisinger-fresh-food-farmacy-rct"');
    const record = await page("/case-studies/doula-care-medicaid-birth-outcomes");
    expect(record.html).toContain('href="/briefs/compose?cases=doula-care-medicaid-birth-outcomes"');
  });
});

describe("brief exports", () => {
  it("write a Markdown memo with the key messages and the narrative before the records", async () => {
    const res = await get(`/api/v1/exports/briefs/${FOOD}?format=markdown`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/markdown");
    const text = await res.text();
    expect(text).toContain("## Key messages");
    expect(text).toContain("### What the question is");
    expect(text.indexOf("## Key messages")).toBeLessThan(text.indexOf("# The records"));
    expect(text).toContain("Geisinger Fresh Food Farmacy: randomised trial");
  });

  it("export curated and composed briefs in every format", async () => {
    for (const format of ["markdown", "csv", "json", "bibtex", "ris", "csl-json"]) {
      const curated = await get(`/api/v1/exports/briefs/${PERINATAL}?format=${format}`);
      expect(curated.status, format).toBe(200);
      expect(curated.headers.get("content-disposition")).toMatch(/^attachment; filename="/);
      expect((await curated.text()).length).toBeGreaterThan(20);
      const composed = await get(
        `/api/v1/exports/composed-brief?cases=geisinger-fresh-food-farmacy-rct&format=${format}`,
      );
      expect(composed.status, format).toBe(200);
      await composed.text();
    }
    const csv = await (await get(`/api/v1/exports/briefs/${PERINATAL}?format=csv`)).text();
    expect(csv).toContain("doula-care-medicaid-birth-outcomes");
    const missing = await get("/api/v1/exports/briefs/no-such-brief?format=csv", {
      headers: { accept: "application/json" },
    });
    expect(missing.status).toBe(404);
    await missing.text();
  });
});

interface Summary {
  total: number;
  total_exact: boolean;
  records: number;
  metrics: {
    metric: string;
    groups: { count: number; median: number; kind: string }[];
    apart: { slug: string; value: number }[];
    illustrative: { slug: string }[];
  }[];
}

describe("GET /api/v1/evidence/summary", () => {
  it("pools HbA1c figures only in groups of two or more, and lists the trial's figures apart", async () => {
    const { res, body } = await getJson<Summary>("/api/v1/evidence/summary?metric=hba1c");
    expect(res.status).toBe(200);
    expect(body.metrics.map((m) => m.metric)).toEqual(["hba1c"]);
    const [hba1c] = body.metrics;
    // The content grows (round two added pre/post HbA1c changes, which pool with each other); a pooled group always
    // holds at least two comparable figures, and the Geisinger trial's figures have no comparable partner.
    for (const group of hba1c?.groups ?? []) expect(group.count).toBeGreaterThanOrEqual(2);
    expect(hba1c?.apart.map((f) => f.value)).toEqual(expect.arrayContaining([-0.1, 8.78]));
  });

  it("pools comparable figures (the VA opioid doses: −12, −4.4, −8.5 → median −8.5)", async () => {
    const { body } = await getJson<Summary>("/api/v1/evidence/summary?metric=opioid_mme");
    const [mme] = body.metrics;
    expect(mme?.groups[0]).toMatchObject({ count: 3, median: -8.5, kind: "relative_change" });
  });

  it("honours the kind filter and says whether its total is exact", async () => {
    const all = await getJson<Summary>("/api/v1/evidence/summary?q=opioid&metric=opioid_mme");
    expect(all.body.total).toBeGreaterThan(0);
    expect(all.body.total_exact).toBe(true);
    const none = await getJson<Summary>("/api/v1/evidence/summary?q=opioid&metric=opioid_mme&kind=reference_figure");
    expect([none.body.total, none.body.records]).toEqual([0, 0]);
    for (const m of none.body.metrics) expect(m.groups).toEqual([]);
  });

  it("keeps illustrative figures apart unless asked", async () => {
    const apart = await getJson<Summary>("/api/v1/evidence/summary?metric=advanced_imaging");
    expect(apart.body.metrics[0]?.illustrative.map((f) => f.slug)).toContain("payer-pilot-acupuncture-low-back-pain");
    const asked = await getJson<Summary>("/api/v1/evidence/summary?metric=advanced_imaging&include_illustrative=1");
    expect(asked.body.metrics[0]?.illustrative).toEqual([]);
  });

  it("names a bad filter", async () => {
    const res = await get("/api/v1/evidence/summary?metric=happiness", { headers: { accept: "application/json" } });
    expect(res.status).toBe(400);
    const problem = (await res.json()) as { errors: { path: string }[] };
    expect(problem.errors.map((e) => e.path)).toContain("metric[0]");
  });
});
