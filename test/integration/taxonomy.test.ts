import { describe, expect, it } from "vitest";
import { FACETS } from "../../src/domain/facets";
import { get } from "./helpers";

describe("glossary pages", () => {
  it("lists every taxonomy page", async () => {
    const html = await (await get("/taxonomy")).text();
    for (const kind of ["financing_models", "modalities", "conditions", "payer_types", "designs", "provenance"]) {
      expect(html).toContain(`href="/taxonomy/${kind}"`);
    }
  });

  const pages = [
    ["financing_models", FACETS.financing_model.enumeration.values],
    ["modalities", FACETS.modality.enumeration.values],
    ["conditions", FACETS.condition.enumeration.values],
  ] as const;
  for (const [kind, values] of pages) {
    it(`${kind} explains every value with an anchor and a link to its case studies`, async () => {
      const res = await get(`/taxonomy/${kind}`);
      expect(res.status).toBe(200);
      const html = await res.text();
      for (const value of values) expect(html, value).toContain(`id="${value}"`);
      expect(html).toContain("/case-studies?");
    });
  }

  it("answers an unknown kind with a 404 page", async () => {
    expect((await get("/taxonomy/nonsense")).status).toBe(404);
  });

  it("record pages link their terms to the glossary", async () => {
    const html = await (await get("/case-studies/doula-care-medicaid-birth-outcomes")).text();
    expect(html).toContain('href="/taxonomy/modalities#doula"');
  });
});
