/**
 * Facet counting from facet keys: each record carries its facet values as one short text column
 * (case_studies.facet_keys, schema/0004), a token per case_study_facets row: a one-letter facet code and the value.
 * A search sends back, for every candidate that can count anywhere, one line "<flags> <tokens…>" where the flags
 * say which of the search's predicates the record passes (bit i for predicate i). Counting those lines here costs a
 * few microseconds per candidate; in SQLite the same counts needed a join to ~15 facet rows per candidate and a sort
 * of all of them for GROUP BY, which was most of a search's time at 10k records.
 *
 * Pure: no I/O, so unit tests cover it directly.
 */
import { FACETS } from "../domain/facets";
import type { FacetCount, SearchFacet } from "./model";

/**
 * The letter each facet's tokens start with (FACETS[facet].keyCode). Stored in the database: never change or reuse a
 * letter (add new ones), or records written before would count under the wrong facet until they are rewritten.
 */
export const FACET_KEY_CODES = Object.fromEntries(
  (Object.keys(FACETS) as SearchFacet[]).map((facet) => [facet, FACETS[facet].keyCode]),
) as { readonly [F in SearchFacet]: (typeof FACETS)[F]["keyCode"] };

const FACET_BY_CODE: ReadonlyMap<string, SearchFacet> = new Map(
  (Object.entries(FACET_KEY_CODES) as [SearchFacet, string][]).map(([facet, code]) => [code, facet]),
);

/** A record's facet keys from its facet rows, as the write path stores them (facetKeysStatement). */
export function facetKeysOf(rows: readonly (readonly [string, string])[]): string {
  return rows.map(([facet, value]) => `${FACET_KEY_CODES[facet as SearchFacet]}${value}`).join(" ");
}

/** Which facets a search counts live, and which flag bit is each facet's own filter (absent: no filter). */
export interface FacetCounting {
  /** Facets counted from the candidates' keys (the others come from precomputed counts or are not needed). */
  live: readonly SearchFacet[];
  /** Bit of the predicate that is this facet's own filter. */
  bitOf: Partial<Record<SearchFacet, number>>;
  /** Every predicate's bit set: a candidate passing all of them. */
  allBits: number;
}

/**
 * Counts every live facet value, standard faceted-search semantics: a candidate counts for facet F's values when it
 * passes every predicate except (possibly) F's own. So a candidate passing all predicates counts for every facet;
 * one failing exactly F's filter counts only for F; any other candidate counts nowhere.
 *
 * `chunks`: the search statement's 'keys' rows, each "\n"-separated lines "<flags> <token> <token>…" (one row per
 * range of ids; a value's counts add up over all of them).
 */
export function countFacetKeys(chunks: readonly (string | null)[], counting: FacetCounting): FacetCount[] {
  const liveCodes: ReadonlySet<string> = new Set(counting.live.map((facet) => FACET_KEY_CODES[facet]));
  /** The facet whose tokens count when exactly this bit is missing (the facet's own filter). */
  const codeByMissingBit = new Map<number, string>();
  for (const facet of counting.live) {
    const bit = counting.bitOf[facet];
    if (bit !== undefined) codeByMissingBit.set(1 << bit, FACET_KEY_CODES[facet]);
  }

  const tally = new Map<string, number>();
  for (const line of chunks.flatMap((chunk) => (chunk ? chunk.split("\n") : []))) {
    const tokens = line.split(" ");
    const missing = counting.allBits & ~Number(tokens[0]);
    const onlyCode = missing === 0 ? null : codeByMissingBit.get(missing);
    if (onlyCode === undefined) continue; // fails a predicate that is no live facet's own, or several
    for (let i = 1; i < tokens.length; i++) {
      const token = tokens[i] as string;
      const code = token[0] as string;
      if (onlyCode === null ? liveCodes.has(code) : code === onlyCode) tally.set(token, (tally.get(token) ?? 0) + 1);
    }
  }

  const counts: FacetCount[] = [];
  for (const [token, count] of tally) {
    const facet = FACET_BY_CODE.get(token[0] as string);
    if (facet) counts.push({ facet, value: token.slice(1), count });
  }
  return counts;
}
