/**
 * Submissions in D1 (schema/0007): the one place their SQL lives. The contact columns are read only by
 * `findSubmission` and `listSubmissions`, which only the reviewer routes call.
 */
import type { CaseStudy } from "../domain/case-study";
import type { Contact } from "./check";

export type SubmissionStatus = "pending" | "accepted" | "rejected";

/** A stored submission as a reviewer sees it. */
export interface StoredSubmission {
  id: string;
  status: SubmissionStatus;
  slug: string;
  title: string;
  /** The record as it was sent; parsed as JSON, checked again when shown (the contract may have moved since). */
  record: unknown;
  contact: Contact;
  received_at: string;
  decided_at: string | null;
  decided_by: string | null;
  decision_reason: string | null;
  accepted_slug: string | null;
}

interface Row {
  id: string;
  status: SubmissionStatus;
  slug: string;
  title: string;
  record_json: string;
  contact_name: string;
  contact_email: string;
  contact_organisation: string | null;
  received_at: string;
  decided_at: string | null;
  decided_by: string | null;
  decision_reason: string | null;
  accepted_slug: string | null;
}

function mapRow(row: Row): StoredSubmission {
  return {
    id: row.id,
    status: row.status,
    slug: row.slug,
    title: row.title,
    record: JSON.parse(row.record_json),
    contact: {
      name: row.contact_name,
      email: row.contact_email,
      ...(row.contact_organisation ? { organisation: row.contact_organisation } : {}),
    },
    received_at: row.received_at,
    decided_at: row.decided_at,
    decided_by: row.decided_by,
    decision_reason: row.decision_reason,
    accepted_slug: row.accepted_slug,
  };
}

/** A new random submission id: 64 bits as 16 hex digits. */
export function newSubmissionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Stores a checked submission as pending. */
export async function insertSubmission(
  db: D1Database,
  id: string,
  record: CaseStudy,
  contact: Contact,
  receivedAt: string,
): Promise<void> {
  await db
    .prepare(
      `INSERT INTO submissions (id, status, slug, title, record_json, contact_name, contact_email, contact_organisation, received_at)
VALUES (?1, 'pending', ?2, ?3, ?4, ?5, ?6, ?7, ?8)`,
    )
    .bind(
      id,
      record.slug,
      record.title,
      JSON.stringify(record),
      contact.name,
      contact.email,
      contact.organisation ?? null,
      receivedAt,
    )
    .run();
}

const COLUMNS =
  "id, status, slug, title, record_json, contact_name, contact_email, contact_organisation, received_at, decided_at, decided_by, decision_reason, accepted_slug";

/** One submission by id, or null. */
export async function findSubmission(db: D1Database, id: string): Promise<StoredSubmission | null> {
  const row = await db.prepare(`SELECT ${COLUMNS} FROM submissions WHERE id = ?1`).bind(id).first<Row>();
  return row ? mapRow(row) : null;
}

/** Submissions of one status, oldest first (a queue), at most `limit`. */
export async function listSubmissions(
  db: D1Database,
  status: SubmissionStatus,
  limit: number,
): Promise<StoredSubmission[]> {
  const { results } = await db
    .prepare(`SELECT ${COLUMNS} FROM submissions WHERE status = ?1 ORDER BY received_at, id LIMIT ?2`)
    .bind(status, limit)
    .all<Row>();
  return results.map(mapRow);
}

/** The statement that records a decision, only while the submission is still pending (0 rows changed otherwise). */
export function decideStatement(
  id: string,
  decision: { status: "accepted" | "rejected"; at: string; by: string; reason: string | null; slug: string | null },
) {
  return {
    sql: `UPDATE submissions SET status = ?2, decided_at = ?3, decided_by = ?4, decision_reason = ?5, accepted_slug = ?6
WHERE id = ?1 AND status = 'pending'`,
    params: [id, decision.status, decision.at, decision.by, decision.reason, decision.slug],
  };
}
