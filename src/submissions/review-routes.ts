/**
 * Reviewing submissions (a `review` token): the queue, one submission with its record checked again and previewed,
 * accept (a draft case study through the one write path, with a first revision naming the submission, and the
 * decision, in one batch) and reject with a reason. The only routes that read the contact details.
 */
import { type Context, Hono } from "hono";
import * as z from "zod/mini";
import { runBatch } from "../db/statements";
import { slugSchema } from "../domain/case-study";
import { deriveFields } from "../domain/derive";
import type { AppEnv } from "../env";
import { authResponses } from "../http/auth";
import { ProblemError } from "../http/problem";
import { defineRoute, holderLabel, mountRoutes } from "../http/route";
import { findCaseStudy } from "../records/read";
import { currentRevision } from "../records/revisions";
import { writeStatements } from "../records/write-path";
import { checkProposedRecord, contactSchema } from "./check";
import { decideStatement, findSubmission, listSubmissions, type StoredSubmission } from "./queries";

const statuses = ["pending", "accepted", "rejected"] as const;

const submissionSchema = z
  .object({
    id: z.string(),
    status: z.enum(statuses),
    slug: z.string().register(z.globalRegistry, { description: "The slug the record was proposed with" }),
    title: z.string(),
    received_at: z.string(),
    contact: contactSchema,
    decided_at: z.nullable(z.string()),
    decided_by: z.nullable(z.string()).register(z.globalRegistry, { description: "The review token's label" }),
    decision_reason: z.nullable(z.string()),
    accepted_slug: z
      .nullable(z.string())
      .register(z.globalRegistry, { description: "Where the draft was created, once accepted" }),
  })
  .register(z.globalRegistry, { id: "StoredSubmission" });

const fieldErrorSchema = z.object({ path: z.string(), message: z.string() });

const submissionDetailSchema = z
  .object({
    submission: submissionSchema,
    case_study: z
      .unknown()
      .register(z.globalRegistry, { description: "The proposed record, as it was sent and checked" }),
    validation: z.object({ ok: z.boolean(), errors: z.array(fieldErrorSchema) }).register(z.globalRegistry, {
      description: "The contract's check of the record now (the rules may have changed since it was sent)",
    }),
    slug_available: z.boolean().register(z.globalRegistry, {
      description: "False when a record (or a withdrawn one's history) already has the slug",
    }),
    preview: z
      .nullable(z.object({ evidence_grade: z.string(), evidence_grade_reason: z.string(), body_html: z.string() }))
      .register(z.globalRegistry, { description: "What the record would derive, when it is valid" }),
  })
  .register(z.globalRegistry, { id: "SubmissionDetail" });

const idParams = z.object({
  id: z.string().check(z.regex(/^[0-9a-f]{16}$/, "must be a submission reference (16 hex digits)")),
});

function summary(s: StoredSubmission): z.output<typeof submissionSchema> {
  const { record: _record, ...rest } = s;
  return rest;
}

async function pending(c: Context<AppEnv>, id: string): Promise<StoredSubmission> {
  const found = await findSubmission(c.env.DB, id);
  if (!found) throw new ProblemError(404, `No submission has the reference '${id}'`);
  if (found.status !== "pending") {
    throw new ProblemError(409, `Submission '${id}' was already ${found.status} on ${found.decided_at?.slice(0, 10)}`);
  }
  return found;
}

async function slugTaken(db: D1Database, slug: string): Promise<boolean> {
  return Boolean((await findCaseStudy(db, slug)) ?? (await currentRevision(db, slug)));
}

const TAG = "Submissions (review)";

export const reviewApiRoutes = [
  defineRoute({
    method: "get",
    path: "/api/v1/submissions",
    tag: TAG,
    summary: "List submissions (review token)",
    description: "Oldest first, so the queue is worked in order. Needs a token with the `review` scope.",
    query: {
      schema: z.strictObject({
        status: z._default(z.enum(statuses), "pending"),
        limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(200)), 50),
      }),
    },
    auth: "review",
    responses: {
      200: { description: "Submissions of that status", schema: z.object({ items: z.array(submissionSchema) }) },
      ...authResponses,
    },
    handler: async (c, { query }) => {
      const items = await listSubmissions(c.env.DB, query.status, query.limit);
      return c.json({ items: items.map(summary) });
    },
  }),
  defineRoute({
    method: "get",
    path: "/api/v1/submissions/{id}",
    tag: TAG,
    summary: "One submission, checked and previewed (review token)",
    params: idParams,
    auth: "review",
    responses: {
      200: { description: "The submission", schema: submissionDetailSchema },
      404: { description: "No submission has this reference" },
      ...authResponses,
    },
    handler: async (c, { params }) => {
      const found = await findSubmission(c.env.DB, params.id);
      if (!found) throw new ProblemError(404, `No submission has the reference '${params.id}'`);
      const checked = checkProposedRecord(found.record);
      const derived = checked.ok ? deriveFields(checked.value) : null;
      return c.json({
        submission: summary(found),
        case_study: found.record,
        validation: { ok: checked.ok, errors: checked.ok ? [] : checked.errors },
        slug_available: !(await slugTaken(c.env.DB, found.slug)),
        preview: derived
          ? { evidence_grade: derived.grade, evidence_grade_reason: derived.grade_reason, body_html: derived.body_html }
          : null,
      });
    },
  }),
  defineRoute({
    method: "post",
    path: "/api/v1/submissions/{id}/accept",
    tag: TAG,
    summary: "Accept: create a draft case study (review token)",
    description:
      "Creates the record as a draft through the one write path, with revision 1 naming the submission and the reviewer, and marks the submission accepted, in one batch. `slug` gives the draft another address when the proposed one is taken.",
    params: idParams,
    auth: "review",
    body: z.strictObject({
      slug: z.optional(slugSchema),
      message: z.optional(z.string().check(z.minLength(1), z.maxLength(500))),
    }),
    responses: {
      201: {
        description: "The draft was created",
        schema: z.object({ submission: submissionSchema, case_study: z.object({ slug: z.string(), url: z.string() }) }),
      },
      404: { description: "No submission has this reference" },
      409: {
        description:
          "Already decided, a record already has the slug, or the proposed record no longer passes the contract's check (each field named)",
      },
      ...authResponses,
    },
    handler: async (c, input) => {
      const { params, body } = input;
      const author = holderLabel(input);
      const found = await pending(c, params.id);
      const checked = checkProposedRecord(found.record);
      if (!checked.ok) {
        throw new ProblemError(409, "The proposed record does not pass the contract's check", checked.errors);
      }
      const slug = body.slug ?? found.slug;
      if (await slugTaken(c.env.DB, slug)) {
        throw new ProblemError(409, `A record already has the slug '${slug}': accept with another "slug"`, [
          { path: "slug", message: "is taken" },
        ]);
      }
      const at = new Date().toISOString();
      const message = `Accepted from submission ${found.id}${body.message ? `: ${body.message}` : ""}`;
      const record = { ...checked.value, slug, status: "draft" as const };
      await runBatch(c.env.DB, [
        ...writeStatements([{ kind: "upsert", record, origin: "api", revision: { author, message, base: 0 } }], at),
        decideStatement(found.id, { status: "accepted", at, by: author, reason: body.message ?? null, slug }),
      ]);
      const after = await findSubmission(c.env.DB, found.id);
      const origin = new URL(c.req.url).origin;
      return c.json(
        {
          submission: summary(after ?? found),
          case_study: { slug, url: `${origin}/api/v1/case-studies/${slug}` },
        },
        201,
      );
    },
  }),
  defineRoute({
    method: "post",
    path: "/api/v1/submissions/{id}/reject",
    tag: TAG,
    summary: "Reject with a reason (review token)",
    params: idParams,
    auth: "review",
    body: z.strictObject({
      reason: z.string().check(z.trim(), z.minLength(1, "is required: say why"), z.maxLength(1000)),
    }),
    responses: {
      200: { description: "Rejected", schema: z.object({ submission: submissionSchema }) },
      404: { description: "No submission has this reference" },
      409: { description: "Already decided" },
      ...authResponses,
    },
    handler: async (c, input) => {
      const { params, body } = input;
      const author = holderLabel(input);
      const found = await pending(c, params.id);
      const at = new Date().toISOString();
      await runBatch(c.env.DB, [
        decideStatement(found.id, { status: "rejected", at, by: author, reason: body.reason, slug: null }),
      ]);
      const after = await findSubmission(c.env.DB, found.id);
      return c.json({ submission: summary(after ?? found) });
    },
  }),
];

/** The reviewer routes, mounted: the write Worker serves them (src/write-app.tsx). */
export const reviewRoutes = mountRoutes(new Hono<AppEnv>(), reviewApiRoutes);
