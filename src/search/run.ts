/**
 * Runs a search against D1 with this isolate's result cache in front (see runSearch for the protocol). The SQL is
 * built by statement.ts; this module only decides what to send and what to keep.
 */
import { DATA_VERSION_SQL } from "../db/data-version";
import { type CacheLimits, VersionedCache } from "../db/versioned-cache";
import type { SearchAnswer, SearchOutcome, SearchSpec } from "./model";
import { readResult, type SearchResultRow, searchStatement } from "./statement";

/**
 * What a cached answer holds, for the cache's size bound: the length of its JSON. (Not the rows it was read from:
 * at 100k records those carry megabytes of facet keys that are counted and dropped.)
 */
function answerSize(answer: SearchAnswer): number {
  return JSON.stringify(answer).length;
}

/**
 * Why a result cache: a search over thousands of full-text matches with exact facet counts costs milliseconds of D1
 * time and thousands of rows read, and people (and pages embedding links to a search) ask the same questions again.
 */
const SEARCH_CACHE_LIMITS: CacheLimits = { maxEntries: 500, maxSize: 8 * 1024 * 1024 };

/** Results already computed in this isolate, valid while the data version they were computed from is current. */
const searchCache = new VersionedCache<SearchAnswer>(SEARCH_CACHE_LIMITS);

/**
 * Runs a search, reusing this isolate's result for the same search when the data has not changed since:
 *
 * - a search this isolate holds a result for: read the data version (one trivial statement); if the result is of
 *   that version, answer from it ("hit"), else run the search statement ("stale": two statements, two round trips);
 * - any other search: the version read and the search statement go to D1 together as one batch (one round trip,
 *   and the batch is one transaction, so the result is filed under the version it was computed from) ("miss");
 * - `cache: false` (the request said Cache-Control: no-cache): as a miss, never answered from the cache, and the
 *   fresh result replaces any held one ("bypass").
 *
 * So a search sends at most two D1 statements, and one round trip unless its held result went stale.
 */
export async function runSearch(
  db: D1Database,
  spec: SearchSpec,
  options: { cache: boolean } = { cache: true },
): Promise<SearchOutcome> {
  const key = JSON.stringify(spec);
  const version = db.prepare(DATA_VERSION_SQL);
  const statement = searchStatement(spec);
  const search = db.prepare(statement.sql).bind(...statement.params);

  if (options.cache && searchCache.has(key)) {
    const checked = await version.all<{ version: string }>();
    const current = checked.results[0]?.version ?? "";
    const held = searchCache.get(key, current);
    if (held) return { ...held, cache: "hit" };
    const result = await search.all<SearchResultRow>();
    const answer = readResult(spec, statement, result.results);
    searchCache.set(key, current, answer, answerSize(answer));
    return { ...answer, cache: "stale" };
  }

  const [checked, result] = (await db.batch([version, search])) as [
    D1Result<{ version: string }>,
    D1Result<SearchResultRow>,
  ];
  const answer = readResult(spec, statement, result.results);
  searchCache.set(key, checked.results[0]?.version ?? "", answer, answerSize(answer));
  return { ...answer, cache: options.cache ? "miss" : "bypass" };
}

/**
 * Page size when a result set is read for its records: what an export or the evidence summary reads at most
 * (EXPORT_MAX_RECORDS, SUMMARY_MAX_RECORDS), so they take one statement; pages of the search's own 50 each ran the
 * whole search again. Such pages carry no snippets (`snippets: false`), so a hit costs no full-text lookup.
 */
const WHOLE_PAGE = 200;

/**
 * The slugs of every record a search matches, in its order, up to `max`, read page by page through runSearch (so
 * through its cache and its one statement per page), with the total that matched (a lower bound unless `totalExact`:
 * a search with words looks at its best SEARCH_CANDIDATE_CAP matches).
 */
export async function matchingSlugs(
  db: D1Database,
  spec: SearchSpec,
  max: number,
): Promise<{ slugs: string[]; total: number; totalExact: boolean }> {
  const slugs: string[] = [];
  let page: SearchSpec = { ...spec, limit: WHOLE_PAGE, snippets: false };
  let total = 0;
  let totalExact = true;
  for (;;) {
    const outcome = await runSearch(db, page);
    total = outcome.total;
    totalExact = outcome.totalExact;
    slugs.push(...outcome.hits.map((hit) => hit.slug));
    if (!outcome.nextKey || slugs.length >= max) break;
    page = { ...page, after: outcome.nextKey };
  }
  return { slugs: slugs.slice(0, max), total, totalExact };
}
