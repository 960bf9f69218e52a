import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_TERMS, parseQuery, prefixStems, STOPWORDS } from "../../../src/search/parse";
import { SYNONYM_GROUPS } from "../../../src/search/synonyms";

/** Every FTS5 token the parser may emit: quoted letters/digits, the three operators, parentheses, the prefix star. */
const SAFE_TOKEN = /"[\p{L}\p{N} ]+"|\bAND\b|\bOR\b|\bNOT\b|[()*]|\s+/gu;

function assertSafe(expression: string | null) {
  if (expression === null) return;
  expect(expression.replace(SAFE_TOKEN, "")).toBe("");
  // Balanced parentheses, so FTS5 can always parse it.
  let depth = 0;
  for (const ch of expression.replace(/"[^"]*"/g, "")) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    expect(depth).toBeGreaterThanOrEqual(0);
  }
  expect(depth).toBe(0);
}

describe("words", () => {
  it("ANDs words and matches the last one as a prefix while it is being typed", () => {
    const p = parseQuery("acupuncture back pain");
    expect(p.match).toBe('"acupuncture" AND "back" AND "pain"*');
    expect(p.normalized).toBe("acupuncture back pain*");
  });

  it("matches the last word whole once it is followed by a space", () => {
    expect(parseQuery("acupuncture back pain ").match).toBe('"acupuncture" AND "back" AND "pain"');
  });

  it("does not prefix-match words shorter than three letters (they would expand to half the vocabulary)", () => {
    expect(parseQuery("acupuncture xy").match).toBe('"acupuncture" AND "xy"');
  });

  it("also matches a half-typed word cut inside the suffix porter strips", () => {
    expect(prefixStems("readmissio")).toEqual(["readmissio", "readmiss"]);
    expect(prefixStems("medicatio")).toEqual(["medicatio", "medic"]);
    expect(prefixStems("medicaid")).toEqual(["medicaid"]);
    expect(parseQuery("readmissio").match).toBe('("readmissio"* OR "readmiss"*)');
  });

  it("lower-cases words and drops stopwords so questions work", () => {
    const p = parseQuery("Does covering Acupuncture for back pain save money?");
    expect(p.normalized).toBe("covering acupuncture back pain save money");
    expect(p.match).not.toMatch(/"does"|"for"/);
    expect(STOPWORDS.has("us")).toBe(false); // US, the country
  });

  it("treats an input of stopwords only as no query", () => {
    expect(parseQuery("the of and").match).toBeNull();
  });
});

describe("phrases", () => {
  it("keeps quoted phrases as phrases, without synonyms or prefix", () => {
    const p = parseQuery('"low back pain" acupuncture');
    expect(p.match).toBe('"low back pain" AND "acupuncture"*');
    expect(parseQuery('"acupuncture"').match).toBe('"acupuncture"');
    expect(parseQuery('"c section"').match).toBe('"c section"');
  });

  it("reads hyphenated and apostrophised words as phrases, as the tokenizer indexed them", () => {
    expect(parseQuery("self-insured employer").match).toBe('"self insured" AND "employer"*');
    expect(parseQuery("women's health ").match).toBe('"women s" AND "health"');
  });

  it("ignores a stray quote and reads on as words", () => {
    const p = parseQuery('"acupuncture back');
    expect(p.match).toBe('"acupuncture" AND "back"*');
    assertSafe(parseQuery('a"b"c"d').match);
  });
});

describe("exclusions", () => {
  it('excludes -word and -"phrase"', () => {
    expect(parseQuery("acupuncture -yoga").match).toBe('("acupuncture") NOT "yoga"');
    expect(parseQuery("acupuncture -tai-chi ").match).toBe('("acupuncture") NOT ("tai chi" OR "taiji" OR "tai ji")');
    expect(parseQuery('acupuncture -"back pain" ').match).toBe('("acupuncture") NOT "back pain"');
  });

  it("accepts NOT word as an exclusion too", () => {
    expect(parseQuery("acupuncture NOT yoga").match).toBe('("acupuncture") NOT "yoga"');
  });

  it("keeps a hyphen inside a word as part of it, not an exclusion", () => {
    expect(parseQuery("c-section").exclude).toEqual([]);
  });

  it("treats a query of exclusions only as everything but those", () => {
    const p = parseQuery("-acupuncture");
    expect(p.match).toBeNull();
    expect(p.excludeMatch).toBe('"acupuncture"');
    expect(p.normalized).toBe("-acupuncture");
  });

  it("combines several exclusions", () => {
    expect(parseQuery("pain -yoga -massage").match).toBe('("pain") NOT ("yoga" OR "massage")');
  });
});

describe("OR", () => {
  it("makes the terms on either side alternatives", () => {
    expect(parseQuery("yoga OR massage back ").match).toBe('("yoga" OR "massage") AND "back"');
    expect(parseQuery("yoga OR massage OR acupuncture ").match).toBe('("yoga" OR "massage" OR "acupuncture")');
  });

  it("drops a dangling or doubled OR, and reads lower-case or as a word (a stopword)", () => {
    expect(parseQuery("OR yoga OR ").match).toBe('"yoga"');
    expect(parseQuery("yoga OR OR massage ").match).toBe('("yoga" OR "massage")');
    expect(parseQuery("yoga or massage ").match).toBe('"yoga" AND "massage"');
  });

  it("joins a multi-word synonym as one alternative", () => {
    expect(parseQuery("yoga OR tai chi ").match).toBe('("yoga" OR ("tai chi" OR "taiji" OR "tai ji"))');
  });
});

describe("hostile and odd input is plain text", () => {
  it.each([
    ["NEAR(acupuncture pain)", '"near" AND "acupuncture" AND "pain"*'],
    ["acupuncture*", '"acupuncture"*'],
    ["title:acupuncture ", '"title" AND "acupuncture"'],
    ["^acupuncture ", '"acupuncture"'],
    ["(acupuncture OR) AND (", '"acupuncture"'],
    ["acupuncture 😀🔥 doula", '"acupuncture" AND "doula"*'],
    ["{}[]<>;--'\\", null],
    ["\u0000\u0001\u0002", null],
  ])("%j", (input, expected) => {
    const p = parseQuery(input);
    expect(p.match).toBe(expected);
    assertSafe(p.match);
  });

  it("cuts 2,000 characters of junk to bounded work", () => {
    const junk = Array.from({ length: 2000 }, (_, i) => 'ab("*:^)-😀 x'.charAt(i % 12)).join("");
    const p = parseQuery(junk);
    assertSafe(p.match);
    expect(p.include.length).toBeLessThanOrEqual(MAX_TERMS);
    expect(p.truncated).toBe(true);
  });

  it("drops words too long to be words", () => {
    expect(parseQuery(`${"x".repeat(300)} doula`).match).toBe('"doula"*');
  });

  it("returns no query for empty, blank or non-string input", () => {
    for (const input of ["", "   ", "\n\t", undefined, null, 42]) {
      const p = parseQuery(input);
      expect(p.match).toBeNull();
      expect(p.excludeMatch).toBeNull();
      expect(p.normalized).toBe("");
    }
  });

  it("keeps diacritics and scripts other than Latin as words", () => {
    expect(parseQuery("césarienne 針灸 ").match).toBe('"césarienne" AND "針灸"');
  });

  it("emits only safe FTS5 syntax for any string (property)", () => {
    const alphabet = fc.constantFrom(
      ..."abc xyz-\"()*:^OR AND NOT NEAR ,.'😀\u0000\t".split(""),
      "OR",
      "NOT",
      "-",
      '"',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.array(alphabet, { maxLength: 60 }).map((a) => a.join("")),
        ),
        (q) => {
          const p = parseQuery(q);
          assertSafe(p.match);
          assertSafe(p.excludeMatch);
          expect(p.include.length).toBeLessThanOrEqual(MAX_TERMS);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("parses its own normalised form to the same normalised form, but for the prefix star (property)", () => {
    const word = fc.constantFrom(
      "acupuncture",
      "back",
      "pain",
      "c-section",
      "opioids",
      "low",
      "doula",
      "ed",
      "a1c",
      "the",
      "readmissio",
    );
    const piece = fc.oneof(
      word,
      word.map((w) => `-${w}`),
      fc.constant("OR"),
      fc.tuple(word, word).map(([a, b]) => `"${a} ${b}"`),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), fc.boolean(), (pieces, space) => {
        const q = pieces.join(" ") + (space ? " " : "");
        const once = parseQuery(q);
        const twice = parseQuery(once.normalized);
        // The star only says the last word was still being typed; parsing the text again may add or keep it.
        expect(twice.normalized.replace(/\*$/, "")).toBe(once.normalized.replace(/\*$/, ""));
        expect(twice.excludeMatch).toBe(once.excludeMatch);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("synonyms", () => {
  const cases = SYNONYM_GROUPS.flatMap((group) => group.map((member) => [member, group] as const));

  it.each(cases)("%j expands to its whole group", (member, group) => {
    // Typed as words, with a trailing space so the last word is whole.
    const p = parseQuery(`${member} `);
    expect(p.include).toHaveLength(1);
    const term = p.include[0]?.[0];
    expect(term?.kind).toBe("synonyms");
    for (const other of group) expect(p.match).toContain(`"${other}"`);
    expect(p.expansions[0]?.alternatives).toEqual([...group]);
  });

  it("finds every group the same way from each of its members (both ways)", () => {
    for (const group of SYNONYM_GROUPS) {
      const expressions = new Set(group.map((member) => parseQuery(`${member} `).match));
      expect(expressions.size).toBe(1);
    }
  });

  it("matches the examples of the issue in both directions", () => {
    const pairs = [
      ["caesarean", "c-section"],
      ["cesarean", "C-section"],
      ["ED", "emergency department"],
      ["ER", "emergency department"],
      ["LBP", "low back pain"],
      ["MBSR", "mindfulness"],
      ["ACO", "accountable care"],
      ["SIB", "social impact bond"],
      ["pay for success", "social impact bond"],
      ["DPP", "diabetes prevention"],
      ["HbA1c", "A1c"],
      ["opioid", "opiate"],
    ];
    for (const [a, b] of pairs) {
      expect(parseQuery(`${a} `).match, `${a} = ${b}`).toBe(parseQuery(`${b} `).match);
    }
  });

  it("matches plurals of a member and hyphenated spellings", () => {
    expect(parseQuery("opioids ").match).toBe(parseQuery("opioid ").match);
    expect(parseQuery("social impact bonds ").match).toBe(parseQuery("sib ").match);
    expect(parseQuery("c-sections ").match).toBe(parseQuery("caesarean ").match);
  });

  it("expands synonyms inside a longer query, and in exclusions", () => {
    expect(parseQuery("doula c-section medicaid ").match).toBe(
      '"doula" AND ("caesarean" OR "cesarean" OR "c section" OR "caesarian" OR "cesarian") AND "medicaid"',
    );
    expect(parseQuery("pain -opioids ").match).toBe('("pain") NOT ("opioid" OR "opiate")');
  });

  it("does not expand a partial match or a quoted phrase", () => {
    expect(parseQuery("low back ").match).toBe('"low" AND "back"');
    expect(parseQuery('"ed" ').match).toBe('"ed"');
  });

  it("lists each group once and only lower-case letters, digits and spaces", () => {
    const all = SYNONYM_GROUPS.flat();
    expect(new Set(all).size).toBe(all.length);
    for (const member of all) expect(member).toMatch(/^[a-z0-9]+( [a-z0-9]+)*$/);
  });
});
