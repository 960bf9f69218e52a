/** Shared pieces for showing evidence: grade badges, provenance banners and tags, cards, outcomes, citations. */
import type { CaseStudy, Outcome } from "../domain/case-study";
import { citationParts } from "../domain/citation";
import { designs, provenances, sourceKinds } from "../domain/enums";
import {
  formatBaselineFollowup,
  formatOutcomeContext,
  formatOutcomeValue,
  lacksPriceYear,
  outcomeName,
} from "../domain/format";
import { type Grade, gradeMeanings } from "../domain/grading";

export function GradeBadge({ grade, reason }: { grade: Grade; reason?: string }) {
  return (
    <span
      class={`grade grade-${grade}`}
      title={reason ?? gradeMeanings[grade]}
      role="img"
      aria-label={`Evidence grade ${grade}`}
    >
      {grade}
    </span>
  );
}

const PROVENANCE_WARNINGS: Record<string, { title: string; text: string } | undefined> = {
  illustrative: {
    title: "Illustrative figures",
    text: "These numbers are examples from an article with no identifiable primary source. They show what a result could look like; they are not evidence.",
  },
  reported: {
    title: "Reported figures",
    text: "These numbers come from a secondary source (news, press release, programme or vendor report, or a synopsis) and have not been checked against the primary data.",
  },
};

/** A visible warning on illustrative, reported, retracted and draft records. */
export function RecordBanners({ record }: { record: Pick<CaseStudy, "provenance" | "status"> }) {
  const warning = PROVENANCE_WARNINGS[record.provenance];
  return (
    <>
      {record.status === "retracted" ? (
        <div class="banner retracted" role="note">
          <strong>Retracted</strong>
          This record has been retracted. It stays readable for the record, but is left out of search and synthesis by
          default.
        </div>
      ) : null}
      {record.status === "draft" ? (
        <div class="banner" role="note">
          <strong>Draft</strong>This record is a draft and has not been reviewed.
        </div>
      ) : null}
      {warning ? (
        <div class={`banner ${record.provenance}`} role="note">
          <strong>{warning.title}</strong>
          {warning.text}
        </div>
      ) : null}
    </>
  );
}

export function ProvenanceTag({ provenance }: { provenance: string }) {
  return <span class={`tag prov-${provenance}`}>{provenances.label(provenance)}</span>;
}

export interface CardData {
  slug: string;
  title: string;
  summary: string;
  provenance: string;
  design: string;
  grade: Grade;
  grade_reason: string;
  evidence_year: number | null;
  status?: string;
}

export function CaseStudyCard({ item, children }: { item: CardData; children?: unknown }) {
  return (
    <li class="card">
      <h3>
        <a href={`/case-studies/${item.slug}`}>{item.title}</a>
      </h3>
      <p>
        <GradeBadge grade={item.grade} reason={item.grade_reason} /> <ProvenanceTag provenance={item.provenance} />
        <span class="tag">{designs.label(item.design)}</span>
        {item.evidence_year ? <span class="tag">{item.evidence_year}</span> : null}
        {item.status && item.status !== "published" ? <span class="tag">{item.status}</span> : null}
      </p>
      <p class="small">{item.summary}</p>
      {children}
    </li>
  );
}

export function OutcomesTable({ record }: { record: CaseStudy }) {
  const sourceIndex = new Map(record.sources.map((s, i) => [s.key, i + 1]));
  const anyUnpriced = record.outcomes.some(lacksPriceYear);
  return (
    <div class="table-wrap">
      <table class="stack">
        <caption class="visually-hidden">Outcomes of {record.title}</caption>
        <thead>
          <tr>
            <th scope="col">Outcome</th>
            <th scope="col">Result</th>
            <th scope="col">Before → after</th>
            <th scope="col">Compared with</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {record.outcomes.map((o: Outcome) => (
            <tr>
              <th scope="row">
                {outcomeName(o)}
                {o.quote ? (
                  <blockquote cite={record.sources.find((s) => s.key === o.source)?.url}>“{o.quote}”</blockquote>
                ) : null}
              </th>
              <td class="num" data-label="Result">
                {formatOutcomeValue(o)}
                {lacksPriceYear(o) ? <sup>*</sup> : null}
                {o.price_year ? <span class="small muted"> ({o.price_year} dollars)</span> : null}
              </td>
              <td class="num" data-label="Before → after">
                {formatBaselineFollowup(o) ?? "—"}
              </td>
              <td data-label="Compared with">{formatOutcomeContext(o) || "Nothing (a single figure)"}</td>
              <td data-label="Source">
                <a href={`#source-${o.source}`}>[{sourceIndex.get(o.source)}]</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {anyUnpriced ? (
        <p class="small muted">
          * Dollar year not stated by the source: the amount is shown as reported and left out of inflation-adjusted
          comparisons.
        </p>
      ) : null}
    </div>
  );
}

/** The numbered sources of a record; `idPrefix` keeps anchors unique where several records' lists share a page. */
export function SourceList({ sources, idPrefix = "" }: { sources: CaseStudy["sources"]; idPrefix?: string }) {
  return (
    <ol class="citations">
      {sources.map((source) => {
        const p = citationParts(source);
        return (
          <li id={`${idPrefix}source-${source.key}`}>
            {p.authors ? `${p.authors} ` : ""}({p.year}). <cite>{p.title}</cite>
            {p.publisher ? `. ${p.publisher}` : ""}. <span class="small muted">{sourceKinds.label(source.kind)}.</span>{" "}
            {p.doiUrl ? (
              <a href={p.doiUrl} rel="noopener noreferrer">
                doi:{source.doi}
              </a>
            ) : null}{" "}
            {p.pubmedUrl ? (
              <a href={p.pubmedUrl} rel="noopener noreferrer">
                PMID {source.pmid}
              </a>
            ) : null}{" "}
            {p.url ? (
              <a href={p.url} rel="noopener noreferrer">
                {p.doiUrl ? "Copy read" : "Link"}
              </a>
            ) : null}
            {source.accessed ? <span class="small muted"> (accessed {source.accessed})</span> : null}
          </li>
        );
      })}
    </ol>
  );
}
