/**
 * Where an input's default comes from, told in words a payer or a patient understands: a case study of the knowledge
 * base (linked, with its provenance), a published reference figure, an assumption used when you have no figure of
 * your own, or an example figure to replace. Never a file path, a key or a code.
 */
import type { DefaultEntry } from "../../calculators";
import { getAtPath, parsePath } from "../../calculators/common";
import type { ScenarioReference } from "../../calculators/scenario";
import { metrics } from "../../domain/enums";
import { formatNumber, formatPct, formatUsd } from "../../domain/numbers";
import { type FigureSummary, figureMeasures } from "../../domain/reference-figure-labels";
import { ProvenanceTag } from "../evidence";
import { type RenderContext, SiteLink } from "../render";
import type { ScalarField } from "./form-state";
import { optionLabel } from "./labels";

/** The scenario a page was opened with: what it sets, and on whose evidence. */
export interface ScenarioContext {
  slug: string;
  title: string;
  /** True when an input rests on an illustrative record: every source line says so. */
  illustrative: boolean;
  inputs: Record<string, unknown>;
  references: Record<string, ScenarioReference>;
}

/** The part of a scenario the form shows beside its inputs. */
export function scenarioContext(scenario: ScenarioContext): ScenarioContext {
  const { slug, title, illustrative, inputs, references } = scenario;
  return { slug, title, illustrative, inputs, references };
}

/** What a default's source line needs: the titles of the cited case studies, and where links point. */
export interface SourceContext {
  /** Case-study slug → title, for the source links (the slug itself is shown when a title is missing). */
  titles: Record<string, string>;
  /** Reference-figure slug → what the line shows of it (title, provenance, measure, year of dollars, source). */
  figures?: Record<string, FigureSummary>;
  /** The scenario the page was opened with, if any: its inputs' sources replace the defaults' beside them. */
  scenario?: ScenarioContext | undefined;
  /** Base path and link target of every link. */
  render: RenderContext;
}

function formatDefault(field: ScalarField, value: unknown): string {
  if (value === null) return /unlimited/i.test(field.description) ? "empty (unlimited)" : "empty";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "string") return optionLabel(value) ?? `“${value}”`;
  if (typeof value !== "number") return String(value);
  if (field.kind === "enum") return String(value);
  const unit = field.unit ?? "";
  if (unit.startsWith("USD")) return formatUsd(value);
  if (unit.startsWith("percent")) return formatPct(value, 4);
  return formatNumber(value, 4);
}

/** A published reference figure: linked, with its provenance, kind of money, year of dollars and source. */
function FigureOrigin({ slug, ctx }: { slug: string; ctx: SourceContext }) {
  const figure = ctx.figures?.[slug];
  const link = (
    <SiteLink ctx={ctx.render} path={`/reference-figures/${encodeURIComponent(slug)}`}>
      {figure?.title ?? slug}
    </SiteLink>
  );
  if (!figure) return <>From the published figure {link}</>;
  const measure = figureMeasures.labels[figure.measure as keyof typeof figureMeasures.labels] ?? figure.measure;
  return (
    <>
      From the published figure {link} <ProvenanceTag provenance={figure.provenance} />: {measure},{" "}
      {figure.price_year === null
        ? "the source does not say in which year's dollars"
        : `in ${figure.price_year} dollars`}
      ; source: {figure.source_title}
      {figure.source_publisher ? ` (${figure.source_publisher})` : ""}
    </>
  );
}

/** Where a default comes from, in words a payer or a patient understands (never a file, a key or a code). */
function DefaultOrigin({ entry, ctx }: { entry: DefaultEntry; ctx: SourceContext }) {
  const ref = entry.reference;
  if (ref.kind === "reference_figure") {
    return (
      <>
        <FigureOrigin slug={ref.slug} ctx={ctx} />. {ref.note}
      </>
    );
  }
  if (ref.kind === "case_study") {
    return (
      <>
        From the case study{" "}
        <SiteLink ctx={ctx.render} path={`/case-studies/${encodeURIComponent(ref.slug)}`}>
          {ctx.titles[ref.slug] ?? ref.slug}
        </SiteLink>{" "}
        <ProvenanceTag provenance={ref.provenance} />: {ref.note}
      </>
    );
  }
  if (ref.kind === "reference_param") {
    return (
      <>
        <span class="tag prov-reference">Published reference figure</span> {ref.source}
      </>
    );
  }
  if (ref.placeholder) {
    // The engine's note ends by saying the same thing as the tag; say it once.
    const note = ref.note.replace(/:?\s*not from the evidence base; replace with your own figure\.?$/, ".");
    return (
      <>
        <span class="tag prov-assumption">Example figure</span> not from the evidence base; replace it with your own:{" "}
        {note}
      </>
    );
  }
  return (
    <>
      <span class="tag prov-convention">Assumption</span> used when you have no figure of your own: {ref.note}
    </>
  );
}

/** Where a scenario's input comes from: a case study's outcome, a reference figure, or an assumption in words. */
function ScenarioOrigin({ reference, ctx }: { reference: ScenarioReference; ctx: SourceContext }) {
  if ("case_study" in reference) {
    return (
      <>
        From the case study{" "}
        <SiteLink ctx={ctx.render} path={`/case-studies/${encodeURIComponent(reference.case_study)}`}>
          {ctx.titles[reference.case_study] ?? reference.case_study}
        </SiteLink>{" "}
        (outcome: {metrics.label(reference.metric).toLowerCase()})
      </>
    );
  }
  if ("reference_figure" in reference) return <FigureOrigin slug={reference.reference_figure} ctx={ctx} />;
  return (
    <>
      <span class="tag prov-convention">Assumption</span> {reference.assumption.replace(/\.$/, "")}
    </>
  );
}

/**
 * The "Default … · where it comes from" line of one input; nothing when the input has no recorded default. When the
 * page was opened with a scenario that sets the input, the line gives the scenario's value and source instead.
 */
export function DefaultSource({
  field,
  entry,
  ctx,
  id,
  path,
}: {
  field: ScalarField;
  entry: DefaultEntry | undefined;
  ctx: SourceContext;
  id: string;
  path?: string;
}) {
  const scenarioRef = path !== undefined ? ctx.scenario?.references[path] : undefined;
  if (ctx.scenario && scenarioRef && path !== undefined) {
    return (
      <p class="source small scenario-source" id={`${id}-src`}>
        {ctx.scenario.illustrative ? (
          <>
            <span class="tag prov-illustrative">Illustrative scenario</span>{" "}
          </>
        ) : null}
        In the scenario: {formatDefault(field, getAtPath(ctx.scenario.inputs, parsePath(path)))}.{" "}
        <ScenarioOrigin reference={scenarioRef} ctx={ctx} />.
      </p>
    );
  }
  if (!entry) return null;
  const value = entry.rule !== undefined ? `when left empty, ${entry.rule}` : formatDefault(field, entry.value);
  return (
    <p class="source small" id={`${id}-src`}>
      Default: {value}. <DefaultOrigin entry={entry} ctx={ctx} />
    </p>
  );
}
