import { describe, expect, it } from "vitest";
import { caseStudySchema, parseCaseStudy } from "../../../src/domain/case-study";
import { illustrativeRecord, verifiedRecord } from "./fixtures";

// biome-ignore lint/suspicious/noExplicitAny: tests reach into fixtures to break one field at a time
type Mutable = Record<string, any>;

/** Parses a copy of a fixture after `change`, returning the error paths (empty when valid). */
function errorsAfter(change: (r: Mutable) => void, base = verifiedRecord): string[] {
  const record = structuredClone(base()) as Mutable;
  change(record);
  const result = parseCaseStudy(record);
  return result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.message}`);
}

describe("case-study contract: valid records", () => {
  it("accepts the verified and illustrative fixtures", () => {
    expect(errorsAfter(() => {})).toEqual([]);
    expect(errorsAfter(() => {}, illustrativeRecord)).toEqual([]);
  });

  it("fills the documented defaults: country US, no tags, empty body", () => {
    const result = parseCaseStudy(illustrativeRecord());
    expect(result.ok && result.record.setting.country).toBe("US");
    expect(result.ok && result.record.tags).toEqual([]);
    expect(result.ok && result.record.body).toBe("");
  });

  it("accepts the contract's own example record", () => {
    const example = {
      slug: "medicare-advantage-acupuncture-nutrition-pilot",
      title: "Medicare Advantage pilot covering acupuncture and dietary counseling",
      summary:
        "A Medicare Advantage plan added coverage for acupuncture and dietary counseling for members with chronic pain or diabetes; it reported 18% fewer hospital readmissions, 22% fewer opioid fills and an ROI of about 3:1 within 18 months.",
      status: "published",
      provenance: "illustrative",
      setting: { care_setting: "health_plan", country: "US" },
      payer_types: ["medicare_advantage"],
      financing_models: ["supplemental_benefit", "coverage_decision"],
      modalities: ["acupuncture", "nutrition_counseling"],
      conditions: ["chronic_pain", "diabetes"],
      design: "illustrative",
      population: { description: "Medicare Advantage members with chronic pain or diabetes" },
      outcomes: [
        {
          metric: "readmissions_30d",
          kind: "relative_change",
          value: -18,
          unit: "percent",
          comparison: "pre_period",
          source: "article",
        },
        {
          metric: "opioid_fills",
          kind: "relative_change",
          value: -22,
          unit: "percent",
          comparison: "pre_period",
          source: "article",
        },
        {
          metric: "roi_ratio",
          kind: "ratio",
          value: 3,
          unit: "ratio",
          comparison: "none",
          horizon_months: 18,
          source: "article",
        },
      ],
      sources: [
        {
          key: "article",
          kind: "source_document",
          title: "Financing integrative medicine for wellness outcomes (source article)",
        },
      ],
      tags: ["readmissions", "opioids"],
    };
    expect(parseCaseStudy(example).ok).toBe(true);
  });
});

describe("case-study contract: every rule rejects what it should, naming the field", () => {
  const cases: [string, (r: Mutable) => void, string][] = [
    ["slug pattern", (r) => (r.slug = "Bad_Slug"), "slug"],
    ["slug too short", (r) => (r.slug = "ab"), "slug"],
    ["slug double hyphen", (r) => (r.slug = "a--b"), "slug"],
    ["title too short", (r) => (r.title = "Abc"), "title"],
    ["summary too short", (r) => (r.summary = "too short"), "summary"],
    ["summary too long", (r) => (r.summary = "x".repeat(601)), "summary"],
    ["status enum", (r) => (r.status = "archived"), "status"],
    ["provenance enum", (r) => (r.provenance = "rumour"), "provenance"],
    ["country code", (r) => (r.setting.country = "usa"), "setting.country"],
    ["care setting enum", (r) => (r.setting.care_setting = "spa"), "setting.care_setting"],
    ["payer types at least one", (r) => (r.payer_types = []), "payer_types"],
    ["payer type enum", (r) => (r.payer_types = ["medicare", "aliens"]), "payer_types[1]"],
    ["duplicate modality", (r) => (r.modalities = ["acupuncture", "acupuncture"]), "modalities[1]"],
    ["financing models at least one", (r) => (r.financing_models = []), "financing_models"],
    ["conditions enum", (r) => (r.conditions = ["flu"]), "conditions[0]"],
    ["design enum", (r) => (r.design = "anecdote"), "design"],
    ["period format", (r) => (r.period = { start: "2016-13" }), "period.start"],
    ["period numeric year", (r) => (r.period = { start: 2016 }), "period.start"],
    ["period end before start", (r) => (r.period = { start: "2018", end: "2016-07" }), "period.end"],
    ["population size integer", (r) => (r.population.size = 3.5), "population.size"],
    ["population size positive", (r) => (r.population.size = 0), "population.size"],
    ["population unit enum", (r) => (r.population.unit = "souls"), "population.unit"],
    ["outcomes at least one", (r) => (r.outcomes = []), "outcomes"],
    ["metric enum", (r) => (r.outcomes[0].metric = "happiness"), "outcomes[0].metric"],
    ["label required for other", (r) => Object.assign(r.outcomes[0], { metric: "other" }), "outcomes[0].label"],
    ["kind enum", (r) => (r.outcomes[0].kind = "vibe"), "outcomes[0].kind"],
    ["value finite", (r) => (r.outcomes[0].value = Number.POSITIVE_INFINITY), "outcomes[0].value"],
    ["value NaN", (r) => (r.outcomes[0].value = Number.NaN), "outcomes[0].value"],
    ["unit enum", (r) => (r.outcomes[0].unit = "furlongs"), "outcomes[0].unit"],
    ["comparison enum", (r) => (r.outcomes[0].comparison = "vibes"), "outcomes[0].comparison"],
    ["per enum", (r) => (r.outcomes[0].per = "galaxy"), "outcomes[0].per"],
    [
      "price year integer",
      (r) =>
        Object.assign(r.outcomes[0], {
          unit: "usd",
          kind: "level",
          baseline: undefined,
          followup: undefined,
          price_year: 2019.5,
        }),
      "outcomes[0].price_year",
    ],
    ["price year only for usd", (r) => (r.outcomes[0].price_year = 2020), "outcomes[0].price_year"],
    ["ci both or neither", (r) => (r.outcomes[0].ci_low = -30), "outcomes[0].ci_high"],
    ["ci must contain value", (r) => Object.assign(r.outcomes[0], { ci_low: -10, ci_high: -5 }), "outcomes[0].value"],
    ["relative change consistent", (r) => (r.outcomes[0].value = -18), "outcomes[0].value"],
    ["n integer", (r) => (r.outcomes[0].n = 1.5), "outcomes[0].n"],
    ["outcome source must exist", (r) => (r.outcomes[0].source = "nowhere"), "outcomes[0].source"],
    ["verified needs a quote", (r) => delete r.outcomes[0].quote, "outcomes[0].quote"],
    ["quote at most 300 chars", (r) => (r.outcomes[0].quote = "q".repeat(301)), "outcomes[0].quote"],
    ["sources at least one", (r) => (r.sources = []), "sources"],
    ["source key pattern", (r) => (r.sources[0].key = "Bad Key"), "sources[0].key"],
    ["duplicate source key", (r) => r.sources.push({ ...r.sources[0] }), "sources[1].key"],
    ["source kind enum", (r) => (r.sources[0].kind = "tweet"), "sources[0].kind"],
    ["year required for articles", (r) => delete r.sources[0].year, "sources[0].year"],
    ["url absolute http(s)", (r) => (r.sources[0].url = "javascript:alert(1)"), "sources[0].url"],
    ["doi bare", (r) => (r.sources[0].doi = "https://doi.org/10.1000/x"), "sources[0].doi"],
    ["pmid digits", (r) => (r.sources[0].pmid = "PMC123"), "sources[0].pmid"],
    ["accessed date", (r) => (r.sources[0].accessed = "2024-02-30x"), "sources[0].accessed"],
    ["tags lower case", (r) => (r.tags = ["Opioids"]), "tags[0]"],
    ["tags at most 20", (r) => (r.tags = Array.from({ length: 21 }, (_, i) => `t${i}`)), "tags"],
    ["unknown top-level field", (r) => (r.sponsor = "x"), "sponsor"],
    ["unknown nested field", (r) => (r.outcomes[0].p_value = 0.01), "outcomes[0].p_value"],
    ["unknown setting field", (r) => (r.setting.city = "Boston"), "setting.city"],
    ["derived field authored", (r) => (r.evidence_grade = "A"), "evidence_grade"],
  ];

  for (const [name, change, path] of cases) {
    it(name, () => {
      const errors = errorsAfter(change);
      expect(errors.length, `expected an error at ${path}`).toBeGreaterThan(0);
      expect(
        errors.some((e) => e.startsWith(`${path}:`)),
        `errors were: ${errors.join(" | ")}`,
      ).toBe(true);
    });
  }

  it("year may be left out of web pages and source documents", () => {
    expect(errorsAfter((r) => Object.assign(r.sources[0], { kind: "web_page", year: undefined }))).toEqual([]);
  });

  it("a relative change within 0.5 percentage points of baseline→follow-up passes", () => {
    expect(errorsAfter((r) => (r.outcomes[0].value = -24.6))).toEqual([]);
    expect(errorsAfter((r) => (r.outcomes[0].value = -25.6))).not.toEqual([]);
  });

  it("reported and illustrative records need no quotes", () => {
    expect(errorsAfter((r) => Object.assign(r, { provenance: "reported" }) && delete r.outcomes[0].quote)).toEqual([]);
  });

  it("collects every error of a record, not just the first", () => {
    const errors = errorsAfter((r) => {
      r.slug = "X";
      r.status = "nope";
      r.outcomes[0].source = "missing";
    });
    expect(errors.length).toBeGreaterThanOrEqual(3);
  });

  it("accepts derived fields only when asked (API round trip)", () => {
    const record = { ...verifiedRecord(), evidence_grade: "A", evidence_grade_reason: "x", body_html: "<p>x</p>" };
    expect(parseCaseStudy(record).ok).toBe(false);
    const result = parseCaseStudy(record, { acceptDerived: true });
    expect(result.ok).toBe(true);
    expect(result.ok && "evidence_grade" in result.record).toBe(false);
  });

  it("the schema's JSON Schema has every contract field", () => {
    const keys = Object.keys(caseStudySchema.shape);
    expect(keys.sort()).toEqual(
      [
        "body",
        "conditions",
        "design",
        "financing_models",
        "modalities",
        "outcomes",
        "payer_types",
        "period",
        "population",
        "provenance",
        "reviewed",
        "setting",
        "slug",
        "sources",
        "status",
        "summary",
        "tags",
        "title",
      ].sort(),
    );
  });
});
