/** Search routes: the API, the /search page, and the health check that doubles as the benchmark's floor. */
import type { Context } from "hono";
import { Hono } from "hono";
import { ping } from "../db/health";
import { type FieldError, toFieldErrors } from "../domain/field-error";
import type { AppEnv } from "../env";
import { asksForFresh } from "../http/conditional";
import { ProblemError, validationProblem } from "../http/problem";
import { defineRoute, mountRoutes } from "../http/route";
import { type QuerySpec, readQuery } from "../http/validate";
import { briefInProgress } from "../views/add-to-brief";
import { encodeCursor } from "./cursor";
import { searchExportRoutes } from "./exports";
import { FRAGMENT_PARAM, FRAGMENT_VALUE } from "./fragment";
import { gapMaps } from "./gap-map";
import { gapMapApiRoutes } from "./gap-map-routes";
import { GapMapPage } from "./gap-map-view";
import { SEARCH_FACETS, type SearchOutcome } from "./model";
import { groupFacets, toAnyHit } from "./present";
import { runSearch } from "./run";
import {
  healthResponseSchema,
  type SearchQuery,
  type SearchResponse,
  searchQuerySchema,
  searchResponseSchema,
} from "./schemas";
import { type PreparedSearch, prepareSearch, searchHref } from "./spec";
import { summaryApiRoutes } from "./summary";
import { SearchPage } from "./views";

/** How search reads its query, the API and the page alike: `q` is free text, so no text can fail. */
const searchQuery: QuerySpec<typeof searchQuerySchema> = { schema: searchQuerySchema, textKeys: ["q"] };

/** For the page: drops whatever fails validation (a bad value, an unknown key), keeping the rest, and says what. */
function parseLeniently(raw: Record<string, string | string[]>): { query: SearchQuery; ignored: FieldError[] } {
  const ignored: FieldError[] = [];
  const data: Record<string, unknown> = { ...raw };
  for (let attempt = 0; attempt < 4; attempt++) {
    const result = searchQuerySchema.safeParse(data);
    if (result.success) return { query: result.data, ignored };
    const issues = result.error.issues;
    ignored.push(...toFieldErrors(issues));
    // Remove bad list items by index (highest first), and whole keys otherwise.
    const drops = issues
      .flatMap((issue) =>
        issue.code === "unrecognized_keys" ? issue.keys.map((key) => [key] as PropertyKey[]) : [issue.path],
      )
      .sort((a, b) => Number(b[1] ?? -1) - Number(a[1] ?? -1));
    for (const path of drops) {
      const key = String(path[0] ?? "");
      const value = data[key];
      if (typeof path[1] === "number" && Array.isArray(value)) value.splice(path[1], 1);
      else delete data[key];
    }
  }
  return { query: searchQuerySchema.parse({ q: typeof raw.q === "string" ? raw.q : undefined }), ignored };
}

interface Executed {
  prepared: PreparedSearch;
  outcome: SearchOutcome;
  response: SearchResponse;
}

async function execute(c: Context<AppEnv>, query: SearchQuery, prepared: PreparedSearch): Promise<Executed> {
  const outcome = await runSearch(c.env.DB, prepared.spec, { cache: !asksForFresh(c.req.raw.headers) });
  const url = new URL(c.req.url);
  const { spec, parsed } = prepared;
  const nextCursor = outcome.nextKey ? encodeCursor(spec.sort, outcome.nextKey) : null;
  const response: SearchResponse = {
    query: {
      q: query.q ?? "",
      normalized: parsed.normalized,
      fts: parsed.match ?? (parsed.excludeMatch ? `NOT ${parsed.excludeMatch}` : null),
      expansions: parsed.expansions,
      truncated: parsed.truncated,
    },
    sort: spec.sort,
    effect_metric: spec.effectMetric,
    total: outcome.total,
    total_exact: outcome.totalExact,
    facets_exact: outcome.facetsExact,
    kinds: [...spec.kinds],
    total_by_kind: outcome.totalByKind,
    limit: spec.limit,
    hits: outcome.hits.map((row) => toAnyHit(row, url.origin, spec.effectMetric)),
    facets: groupFacets(outcome.facets, prepared.selected, SEARCH_FACETS),
    without: { ...outcome.without } as Record<string, number>,
    next_cursor: nextCursor,
    next: nextCursor ? `${url.origin}${searchHref(url.pathname, { ...query, cursor: nextCursor })}` : null,
  };
  // Whether the cache answered, for the benchmark and for anyone tuning queries (the D1 cost headers are every
  // route's, src/http/d1-cost.ts).
  c.header("x-search-cache", outcome.cache);
  return { prepared, outcome, response };
}

/** The search API, declared once for the routes and the OpenAPI document. */
export const searchApiRoutes = [
  defineRoute({
    method: "get",
    path: "/api/v1/search",
    tag: "Search",
    summary: "Search case studies, reference figures and evidence briefs",
    description: [
      "Full-text search with filters and facet counts. With words, hits are case studies, reference figures and",
      "evidence briefs (`kind` on each hit; the `kind` filter chooses); without words, or with any filter only case",
      "studies have, hits are case studies only. Facet counts are always of case studies. Any `q` text is accepted (it is parsed into safe full-text syntax,",
      "never passed raw); invalid filter values are a 400 naming each field. Ranking: bm25 with title and summary",
      "weighted over tags over body, evidence grade breaking ties. Facet counts apply every active filter except the",
      "facet's own. Retracted and draft records are left out unless `status` asks for them. Pagination is by",
      "`cursor` (keyset: pages never repeat or skip a record). With words, a search looks at the 1,000 best",
      "full-text matches of case studies (and of figures and briefs) by bm25 and no further: hits in every sort, pages,",
      "filters, totals and facet counts are of those; when more match, `total_exact` (and, for case studies,",
      "`facets_exact`) is false, the counts are lower bounds and the last page ends at the 1,000th match",
      "(narrow the words to reach the rest). sort=effect ranks by the best outcome on",
      "`effect_metric`: the improvement in percent for changes (relative change, (ratio − 1) × 100, or change over",
      "baseline, oriented so that fewer readmissions or costs count as improvement), the amount itself for savings",
      "and ROI; records without a comparable figure come last. Results are kept per Worker instance for as long as",
      "the data does not change (every write changes a data version that each search reads); send",
      "`Cache-Control: no-cache` to have the search run afresh. Headers: `x-search-cache` (hit, miss, stale or",
      "bypass), `x-d1-queries` (statements, at most 2), `x-d1-round-trips` and `x-d1-rows-read`.",
    ].join(" "),
    query: searchQuery,
    responses: {
      200: { description: "Hits, facet counts and the total", schema: searchResponseSchema },
      400: { description: "Invalid filter, sort, limit or cursor, each named" },
    },
    handler: async (c, { query }) => {
      const prepared = prepareSearch(query);
      if (prepared.badCursor) {
        throw validationProblem("query", [
          { path: "cursor", message: "is not a cursor this search returned (or was made for another sort)" },
        ]);
      }
      const { response } = await execute(c, query, prepared);
      return c.json(response);
    },
  }),
  defineRoute({
    method: "get",
    path: "/api/v1/health",
    tag: "Search",
    summary: "Health check",
    description: "Runs one trivial D1 query (SELECT 1). Also the floor the search benchmark is measured against.",
    responses: {
      200: { description: "The Worker and its database answer", schema: healthResponseSchema },
      500: { description: "The database did not answer as expected" },
    },
    handler: async (c) => {
      const { ok } = await ping(c.env.DB);
      if (!ok) throw new ProblemError(500, "The database did not answer as expected.");
      return c.json({ ok: true as const });
    },
  }),
  ...searchExportRoutes,
  ...summaryApiRoutes,
  ...gapMapApiRoutes,
];

export const searchRoutes = mountRoutes(new Hono<AppEnv>(), searchApiRoutes);

searchRoutes.get("/evidence/map", async (c) => c.html(<GapMapPage maps={await gapMaps(c.env.DB)} />));

searchRoutes.get("/search", async (c) => {
  // The page forgives: a repeated key keeps its last value, and whatever fails is dropped and said.
  // `brief` is the page's own state (a composed brief in progress), not part of the search; `fragment` asks for the
  // page's parts only (search as you type, src/client/search.ts).
  const { brief, [FRAGMENT_PARAM]: fragment, ...raw } = readQuery(c, searchQuery).data;
  const { query, ignored } = parseLeniently(raw);
  const notices = ignored.map((e) => `${e.path}: ${e.message}`);
  const prepared = prepareSearch(query);
  if (prepared.badCursor) {
    notices.push("The page link was not valid here, so this is the first page.");
    query.cursor = undefined;
  }
  if (query.sort === "effect" && prepared.spec.sort !== "effect") {
    notices.push("To sort by largest effect, choose the outcome to rank by.");
  }
  if (prepared.parsed.truncated) notices.push("The words were cut to the first terms the search uses.");
  const { response } = await execute(c, query, prepared);
  const inProgress = briefInProgress(typeof brief === "string" ? brief : brief?.at(-1));
  const parts = fragment === FRAGMENT_VALUE;
  return c.html(<SearchPage model={{ query, response, notices, brief: inProgress, fragment: parts }} />);
});
