/** The synthesis of a brief: per metric a table of pooled figures, a dot plot, and the figures apart, all linked. */
import { raw } from "hono/html";
import { type DotPlotRow, dotPlot } from "../charts/dot-plot";
import { citationParts } from "../domain/citation";
import { comparisons, metrics, outcomeKinds } from "../domain/enums";
import { formatBaselineFollowup, outcomeName } from "../domain/format";
import { type Grade, grades } from "../domain/grading";
import { formatNumber } from "../domain/numbers";
import { type Figure, type FigureGroup, type MetricSynthesis, noEffectValue } from "../domain/synthesis";
import { GradeBadge, ProvenanceTag } from "../views/evidence";
import { formatAs, sizeText } from "./model";

/** Where a figure's source can be read: its DOI, else its address, else the record's list of sources. */
export function sourceHref(f: Figure): string {
  if (f.source) {
    const p = citationParts(f.source);
    const external = p.doiUrl ?? p.url;
    if (external) return external;
  }
  return `/case-studies/${f.slug}#source-${f.outcome.source}`;
}

function GradeMix({ mix }: { mix: Record<Grade, number> }) {
  const parts = grades.filter((g) => mix[g] > 0).map((g) => `${mix[g]} × ${g}`);
  return <>{parts.length ? parts.join(", ") : "none"}</>;
}

/** One figure as a linked line: value (to its record), what it is, the record, grade, provenance, source. */
export function FigureLine({ f }: { f: Figure }) {
  const before = formatBaselineFollowup(f.outcome);
  return (
    <li class="figure-line">
      <a href={`/case-studies/${f.slug}`}>
        <strong>{formatAs(f.outcome)}</strong>
      </a>
      {f.outcome.ci_low !== undefined && f.outcome.ci_high !== undefined
        ? ` (95% CI ${formatNumber(f.outcome.ci_low, 3)} to ${formatNumber(f.outcome.ci_high, 3)})`
        : ""}
      {before ? ` (${before})` : ""} — {outcomeName(f.outcome)}. {comparisons.label(f.outcome.comparison)},{" "}
      {sizeText(f.n)}. <GradeBadge grade={f.grade} /> <ProvenanceTag provenance={f.provenance} />{" "}
      <a href={`/case-studies/${f.slug}`}>{f.title}</a>; <a href={sourceHref(f)}>source</a>
    </li>
  );
}

function GroupRow({ group }: { group: FigureGroup }) {
  const first = (group.figures[0] as Figure).outcome;
  return (
    <tr>
      <th scope="row">
        {outcomeKinds.label(group.kind)}, {comparisons.label(group.comparison).toLowerCase()}
        {group.includes_illustrative ? <span class="tag prov-illustrative">includes illustrative</span> : null}
      </th>
      <td class="num" data-label="Figures">
        {group.count}
      </td>
      <td class="num" data-label="Median">
        {formatAs(first, group.median)}
      </td>
      <td class="num" data-label="Range">
        {formatAs(first, group.min)} to {formatAs(first, group.max)}
      </td>
      <td class="num" data-label="n-weighted mean">
        {group.weighted_mean === null
          ? "sizes not stated"
          : `${formatAs(first, group.weighted_mean)} (${group.weighted_figures} of ${group.count} figures, n=${formatNumber(group.weighted_n, 0)})`}
      </td>
    </tr>
  );
}

/** Rows of the dot plot for one scale (kind and unit) of a metric. */
function plotRows(figures: readonly Figure[]): DotPlotRow[] {
  return figures.map((f) => ({
    label: `${f.title}: ${outcomeName(f.outcome)}`,
    value: f.outcome.value,
    ...(f.outcome.ci_low !== undefined && f.outcome.ci_high !== undefined
      ? { low: f.outcome.ci_low, high: f.outcome.ci_high }
      : {}),
    n: f.n,
    grade: f.grade,
    illustrative: f.illustrative,
  }));
}

/** Figures of one metric split by scale: only figures on one scale can share an axis. */
function byScale(figures: readonly Figure[]): Figure[][] {
  const scales = new Map<string, Figure[]>();
  for (const f of figures) {
    const key = `${f.outcome.kind}|${f.outcome.unit}|${f.outcome.unit === "usd" ? (f.outcome.per ?? "") : ""}`;
    scales.set(key, [...(scales.get(key) ?? []), f]);
  }
  return [...scales.values()];
}

function DotPlots({ m }: { m: MetricSynthesis }) {
  const all = [...m.groups.flatMap((g) => g.figures), ...m.apart, ...m.illustrative];
  if (m.metric === "other") return null;
  return (
    <>
      {byScale(all).map((figures) => {
        const first = (figures[0] as Figure).outcome;
        const reference = noEffectValue(first.kind);
        const svg = dotPlot({
          title: `${metrics.label(m.metric)}: ${outcomeKinds.label(first.kind).toLowerCase()}, ${figures.length} figure(s)`,
          description: `One dot per figure${reference === null ? "" : `; the dashed line is no effect (${formatAs(first, reference)})`}. The same figures are listed in the table that follows.`,
          rows: plotRows(figures),
          reference,
          format: (v) => formatAs(first, v),
        });
        return (
          <figure class="chart-block">
            {raw(svg)}
            <figcaption class="small muted">
              {metrics.label(m.metric)}, {outcomeKinds.label(first.kind).toLowerCase()}.{" "}
              {reference === null ? "A level has no no-effect line." : `Dashed line: no effect.`} Whiskers: 95%
              confidence interval where the source gives one.
            </figcaption>
            <table class="stack small">
              <caption>Figures in this chart</caption>
              <thead>
                <tr>
                  <th scope="col">Record</th>
                  <th scope="col">Outcome</th>
                  <th scope="col">Figure</th>
                  <th scope="col">Size</th>
                  <th scope="col">Grade</th>
                </tr>
              </thead>
              <tbody>
                {figures.map((f) => (
                  <tr>
                    <th scope="row">
                      <a href={`/case-studies/${f.slug}`}>{f.title}</a>
                      {f.illustrative ? " (illustrative)" : ""}
                    </th>
                    <td data-label="Outcome">{outcomeName(f.outcome)}</td>
                    <td class="num" data-label="Figure">
                      <a href={sourceHref(f)}>{formatAs(f.outcome)}</a>
                    </td>
                    <td class="num" data-label="Size">
                      {sizeText(f.n)}
                    </td>
                    <td data-label="Grade">{f.grade}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </figure>
        );
      })}
    </>
  );
}

/** The synthesis of one metric: pooled table, dot plots, figures apart and illustrative figures. */
export function MetricSection({ m, illustrativeHref }: { m: MetricSynthesis; illustrativeHref: string }) {
  const id = `metric-${m.metric}`;
  return (
    <section class="brief-metric" aria-labelledby={id}>
      <h3 id={id}>{metrics.label(m.metric)}</h3>
      {m.record_count === 0 ? (
        <p>No record of this brief reports this outcome.</p>
      ) : (
        <p class="small muted">
          {m.record_count} record(s). Grade mix of the records behind the figures: <GradeMix mix={m.grade_mix} />.
        </p>
      )}
      {m.groups.length ? (
        // Focusable and named, so keyboard users can scroll a wide table (axe: scrollable-region-focusable).
        <section class="table-wrap" tabindex={0} aria-label={`Pooled figures: ${metrics.label(m.metric)}`}>
          <table class="stack synthesis">
            <caption>Comparable figures pooled: {metrics.label(m.metric)}</caption>
            <thead>
              <tr>
                <th scope="col">Figures of one kind, compared with</th>
                <th scope="col">Figures</th>
                <th scope="col">Median</th>
                <th scope="col">Range</th>
                <th scope="col">n-weighted mean</th>
              </tr>
            </thead>
            <tbody>
              {m.groups.map((g) => (
                <GroupRow group={g} />
              ))}
            </tbody>
          </table>
        </section>
      ) : m.record_count ? (
        <p>No two figures are comparable (same kind, unit and comparison), so nothing is pooled.</p>
      ) : null}
      <DotPlots m={m} />
      {m.groups.length ? (
        <details class="pooled-figures">
          <summary>The pooled figures</summary>
          <ul>
            {m.groups
              .flatMap((g) => g.figures)
              .map((f) => (
                <FigureLine f={f} />
              ))}
          </ul>
        </details>
      ) : null}
      {m.apart.length ? (
        <>
          <h4>Listed apart: not comparable with any other figure</h4>
          <ul>
            {m.apart.map((f) => (
              <FigureLine f={f} />
            ))}
          </ul>
        </>
      ) : null}
      {m.illustrative.length ? (
        <div class="banner illustrative">
          <strong>Illustrative figures, not pooled</strong>
          <ul>
            {m.illustrative.map((f) => (
              <FigureLine f={f} />
            ))}
          </ul>
          <a class="no-print" href={illustrativeHref}>
            Pool them anyway
          </a>
        </div>
      ) : null}
    </section>
  );
}
