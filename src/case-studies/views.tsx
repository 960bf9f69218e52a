/** Pages for case studies: the record page and the browse list. */
import type { CaseStudy } from "../domain/case-study";
import { hasPanelParams, panelOptions } from "../domain/embed-snippet";
import {
  careSettings,
  conditions,
  designs,
  financingModels,
  modalities,
  payerTypes,
  populationUnits,
} from "../domain/enums";
import { FACETS, LIST_FILTER_NAMES } from "../domain/facets";
import { gradeMeanings } from "../domain/grading";
import { formatInteger } from "../domain/numbers";
import { reviewState } from "../domain/review";
import { assetPaths } from "../generated/assets";
import type { CaseStudyRow } from "../records/read";
import { AddToBrief } from "../views/add-to-brief";
import { EmbedPanel, OEmbedDiscovery } from "../views/embed-panel";
import { CaseStudyCard, GradeBadge, OutcomesTable, RecordBanners, SourceList } from "../views/evidence";
import { ExportLinks } from "../views/export-links";
import { Layout } from "../views/layout";
import { PageMetaTags } from "../views/page-meta";
import { SanitisedHtml } from "../views/sanitised-html";
import { caseStudyExportPath } from "./exports";
import { recordMeta } from "./meta";
import type { ListQuery } from "./schemas";

function TermLinks({ kind, values, label }: { kind: string; values: string[]; label: (v: string) => string }) {
  return (
    <>
      {values.map((value, i) => (
        <>
          {i > 0 ? ", " : ""}
          <a href={`/taxonomy/${kind}#${value}`}>{label(value)}</a>
        </>
      ))}
    </>
  );
}

/**
 * When someone last checked the figures against the sources, judged against today's date at render time (so per
 * request); nothing at all when the record states no review date: the date it was loaded means nothing to a reader.
 */
function ReviewNote({ reviewed }: { reviewed: string | undefined }) {
  const state = reviewState(reviewed, new Date());
  if (!state) return null;
  const date = <time datetime={state.date}>{state.text}</time>;
  if (!state.stale) return <p class="small muted">Last reviewed {date}</p>;
  return (
    <p class="banner" role="note">
      <strong>This record may be out of date.</strong> Last reviewed {date}: nobody has checked its figures against its
      sources for over two years.
    </p>
  );
}

function formatPeriod(period: CaseStudy["period"]): string | null {
  if (!period) return null;
  return period.end && period.end !== period.start ? `${period.start} to ${period.end}` : period.start;
}

/** Where the page is seen from and its "Embed" panel's state (from the page's query). */
export interface CaseStudyEmbed {
  origin: string;
  params: URLSearchParams;
}

export function CaseStudyPage({
  row,
  embed,
  brief = [],
}: {
  row: CaseStudyRow;
  embed: CaseStudyEmbed;
  brief?: string[];
}) {
  const r = row.record;
  const period = formatPeriod(r.period);
  const pagePath = `/case-studies/${r.slug}`;
  const { options, notes } = panelOptions(embed.params, []);
  const panelScript = assetPaths["embed-panel.js"];
  return (
    <Layout
      title={r.title}
      description={r.summary}
      scripts={panelScript ? [panelScript] : []}
      head={
        <>
          <PageMetaTags meta={recordMeta(row, embed.origin)} />
          <OEmbedDiscovery origin={embed.origin} pageUrl={`${embed.origin}${pagePath}`} title={r.title} />
        </>
      }
    >
      <article>
        <p class="small muted">
          <a href="/case-studies">Case studies</a> / {designs.label(r.design)}
        </p>
        <h1>{r.title}</h1>
        <RecordBanners record={r} />
        <AddToBrief slug={r.slug} title={r.title} brief={brief} />
        <p class="lede">{r.summary}</p>
        <section aria-labelledby="grade-heading">
          <h2 id="grade-heading" class="visually-hidden">
            Evidence grade
          </h2>
          <p>
            <GradeBadge grade={row.grade} /> <strong>Evidence grade {row.grade}.</strong> {row.grade_reason}.{" "}
            <span class="muted">{gradeMeanings[row.grade]}</span> <a href="/about/methods#grading">How grades work</a>
          </p>
        </section>
        <dl class="facts">
          {r.setting.organization ? (
            <>
              <dt>Organisation</dt>
              <dd>{r.setting.organization}</dd>
            </>
          ) : null}
          <dt>Setting</dt>
          <dd>
            {careSettings.label(r.setting.care_setting)},{" "}
            {r.setting.country === "ZZ" ? "several countries" : r.setting.country}
            {r.setting.region ? ` (${r.setting.region})` : ""}
          </dd>
          <dt>Who paid</dt>
          <dd>
            <TermLinks kind="payer_types" values={r.payer_types} label={payerTypes.label} />
          </dd>
          <dt>How</dt>
          <dd>
            <TermLinks kind="financing_models" values={r.financing_models} label={financingModels.label} />
          </dd>
          <dt>For what</dt>
          <dd>
            <TermLinks kind="modalities" values={r.modalities} label={modalities.label} /> for{" "}
            <TermLinks kind="conditions" values={r.conditions} label={conditions.label} />
          </dd>
          <dt>Design</dt>
          <dd>
            <a href={`/taxonomy/designs#${r.design}`}>{designs.label(r.design)}</a>, {r.provenance}
          </dd>
          <dt>Population</dt>
          <dd>
            {r.population.description}
            {r.population.size !== undefined
              ? ` (${r.population.size.toLocaleString("en-US")}${r.population.unit ? ` ${populationUnits.label(r.population.unit)}` : ""})`
              : ""}
          </dd>
          {period ? (
            <>
              <dt>Period</dt>
              <dd>{period}</dd>
            </>
          ) : null}
        </dl>
        <section aria-labelledby="outcomes-heading">
          <h2 id="outcomes-heading">Outcomes</h2>
          <OutcomesTable record={r} />
        </section>
        {row.body_html ? (
          <section aria-labelledby="narrative-heading" class="body">
            <h2 id="narrative-heading">What happened</h2>
            <SanitisedHtml html={row.body_html} />
          </section>
        ) : null}
        <section aria-labelledby="sources-heading">
          <h2 id="sources-heading">Sources</h2>
          <SourceList sources={r.sources} />
        </section>
        <ExportLinks
          heading="Download this record"
          note="Every download carries the evidence grade and provenance. Citation formats hold the record's sources, for a reference manager."
          hrefFor={(format) => `${caseStudyExportPath(r.slug)}?format=${format}`}
        />
        {r.tags.length ? (
          <p>
            {r.tags.map((t) => (
              <a class="tag" href={`/search?${new URLSearchParams({ q: t })}`}>
                {t}
              </a>
            ))}
          </p>
        ) : null}
        <ReviewNote reviewed={r.reviewed} />
        <p class="small muted no-print">
          Data: <a href={`/api/v1/case-studies/${r.slug}`}>JSON</a> ·{" "}
          <a href={`/case-studies/${r.slug}/history`}>History of this record</a>
        </p>
      </article>
      <EmbedPanel
        origin={embed.origin}
        target={{ kind: "case-study", slug: r.slug }}
        title={r.title}
        pagePath={pagePath}
        inputs={[]}
        options={options}
        notes={notes}
        open={hasPanelParams(embed.params)}
      />
    </Layout>
  );
}

/** The filters the browse form offers as menus (the API takes every list filter). */
const BROWSE_FILTERS = ["condition", "modality", "financing_model", "payer_type", "design", "provenance"] as const;

function pageHref(query: ListQuery, page: number): string {
  const params = new URLSearchParams();
  for (const key of LIST_FILTER_NAMES) {
    for (const v of query[key] ?? []) params.append(key, v);
  }
  if (query.order !== "newest") params.set("order", query.order);
  if (page > 1) params.set("page", String(page));
  const text = params.toString();
  return `/case-studies${text ? `?${text}` : ""}`;
}

export function CaseStudyListPage({
  rows,
  total,
  totalExact,
  query,
}: {
  rows: CaseStudyRow[];
  /** Exact when totalExact, else a lower bound (src/records/read.ts counts a filtered list only so far). */
  total: number;
  totalExact: boolean;
  query: ListQuery;
}) {
  // Unknown when the total is a lower bound; there is then a next page (the bound counts past this one).
  const pages = totalExact ? Math.max(1, Math.ceil(total / query.limit)) : null;
  return (
    <Layout title="Case studies" description="Browse case studies of financing integrative care.">
      <h1>Case studies</h1>
      <p class="lede">
        Who paid for integrative care, how, and what happened. Null and negative results are included. For full-text
        search, use <a href="/search">Search</a>.
      </p>
      <form class="inline" method="get" action="/case-studies" aria-label="Filter case studies">
        {BROWSE_FILTERS.map((key) => {
          const enumeration = FACETS[key].enumeration;
          const selected = query[key]?.[0] ?? "";
          return (
            <div>
              <label for={`f-${key}`}>{FACETS[key].label}</label>
              <br />
              <select id={`f-${key}`} name={key}>
                <option value="">Any</option>
                {enumeration.values.map((v) => (
                  <option value={v} selected={v === selected}>
                    {enumeration.label(v)}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
        <div>
          <label for="f-order">Sort</label>
          <br />
          <select id="f-order" name="order">
            <option value="newest" selected={query.order === "newest"}>
              Newest
            </option>
            <option value="strongest" selected={query.order === "strongest"}>
              Strongest evidence
            </option>
            <option value="title" selected={query.order === "title"}>
              Title
            </option>
          </select>
        </div>
        <button type="submit">Apply</button>
      </form>
      <p role="status">
        {total === 0
          ? "No case studies match these filters."
          : `${totalExact ? "" : "More than "}${formatInteger(total)} case stud${total === 1 && totalExact ? "y" : "ies"}`}
        {total === 0 ? (
          <>
            {" "}
            <a href="/case-studies">Clear all filters</a>
          </>
        ) : null}
      </p>
      <ul class="cards">
        {rows.map((row) => (
          <CaseStudyCard
            item={{ ...row.record, grade: row.grade, grade_reason: row.grade_reason, evidence_year: row.evidence_year }}
          />
        ))}
      </ul>
      {pages === null || pages > 1 ? (
        <nav class="pager" aria-label="Pages">
          {query.page > 1 ? <a href={pageHref(query, query.page - 1)}>← Previous</a> : null}
          <span>{pages === null ? `Page ${query.page}` : `Page ${query.page} of ${pages}`}</span>
          {pages === null || query.page < pages ? <a href={pageHref(query, query.page + 1)}>Next →</a> : null}
        </nav>
      ) : null}
    </Layout>
  );
}
