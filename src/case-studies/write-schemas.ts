/** Request and response schemas of writing case studies and reading their revisions. */
import * as z from "zod";
import { caseStudySchema, slugSchema } from "../domain/case-study";
import { revisionActions } from "../records/revisions";

export const revisionParamsSchema = z.object({
  slug: slugSchema.describe("The record's slug"),
  n: z.coerce.number().int().min(1).max(1_000_000).describe("The revision number, from 1"),
});

export const revisionMetaSchema = z
  .object({
    revision: z.int().describe("The revision number: 1 for the first, one more for every change"),
    action: z.enum(revisionActions).describe("What the change was; after a delete the record is withdrawn"),
    author: z.string().describe('The label of the token that made the change; "content" for the content files'),
    message: z.string().nullable().describe("The change message (X-Change-Message), if one was sent"),
    restored_from: z.int().nullable().describe("For a restore: the revision whose record it brought back"),
    created_at: z.string().describe("When the change was written (ISO 8601, UTC)"),
    url: z.string().describe("The address of this revision in the API"),
  })
  .meta({ id: "RevisionMeta" });

export const revisionListSchema = z
  .object({
    slug: z.string(),
    current_revision: z.int().describe("The latest revision: the ETag of the record, or its withdrawal"),
    withdrawn: z.boolean().describe("True when the latest revision is a delete"),
    history: z.string().describe("The history page, with a field-by-field comparison of any two revisions"),
    items: z.array(revisionMetaSchema).describe("Every revision, oldest first"),
  })
  .meta({ id: "RevisionList" });

export const revisionSchema = z
  .object({
    ...revisionMetaSchema.shape,
    slug: z.string(),
    record: caseStudySchema.describe("The full record as it became (for a delete: as it was when withdrawn)"),
  })
  .meta({ id: "Revision" });

/** DELETE answers with the tombstone's revision. */
export const deletedSchema = z
  .object({
    slug: z.string(),
    ...revisionMetaSchema.shape,
    history: z.string().describe("The history page, from which the record can be restored"),
  })
  .meta({ id: "Deleted" });
