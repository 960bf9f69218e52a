/** From a validated request to what the query module runs, and the URLs of search states. Pure: no I/O. */
import { LIST_FILTER_NAMES } from "../domain/facets";
import { grades } from "../domain/grading";
import { decodeCursor } from "./cursor";
import { DEFAULT_STATUSES, KINDS, type Kind, type Metric, type SearchFacet, type SearchSpec, type Sort } from "./model";
import { type ParsedQuery, parseQuery } from "./parse";
import type { SearchQuery } from "./schemas";

/** The list filters map one to one onto the facet of the same name. */
const LIST_FILTERS = LIST_FILTER_NAMES;

export interface PreparedSearch {
  spec: SearchSpec;
  parsed: ParsedQuery;
  /** What each facet shows as chosen (the grade facet shows the minimum grade). */
  selected: Partial<Record<SearchFacet, readonly string[]>>;
  /** True when a cursor was given but could not be used. */
  badCursor: boolean;
}

/** The sort actually used: relevance needs words; effect needs a metric (the schema enforces one for the API). */
export function effectiveSort(query: SearchQuery, hasWords: boolean): { sort: Sort; effectMetric: Metric | null } {
  const effectMetric = (query.effect_metric ?? (query.metric?.length === 1 ? query.metric[0] : undefined)) as
    | Metric
    | undefined;
  let sort: Sort = query.sort ?? (hasWords ? "relevance" : "strongest");
  if (sort === "relevance" && !hasWords) sort = "strongest";
  if (sort === "effect" && !effectMetric) sort = hasWords ? "relevance" : "strongest";
  return { sort, effectMetric: sort === "effect" ? (effectMetric ?? null) : null };
}

/** True when the spec filters on something only case studies have (any filter, a status other than the default). */
export function hasCaseStudyFilter(spec: Pick<SearchSpec, "filters" | "yearFrom" | "yearTo">): boolean {
  const { status, ...others } = spec.filters;
  const defaultStatus =
    status === undefined ||
    (status.length === DEFAULT_STATUSES.length && status.every((v) => DEFAULT_STATUSES.includes(v)));
  return !defaultStatus || Object.keys(others).length > 0 || spec.yearFrom !== null || spec.yearTo !== null;
}

/**
 * The kinds a search looks at: those the `kind` filter asks for (every kind without it), but only case studies
 * when there are no words (the browse lists case studies, from its precomputed counts and index) or when a filter
 * only case studies have is active (a figure or a brief has no grade, payer or design to pass it).
 */
export function searchedKinds(
  requested: readonly Kind[] | undefined,
  spec: Pick<SearchSpec, "match" | "filters" | "yearFrom" | "yearTo">,
): Kind[] {
  const asked = requested?.length ? requested : KINDS;
  const open = spec.match !== null && !hasCaseStudyFilter(spec);
  return KINDS.filter((kind) => asked.includes(kind) && (open || kind === "case_study"));
}

export function prepareSearch(query: SearchQuery): PreparedSearch {
  const parsed = parseQuery(query.q ?? "");
  const filters: SearchSpec["filters"] = {};
  const selected: PreparedSearch["selected"] = {};
  for (const key of LIST_FILTERS) {
    const values = query[key];
    if (values?.length) {
      filters[key] = [...new Set(values)];
      selected[key] = filters[key];
    }
  }
  // The default status is a choice in effect, so the status facet shows it ticked.
  selected.status = filters.status ?? DEFAULT_STATUSES;
  if (query.min_grade) {
    filters.grade = grades.slice(0, grades.indexOf(query.min_grade) + 1);
    selected.grade = [query.min_grade];
  }
  if (query.has_cost_figures === "true") {
    filters.has_cost_figures = ["true"];
    selected.has_cost_figures = ["true"];
  }
  const { sort, effectMetric } = effectiveSort(query, parsed.match !== null);
  const after = query.cursor ? decodeCursor(query.cursor, sort) : null;
  const yearFrom = query.year_from ?? null;
  const yearTo = query.year_to ?? null;
  return {
    parsed,
    selected,
    badCursor: Boolean(query.cursor) && after === null,
    spec: {
      match: parsed.match,
      excludeOnly: parsed.match === null ? parsed.excludeMatch : null,
      filters,
      yearFrom,
      yearTo,
      sort,
      effectMetric,
      limit: query.limit,
      after,
      kinds: searchedKinds(query.kind, { match: parsed.match, filters, yearFrom, yearTo }),
    },
  };
}

/**
 * A search of case studies alone, for what holds whole records (exports, the evidence summary): the `kind` filter
 * still applies, so a `kind` without case_study finds nothing rather than being ignored.
 */
export function prepareCaseStudySearch(query: SearchQuery): PreparedSearch {
  const prepared = prepareSearch({ ...query, kind: ["case_study"] });
  const asked = query.kind?.length ? query.kind : KINDS;
  return asked.includes("case_study") ? prepared : { ...prepared, spec: { ...prepared.spec, kinds: [] } };
}

/** The parameters of a search state in a fixed order (so equal states have equal URLs), without empty ones. */
export function searchParams(query: Partial<SearchQuery>): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q?.trim()) params.set("q", query.q);
  for (const key of LIST_FILTERS) for (const value of query[key] ?? []) params.append(key, value);
  for (const value of query.kind ?? []) params.append("kind", value);
  if (query.min_grade) params.set("min_grade", query.min_grade);
  if (query.has_cost_figures === "true") params.set("has_cost_figures", "true");
  if (query.year_from !== undefined) params.set("year_from", String(query.year_from));
  if (query.year_to !== undefined) params.set("year_to", String(query.year_to));
  if (query.sort) params.set("sort", query.sort);
  if (query.effect_metric) params.set("effect_metric", query.effect_metric);
  if (query.limit !== undefined && query.limit !== 10) params.set("limit", String(query.limit));
  if (query.cursor) params.set("cursor", query.cursor);
  return params;
}

export function searchHref(path: string, query: Partial<SearchQuery>): string {
  const text = searchParams(query).toString();
  return text ? `${path}?${text}` : path;
}
