/** A minimal valid record per provenance; tests change one field at a time from these. */
import type { CaseStudyInput } from "../../../src/domain/case-study";

export function verifiedRecord(): CaseStudyInput {
  return {
    slug: "test-verified-record",
    title: "A verified test record",
    summary: "A plan covered a programme and a trial measured fewer readmissions among members.",
    status: "published",
    provenance: "verified",
    setting: { care_setting: "health_plan", country: "US" },
    payer_types: ["commercial"],
    financing_models: ["coverage_decision"],
    modalities: ["acupuncture"],
    conditions: ["chronic_pain"],
    design: "rct",
    population: { description: "adults with chronic pain", size: 342, unit: "participants" },
    outcomes: [
      {
        metric: "readmissions_30d",
        kind: "relative_change",
        value: -25,
        unit: "percent",
        baseline: 32,
        followup: 24,
        comparison: "control_group",
        source: "trial",
        quote: "readmissions fell from 32% to 24%",
      },
    ],
    sources: [{ key: "trial", kind: "journal_article", title: "A trial", year: 2020, doi: "10.1000/xyz123" }],
    tags: ["readmissions"],
    body: "Some **narrative**.",
  };
}

export function illustrativeRecord(): CaseStudyInput {
  return {
    slug: "test-illustrative-record",
    title: "An illustrative test record",
    summary: "An example from an article with no primary source, kept to show the shape of a result.",
    status: "published",
    provenance: "illustrative",
    setting: { care_setting: "health_plan" },
    payer_types: ["medicare_advantage"],
    financing_models: ["supplemental_benefit"],
    modalities: ["acupuncture"],
    conditions: ["chronic_pain"],
    design: "illustrative",
    population: { description: "members" },
    outcomes: [{ metric: "roi_ratio", kind: "ratio", value: 3, unit: "ratio", comparison: "none", source: "article" }],
    sources: [{ key: "article", kind: "source_document", title: "The source article" }],
  };
}
