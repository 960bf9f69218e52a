/**
 * How a case study's revisions are named and linked: its ETag, its history page, a revision's API address, and the
 * 410 answer of a withdrawn record. The read routes need these as much as the write routes (src/case-studies/
 * writing.ts), and the public Worker must not carry the write path to get them.
 */
import { ProblemError } from "../http/problem";
import type { RevisionMeta } from "../records/revisions";

/** The strong ETag of revision n. */
export function etagOf(revision: number): string {
  return `"r${revision}"`;
}

/** Where a slug's history page is. */
export function historyPath(slug: string): string {
  return `/case-studies/${slug}/history`;
}

/** The API address of revision n of a slug. */
export function revisionPath(slug: string, revision: number): string {
  return `/api/v1/case-studies/${slug}/revisions/${revision}`;
}

/** The 410 of a withdrawn record, linking its history. */
export function withdrawnProblem(slug: string, current: RevisionMeta): ProblemError {
  return new ProblemError(
    410,
    `The case study '${slug}' was withdrawn (revision ${current.revision}); its history is at ${historyPath(slug)}, from where it can be restored.`,
    [],
    { extensions: { current_revision: current.revision, history: historyPath(slug) } },
  );
}
