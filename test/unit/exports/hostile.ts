/** Records whose text carries every character that breaks a careless exporter. */
import { type CaseStudy, parseCaseStudy } from "../../../src/domain/case-study";
import { verifiedRecord } from "../domain/fixtures";

export const HOSTILE = `{Unbalanced} } {{ 50% & $5 #1 under_score ^caret ~tilde \\backslash "quoted" 'single'\nnew line\r\nCRLF </script><script>alert(1)</script> =HYPERLINK("x") Ärzte naïve 東京 ∑`;

export function hostileRecord(): CaseStudy {
  const base = verifiedRecord();
  const parsed = parseCaseStudy({
    ...base,
    slug: "hostile-characters-record",
    title: `Hostile ${HOSTILE}`.slice(0, 200),
    summary: `=cmd|' /C calc'!A0 and then ${HOSTILE}`.slice(0, 600),
    population: { description: `+people @home ${HOSTILE}`, size: 342, unit: "participants" },
    outcomes: [
      { ...(base.outcomes[0] as object), label: `-label, with "quotes"\nand a newline` },
      {
        metric: "savings_per_patient",
        kind: "level",
        value: -1234.5,
        unit: "usd",
        per: "patient",
        comparison: "usual_care",
        ci_low: -2000,
        ci_high: 10,
        n: 77,
        horizon_months: 12,
        source: "trial",
        quote: "savings of -$1,234.50",
      },
    ],
    sources: [
      {
        key: "trial",
        kind: "journal_article",
        title: HOSTILE,
        authors: ["O'Brien, Seán", "Smith and Wesson, J.", "World Health Organization {WHO}"],
        publisher: `Journal of {Braces} & 100% "Quotes"`,
        year: 2021,
        doi: "10.1000/a{b}c\\d",
        url: "https://example.org/a_b%20c#frag",
      },
      { key: "web", kind: "web_page", title: "A web page\nwith a line break", url: "https://example.org/page" },
    ],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.record;
}
