/** Receiving a checked submission: the one step the API and the form share after the check. */
import type { CheckedSubmission } from "./check";
import { insertSubmission, newSubmissionId } from "./queries";
import { NEXT_STEP, type Receipt } from "./schemas";

/**
 * Stores a submission as pending and returns the receipt. A trapped one (the honeypot was filled) gets a receipt of
 * the same shape with a fresh random id and is stored nowhere.
 */
export async function receiveSubmission(db: D1Database, submission: CheckedSubmission): Promise<Receipt> {
  const id = newSubmissionId();
  const receivedAt = new Date().toISOString();
  if (!submission.trap) await insertSubmission(db, id, submission.record, submission.contact, receivedAt);
  const title = submission.trap ? submission.title : submission.record.title;
  return { id, status: "pending", received_at: receivedAt, title, next: NEXT_STEP };
}
