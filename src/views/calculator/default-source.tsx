/**
 * Where an input's default comes from, told in words a payer or a patient understands: a case study of the knowledge
 * base (linked, with its provenance), a published reference figure, an assumption used when you have no figure of
 * your own, or an example figure to replace. Never a file path, a key or a code.
 */
import type { DefaultEntry } from "../../calculators";
import { formatNumber, formatPct, formatUsd } from "../../domain/numbers";
import { ProvenanceTag } from "../evidence";
import { type RenderContext, SiteLink } from "../render";
import type { ScalarField } from "./form-state";
import { optionLabel } from "./labels";

/** What a default's source line needs: the titles of the cited case studies, and where links point. */
export interface SourceContext {
  /** Case-study slug → title, for the source links (the slug itself is shown when a title is missing). */
  titles: Record<string, string>;
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

/** Where a default comes from, in words a payer or a patient understands (never a file, a key or a code). */
function DefaultOrigin({ entry, ctx }: { entry: DefaultEntry; ctx: SourceContext }) {
  const ref = entry.reference;
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

/** The "Default … · where it comes from" line of one input; nothing when the input has no recorded default. */
export function DefaultSource({
  field,
  entry,
  ctx,
  id,
}: {
  field: ScalarField;
  entry: DefaultEntry | undefined;
  ctx: SourceContext;
  id: string;
}) {
  if (!entry) return null;
  const value = entry.rule !== undefined ? `when left empty, ${entry.rule}` : formatDefault(field, entry.value);
  return (
    <p class="source small" id={`${id}-src`}>
      Default: {value}. <DefaultOrigin entry={entry} ctx={ctx} />
    </p>
  );
}
