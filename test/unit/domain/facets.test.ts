import { describe, expect, it } from "vitest";
import { loadContent } from "../../../scripts/lib/content";
import {
  FACET_NAMES,
  FACET_OF_GLOSSARY,
  FACETS,
  facetFilterShape,
  LIST_FILTER_NAMES,
} from "../../../src/domain/facets";

describe("the one list of facets", () => {
  it("keeps the facet-key letters stored in the database (schema/0004) exactly", () => {
    expect(Object.fromEntries(FACET_NAMES.map((f) => [f, FACETS[f].keyCode]))).toEqual({
      status: "s",
      provenance: "v",
      design: "d",
      care_setting: "e",
      country: "n",
      grade: "g",
      payer_type: "p",
      financing_model: "f",
      modality: "m",
      condition: "c",
      metric: "o",
      has_cost_figures: "h",
    });
    expect(new Set(FACET_NAMES.map((f) => FACETS[f].keyCode)).size).toBe(FACET_NAMES.length);
  });

  it("gives every list filter a zod field, and nothing else", () => {
    expect(Object.keys(facetFilterShape).sort()).toEqual([...LIST_FILTER_NAMES].sort());
    expect(LIST_FILTER_NAMES).not.toContain("grade");
    expect(LIST_FILTER_NAMES).not.toContain("has_cost_figures");
  });

  it("names a glossary page in content/taxonomy for every facet that has one, explaining every value", () => {
    const build = loadContent("content");
    expect(build.errors).toEqual([]);
    const kinds = build.taxonomy.map((page) => page.kind).sort();
    expect(Object.keys(FACET_OF_GLOSSARY).sort()).toEqual(kinds);
    for (const page of build.taxonomy) {
      const facet = FACET_OF_GLOSSARY[page.kind];
      if (!facet) throw new Error(page.kind);
      expect(Object.keys(page.entries).sort(), page.kind).toEqual([...FACETS[facet].enumeration.values].sort());
    }
  });
});
