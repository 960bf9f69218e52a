import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { parseCaseStudy } from "../../src/domain/case-study";
import { get, getJson, writeRecords, writeVariant } from "./helpers";

type List = {
  items: { slug: string; evidence_grade: string; provenance: string; status: string; conditions: string[] }[];
  total: number;
  pages: number;
  next: string | null;
  prev: string | null;
};
type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: { path: string; message: string }[];
};

async function allSlugs(): Promise<string[]> {
  const { results } = await env.DB.prepare("SELECT slug FROM case_studies ORDER BY slug").all<{ slug: string }>();
  return results.map((r) => r.slug);
}

describe("GET /api/v1/case-studies/{slug}", () => {
  it("returns exactly the contract fields plus the derived ones, for every record, and the JSON validates again", async () => {
    const slugs = await allSlugs();
    expect(slugs.length).toBeGreaterThanOrEqual(6);
    for (const slug of slugs) {
      const { res, body } = await getJson<Record<string, unknown>>(`/api/v1/case-studies/${slug}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toContain("application/json");
      const allowed = new Set([
        "slug",
        "title",
        "summary",
        "status",
        "provenance",
        "setting",
        "payer_types",
        "financing_models",
        "modalities",
        "conditions",
        "design",
        "period",
        "population",
        "outcomes",
        "sources",
        "tags",
        "reviewed",
        "body",
        "evidence_grade",
        "evidence_grade_reason",
        "body_html",
      ]);
      expect(Object.keys(body).filter((k) => !allowed.has(k))).toEqual([]);
      expect(body.evidence_grade).toMatch(/^[A-E]$/);
      expect(String(body.evidence_grade_reason)).toMatch(/^[A-E]: /);
      const again = parseCaseStudy(body, { acceptDerived: true });
      expect(again.ok ? [] : again.errors).toEqual([]);
    }
  });

  it("marks illustrative records E with the reason", async () => {
    const { body } = await getJson<{ evidence_grade: string; evidence_grade_reason: string; provenance: string }>(
      "/api/v1/case-studies/medicare-advantage-acupuncture-nutrition-pilot",
    );
    expect(body.provenance).toBe("illustrative");
    expect(body.evidence_grade).toBe("E");
    expect(body.evidence_grade_reason).toContain("illustrative");
  });

  it("answers an unknown slug with a 404 problem", async () => {
    const res = await get("/api/v1/case-studies/no-such-record");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const body = (await res.json()) as Problem;
    expect(body).toMatchObject({ status: 404, title: "Not found" });
    expect(body.detail).toContain("no-such-record");
  });
});

describe("GET /api/v1/case-studies", () => {
  it("lists published records with pagination links", async () => {
    const { res, body } = await getJson<List>("/api/v1/case-studies?limit=2");
    expect(res.status).toBe(200);
    expect(body.items.length).toBe(2);
    expect(body.total).toBeGreaterThanOrEqual(6);
    expect(body.next).toContain("page=2");
    expect(body.prev).toBeNull();
  });

  it("walks every page once, never repeating or skipping", async () => {
    const seen: string[] = [];
    let url: string | null = "/api/v1/case-studies?limit=3&order=strongest";
    let total = 0;
    while (url) {
      const { body }: { body: List } = await getJson<List>(url.replace(/^https?:\/\/[^/]+/, ""));
      total = body.total;
      seen.push(...body.items.map((i) => i.slug));
      url = body.next;
    }
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);
  });

  it("filters by any enumeration, ORing values within a filter", async () => {
    const { body } = await getJson<List>("/api/v1/case-studies?provenance=illustrative&limit=50");
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.every((i) => i.provenance === "illustrative")).toBe(true);
    const both = await getJson<List>("/api/v1/case-studies?condition=chronic_pain,perinatal&limit=50");
    expect(
      both.body.items.every((i) => i.conditions.includes("chronic_pain") || i.conditions.includes("perinatal")),
    ).toBe(true);
    const one = await getJson<List>("/api/v1/case-studies?condition=chronic_pain&limit=50");
    expect(both.body.total).toBeGreaterThanOrEqual(one.body.total);
  });

  it("rejects bad filters naming each bad field", async () => {
    const res = await get("/api/v1/case-studies?condition=flu&limit=500&colour=red");
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const body = (await res.json()) as Problem;
    const paths = body.errors?.map((e) => e.path) ?? [];
    expect(paths).toContain("condition[0]");
    expect(paths).toContain("limit");
    expect(paths).toContain("colour");
  });

  it("leaves drafts and retracted records out unless asked", async () => {
    await env.DB.prepare(
      "UPDATE case_studies SET status = 'retracted' WHERE slug = 'rural-cooperative-membership-clinic'",
    ).run();
    await env.DB.prepare(
      "UPDATE case_study_facets SET value = 'retracted' WHERE facet = 'status' AND case_study_id = (SELECT id FROM case_studies WHERE slug = 'rural-cooperative-membership-clinic')",
    ).run();
    const published = await getJson<List>("/api/v1/case-studies?limit=50");
    expect(published.body.items.map((i) => i.slug)).not.toContain("rural-cooperative-membership-clinic");
    const retracted = await getJson<List>("/api/v1/case-studies?status=retracted");
    expect(retracted.body.items.map((i) => i.slug)).toEqual(["rural-cooperative-membership-clinic"]);
  });
});

describe("case-study pages", () => {
  it("shows an illustrative record with its banner, grade, outcomes and sources", async () => {
    const res = await get("/case-studies/medicare-advantage-acupuncture-nutrition-pilot");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Illustrative figures");
    expect(html).toContain("Evidence grade E");
    expect(html).toContain("30-day readmissions");
    expect(html).toContain("\u221218%");
    expect(html).toContain('id="source-article"');
    expect(html).toMatch(/<table class="stack">/);
  });

  it("shows a friendly 404 page for an unknown record", async () => {
    const res = await get("/case-studies/nope-nope");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(await res.text()).toContain("There is no case study at this address.");
  });

  it("browses with filters as a plain GET form", async () => {
    const res = await get("/case-studies?provenance=illustrative&order=title");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<form class="inline" method="get" action="/case-studies"');
    expect(html).toContain("Medicare Advantage pilot");
  });

  it("shows a readable page, not a 500, for bad filters", async () => {
    const res = await get("/case-studies?condition=flu");
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("condition");
  });
});

describe("the record page's review date", () => {
  const from = "gerac-acupuncture-low-back-pain-trial";
  const page = async (slug: string) => (await get(`/case-studies/${slug}`)).text();

  it("shows no date for a record that states no review (never the date it was loaded)", async () => {
    const html = await page(from);
    expect(html).not.toContain("Last updated");
    expect(html).not.toContain("Last reviewed");
  });

  it("shows the review date, and flags a review older than 24 months as possibly out of date", async () => {
    const today = new Date().toISOString().slice(0, 10);
    await writeVariant(from, (r) => ({ ...r, slug: "review-date-recent", reviewed: today }));
    const recent = await page("review-date-recent");
    expect(recent).toContain(`Last reviewed <time datetime="${today}">`);
    expect(recent).not.toContain("may be out of date");

    await writeVariant(from, (r) => ({ ...r, slug: "review-date-old", reviewed: "2019-06-30" }));
    const old = await page("review-date-old");
    expect(old).toContain('Last reviewed <time datetime="2019-06-30">30 June 2019</time>');
    expect(old).toContain("This record may be out of date.");

    const { body } = await getJson<{ reviewed?: string }>("/api/v1/case-studies/review-date-old");
    expect(body.reviewed).toBe("2019-06-30");
    await writeRecords({ kind: "delete", slug: "review-date-recent" }, { kind: "delete", slug: "review-date-old" });
  });
});
