/**
 * The /search page. Every state is a URL: the query box, sort and filter sidebar are one GET form (the sidebar's
 * inputs join it through the `form` attribute), chips and "drop this filter" suggestions are plain links, so it all
 * works without script. With script (src/client/search.ts) results follow the words as they are typed: the browser
 * asks for the same URL with `fragment=results` and swaps in the parts of the page by id (./fragment.ts), which the
 * server renders here, with these components, without the page around them.
 */
import { raw } from "hono/html";
import { financingModels, metrics, payerTypes } from "../domain/enums";
import { FACETS, facetValueLabel } from "../domain/facets";
import { dollarsYear, figureValue } from "../domain/figure-value";
import { assetPaths } from "../generated/assets";
import { AddToBrief } from "../views/add-to-brief";
import { CaseStudyCard, ProvenanceTag } from "../views/evidence";
import { ExportLinks } from "../views/export-links";
import { documentTitle, Layout, type LayoutProps } from "../views/layout";
import { EXPORT_MAX_RECORDS, SEARCH_EXPORT_PATH } from "./exports";
import { RESULTS_COUNT_ID, SEARCH_FORM_ID, SEARCH_PARTS, WORDS_PARAM } from "./fragment";
import { SEARCH_CANDIDATE_CAP, type SearchFacet, type Sort } from "./model";
import { type AnySearchHit, type BriefHit, type FigureHit, type SearchHit, snippetRepeatsSummary } from "./present";
import type { SearchQuery, SearchResponse } from "./schemas";
import { searchHref } from "./spec";

export interface SearchPageModel {
  /** The request as used (invalid parts already dropped). */
  query: SearchQuery;
  response: SearchResponse;
  /** Things the page ignored or changed, in words. */
  notices: string[];
  /** A composed brief in progress (`?brief=a,b`): each card's "Add to brief" extends it. */
  brief?: string[];
  /** Search as you type asked for the page's parts only (`fragment=results`), not the whole page. */
  fragment?: boolean;
}

/** The page's parts without the site's header and footer: the document title first, so the script can set it. */
function FragmentShell({ title, children }: LayoutProps) {
  return (
    <>
      <title>{documentTitle(title)}</title>
      {children}
    </>
  );
}

const FORM_ID = SEARCH_FORM_ID;

/** Sidebar order, and the facets folded away unless one of their values is chosen (titles: domain/facets.ts). */
const SIDEBAR: { facet: SearchFacet; title: string; folded?: boolean }[] = (
  [
    { facet: "condition" },
    { facet: "modality" },
    { facet: "payer_type" },
    { facet: "financing_model" },
    { facet: "grade" },
    { facet: "design" },
    { facet: "provenance" },
    { facet: "has_cost_figures" },
    { facet: "metric", folded: true },
    { facet: "country", folded: true },
    { facet: "care_setting", folded: true },
    { facet: "status", folded: true },
  ] satisfies { facet: SearchFacet; folded?: boolean }[]
).map((s) => ({ ...s, title: FACETS[s.facet].label }));

const SORT_LABELS: Record<Sort, string> = {
  relevance: "Relevance",
  strongest: "Strongest evidence",
  newest: "Newest evidence",
  effect: "Largest effect on…",
};

const LIST_KEYS = [
  "condition",
  "modality",
  "financing_model",
  "payer_type",
  "design",
  "provenance",
  "care_setting",
  "metric",
  "status",
  "country",
] as const;

interface Chip {
  label: string;
  href: string;
}

/** A state's URL with the cursor dropped (any change of filters starts again at the first page). */
function href(query: Partial<SearchQuery>): string {
  return searchHref("/search", { ...query, cursor: undefined });
}

function without(query: SearchQuery, key: keyof SearchQuery, value?: string): Partial<SearchQuery> {
  const next: Partial<SearchQuery> = { ...query };
  if (value !== undefined && Array.isArray(query[key])) {
    const kept = (query[key] as string[]).filter((v) => v !== value);
    (next as Record<string, unknown>)[key] = kept.length ? kept : undefined;
  } else {
    (next as Record<string, unknown>)[key] = undefined;
  }
  return next;
}

/** One removable chip per active filter value (the default status has none: it is not a choice). */
export function activeChips(query: SearchQuery): Chip[] {
  const chips: Chip[] = [];
  if (query.q?.trim()) chips.push({ label: `Words: ${query.q.trim()}`, href: href(without(query, "q")) });
  for (const key of LIST_KEYS) {
    for (const value of query[key] ?? []) {
      if (key === "status" && value === "published" && (query.status?.length ?? 0) <= 1) continue;
      chips.push({
        label: `${facetTitle(key)}: ${facetValueLabel(key, value)}`,
        href: href(without(query, key, value)),
      });
    }
  }
  if (query.min_grade) {
    chips.push({
      label: `Grade: ${facetValueLabel("grade", query.min_grade)}`,
      href: href(without(query, "min_grade")),
    });
  }
  if (query.has_cost_figures === "true") {
    chips.push({ label: "States cost or ROI figures", href: href(without(query, "has_cost_figures")) });
  }
  if (query.year_from !== undefined || query.year_to !== undefined) {
    chips.push({
      label: `Years: ${query.year_from ?? "…"}–${query.year_to ?? "…"}`,
      href: href({ ...query, year_from: undefined, year_to: undefined }),
    });
  }
  return chips;
}

function facetTitle(facet: SearchFacet): string {
  return FACETS[facet].label;
}

/** The filters to drop when nothing matched, each with the number of records it would bring back. */
function dropSuggestions(query: SearchQuery, response: SearchResponse): { label: string; href: string; n: number }[] {
  const out: { label: string; href: string; n: number }[] = [];
  for (const key of LIST_KEYS) {
    if (key === "status" || !query[key]?.length) continue;
    const n = response.without[key];
    if (n) {
      const labels = (query[key] as string[]).map((v) => facetValueLabel(key, v)).join(" or ");
      out.push({ label: `${facetTitle(key)}: ${labels}`, href: href(without(query, key)), n });
    }
  }
  if (query.min_grade && response.without.grade) {
    out.push({
      label: `Grade: ${facetValueLabel("grade", query.min_grade)}`,
      href: href(without(query, "min_grade")),
      n: response.without.grade,
    });
  }
  if (query.has_cost_figures === "true" && response.without.has_cost_figures) {
    out.push({
      label: "States cost or ROI figures",
      href: href(without(query, "has_cost_figures")),
      n: response.without.has_cost_figures,
    });
  }
  if ((query.year_from !== undefined || query.year_to !== undefined) && response.without.year) {
    out.push({
      label: `Years: ${query.year_from ?? "…"}–${query.year_to ?? "…"}`,
      href: href({ ...query, year_from: undefined, year_to: undefined }),
      n: response.without.year,
    });
  }
  return out.sort((a, b) => b.n - a.n);
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}

/** A count that is exact, or a lower bound said as one ("at least 12 records"). */
function pluralAtLeast(n: number, exact: boolean, one: string, many = `${one}s`): string {
  return `${exact ? "" : "at least "}${plural(n, one, many)}`;
}

/** A facet value's count: "12", or "12+" when it is a lower bound (the sidebar says so in words). */
function facetCount(n: number, exact: boolean): string {
  return `${n.toLocaleString("en-US")}${exact ? "" : "+"}`;
}

const CAP_WORDS = SEARCH_CANDIDATE_CAP.toLocaleString("en-US");

function NoResults({ query, response }: { query: SearchQuery; response: SearchResponse }) {
  const drops = dropSuggestions(query, response);
  const hasFilters = activeChips(query).some((c) => !c.label.startsWith("Words:"));
  const wordsAlone = response.without.filters;
  const exact = response.facets_exact;
  return (
    <div class="no-results" role="status">
      <h2>Nothing matched</h2>
      {response.kinds.length === 0 ? (
        // The kinds asked for are all found by words only (spec.ts, searchedKinds), and there are none.
        <p>
          Evidence briefs and reference figures are found by words, and a filter only case studies have (or no words)
          leaves them out: type words to search them, or see every <a href="/briefs">evidence brief</a> and every{" "}
          <a href="/reference-figures">reference figure</a>.
        </p>
      ) : null}
      {response.query.normalized && !exact ? (
        <p>
          None of the {CAP_WORDS} best matches of <strong>{response.query.normalized}</strong> passes the filters
          chosen. More records match these words than the search looks at: use more precise words to reach the others.
        </p>
      ) : response.query.normalized ? (
        <p>
          No record matches <strong>{response.query.normalized}</strong>
          {hasFilters ? " with the filters chosen" : ""}.
        </p>
      ) : (
        <p>No record matches the filters chosen.</p>
      )}
      {drops.length ? (
        <>
          <p>Drop a filter to see records:</p>
          <ul>
            {drops.map((d) => (
              <li>
                <a href={d.href}>Drop “{d.label}”</a> ({pluralAtLeast(d.n, exact, "record")})
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {hasFilters && wordsAlone ? (
        <p>
          Your words alone match {pluralAtLeast(wordsAlone, exact, "record")}:{" "}
          <a href={href({ q: query.q, limit: query.limit })}>search without any filter</a>.
        </p>
      ) : null}
      {response.query.normalized && !wordsAlone && !drops.length ? (
        <p>
          No record contains all of these words. Try fewer or more general words, or{" "}
          <a href={href(without(query, "q"))}>browse with the filters only</a>.
        </p>
      ) : null}
    </div>
  );
}

function HitCard({ hit, brief }: { hit: SearchHit; brief: string[] }) {
  return (
    <CaseStudyCard
      item={{
        slug: hit.slug,
        title: hit.title,
        summary: hit.summary,
        provenance: hit.provenance,
        design: hit.design,
        grade: hit.evidence_grade,
        grade_reason: hit.evidence_grade_reason,
        evidence_year: hit.evidence_year,
        status: hit.status,
      }}
    >
      {hit.provenance === "illustrative" ? (
        <p class="hit-warning illustrative">Illustrative figures with no identifiable source: not evidence.</p>
      ) : null}
      {hit.provenance === "reported" ? (
        <p class="hit-warning reported">Reported figures, not checked against primary data.</p>
      ) : null}
      {hit.status === "retracted" ? <p class="hit-warning retracted">Retracted.</p> : null}
      {hit.snippet && !snippetRepeatsSummary(hit.snippet, hit.summary) ? (
        <p class="snippet small">{raw(hit.snippet)}</p>
      ) : null}
      {hit.key_figures.length ? (
        <ul class="figures small">
          {hit.key_figures.map((f) => (
            <li>
              <strong>{f.label}:</strong> {f.text}
            </li>
          ))}
        </ul>
      ) : null}
      <p class="small muted">
        Paid by {hit.payer_types.map(payerTypes.label).join(", ")} ·{" "}
        {hit.financing_models.map(financingModels.label).join(", ")}
      </p>
      {hit.effect && hit.effect.score !== null ? (
        <p class="small">
          Ranked by {metrics.label(hit.effect.metric)}:{" "}
          {hit.effect.scale === "amount"
            ? `${hit.effect.score.toLocaleString("en-US")} (amount as reported)`
            : `${hit.effect.score > 0 ? "" : "no "}improvement of ${Math.abs(Math.round(hit.effect.score * 10) / 10)}%`}
        </p>
      ) : null}
      <AddToBrief slug={hit.slug} title={hit.title} brief={brief} />
    </CaseStudyCard>
  );
}

/** A reference figure found: labelled as one, the figure in words with its year of dollars and provenance. */
function FigureCard({ hit }: { hit: FigureHit }) {
  const amount = {
    value: hit.value,
    low: hit.low ?? undefined,
    high: hit.high ?? undefined,
    unit: hit.unit,
    per: hit.per ?? undefined,
    price_year: hit.price_year ?? undefined,
  };
  const year = dollarsYear(amount);
  return (
    <li class="card hit-figure">
      <p class="kind-label">Reference figure</p>
      <h3>
        <a href={`/reference-figures/${hit.slug}`}>{hit.title}</a>
      </h3>
      <p>
        <strong>{figureValue(amount)}</strong> <ProvenanceTag provenance={hit.provenance} />
      </p>
      {year ? <p class="small muted">{year}</p> : null}
      <p class="small">“{hit.quote}”</p>
      {hit.snippet && !snippetRepeatsSummary(hit.snippet, hit.quote) ? (
        <p class="snippet small">{raw(hit.snippet)}</p>
      ) : null}
    </li>
  );
}

/** An evidence brief found: labelled as one, with the question it answers. */
function BriefCard({ hit }: { hit: BriefHit }) {
  return (
    <li class="card hit-brief">
      <p class="kind-label">Evidence brief</p>
      <h3>
        <a href={`/briefs/${hit.slug}`}>{hit.title}</a>
      </h3>
      <p class="small">{hit.question}</p>
      {hit.snippet && !snippetRepeatsSummary(hit.snippet, hit.question) ? (
        <p class="snippet small">{raw(hit.snippet)}</p>
      ) : null}
    </li>
  );
}

function AnyHitCard({ hit, brief }: { hit: AnySearchHit; brief: string[] }) {
  if (hit.kind === "reference_figure") return <FigureCard hit={hit} />;
  if (hit.kind === "brief") return <BriefCard hit={hit} />;
  return <HitCard hit={hit} brief={brief} />;
}

function FacetFieldset({
  facet,
  title,
  folded,
  query,
  response,
}: {
  facet: SearchFacet;
  title: string;
  folded?: boolean;
  query: SearchQuery;
  response: SearchResponse;
}) {
  const values = response.facets[facet] ?? [];
  const anySelected = values.some((v) => v.selected);
  if (!values.length && facet !== "grade") return null;
  const id = (value: string) => `f-${facet}-${value}`;
  let inputs: unknown;
  if (facet === "grade") {
    inputs = (
      <>
        <div class="facet-option">
          <input type="radio" form={FORM_ID} name="min_grade" value="" id="f-grade-any" checked={!query.min_grade} />
          <label for="f-grade-any">Any grade</label>
        </div>
        {values.map((v) => (
          <div class="facet-option">
            <input type="radio" form={FORM_ID} name="min_grade" value={v.value} id={id(v.value)} checked={v.selected} />
            <label for={id(v.value)}>
              {v.label} <span class="count">({facetCount(v.count, response.facets_exact)})</span>
            </label>
          </div>
        ))}
      </>
    );
  } else {
    const name = facet === "has_cost_figures" ? "has_cost_figures" : facet;
    inputs = values.map((v) => (
      <div class="facet-option">
        <input type="checkbox" form={FORM_ID} name={name} value={v.value} id={id(v.value)} checked={v.selected} />
        <label for={id(v.value)}>
          {v.label} <span class="count">({facetCount(v.count, response.facets_exact)})</span>
        </label>
      </div>
    ));
  }
  const body = (
    <fieldset>
      <legend>{title}</legend>
      {inputs}
    </fieldset>
  );
  // The default status is ticked but not a choice the person made, so it does not unfold its facet.
  const chosen = facet === "status" ? query.status !== undefined : anySelected;
  return folded && !chosen ? (
    <details class="facet">
      <summary>{title}</summary>
      {body}
    </details>
  ) : (
    <div class="facet">{body}</div>
  );
}

function Sidebar({ query, response }: { query: SearchQuery; response: SearchResponse }) {
  return (
    <aside class="search-filters" id={SEARCH_PARTS.filters} aria-labelledby="filters-heading">
      <h2 id="filters-heading">Filters</h2>
      <p class="small muted">
        {response.facets_exact
          ? "Counts show how many records each choice gives with your other filters."
          : `Counts show how many of the ${CAP_WORDS} best matches of your words each choice gives with your other filters: more records match, so each choice gives at least that many (shown as 12+).`}
      </p>
      {SIDEBAR.map((s) => (
        <FacetFieldset facet={s.facet} title={s.title} folded={s.folded} query={query} response={response} />
      ))}
      <fieldset class="facet">
        <legend>Evidence year</legend>
        <div class="year-range">
          <label for="f-year-from">From</label>
          <input
            id="f-year-from"
            form={FORM_ID}
            type="number"
            name="year_from"
            min="1900"
            max="2100"
            inputmode="numeric"
            value={query.year_from === undefined ? "" : String(query.year_from)}
          />
          <label for="f-year-to">to</label>
          <input
            id="f-year-to"
            form={FORM_ID}
            type="number"
            name="year_to"
            min="1900"
            max="2100"
            inputmode="numeric"
            value={query.year_to === undefined ? "" : String(query.year_to)}
          />
        </div>
      </fieldset>
      <button type="submit" form={FORM_ID}>
        Apply filters
      </button>
    </aside>
  );
}

export function SearchPage({ model }: { model: SearchPageModel }) {
  const { query, response, notices } = model;
  const chips = activeChips(query);
  const filterChips = chips.filter((c) => !c.label.startsWith("Words:"));
  const sorts: Sort[] = response.query.fts
    ? ["relevance", "strongest", "newest", "effect"]
    : ["strongest", "newest", "effect"];
  const title = query.q?.trim() ? `Search: ${query.q.trim().slice(0, 60)}` : "Search the evidence";
  const nextHref = response.next_cursor ? searchHref("/search", { ...query, cursor: response.next_cursor }) : null;
  const Shell = model.fragment ? FragmentShell : Layout;
  const script = assetPaths["search.js"];
  return (
    <Shell
      title={title}
      description="Search graded case studies of how integrative care was financed, by who paid and how."
      scripts={script ? [script] : []}
    >
      <h1>Search the evidence</h1>
      <search>
        <form id={FORM_ID} class="search-bar" method="get" action="/search">
          <div class="search-q">
            <label for="q">Words</label>
            <input
              id="q"
              name={WORDS_PARAM}
              type="search"
              value={query.q ?? ""}
              placeholder="acupuncture back pain, maternity bundle, opioid medicaid"
              maxlength={1000}
            />
          </div>
          <div>
            <label for="sort">Sort by</label>
            <select id={SEARCH_PARTS.sort} name="sort">
              {sorts.map((s) => (
                <option value={s} selected={response.sort === s}>
                  {SORT_LABELS[s]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label for="effect_metric">Outcome (for largest effect)</label>
            <select id="effect_metric" name="effect_metric">
              <option value="">Choose…</option>
              {metrics.values.map((m) => (
                <option value={m} selected={response.effect_metric === m}>
                  {metrics.label(m)}
                </option>
              ))}
            </select>
          </div>
          {query.limit !== 10 ? <input type="hidden" name="limit" value={String(query.limit)} /> : null}
          {model.brief?.length ? <input type="hidden" name="brief" value={model.brief.join(",")} /> : null}
          <button type="submit">Search</button>
        </form>
      </search>
      <p class="small no-print">
        <a href="#filters">Refine with filters</a> · Words are all required; use "quotes" for a phrase, -word to
        exclude, OR for alternatives.
      </p>
      <div class="search-layout">
        <section id={SEARCH_PARTS.results} class="search-results" aria-labelledby={RESULTS_COUNT_ID}>
          <h2 id={RESULTS_COUNT_ID} class="results-count" aria-live="polite">
            {response.total_exact ? "" : "At least "}
            {response.kinds.some((kind) => kind !== "case_study")
              ? plural(response.total, "result")
              : plural(response.total, "record")}
            {response.query.normalized ? (
              <>
                {" "}
                for <q>{response.query.normalized}</q>
              </>
            ) : null}
          </h2>
          {response.total_exact ? null : (
            <p class="small muted">
              More records match these words than the {CAP_WORDS} a search looks at, the best matches by relevance.
              Results, counts and pages are of those {CAP_WORDS}, in the order chosen; use more precise words to reach
              the others.
            </p>
          )}
          {notices.length ? (
            <div class="banner" role="note">
              <strong>Some of the request was ignored</strong>
              <ul>
                {notices.map((n) => (
                  <li>{n}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {response.query.expansions.length ? (
            <p class="small muted">
              Also searched:{" "}
              {response.query.expansions.map((e, i) => (
                <>
                  {i > 0 ? "; " : ""}
                  {e.typed} = {e.alternatives.filter((a) => a !== e.typed).join(", ")}
                </>
              ))}
            </p>
          ) : null}
          {chips.length ? (
            <ul class="chips" aria-label="Active filters">
              {chips.map((chip) => (
                <li>
                  <a class="chip" href={chip.href} aria-label={`Remove ${chip.label}`}>
                    {chip.label} <span aria-hidden="true">×</span>
                  </a>
                </li>
              ))}
              {filterChips.length > 1 ? (
                <li>
                  <a class="chip clear" href={href({ q: query.q, sort: query.sort, limit: query.limit })}>
                    Clear all filters
                  </a>
                </li>
              ) : null}
            </ul>
          ) : null}
          {response.total === 0 ? (
            <NoResults query={query} response={response} />
          ) : (
            <ul class="cards search-hits">
              {response.hits.map((hit) => (
                <AnyHitCard hit={hit} brief={model.brief ?? []} />
              ))}
            </ul>
          )}
          {nextHref || query.cursor ? (
            <nav class="pager" aria-label="Pages">
              {query.cursor ? <a href={href(query)}>First page</a> : null}
              {nextHref ? (
                <a href={nextHref} rel="next">
                  Next {query.limit} →
                </a>
              ) : null}
            </nav>
          ) : null}
          {response.total_by_kind.case_study > 0 ? (
            <ExportLinks
              heading="Download these results"
              note={`${response.total_by_kind.case_study > EXPORT_MAX_RECORDS ? `The first ${EXPORT_MAX_RECORDS} of these ${pluralAtLeast(response.total_by_kind.case_study, response.total_exact, "record")}` : `All ${plural(response.total_by_kind.case_study, "record")}`}${response.total_by_kind.case_study < response.total ? " (the case studies among these results)" : ""}, every page, in this order; each download carries the evidence grade and provenance.`}
              hrefFor={(format) => {
                const state = searchHref(SEARCH_EXPORT_PATH, { ...query, cursor: undefined, limit: undefined });
                return `${state}${state.includes("?") ? "&" : "?"}format=${format}`;
              }}
            />
          ) : null}
        </section>
        <Sidebar query={query} response={response} />
      </div>
    </Shell>
  );
}
