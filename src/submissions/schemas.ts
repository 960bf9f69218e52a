/** Response schemas of the submission API: validation, types and OpenAPI from one place. */
import * as z from "zod/mini";

/** What a submitter gets back: a reference and what happens next; never the contact details. */
export const receiptSchema = z
  .object({
    id: z.string().register(z.globalRegistry, { description: "The submission's reference" }),
    status: z.literal("pending"),
    received_at: z.string().register(z.globalRegistry, { description: "When it was received (ISO 8601)" }),
    title: z.string().register(z.globalRegistry, { description: "The proposed record's title, as received" }),
    next: z.string().register(z.globalRegistry, { description: "What happens next, in words" }),
  })
  .register(z.globalRegistry, { id: "SubmissionReceipt" });

export type Receipt = z.output<typeof receiptSchema>;

export const NEXT_STEP =
  "A reviewer will check the record against its sources. If it is accepted it becomes a draft case study; nothing is published until a reviewer publishes it.";
