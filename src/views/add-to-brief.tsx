/**
 * "Add to brief": a plain link to the composed brief with this record added (the brief lives in its URL, so this
 * works without JavaScript or an account). Search cards and record pages carry the brief in progress as `?brief=`.
 */
import { MAX_BRIEF_CASES } from "../domain/brief";
import { composeHref, readCases, withCase } from "../domain/brief-cases";

/** The brief in progress from a `brief` query value (well-formed slugs only, capped). */
export function briefInProgress(value: string | undefined): string[] {
  return value ? readCases([value]).slugs : [];
}

export function AddToBrief({ slug, title, brief }: { slug: string; title: string; brief: readonly string[] }) {
  if (brief.includes(slug)) {
    return (
      <p class="add-to-brief small no-print">
        In your brief · <a href={composeHref(brief)}>View the brief ({brief.length})</a>
      </p>
    );
  }
  if (brief.length >= MAX_BRIEF_CASES) {
    return (
      <p class="add-to-brief small no-print">
        Your brief is full ({MAX_BRIEF_CASES} records) · <a href={composeHref(brief)}>View the brief</a>
      </p>
    );
  }
  return (
    <p class="add-to-brief small no-print">
      <a href={composeHref(withCase(brief, slug))} aria-label={`Add to brief: ${title}`}>
        Add to brief
      </a>
      {brief.length ? (
        <>
          {" "}
          · <a href={composeHref(brief)}>View the brief ({brief.length})</a>
        </>
      ) : null}
    </p>
  );
}
