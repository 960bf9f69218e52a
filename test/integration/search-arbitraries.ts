// What the search fuzz files generate: hostile and random query text, and filter combinations that are mostly valid.
import fc from "fast-check";
import { FACETS, LIST_FILTER_NAMES } from "../../src/domain/facets";

const HOSTILE = [
  '"',
  '""',
  "(",
  ")",
  "()",
  "NEAR",
  "NEAR(",
  "NEAR/2",
  "OR",
  "AND",
  "NOT",
  "-",
  "--",
  "*",
  "**",
  ":",
  "title:",
  "^",
  "+",
  "{",
  "}",
  "[",
  "]",
  "'",
  "\\",
  "%",
  "_",
  ";",
  "'; DROP TABLE case_studies; --",
  "\u0000",
  "\u0001",
  "\u0002",
  "\u2028",
  "\uFEFF",
  "😀",
  "👩‍⚕️",
  "\uD800",
  "ﬁ",
  "e\u0301",
  "Ⅻ",
  "acupuncture",
  "back",
  "pain",
  "c-section",
  "doula",
  "opioids",
  "medicaid",
  "ED",
  "a1c",
  "readmissio",
  "the",
  "<script>",
  "&amp;",
  "x".repeat(300),
];

const word = fc.constantFrom(...HOSTILE);
/** Any text a user or an attacker might type into q: random strings, binary, hostile FTS5 syntax, very long input. */
export const q = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: "binary", maxLength: 120 }),
  fc.array(word, { maxLength: 25 }).map((parts) => parts.join(" ")),
  fc.array(word, { maxLength: 25 }).map((parts) => parts.join("")),
  fc.constant("z".repeat(2000)),
  fc.array(fc.constantFrom("(", ")", '"', "-", "*", " ", "a", "OR"), { maxLength: 2000 }).map((a) => a.join("")),
);

/** Mostly valid values, now and then a bad one, so most requests reach the search and some test the 400 path. */
const rarely = <T>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 40, arbitrary: valid }, { weight: 1, arbitrary: invalid });

const enumValue = (values: readonly string[]) => rarely(fc.constantFrom(...values), fc.string({ maxLength: 8 }));

const listFilters = LIST_FILTER_NAMES.flatMap((key) => {
  const e = FACETS[key].enumeration;
  return e ? [[key, e] as const] : [];
}).map(([key, e]) =>
  fc.option(
    fc.array(enumValue(e.values), { minLength: 1, maxLength: 3 }).map((values) => [key, values] as const),
    {
      nil: undefined,
      freq: 3,
    },
  ),
);

const year = rarely<number | string>(fc.integer({ min: 1990, max: 2026 }), fc.constantFrom("abc", 1800, 2200));

/** Any combination of search filters: mostly valid values, now and then a bad one. */
export const filters = fc.record({
  lists: fc.tuple(...listFilters),
  country: fc.option(
    fc.array(rarely(fc.constantFrom("US", "DE", "ZZ", "GB"), fc.constantFrom("us", "XYZ")), { maxLength: 2 }),
    {
      nil: undefined,
    },
  ),
  min_grade: fc.option(rarely(fc.constantFrom("A", "B", "C", "D", "E", ""), fc.constant("F")), { nil: undefined }),
  has_cost_figures: fc.option(rarely(fc.constantFrom("true", "false"), fc.constant("yes")), { nil: undefined }),
  year_from: fc.option(year, { nil: undefined }),
  year_to: fc.option(rarely<number | string>(fc.integer({ min: 2000, max: 2030 }), fc.constant("")), {
    nil: undefined,
  }),
  sort: fc.option(rarely(fc.constantFrom("relevance", "newest", "strongest", "effect"), fc.constant("bogus")), {
    nil: undefined,
  }),
  effect_metric: fc.option(enumValue(FACETS.metric.enumeration.values), { nil: undefined }),
  limit: fc.option(rarely<number | string>(fc.integer({ min: 1, max: 50 }), fc.constantFrom(0, 51, "ten")), {
    nil: undefined,
  }),
  kind: fc.option(fc.array(enumValue(["case_study", "reference_figure", "brief"]), { minLength: 1, maxLength: 3 }), {
    nil: undefined,
    freq: 3,
  }),
  // A cursor of the current shape (sort, grade key, kind key, id): ["strongest",3,0,3].
  cursor: fc.option(rarely(fc.constant("WyJzdHJvbmdlc3QiLDMsMCwzXQ"), fc.string({ maxLength: 40 })), {
    nil: undefined,
    freq: 8,
  }),
});

/** The address of `path` with `text` as q and the filters as query parameters. */
export function url(path: string, text: string, f: typeof filters extends fc.Arbitrary<infer T> ? T : never): string {
  const params = new URLSearchParams();
  params.set("q", text);
  for (const entry of f.lists) if (entry) for (const v of entry[1]) params.append(entry[0], v);
  for (const v of f.country ?? []) params.append("country", v);
  for (const v of f.kind ?? []) params.append("kind", v);
  for (const key of [
    "min_grade",
    "has_cost_figures",
    "year_from",
    "year_to",
    "sort",
    "effect_metric",
    "limit",
    "cursor",
  ] as const) {
    const value = f[key];
    if (value !== undefined) params.set(key, String(value));
  }
  return `${path}?${params.toString()}`;
}
