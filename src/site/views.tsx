/** The home page, the methods page and the error page. */

import { designs, provenances } from "../domain/enums";
import { type FieldError, ROOT_PATH } from "../domain/field-error";
import { designCeiling, type Grade, gradeMeanings, grades, gradingRules } from "../domain/grading";
import type { CaseStudyRow } from "../records/read";
import { CaseStudyCard, GradeBadge } from "../views/evidence";
import { Layout } from "../views/layout";
import type { Overview } from "./queries";

const START_POINTS: { label: string; href: string }[] = [
  { label: "Chronic pain and low back pain", href: "/case-studies?condition=chronic_pain&condition=low_back_pain" },
  { label: "Maternity and perinatal care", href: "/case-studies?condition=perinatal" },
  { label: "Opioid use", href: "/case-studies?condition=opioid_use" },
  { label: "Diabetes and prediabetes", href: "/case-studies?condition=diabetes&condition=prediabetes" },
  { label: "Medicaid", href: "/case-studies?payer_type=medicaid" },
  { label: "Medicare", href: "/case-studies?payer_type=medicare&payer_type=medicare_advantage" },
  { label: "Randomised trials and meta-analyses", href: "/case-studies?design=rct&design=meta_analysis" },
];

function cardItem(row: CaseStudyRow) {
  return { ...row.record, grade: row.grade, grade_reason: row.grade_reason, evidence_year: row.evidence_year };
}

export function HomePage({
  newest,
  strongest,
  overview,
}: {
  newest: CaseStudyRow[];
  strongest: CaseStudyRow[];
  overview: Overview;
}) {
  return (
    <Layout
      title="Evidence and ROI for financing integrative care"
      description="Case studies, graded evidence and ROI calculators for financing acupuncture, nutrition, CBT, mindfulness, group visits, doulas and lifestyle programmes."
    >
      <h1>Evidence and ROI for financing integrative care</h1>
      <p class="lede">
        Who paid for acupuncture, nutrition counselling, CBT, mindfulness, group visits, doulas and lifestyle programmes
        — how they paid, and what happened to readmissions, opioid use, costs and outcomes. Every figure carries its
        source; every record carries an evidence grade; null and negative results are kept.
      </p>
      <p>
        {overview.total} published case studies:{" "}
        {Object.entries(overview.byProvenance)
          .map(([p, n]) => `${n} ${provenances.label(p).toLowerCase()}`)
          .join(", ")}
        . <a href="/about/methods">What verified, reported and illustrative mean</a>.
      </p>
      <search>
        <form class="inline" method="get" action="/search">
          <div>
            <label for="home-q">Search the evidence</label>
            <br />
            <input id="home-q" name="q" type="search" placeholder="acupuncture back pain savings" size={32} />
          </div>
          <button type="submit">Search</button>
        </form>
      </search>
      <h2>Start from a question</h2>
      <ul>
        {START_POINTS.map((p) => (
          <li>
            <a href={p.href}>{p.label}</a>
          </li>
        ))}
        <li>
          <a href="/calculators">Turn an effect into dollars with an ROI calculator</a>
        </li>
      </ul>
      <div class="grid-2">
        <section aria-labelledby="strongest-heading">
          <h2 id="strongest-heading">Strongest evidence</h2>
          <ul class="cards">
            {strongest.map((row) => (
              <CaseStudyCard item={cardItem(row)} />
            ))}
          </ul>
          <p>
            <a href="/case-studies?order=strongest">All by strength of evidence →</a>
          </p>
        </section>
        <section aria-labelledby="newest-heading">
          <h2 id="newest-heading">Newest evidence</h2>
          <ul class="cards">
            {newest.map((row) => (
              <CaseStudyCard item={cardItem(row)} />
            ))}
          </ul>
          <p>
            <a href="/case-studies">All case studies →</a>
          </p>
        </section>
      </div>
    </Layout>
  );
}

const PROVENANCE_MEANINGS: Record<string, string> = {
  verified:
    "Every figure was checked against a cited primary source (the journal article, the agency's own document), and each outcome carries a verbatim quote from it.",
  reported:
    "The figures come from a secondary source — news, a press release, a vendor or programme report, a synopsis — and have not been checked against the primary data. Treat them as claims to verify.",
  illustrative:
    "Example figures with no identifiable primary source, such as the case studies of the article this project grew from. They show what a result could look like; they are not evidence, and the site never uses them as if they were.",
};

export function MethodsPage() {
  return (
    <Layout
      title="Methods: evidence grades and provenance"
      description="How evidence grades are derived and what provenance means."
    >
      <h1>Methods</h1>
      <p class="lede">
        Every case study records its study design, where its figures come from (provenance), and how many people it
        covers. The evidence grade is derived from those three by one rubric; nobody types a grade in.
      </p>
      <h2 id="provenance">Provenance</h2>
      <dl class="facts">
        {provenances.values.map((p) => (
          <>
            <dt>{provenances.label(p)}</dt>
            <dd>{PROVENANCE_MEANINGS[p]}</dd>
          </>
        ))}
      </dl>
      <h2 id="grading">Evidence grades</h2>
      <ol>
        {gradingRules.map((rule) => (
          <li>{rule}</li>
        ))}
      </ol>
      <div class="table-wrap">
        <table>
          <caption>What each grade means</caption>
          <thead>
            <tr>
              <th scope="col">Grade</th>
              <th scope="col">Meaning</th>
              <th scope="col">Designs that can reach it</th>
            </tr>
          </thead>
          <tbody>
            {grades.map((g: Grade) => (
              <tr>
                <td>
                  <GradeBadge grade={g} />
                </td>
                <td>{gradeMeanings[g]}</td>
                <td>
                  {designs.values
                    .filter((d) => designCeiling[d] === g)
                    .map((d) => designs.label(d))
                    .join(", ") || "—"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        The reason shown beside each grade says how it was reached, for example “B: quasi-experimental study, verified,
        n=4,869”. A grade describes the strength of the design and the traceability of the figures, not whether the
        result was positive: null and negative results are graded the same way.
      </p>
      <h2 id="money">Money figures</h2>
      <p>
        Dollar amounts are shown as the source states them. When the source does not say which year's dollars it uses,
        the figure is marked and left out of inflation-adjusted comparisons rather than adjusted on a guess.
      </p>
    </Layout>
  );
}

export function ErrorPage({
  status,
  title,
  detail,
  errors = [],
}: {
  status: number;
  title: string;
  detail: string;
  errors?: readonly FieldError[];
}) {
  return (
    <Layout title={title}>
      <h1>{title}</h1>
      <p class="lede">{detail}</p>
      {errors.length ? (
        <ul>
          {errors.map((e) => (
            <li>
              {e.path === ROOT_PATH ? "The request as a whole" : <code>{e.path}</code>}: {e.message}
            </li>
          ))}
        </ul>
      ) : null}
      <p>
        <a href="/">Go to the home page</a> or <a href="/search">search the evidence</a>.
      </p>
      <p class="small muted">Status {status}</p>
    </Layout>
  );
}
