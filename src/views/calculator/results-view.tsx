/**
 * The results block of a calculator page as hono/jsx components: warnings, headline figures, verdict, charts with
 * their data tables, steps and the inputs used. Shared by the Worker (inside the page) and the browser bundle (which
 * renders the same components to a string on every recalculation), so both sides draw exactly the same markup.
 * The chart SVG comes from src/charts/svg.ts, which escapes every text it draws; it is the only raw markup here.
 */
import { raw } from "hono/html";
import type { CalculatorId, CalculatorWarning } from "../../calculators";
import { type RenderContext, renderToString, SiteLink } from "../render";
import { ErrorListItems, pathLabel } from "./form-errors";
import { type FormError, fieldId, formModel } from "./form-state";
import type { ChartBlock, DataTable, Figure, Presentation, PresentedWarning, StepRow } from "./presentation";

/**
 * The two warnings about defaults, in words: a short line that is always visible, and what it means, which folds
 * out. The engine's own message names input paths and record slugs for API readers; the page links the inputs by
 * their labels instead.
 */
function defaultsText(w: CalculatorWarning): { short: string; long: string } | null {
  const n = w.fields?.length ?? 0;
  const many = n !== 1;
  if (w.code === "illustrative_default") {
    return {
      short: `${n} default${many ? "s come" : " comes"} from illustrative records: treat the result as an example.`,
      long: "Illustrative records are examples from articles with no identifiable primary source. They show what a result could look like; they are not evidence. Replace these figures with your own or with verified ones.",
    };
  }
  if (w.code === "assumption_default") {
    return {
      short: `${n} default${many ? "s are placeholders" : " is a placeholder"}, not from the evidence base: replace ${many ? "them" : "it"} with your own figures.`,
      long: "The evidence base gives no figure for these inputs, so the calculator starts from a plain example value.",
    };
  }
  return null;
}

function WarningItem({
  calculator,
  warning,
  ctx,
}: {
  calculator: CalculatorId;
  warning: PresentedWarning;
  ctx: RenderContext;
}) {
  const model = formModel(calculator);
  const fields = warning.fields ?? [];
  const inputs = fields.length ? (
    <span class="small">
      Inputs:{" "}
      {fields.map((path, i) => (
        <>
          {i > 0 ? ", " : ""}
          <a href={`#${fieldId(path)}`}>{pathLabel(model, path)}</a>
        </>
      ))}
    </span>
  ) : null;
  const title = <strong>{warning.title}</strong>;
  const text = defaultsText(warning);
  return (
    <li class={`banner warning-${warning.code}`}>
      {text === null ? (
        <>
          {title} {warning.message}
          {inputs ? <> {inputs}</> : null}
        </>
      ) : (
        <details>
          <summary>
            {title} {text.short}
          </summary>
          <p>
            {text.long}
            {warning.code === "illustrative_default" ? (
              <>
                {" "}
                <SiteLink ctx={ctx} path="/about/methods">
                  How records are graded
                </SiteLink>
                .
              </>
            ) : null}
          </p>
          {inputs ? <p>{inputs}</p> : null}
        </details>
      )}
    </li>
  );
}

/** "Before you rely on this": every warning of the result, each linked to the inputs it names. */
export function Warnings({
  calculator,
  warnings,
  ctx,
}: {
  calculator: CalculatorId;
  warnings: readonly PresentedWarning[];
  ctx: RenderContext;
}) {
  if (warnings.length === 0) return null;
  return (
    <section class="calc-warnings" aria-labelledby="calc-warnings-h">
      <h3 id="calc-warnings-h">Before you rely on this</h3>
      <ul>
        {warnings.map((warning) => (
          <WarningItem calculator={calculator} warning={warning} ctx={ctx} />
        ))}
      </ul>
    </section>
  );
}

/** The headline figures. */
export function Figures({ figures }: { figures: readonly Figure[] }) {
  return (
    <ul class="figures" aria-label="Key figures">
      {figures.map((f) => (
        <li class={`figure${f.tone ? ` ${f.tone}` : ""}`}>
          <span class="figure-label">{f.label}</span> <strong class="figure-value">{f.value}</strong>
          {f.note ? (
            <>
              {" "}
              <span class="figure-note">{f.note}</span>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** A chart's data as a table: the first column heads each row; on phones each cell is labelled by its column. */
export function DataTableView({ table }: { table: DataTable }) {
  return (
    <table class="data">
      <caption>{table.caption}</caption>
      <thead>
        <tr>
          {table.head.map((h) => (
            <th scope="col">{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row) => (
          <tr>
            {row.map((cell, i) =>
              i === 0 ? (
                <th scope="row">{cell}</th>
              ) : (
                <td class="num" data-label={table.head[i] ?? ""}>
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One chart: heading, the SVG (escaped where it is drawn), caption and its data table. */
export function Chart({ chart, n }: { chart: ChartBlock; n: number }) {
  return (
    <figure class={`chart-block chart-${chart.kind}`} id={`chart-${n}`}>
      <h3>{chart.heading}</h3>
      <div class="chart-scroll">{raw(chart.svg)}</div>
      <figcaption class="small muted">{chart.caption}</figcaption>
      <details class="chart-data">
        <summary>Data table</summary>
        <div class="table-wrap">
          <DataTableView table={chart.table} />
        </div>
      </details>
    </figure>
  );
}

/** "How it was worked out": the engine's steps, one row each. */
export function Steps({ steps }: { steps: readonly StepRow[] }) {
  return (
    <section class="calc-steps" aria-labelledby="calc-steps-h">
      <h3 id="calc-steps-h">How it was worked out</h3>
      <div class="table-wrap">
        <table class="steps stack">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Step</th>
              <th scope="col">Working</th>
              <th scope="col">Result</th>
            </tr>
          </thead>
          <tbody>
            {steps.map((s, i) => (
              <tr>
                <td class="step-n">{i + 1}</td>
                {/* A step without a label of its own continues the one above: no empty row header (axe). */}
                {s.label ? <th scope="row">{s.label}</th> : <td class="step-label" />}
                <td class="step-working" data-label="Working">
                  {s.working}
                </td>
                <td class="step-result" data-label="Result">
                  {s.result}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The results block for a computed result. */
export function Results({ presentation: p, ctx }: { presentation: Presentation; ctx: RenderContext }) {
  return (
    <>
      <Warnings calculator={p.calculator} warnings={p.warnings} ctx={ctx} />
      <Figures figures={p.figures} />
      <p class="verdict">{p.verdict}</p>
      <div class="charts">
        {p.charts.map((chart, i) => (
          <Chart chart={chart} n={i + 1} />
        ))}
      </div>
      <Steps steps={p.steps} />
      <section class="inputs-summary" aria-labelledby="calc-inputs-h">
        <h3 id="calc-inputs-h">Inputs used</h3>
        <table class="inputs">
          <tbody>
            {p.inputs.map((row) => (
              <tr>
                <th scope="row">{row.label}</th>
                <td>{row.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

/** The results block when the inputs do not parse: what to fix, linked to each field. */
export function InvalidResults({ calculator, errors }: { calculator: CalculatorId; errors: readonly FormError[] }) {
  return (
    <div class="banner invalid">
      <strong>
        No result yet: {errors.length} input{errors.length === 1 ? " needs" : "s need"} fixing.
      </strong>
      <ul>
        <ErrorListItems model={formModel(calculator)} errors={errors} />
      </ul>
    </div>
  );
}

/** The results block as HTML, for the browser bundle's live updates (the page renders `Results` itself). */
export function resultsHtml(p: Presentation, ctx: RenderContext): string {
  return renderToString(<Results presentation={p} ctx={ctx} />);
}

/** The invalid-inputs block as HTML, for the browser bundle's live updates. */
export function invalidResultsHtml(calculator: CalculatorId, errors: readonly FormError[]): string {
  return renderToString(<InvalidResults calculator={calculator} errors={errors} />);
}

/** A one-line announcement for screen readers after a live update. */
export function announcement(p: Presentation | null, errors: readonly FormError[]): string {
  if (p === null) return `${errors.length} input${errors.length === 1 ? " needs" : "s need"} fixing; no result.`;
  const first = p.figures[0];
  return `Updated. ${first ? `${first.label}: ${first.value}. ` : ""}${p.verdict}`;
}
