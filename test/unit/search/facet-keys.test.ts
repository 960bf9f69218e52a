import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countFacetKeys, FACET_KEY_CODES, type FacetCounting, facetKeysOf } from "../../../src/search/facet-keys";
import type { FacetCount, SearchFacet } from "../../../src/search/model";

const sorted = (counts: FacetCount[]) =>
  [...counts].sort((a, b) => `${a.facet}:${a.value}`.localeCompare(`${b.facet}:${b.value}`));

/** Predicates: bit 0 the full-text match, bit 1 the payer_type filter, bit 2 the modality filter, bit 3 the year range. */
const counting: FacetCounting = {
  live: ["payer_type", "modality", "condition"],
  bitOf: { payer_type: 1, modality: 2 },
  allBits: 0b1111,
};

describe("facetKeysOf", () => {
  it("writes a token per facet row: the facet's letter, then the value", () => {
    expect(
      facetKeysOf([
        ["status", "published"],
        ["payer_type", "medicaid"],
        ["condition", "low_back_pain"],
      ]),
    ).toBe("spublished pmedicaid clow_back_pain");
  });

  it("gives every facet its own letter", () => {
    const letters = Object.values(FACET_KEY_CODES);
    expect(new Set(letters).size).toBe(letters.length);
    for (const letter of letters) expect(letter).toMatch(/^[a-z]$/);
  });
});

describe("countFacetKeys", () => {
  it("counts nothing from no candidates", () => {
    expect(countFacetKeys([], counting)).toEqual([]);
    expect(countFacetKeys([null, ""], counting)).toEqual([]);
  });

  it("counts a candidate passing every predicate for every live facet, and ignores facets not live", () => {
    const counts = countFacetKeys(["15 pmedicaid mmindfulness cpain dtrial"], counting);
    expect(sorted(counts)).toEqual([
      { facet: "condition", value: "pain", count: 1 },
      { facet: "modality", value: "mindfulness", count: 1 },
      { facet: "payer_type", value: "medicaid", count: 1 },
    ]);
  });

  it("counts a candidate failing only one facet's own filter for that facet alone", () => {
    // Fails bit 1 (payer_type): counts under payer_type, so the user sees what choosing another payer would give.
    expect(countFacetKeys(["13 pcommercial macupuncture cpain"], counting)).toEqual([
      { facet: "payer_type", value: "commercial", count: 1 },
    ]);
  });

  it("skips a candidate failing a predicate that is no facet's own (the query, the year range) or two filters", () => {
    expect(countFacetKeys(["14 pmedicaid macupuncture"], counting)).toEqual([]); // fails the match
    expect(countFacetKeys(["7 pmedicaid macupuncture"], counting)).toEqual([]); // fails the year range
    expect(countFacetKeys(["9 pmedicaid macupuncture"], counting)).toEqual([]); // fails payer_type and modality
  });

  it("adds up many candidates over several rows, a multi-valued facet counting each of its values once", () => {
    const rows = ["15 pmedicaid pmedicare macupuncture\n15 pmedicaid mdoula", "11 pcommercial mdoula"];
    expect(sorted(countFacetKeys(rows, counting))).toEqual([
      { facet: "modality", value: "acupuncture", count: 1 },
      { facet: "modality", value: "doula", count: 2 },
      { facet: "payer_type", value: "medicaid", count: 2 },
      { facet: "payer_type", value: "medicare", count: 1 },
    ]);
  });

  it("agrees with the definition (counts for F = candidates passing every predicate but F's own) on random data", () => {
    const facets: SearchFacet[] = ["payer_type", "modality", "condition", "design"];
    const candidate = fc.record({
      passed: fc.integer({ min: 0, max: 0b11111 }),
      values: fc.uniqueArray(
        fc.tuple(fc.constantFrom(...facets), fc.constantFrom("a", "b", "c_d")).map(([f, v]) => `${f}|${v}`),
        { maxLength: 6 },
      ),
    });
    const setup = fc.record({
      live: fc.subarray(facets, { minLength: 1 }),
      filtered: fc.subarray(facets),
    });
    fc.assert(
      fc.property(
        fc.array(candidate, { maxLength: 30 }),
        setup,
        fc.integer({ min: 1, max: 8 }),
        (candidates, { live, filtered }, perRow) => {
          // Bit 0 is a non-facet predicate (the match); each filtered facet gets the next bit.
          const bitOf: Partial<Record<SearchFacet, number>> = {};
          filtered.forEach((facet, i) => {
            bitOf[facet] = i + 1;
          });
          const allBits = (1 << (filtered.length + 1)) - 1;
          const lines = candidates.map((c) => {
            const pairs = c.values.map((v) => v.split("|") as [string, string]);
            return `${c.passed & allBits} ${facetKeysOf(pairs)}`.trimEnd();
          });

          const expected = new Map<string, number>();
          for (const c of candidates) {
            for (const facet of live) {
              const own = bitOf[facet];
              const needed = own === undefined ? allBits : allBits & ~(1 << own);
              if ((c.passed & needed) !== needed) continue;
              for (const v of c.values) {
                const [f, value] = v.split("|");
                if (f === facet) expected.set(`${f}:${value}`, (expected.get(`${f}:${value}`) ?? 0) + 1);
              }
            }
          }
          // The statement sends the lines in rows of consecutive ids; how they are split must not change a count.
          const rows: string[] = [];
          for (let i = 0; i < lines.length; i += perRow) rows.push(lines.slice(i, i + perRow).join("\n"));
          const actual = countFacetKeys(rows, { live, bitOf, allBits });
          expect(new Map(actual.map((c) => [`${c.facet}:${c.value}`, c.count]))).toEqual(expected);
        },
      ),
    );
  });
});
