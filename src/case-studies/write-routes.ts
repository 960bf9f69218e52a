/**
 * Writing case studies (create, edit, delete, restore) and reading their revisions. Every write needs a token with
 * the "write" scope, names the revision it edited (If-Match, except a create), and goes through the one write path as
 * one batch with its revision row. Bodies are the contract JSON in the shape GET returns (its derived fields are
 * accepted and ignored), so GET → edit → PUT works as it is.
 */
import { type Context, Hono } from "hono";
import { type CaseStudy, caseStudySchema, parseCaseStudy } from "../domain/case-study";
import type { AppEnv } from "../env";
import { ProblemError } from "../http/problem";
import { defineRoute, type EngineBody, holderLabel, mountRoutes } from "../http/route";
import { findCaseStudy } from "../records/read";
import { findRevision, latestRevision, listRevisions, type RevisionMeta } from "../records/revisions";
import { toCaseStudyJson } from "./present";
import { etagOf, historyPath, revisionPath } from "./revision-refs";
import { caseStudyResponseSchema, slugParamsSchema } from "./schemas";
import { deletedSchema, revisionListSchema, revisionParamsSchema, revisionSchema } from "./write-schemas";
import { changeMessage, checkIfMatch, commitWrite, liveRevision } from "./writing";

/** The record in the body, checked by the contract, naming every bad field. */
const recordBody: EngineBody<CaseStudy> = {
  describedBy: caseStudySchema,
  checkBody: (raw) => {
    const parsed = parseCaseStudy(raw, { acceptDerived: true });
    return parsed.ok ? { ok: true, value: parsed.record } : { ok: false, errors: [...parsed.errors] };
  },
};

const TAG = "Writing";

const ifMatchResponses = {
  500: { description: "The database refused the write; it failed as a whole and nothing of it was written" },
  412: { description: "If-Match names an older revision; the body's current_revision is the one to edit" },
  428: { description: "If-Match is missing" },
} as const;

/** For the writes without a body, whose only other 400 is the X-Change-Message header (changeMessage). */
const changeMessageResponse = {
  400: { description: "X-Change-Message is not valid percent-encoding, or longer than 500 characters" },
} as const;

/** The record as GET answers it, with its revision as ETag. */
async function recordResponse(c: Context<AppEnv>, slug: string, revision: RevisionMeta, status: 200 | 201) {
  const row = await findCaseStudy(c.env.DB, slug);
  if (!row) throw new Error(`recordResponse: ${slug} is not live after its write`);
  c.header("etag", etagOf(revision.revision));
  if (status === 201) c.header("location", `/api/v1/case-studies/${slug}`);
  return c.json(toCaseStudyJson(row), status);
}

function metaJson(meta: RevisionMeta) {
  return {
    revision: meta.revision,
    action: meta.action,
    author: meta.author,
    message: meta.message,
    restored_from: meta.restored_from,
    created_at: meta.created_at,
    url: revisionPath(meta.slug, meta.revision),
  };
}

export const writeApiRoutes = [
  defineRoute({
    method: "post",
    path: "/api/v1/case-studies",
    tag: TAG,
    summary: "Create a case study",
    description:
      "The body is a record of the data contract. Answers the record as GET does, with its first revision as ETag. X-Change-Message (optional, percent-encoded outside ASCII) is kept with the revision.",
    auth: "write",
    body: recordBody,
    responses: {
      201: { description: "Created; Location is its address and ETag its revision", schema: caseStudyResponseSchema },
      500: ifMatchResponses[500],
      409: { description: "A record with this slug exists, or existed and was withdrawn (restore it instead)" },
    },
    handler: async (c, input) => {
      const record = input.body;
      const current = await latestRevision(c.env.DB, record.slug);
      if (current?.action === "delete") {
        throw new ProblemError(
          409,
          `The slug '${record.slug}' belonged to a case study that was withdrawn; restore it from ${historyPath(record.slug)} instead, then edit it.`,
          [{ path: "slug", message: "belongs to a withdrawn case study" }],
          { extensions: { current_revision: current.revision, history: historyPath(record.slug) } },
        );
      }
      if (current) {
        throw new ProblemError(409, `A case study with the slug '${record.slug}' exists; edit it with PUT.`, [
          { path: "slug", message: "is taken" },
        ]);
      }
      const message = changeMessage(c);
      const revision = await commitWrite(c, record.slug, {
        kind: "upsert",
        record,
        origin: "api",
        revision: { author: holderLabel(input), base: 0, ...(message ? { message } : {}) },
      });
      return recordResponse(c, record.slug, revision, 201);
    },
  }),
  defineRoute({
    method: "put",
    path: "/api/v1/case-studies/{slug}",
    tag: TAG,
    summary: "Replace a case study",
    description:
      "The whole record, as GET returned it and then edited; If-Match must be the ETag GET answered. The slug cannot change.",
    auth: "write",
    params: slugParamsSchema,
    body: recordBody,
    responses: {
      200: { description: "Saved; ETag is the new revision", schema: caseStudyResponseSchema },
      404: { description: "No case study has this slug (create it with POST)" },
      410: { description: "The case study was withdrawn; restore it first" },
      ...ifMatchResponses,
    },
    handler: async (c, input) => {
      const { slug } = input.params;
      if (input.body.slug !== slug) {
        throw new ProblemError(400, `The body's slug must be '${slug}', the record's address: a slug cannot change.`, [
          { path: "slug", message: `must be '${slug}' (the address); a record cannot be renamed` },
        ]);
      }
      const base = checkIfMatch(c, slug, await liveRevision(c, slug));
      const message = changeMessage(c);
      const revision = await commitWrite(c, slug, {
        kind: "upsert",
        record: input.body,
        origin: "api",
        revision: { author: holderLabel(input), base, ...(message ? { message } : {}) },
      });
      return recordResponse(c, slug, revision, 200);
    },
  }),
  defineRoute({
    method: "delete",
    path: "/api/v1/case-studies/{slug}",
    tag: TAG,
    summary: "Withdraw a case study",
    description:
      "Leaves a tombstone: the record leaves search, lists and counts, GET answers 410, and its history keeps every revision, from which it can be restored. If-Match must be the current ETag.",
    auth: "write",
    params: slugParamsSchema,
    responses: {
      200: { description: "Withdrawn; the body names the tombstone's revision", schema: deletedSchema },
      404: { description: "No case study has this slug" },
      410: { description: "Already withdrawn" },
      ...changeMessageResponse,
      ...ifMatchResponses,
    },
    handler: async (c, input) => {
      const { slug } = input.params;
      const base = checkIfMatch(c, slug, await liveRevision(c, slug));
      const message = changeMessage(c);
      const revision = await commitWrite(c, slug, {
        kind: "delete",
        slug,
        revision: { author: holderLabel(input), base, ...(message ? { message } : {}) },
      });
      return c.json({ slug, ...metaJson(revision), history: historyPath(slug) });
    },
  }),
  defineRoute({
    method: "get",
    path: "/api/v1/case-studies/{slug}/revisions",
    tag: TAG,
    summary: "List the revisions of a case study",
    description:
      "Every create, edit, withdrawal and restore, oldest first; a withdrawn record's history stays readable.",
    params: slugParamsSchema,
    responses: {
      200: { description: "The revisions", schema: revisionListSchema },
      404: { description: "No case study ever had this slug" },
    },
    handler: async (c, { params }) => {
      const items = await listRevisions(c.env.DB, params.slug);
      const last = items.at(-1);
      if (!last) throw new ProblemError(404, `No case study has ever had the slug '${params.slug}'`);
      return c.json({
        slug: params.slug,
        current_revision: last.revision,
        withdrawn: last.action === "delete",
        history: historyPath(params.slug),
        items: items.map(metaJson),
      });
    },
  }),
  defineRoute({
    method: "get",
    path: "/api/v1/case-studies/{slug}/revisions/{n}",
    tag: TAG,
    summary: "Get one revision of a case study",
    description: "The full record as it became at revision n (for a withdrawal: as it was when withdrawn).",
    params: revisionParamsSchema,
    responses: {
      200: { description: "The revision", schema: revisionSchema },
      404: { description: "No such revision" },
    },
    handler: async (c, { params }) => {
      const found = await findRevision(c.env.DB, params.slug, params.n);
      if (!found) throw new ProblemError(404, `The case study '${params.slug}' has no revision ${params.n}`);
      return c.json({ slug: found.slug, ...metaJson(found), record: found.record });
    },
  }),
  defineRoute({
    method: "post",
    path: "/api/v1/case-studies/{slug}/revisions/{n}/restore",
    tag: TAG,
    summary: "Restore a revision of a case study",
    description:
      "Writes a new revision whose record is exactly revision n's, bringing a withdrawn record back (with its old id). If-Match must be the ETag of the latest revision (a withdrawn record's is in the 410 and the revision list).",
    auth: "write",
    params: revisionParamsSchema,
    responses: {
      200: { description: "Restored; ETag is the new revision", schema: caseStudyResponseSchema },
      404: { description: "No such revision" },
      409: { description: "Revision n is a withdrawal: there is no record in it to restore" },
      ...changeMessageResponse,
      ...ifMatchResponses,
    },
    handler: async (c, input) => {
      const { slug, n } = input.params;
      const [target, current] = await Promise.all([findRevision(c.env.DB, slug, n), latestRevision(c.env.DB, slug)]);
      if (!target || !current) throw new ProblemError(404, `The case study '${slug}' has no revision ${n}`);
      if (target.action === "delete") {
        throw new ProblemError(409, `Revision ${n} of '${slug}' is a withdrawal; restore a revision before it.`);
      }
      const base = checkIfMatch(c, slug, current);
      const message = changeMessage(c);
      const revision = await commitWrite(c, slug, {
        kind: "upsert",
        record: target.record,
        origin: "api",
        revision: { author: holderLabel(input), base, restoredFrom: n, ...(message ? { message } : {}) },
      });
      return recordResponse(c, slug, revision, 200);
    },
  }),
];

/** The write routes, mounted: the write Worker serves them (src/write-app.tsx). */
export const caseStudyWriteRoutes = mountRoutes(new Hono<AppEnv>(), writeApiRoutes);
