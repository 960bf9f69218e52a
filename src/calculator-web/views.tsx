/** Calculator pages: the list, and one calculator with its form (left) and results (right; below on phones). */
import type { CalculatorId } from "../calculators";
import type { Scenario } from "../calculators/scenario";
import { assetPaths } from "../generated/assets";
import type { FormError, FormModel, RawInput } from "../views/calculator/form-state";
import { CalculatorForm, type FormContext } from "../views/calculator/form-view";
import type { Presentation } from "../views/calculator/presentation";
import { InvalidResults, Results } from "../views/calculator/results-view";
import { EmbedPanel, type EmbedPanelProps, OEmbedDiscovery } from "../views/embed-panel";
import { Layout } from "../views/layout";
import type { RenderContext } from "../views/render";
import { SanitisedHtml } from "../views/sanitised-html";

export interface CalculatorSummary {
  id: CalculatorId;
  title: string;
  summary: string;
}

export function CalculatorListPage({ items }: { items: CalculatorSummary[] }) {
  return (
    <Layout
      title="ROI calculators"
      description="Six calculators for financing integrative care, with evidence-linked defaults."
    >
      <h1>ROI calculators</h1>
      <p class="lede">
        Six calculators for financing integrative care. Every default names its source, and illustrative figures are
        marked as such: replace them with your own. Each calculator works without JavaScript, recalculates as you type
        when JavaScript is on, and keeps its inputs in the address so a copied link shows the same result.
      </p>
      <ul class="cards calc-list">
        {items.map((item) => (
          <li class="card">
            <h2 class="h3">
              <a href={`/calculators/${item.id}`}>{item.title}</a>
            </h2>
            <p>{item.summary}</p>
            <p class="small muted">
              API: <code>POST /api/v1/calculators/{item.id}</code>
            </p>
          </li>
        ))}
      </ul>
      <p class="small muted">
        The same calculators are available as JSON: <a href="/api/v1/calculators">/api/v1/calculators</a> (see{" "}
        <a href="/docs">the API documentation</a>).
      </p>
    </Layout>
  );
}

export interface CalculatorPageProps extends CalculatorSummary {
  /** The form's model, values and context (the browser re-renders parts of it with the same components). */
  form: { model: FormModel; raw: RawInput; ctx: FormContext; errors: readonly FormError[] };
  /** The result, or `null` when the inputs do not parse (the browser renders the same components live). */
  presentation: Presentation | null;
  /** Base path and link target of the shared markup. */
  ctx: RenderContext;
  /** Path of the browser bundle (content-hashed, from the asset manifest). */
  script?: string;
  /** The "Embed" panel (snippets for the current inputs). */
  embed: EmbedPanelProps;
  /** The calculator's scenarios, listed as starting points. */
  scenarios?: readonly Scenario[];
  /** The scenario the page was opened with. */
  scenario?: Scenario;
}

/** "Start from a real case": the calculator's scenarios, each a link that loads its inputs. */
export function ScenarioList({
  id,
  scenarios,
  current,
}: {
  id: string;
  scenarios: readonly Scenario[];
  current?: string;
}) {
  if (scenarios.length === 0) return null;
  return (
    <section class="scenarios no-print" aria-labelledby="scenarios-h">
      <h2 id="scenarios-h" class="h3">
        Start from a real case
      </h2>
      <ul class="scenario-list">
        {scenarios.map((s) => (
          <li>
            <a
              href={`/calculators/${id}?scenario=${encodeURIComponent(s.slug)}`}
              aria-current={s.slug === current ? "true" : undefined}
            >
              {s.title}
            </a>
            {s.illustrative ? (
              <>
                {" "}
                <span class="tag prov-illustrative">Illustrative</span>
              </>
            ) : null}
            <span class="small"> {s.summary}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The scenario in use: what it is, what it assumes, and a way back to the defaults. */
export function ScenarioNote({ id, scenario }: { id: string; scenario: Scenario }) {
  return (
    <section class="scenario-note" aria-labelledby="scenario-h">
      <h2 id="scenario-h" class="h3">
        Scenario: {scenario.title}
      </h2>
      {scenario.illustrative ? (
        <p class="banner" role="note">
          <span class="tag prov-illustrative">Illustrative</span> Some of this scenario's inputs come from illustrative
          records (source-article examples with no identifiable primary source): treat the result as an example, not as
          evidence.
        </p>
      ) : null}
      <p>{scenario.summary}</p>
      <SanitisedHtml html={scenario.body_html} class="small" />
      <p class="small">
        The source of every input the scenario sets is given beside it; the other inputs keep their defaults.{" "}
        <a href={`/calculators/${id}`}>Back to the defaults</a>
      </p>
    </section>
  );
}

function queryOf(inputs: readonly [string, string][]): string {
  const query = new URLSearchParams([...inputs]).toString();
  return query ? `?${query}` : "";
}

export function CalculatorPage(props: CalculatorPageProps) {
  return (
    <Layout
      title={props.presentation === null ? `Check the inputs: ${props.title}` : props.title}
      description={props.summary}
      scripts={[props.script, assetPaths["embed-panel.js"]].filter((src): src is string => Boolean(src))}
      head={
        <OEmbedDiscovery
          origin={props.embed.origin}
          pageUrl={`${props.embed.origin}${props.embed.pagePath}${queryOf(props.embed.inputs)}`}
          title={props.title}
        />
      }
    >
      <p class="small muted no-print">
        <a href="/calculators">Calculators</a>
      </p>
      <h1>{props.title}</h1>
      <p class="lede">{props.summary}</p>
      {props.scenario ? <ScenarioNote id={props.id} scenario={props.scenario} /> : null}
      <ScenarioList
        id={props.id}
        scenarios={props.scenarios ?? []}
        {...(props.scenario ? { current: props.scenario.slug } : {})}
      />
      <p class="no-print small">
        <a class="skip-link" href="#results">
          Skip to the results
        </a>
      </p>
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
          <p class="small muted no-print">
            The same figures, unrounded, from the API: <code>POST /api/v1/calculators/{props.id}</code> (
            <a href={`/api/v1/calculators/${props.id}`}>inputs, defaults and sources as JSON</a>).
          </p>
        </section>
      </div>
      <EmbedPanel {...props.embed} />
    </Layout>
  );
}
