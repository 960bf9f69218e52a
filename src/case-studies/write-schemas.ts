/** Request and response schemas of writing case studies and reading their revisions. */
import * as z from "zod/mini";
import { caseStudySchema, slugSchema } from "../domain/case-study";
import { revisionActions } from "../records/revisions";

export const revisionParamsSchema = z.object({
  // A copy carries the description: slugSchema itself is shared.
  slug: slugSchema.clone().register(z.globalRegistry, { description: "The record's slug" }),
  n: z.coerce
    .number()
    .check(z.int(), z.gte(1), z.lte(1_000_000))
    .register(z.globalRegistry, { description: "The revision number, from 1" }),
});

export const revisionMetaSchema = z
  .object({
    revision: z
      .int()
      .register(z.globalRegistry, { description: "The revision number: 1 for the first, one more for every change" }),
    action: z
      .enum(revisionActions)
      .register(z.globalRegistry, { description: "What the change was; after a delete the record is withdrawn" }),
    author: z.string().register(z.globalRegistry, {
      description: 'The label of the token that made the change; "content" for the content files',
    }),
    message: z
      .nullable(z.string())
      .register(z.globalRegistry, { description: "The change message (X-Change-Message), if one was sent" }),
    restored_from: z
      .nullable(z.int())
      .register(z.globalRegistry, { description: "For a restore: the revision whose record it brought back" }),
    created_at: z.string().register(z.globalRegistry, { description: "When the change was written (ISO 8601, UTC)" }),
    url: z.string().register(z.globalRegistry, { description: "The address of this revision in the API" }),
  })
  .register(z.globalRegistry, { id: "RevisionMeta" });

export const revisionListSchema = z
  .object({
    slug: z.string(),
    current_revision: z
      .int()
      .register(z.globalRegistry, { description: "The latest revision: the ETag of the record, or its withdrawal" }),
    withdrawn: z.boolean().register(z.globalRegistry, { description: "True when the latest revision is a delete" }),
    history: z.string().register(z.globalRegistry, {
      description: "The history page, with a field-by-field comparison of any two revisions",
    }),
    items: z.array(revisionMetaSchema).register(z.globalRegistry, { description: "Every revision, oldest first" }),
  })
  .register(z.globalRegistry, { id: "RevisionList" });

export const revisionSchema = z
  .object({
    ...revisionMetaSchema.shape,
    slug: z.string(),
    // A copy carries the description: caseStudySchema itself is shared.
    record: caseStudySchema.clone().register(z.globalRegistry, {
      description: "The full record as it became (for a delete: as it was when withdrawn)",
    }),
  })
  .register(z.globalRegistry, { id: "Revision" });

/** DELETE answers with the tombstone's revision. */
export const deletedSchema = z
  .object({
    slug: z.string(),
    ...revisionMetaSchema.shape,
    history: z
      .string()
      .register(z.globalRegistry, { description: "The history page, from which the record can be restored" }),
  })
  .register(z.globalRegistry, { id: "Deleted" });
