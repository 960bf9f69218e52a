/**
 * What every write route shares: the revision a request is based on (If-Match), the change message, committing one
 * write as one batch of the write path, and the ETag of a revision. Two editors never silently overwrite each other:
 * a write names the revision it edited, a stale one is refused with the current number (412), and a write racing
 * another from the same revision fails as a whole in the database (the revisions key) and is answered the same way.
 */
import type { Context } from "hono";
import { runBatch } from "../db/statements";
import type { AppEnv } from "../env";
import { ProblemError } from "../http/problem";
import { latestRevision, type RevisionMeta } from "../records/revisions";
import { type RecordWrite, writeStatements } from "../records/write-path";
import { etagOf, historyPath, withdrawnProblem } from "./revision-refs";

function staleProblem(slug: string, current: number): ProblemError {
  return new ProblemError(
    412,
    `The case study '${slug}' has changed since the revision you edited: it is now at revision ${current} (ETag ${etagOf(current)}). Read it again, apply your change, and send that ETag in If-Match.`,
    [],
    { extensions: { current_revision: current, history: historyPath(slug) } },
  );
}

/**
 * Checks If-Match against the slug's latest revision: 428 when it is missing (or `*`, which would overwrite
 * whatever is there), 412 with the current number when it names another revision. Returns the latest revision.
 */
export function checkIfMatch(c: Context<AppEnv>, slug: string, current: RevisionMeta): number {
  const header = c.req.header("if-match")?.trim();
  if (!header || header === "*") {
    throw new ProblemError(
      428,
      `Send If-Match with the ETag of the revision you edited (GET /api/v1/case-studies/${slug} answers it in its ETag header; now ${etagOf(current.revision)}).`,
      [{ path: "If-Match", message: header === "*" ? 'must name a revision, not "*"' : "is required" }],
    );
  }
  // A list of strong tags; a weak or malformed tag matches nothing (RFC 9110 compares If-Match strongly).
  const named = header.split(",").map((tag) => tag.trim());
  if (!named.includes(etagOf(current.revision))) throw staleProblem(slug, current.revision);
  return current.revision;
}

/** The latest revision of a slug that must be live: 404 without history, 410 when withdrawn. */
export async function liveRevision(c: Context<AppEnv>, slug: string): Promise<RevisionMeta> {
  const current = await latestRevision(c.env.DB, slug);
  if (!current) throw new ProblemError(404, `No case study has the slug '${slug}'`);
  if (current.action === "delete") throw withdrawnProblem(slug, current);
  return current;
}

const MAX_MESSAGE_CHARS = 500;

/**
 * The change message of the X-Change-Message header: plain text, at most 500 characters; text outside ASCII is sent
 * percent-encoded (encodeURIComponent), since header values are bytes. Absent: no message.
 */
export function changeMessage(c: Context<AppEnv>): string | undefined {
  const raw = c.req.header("x-change-message");
  if (raw === undefined || raw.trim() === "") return undefined;
  let text = raw.trim();
  if (/%[0-9a-f]{2}/i.test(text)) {
    try {
      text = decodeURIComponent(text);
    } catch {
      throw new ProblemError(400, "X-Change-Message is not valid percent-encoding", [
        { path: "X-Change-Message", message: "is not valid percent-encoding" },
      ]);
    }
  }
  if (text.length > MAX_MESSAGE_CHARS) {
    throw new ProblemError(400, `X-Change-Message is longer than ${MAX_MESSAGE_CHARS} characters`, [
      { path: "X-Change-Message", message: `must be at most ${MAX_MESSAGE_CHARS} characters` },
    ]);
  }
  return text;
}

/** True for the database refusing a revision number another write took first. */
function isRevisionRace(error: unknown): boolean {
  return error instanceof Error && /UNIQUE constraint failed: revisions\./.test(error.message);
}

/**
 * Commits one write as one batch of the write path (record, children, facets, search index, data version and its
 * revision: all or nothing). A batch that lost a race on the revision number is answered as stale (412), or as a
 * conflict (409) for a create. Returns the new revision.
 */
export async function commitWrite(c: Context<AppEnv>, slug: string, write: RecordWrite): Promise<RevisionMeta> {
  try {
    await runBatch(c.env.DB, writeStatements([write], new Date().toISOString()));
  } catch (error) {
    if (!isRevisionRace(error)) throw error;
    const now = await latestRevision(c.env.DB, slug);
    if (write.kind === "upsert" && write.revision?.base === 0) {
      throw new ProblemError(409, `A case study with the slug '${slug}' was created meanwhile.`);
    }
    throw staleProblem(slug, now?.revision ?? 0);
  }
  const written = await latestRevision(c.env.DB, slug);
  if (!written) throw new Error(`commitWrite: no revision of ${slug} after the write`);
  return written;
}
