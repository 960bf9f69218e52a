/**
 * Reference-figure pages: every figure grouped by what it prices, and one figure with its quote, measure, year of
 * dollars, provenance and source. Plain words throughout: "a price (the amount allowed or paid)", never an enum key.
 */
import { dollarsYear, figureValue } from "../domain/figure-value";
import { figureMeasures, figurePer, payerContextLabel } from "../domain/reference-figure-labels";
import type { FigureRow } from "../records/reference-figures-read";
import { ProvenanceTag, SourceList } from "../views/evidence";
import { Layout } from "../views/layout";
import { SanitisedHtml } from "../views/sanitised-html";

type Figure = FigureRow["figure"];

/** A group's fragment id, e.g. per-member-month. */
function anchor(key: string): string {
  return `per-${(key || "other").replace(/_/g, "-")}`;
}

function measureLabel(measure: string): string {
  return figureMeasures.labels[measure as keyof typeof figureMeasures.labels] ?? measure;
}

/** The facts of one figure, shared by the list and the figure's page. */
function FigureFacts({ figure }: { figure: Figure }) {
  const year = dollarsYear(figure);
  return (
    <>
      <p class="figure-value">
        <strong>{figureValue(figure)}</strong> <ProvenanceTag provenance={figure.provenance} />
      </p>
      <blockquote class="quote">“{figure.quote}”</blockquote>
      <ul class="small figure-facts">
        <li>What it measures: {measureLabel(figure.measure)}.</li>
        {year ? <li>{year}</li> : null}
        <li>
          Applies to: {figure.payer_context.map(payerContextLabel).join(", ")}; {figure.geography}.
        </li>
        <li>
          Source: {figure.source.title}
          {figure.source.publisher ? ` (${figure.source.publisher})` : ""}.
        </li>
      </ul>
    </>
  );
}

export function ReferenceFigureListPage({ rows }: { rows: readonly FigureRow[] }) {
  const groups = new Map<string, FigureRow[]>();
  for (const row of rows) {
    const key = row.figure.per ?? "";
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const order = [...figurePer.values, ""].filter((key) => groups.has(key));
  return (
    <Layout
      title="Reference figures"
      description="Published prices, hospital costs and fees that turn an effect into dollars, each with its quote and source."
    >
      <h1>Reference figures</h1>
      <p class="lede">
        Published numbers that turn an effect into dollars: the price of a birth, the hospital cost of a readmission or
        an emergency visit, a programme's cost per participant, a visit fee, a Medicaid doula rate, a membership fee.
        Each is quoted from its source, says whether it is a price, a cost or a fee, and in which year's dollars.
        Figures read in a secondary copy are marked as reported. The calculators cite them by name.
      </p>
      <nav aria-label="What the figures price" class="small">
        {order.map((key, i) => (
          <>
            {i > 0 ? " · " : ""}
            <a href={`#${anchor(key)}`}>{key ? figurePer.label(key) : "Other figures"}</a>
          </>
        ))}
      </nav>
      {order.map((key) => (
        <section aria-labelledby={anchor(key)}>
          <h2 id={anchor(key)}>{key ? figurePer.label(key) : "Other figures"}</h2>
          <ul class="cards">
            {(groups.get(key) ?? []).map((row) => (
              <li class="card" id={`figure-${row.figure.slug}`}>
                <h3 class="h3">
                  <a href={`/reference-figures/${row.figure.slug}`}>{row.figure.title}</a>
                </h3>
                <FigureFacts figure={row.figure} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </Layout>
  );
}

export function ReferenceFigurePage({ row }: { row: FigureRow }) {
  const f = row.figure;
  return (
    <Layout title={f.title} description={`${figureValue(f)}: ${measureLabel(f.measure)}. ${f.source.title}`}>
      <p class="small muted no-print">
        <a href="/reference-figures">Reference figures</a>
      </p>
      <h1>{f.title}</h1>
      {f.provenance === "reported" ? (
        <div class="banner reported" role="note">
          <strong>Reported</strong>This figure was read in a secondary copy, not in its primary source.
        </div>
      ) : null}
      <FigureFacts figure={f} />
      <h2>What it covers</h2>
      <SanitisedHtml html={row.body_html} />
      {f.caveats?.length ? (
        <>
          <h2>What it leaves out</h2>
          <ul>
            {f.caveats.map((c) => (
              <li>{c}</li>
            ))}
          </ul>
        </>
      ) : null}
      {f.reviewed ? <p class="small">Last reviewed {f.reviewed}.</p> : null}
      <h2>Source</h2>
      <SourceList sources={[f.source]} />
      <p class="small muted no-print">
        As JSON: <a href={`/api/v1/reference-figures/${f.slug}`}>/api/v1/reference-figures/{f.slug}</a>
      </p>
    </Layout>
  );
}
