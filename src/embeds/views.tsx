/**
 * The embed frames: a shell without site navigation (theme, compact, notes about options that fell back), a live
 * calculator with the same form and results markup as the calculator page, an evidence card, and a not-found card.
 * Every link to the site opens it in a new tab (the render context's target).
 */

import type { Child } from "hono/jsx";
import type { CalculatorId } from "../calculators";
import type { EmbedNote, EmbedTheme } from "../domain/embed-url";
import { financingModels, payerTypes } from "../domain/enums";
import { gradeMeanings } from "../domain/grading";
import { keyFigures } from "../domain/key-figures";
import { assetPaths } from "../generated/assets";
import type { CaseStudyRow } from "../records/read";
import type { FormError, FormModel, RawInput } from "../views/calculator/form-state";
import { CalculatorForm, type FormContext } from "../views/calculator/form-view";
import type { Presentation } from "../views/calculator/presentation";
import { InvalidResults, Results } from "../views/calculator/results-view";
import { OEmbedDiscovery } from "../views/embed-panel";
import { GradeBadge, ProvenanceTag, RecordBanners } from "../views/evidence";
import { type RenderContext, SiteLink } from "../views/render";

const SITE_NAME = "Integrative Care Financing Evidence";

export interface ShellProps {
  title: string;
  theme: EmbedTheme;
  compact: boolean;
  /** Path of the accent stylesheet, when the embedding page chose an accent. */
  accentCss?: string | undefined;
  notes: readonly EmbedNote[];
  /** Module scripts by path: the frame's height reporter first, then the calculator engine. */
  scripts: readonly string[];
  ctx: RenderContext;
  /** This frame's own address, for the oEmbed discovery link (left out on a not-found page). */
  pageUrl?: string;
  children?: Child;
}

/** The frame's document: one main landmark, the option notes, the content, and where it comes from. */
export function EmbedShell(props: ShellProps) {
  return (
    <html lang="en" class={`theme-${props.theme}`}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${props.title} · ${SITE_NAME}`}</title>
        <link rel="stylesheet" href={assetPaths["embed.css"]} />
        {props.accentCss ? <link rel="stylesheet" href={props.accentCss} /> : null}
        {props.pageUrl ? <OEmbedDiscovery origin={props.ctx.base} pageUrl={props.pageUrl} title={props.title} /> : null}
        {props.scripts.map((src) => (
          <script type="module" src={src} />
        ))}
      </head>
      <body class={`embed${props.compact ? " compact" : ""}`}>
        <main id="content">
          {props.notes.length ? (
            <div class="embed-notes small" role="note">
              <strong>Some settings of this embed were not understood and use their defaults:</strong>
              <ul>
                {props.notes.map((note) => (
                  <li>{note.message}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {props.children}
          <p class="embed-foot small muted">
            From{" "}
            <SiteLink ctx={props.ctx} path="/">
              {SITE_NAME}
            </SiteLink>{" "}
            (opens in a new tab): every figure links to its source; illustrative and reported figures are marked.
          </p>
        </main>
      </body>
    </html>
  );
}

export interface CalculatorEmbedProps {
  id: CalculatorId;
  title: string;
  summary: string;
  form: { model: FormModel; raw: RawInput; ctx: FormContext; errors: readonly FormError[] };
  presentation: Presentation | null;
  ctx: RenderContext;
}

/** A live calculator: the calculator page's form and results, side by side on wide frames, stacked on narrow. */
export function CalculatorEmbed(props: CalculatorEmbedProps) {
  return (
    <>
      <h1>
        <SiteLink ctx={props.ctx} path={`/calculators/${props.id}`}>
          {props.title}
        </SiteLink>
      </h1>
      <p class="lede">{props.summary}</p>
      <div class="calc-layout">
        <div class="calc-inputs">
          <CalculatorForm id={props.id} {...props.form} />
        </div>
        <section class="calc-results" id="results" aria-labelledby="results-h">
          <h2 id="results-h">Results</h2>
          <p id="calc-status" class="visually-hidden" aria-live="polite" />
          <div id="calc-output">
            {props.presentation === null ? (
              <InvalidResults calculator={props.id} errors={props.form.errors} />
            ) : (
              <Results presentation={props.presentation} ctx={props.ctx} />
            )}
          </div>
          <p class="small">
            <SiteLink ctx={props.ctx} path={`/calculators/${props.id}`}>
              Open the full calculator
            </SiteLink>{" "}
            (a new tab): every default with its source.
          </p>
        </section>
      </div>
    </>
  );
}

/** An evidence card: title, banners (retracted, draft, illustrative, reported), grade and reason, key figures, payer. */
export function EvidenceCard({ row, ctx }: { row: CaseStudyRow; ctx: RenderContext }) {
  const r = row.record;
  const figures = keyFigures(r.outcomes);
  const retracted = r.status === "retracted";
  return (
    <article class="evidence-card" aria-labelledby="card-h">
      <h1 id="card-h">
        {retracted ? "Retracted: " : ""}
        <SiteLink ctx={ctx} path={`/case-studies/${r.slug}`}>
          {r.title}
        </SiteLink>
      </h1>
      <RecordBanners record={r} />
      <p class="grade-line">
        <GradeBadge grade={row.grade} reason={row.grade_reason} />
        <span>
          <strong>Evidence grade {row.grade}.</strong> {row.grade_reason}.{" "}
          <span class="muted">{gradeMeanings[row.grade]}</span>
        </span>
      </p>
      <p>
        <ProvenanceTag provenance={r.provenance} />
      </p>
      {figures.length ? (
        <>
          <h2>Headline figures</h2>
          <ul class="key-figures">
            {figures.map((figure) => (
              <li>
                <strong>{figure.label}:</strong> {figure.text}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <dl class="facts">
        <dt>Who paid</dt>
        <dd>{r.payer_types.map(payerTypes.label).join(", ")}</dd>
        <dt>How</dt>
        <dd>{r.financing_models.map(financingModels.label).join(", ")}</dd>
      </dl>
      <p>
        <SiteLink ctx={ctx} path={`/case-studies/${r.slug}`}>
          Full record
        </SiteLink>{" "}
        (a new tab): outcomes, narrative and sources.
      </p>
    </article>
  );
}

/** What a frame shows for an address with nothing behind it (status 404): readable, inside the frame. */
/**
 * A record that was withdrawn after the frame was embedded: the host page keeps its snippet, so the frame says what
 * was withdrawn and where its history is, rather than a bare "not found".
 */
export function WithdrawnCard({ slug, title, ctx }: { slug: string; title: string; ctx: RenderContext }) {
  return (
    <article aria-labelledby="card-h">
      <h1 id="card-h">This case study was withdrawn</h1>
      <p>
        “{title}” was withdrawn from the evidence base: its figures should no longer be relied on, and it no longer
        appears in search or counts.{" "}
        <SiteLink ctx={ctx} path={`/case-studies/${slug}/history`}>
          See its history
        </SiteLink>{" "}
        (a new tab).
      </p>
    </article>
  );
}

export function NotFoundCard({ what, ctx }: { what: "case study" | "calculator"; ctx: RenderContext }) {
  const list = what === "calculator" ? "/calculators" : "/case-studies";
  return (
    <article aria-labelledby="card-h">
      <h1 id="card-h">{what === "calculator" ? "Calculator not found" : "Case study not found"}</h1>
      <p>
        There is no {what} at this address: it may have been renamed or removed.{" "}
        <SiteLink ctx={ctx} path={list}>
          {what === "calculator" ? "See every calculator" : "Browse the case studies"}
        </SiteLink>{" "}
        (a new tab).
      </p>
    </article>
  );
}
