/** Brief pages: the list of curated briefs, and one brief (curated or composed) laid out as a one-pager first. */
import type { Brief } from "../domain/brief";
import { MAX_BRIEF_CASES } from "../domain/brief";
import { composeHref, movedCase, withoutCase } from "../domain/brief-cases";
import { designs, metrics } from "../domain/enums";
import { EXPORT_FORMAT_NAMES, EXPORT_FORMATS } from "../exports";
import { GradeBadge, ProvenanceTag, SourceList } from "../views/evidence";
import { Layout } from "../views/layout";
import { SanitisedHtml } from "../views/sanitised-html";
import type { BriefModel } from "./model";
import { formatAs } from "./model";
import { MetricSection } from "./synthesis-view";

export function BriefListPage({ briefs }: { briefs: Brief[] }) {
  return (
    <Layout title="Evidence briefs" description="The evidence on one page: question, findings, strength, citations.">
      <h1>Evidence briefs</h1>
      <p class="lede">
        Each brief puts the evidence on one question on one page: what was tried, what happened, how strong it is, what
        it could mean for you, and the citations. Every figure is read from its record and links to it.
      </p>
      <ul class="cards">
        {briefs.map((b) => (
          <li class="card">
            <h2 class="h3">
              <a href={`/briefs/${b.slug}`}>{b.title}</a>
            </h2>
            <p class="small">{b.question}</p>
            <p class="small muted">
              For {b.audience}. {b.case_studies.length} records.
            </p>
          </li>
        ))}
      </ul>
      <h2>Compose your own</h2>
      <p>
        Choose “Add to brief” on a <a href="/search">search result</a> or a case study: the brief is kept in its
        address, so you can share or print it without an account (up to {MAX_BRIEF_CASES} records).
      </p>
    </Layout>
  );
}

function ComposeEditor({ model }: { model: BriefModel }) {
  const slugs = model.rows.map((r) => r.record.slug);
  return (
    <section class="compose-editor no-print" aria-labelledby="edit-heading">
      <h2 id="edit-heading">Records in this brief</h2>
      {slugs.length === 0 ? <p>This brief has no records yet.</p> : null}
      <ol>
        {model.rows.map((row, i) => (
          <li>
            <a href={`/case-studies/${row.record.slug}?brief=${slugs.join(",")}`}>{row.record.title}</a>{" "}
            <span class="compose-actions">
              {i > 0 ? (
                <a href={composeHref(movedCase(slugs, i, -1))} aria-label={`Move up: ${row.record.title}`}>
                  Move up
                </a>
              ) : null}{" "}
              {i < slugs.length - 1 ? (
                <a href={composeHref(movedCase(slugs, i, 1))} aria-label={`Move down: ${row.record.title}`}>
                  Move down
                </a>
              ) : null}{" "}
              <a href={composeHref(withoutCase(slugs, row.record.slug))} aria-label={`Remove: ${row.record.title}`}>
                Remove
              </a>
            </span>
          </li>
        ))}
      </ol>
      {model.notFound.length ? (
        <div class="banner" role="note">
          <strong>Not found</strong>
          No record has {model.notFound.length === 1 ? "this address" : "these addresses"}: {model.notFound.join(", ")}.{" "}
          {model.notFound.length === 1 ? "It is" : "They are"} left out.
        </div>
      ) : null}
      {model.overCap.length ? (
        <div class="banner" role="note">
          <strong>Brief full</strong>A brief holds at most {MAX_BRIEF_CASES} records; left out:{" "}
          {model.overCap.join(", ")}.
        </div>
      ) : null}
      <p>
        <a href={slugs.length ? `/search?brief=${slugs.join(",")}` : "/search"}>Find records to add</a>
        {slugs.length ? (
          <>
            {" "}
            · Share this brief: <a href={composeHref(slugs)}>{composeHref(slugs)}</a>
          </>
        ) : null}
      </p>
    </section>
  );
}

/** Every export format of this brief, as links (the formats are declared once, in src/exports/). */
function Downloads({ model }: { model: BriefModel }) {
  const slugs = model.rows.map((r) => r.record.slug);
  if (!model.curated && slugs.length === 0) return null;
  const href = (format: string) =>
    model.curated
      ? `/api/v1/exports/briefs/${model.curated.slug}?format=${format}`
      : `/api/v1/exports/composed-brief?cases=${slugs.join(",")}&format=${format}`;
  return (
    <nav class="downloads no-print" aria-label="Download this brief">
      <strong>Download:</strong>{" "}
      {EXPORT_FORMAT_NAMES.map((format, i) => (
        <>
          {i > 0 ? " · " : ""}
          <a href={href(format)}>{EXPORT_FORMATS[format].label}</a>
        </>
      ))}
    </nav>
  );
}

export function BriefPage({ model }: { model: BriefModel }) {
  const { curated, synthesis } = model;
  const messages = curated?.key_messages ?? [];
  const toggle = `${model.path}${model.path.includes("?") ? "&" : "?"}include_illustrative=1`;
  const figuresShown = synthesis.metrics.filter((m) => m.record_count > 0);
  return (
    <Layout title={model.title} description={curated?.question ?? "A brief composed from chosen records"}>
      <article class="brief">
        <p class="small muted no-print">
          <a href="/briefs">Evidence briefs</a> / {curated ? "curated brief" : "composed brief"}
        </p>
        <h1>{model.title}</h1>
        {curated ? (
          <p class="lede">
            <strong>Question:</strong> {curated.question} <span class="small">For {curated.audience}.</span>
          </p>
        ) : (
          <p class="lede">
            A brief composed from {model.rows.length} chosen record(s); the synthesis is computed, not curated.
          </p>
        )}
        <Downloads model={model} />
        {curated ? null : <ComposeEditor model={model} />}
        {messages.length ? (
          <section aria-labelledby="messages-heading" class="key-messages">
            <h2 id="messages-heading">Key messages</h2>
            <ol>
              {messages.map((text) => (
                <li>{text}</li>
              ))}
            </ol>
          </section>
        ) : null}
        {model.includeIllustrative ? (
          <div class="banner illustrative" role="note">
            <strong>Illustrative figures pooled</strong>
            You asked for illustrative figures to be pooled with the evidence. They have no identifiable source.{" "}
            <a class="no-print" href={model.path}>
              Keep them apart
            </a>
          </div>
        ) : null}
        <section aria-labelledby="synthesis-heading">
          <h2 id="synthesis-heading">What the records show</h2>
          <p class="small muted">
            Per outcome: figures of the same kind, unit and comparison are pooled (count, median, range, and a mean
            weighted by sample size where sizes are stated); the rest are listed apart. Illustrative figures are never
            pooled unless you ask. Retracted records are left out.
          </p>
          {figuresShown.length === 0 && model.rows.length ? (
            <p>None of these records reports an outcome figure.</p>
          ) : null}
          {synthesis.metrics.map((m) => (
            <MetricSection m={m} illustrativeHref={toggle} />
          ))}
        </section>
        <section aria-labelledby="records-heading">
          <h2 id="records-heading">The records</h2>
          <ul class="brief-records">
            {model.rows.map((row) => (
              <li>
                <GradeBadge grade={row.grade} reason={row.grade_reason} />{" "}
                <a href={`/case-studies/${row.record.slug}`}>{row.record.title}</a>{" "}
                <ProvenanceTag provenance={row.record.provenance} />
                <span class="tag">{designs.label(row.record.design)}</span>
                {row.record.status !== "published" ? <span class="tag">{row.record.status}</span> : null}
                <span class="small muted">
                  {" "}
                  Grade {row.grade}: {row.grade_reason}.
                </span>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="meaning-heading">
          <h2 id="meaning-heading">What it would mean for you</h2>
          {model.calculator ? (
            <p>
              <a href={model.calculator.href}>
                Open the Program ROI calculator with a savings line for {model.calculator.line.toLowerCase()}
              </a>
              : a {model.calculator.reductionPct}% reduction, the median of{" "}
              {model.calculator.figures.length === 1 ? "one figure" : `${model.calculator.figures.length} figures`} on{" "}
              {metrics.label(model.calculator.metric).toLowerCase()} from this brief (
              {model.calculator.figures.map((f, i) => (
                <>
                  {i > 0 ? "; " : ""}
                  <a href={`/case-studies/${f.slug}`}>{formatAs(f.outcome)}</a>, {f.title}
                </>
              ))}
              ). The number of events per participant and the cost of each stay the calculator's example values: put in
              your own.
            </p>
          ) : (
            <p>
              No figure in this brief is a relative change in an event count (admissions, visits, fills, births) from a
              record that is not illustrative, so there is nothing to carry into a calculator. The{" "}
              <a href="/calculators">calculators</a> take your own figures.
            </p>
          )}
        </section>
        {model.body_html ? (
          <section aria-labelledby="narrative-heading" class="body">
            <h2 id="narrative-heading">The evidence in words</h2>
            <SanitisedHtml html={model.body_html} />
          </section>
        ) : null}
        <section aria-labelledby="caveats-heading">
          <h2 id="caveats-heading">Caveats</h2>
          <ul>
            {model.caveats.map((text) => (
              <li>{text}</li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="citations-heading">
          <h2 id="citations-heading">Citations</h2>
          {model.rows.map((row) => (
            <div class="brief-citations">
              <h3 class="h4">
                <a href={`/case-studies/${row.record.slug}`}>{row.record.title}</a>
              </h3>
              <SourceList sources={row.record.sources} idPrefix={`${row.record.slug}-`} />
            </div>
          ))}
        </section>
      </article>
    </Layout>
  );
}
