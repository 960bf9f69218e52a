/**
 * The one validation of a submission, shared by the API and the /submit form (so both name the same fields with the
 * same words): the proposed case study is the contract's record, checked by the contract's own parser, with one
 * rule of its own (a submission is always a draft); the contact details are checked beside it.
 */
import * as z from "zod/mini";
import "../domain/zod-locale";
import { type CaseStudy, caseStudySchema, parseCaseStudy } from "../domain/case-study";
import { type FieldError, formatPath, ROOT_PATH, toFieldErrors } from "../domain/field-error";
import type { Checked } from "../http/validate";

/** Field lengths of the contact details; the body as a whole is capped at 64 KiB before any of this runs. */
export const CONTACT_LIMITS = { name: 200, email: 254, organisation: 200 } as const;

export const contactSchema = z
  .strictObject({
    name: z.string().check(z.trim(), z.minLength(1, "is required"), z.maxLength(CONTACT_LIMITS.name)),
    email: z
      .string()
      .check(
        z.trim(),
        z.maxLength(CONTACT_LIMITS.email),
        z.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, "must be an email address such as name@example.org"),
      ),
    organisation: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(CONTACT_LIMITS.organisation))),
  })
  .register(z.globalRegistry, {
    id: "SubmissionContact",
    description: "Who to ask about the submission. Seen only by reviewers; never shown or returned by a public route.",
  });

export type Contact = z.output<typeof contactSchema>;

/** The honeypot's name: a field people never see; a filled one marks a bot (answered as accepted, stored nowhere). */
export const HONEYPOT = "website";

/** What POST /api/v1/submissions takes, as documented (the check below is the engine that applies it). */
export const submissionBodySchema = z
  .strictObject({
    // A copy carries the description: caseStudySchema itself is shared.
    case_study: caseStudySchema.clone().register(z.globalRegistry, {
      description: "The proposed record in the contract's shape. `status` may be left out: a submission is a draft.",
    }),
    contact: contactSchema,
    [HONEYPOT]: z.optional(z.string().check(z.maxLength(500))).register(z.globalRegistry, {
      description:
        "Leave this out. It is a trap for bots: a submission that fills it is answered as received and discarded.",
    }),
  })
  .register(z.globalRegistry, { id: "Submission" });

/**
 * A submission that passed the check, or one that filled the honeypot (`trap`): that one is answered as received
 * whatever else it holds, so a bot learns nothing from the answer, and it is stored nowhere.
 */
export type CheckedSubmission = { trap: false; record: CaseStudy; contact: Contact } | { trap: true; title: string };

/** True when the honeypot holds anything. */
export function fillsHoneypot(raw: unknown): boolean {
  return isObject(raw) && raw[HONEYPOT] !== undefined && raw[HONEYPOT] !== "";
}

function prefixed(prefix: string, errors: readonly FieldError[]): FieldError[] {
  return errors.map((e) => ({ path: e.path === ROOT_PATH ? prefix : `${prefix}.${e.path}`, message: e.message }));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * Checks a proposed record: the contract's rules, then the submission's own (status is draft; left out, it is
 * draft). Returns every error, at paths relative to the record. Reviewers see the same check's result.
 */
export function checkProposedRecord(raw: unknown): Checked<CaseStudy> {
  const candidate = isObject(raw) && !("status" in raw) ? { ...raw, status: "draft" } : raw;
  const parsed = parseCaseStudy(candidate);
  const errors: FieldError[] = parsed.ok ? [] : [...parsed.errors];
  if (isObject(candidate) && candidate.status !== undefined && candidate.status !== "draft") {
    if (!errors.some((e) => e.path === "status")) {
      errors.push({ path: "status", message: "must be 'draft' (or left out): a reviewer decides what is published" });
    }
  }
  if (errors.length || !parsed.ok) return { ok: false, errors };
  return { ok: true, value: parsed.record };
}

/** Checks a submission body; every bad field is named by its path (`case_study.outcomes[0].value`, `contact.email`). */
export function checkSubmission(raw: unknown): Checked<CheckedSubmission> {
  if (!isObject(raw)) return { ok: false, errors: [{ path: ROOT_PATH, message: "must be a JSON object" }] };
  if (fillsHoneypot(raw)) {
    const title = isObject(raw.case_study) ? raw.case_study.title : undefined;
    return { ok: true, value: { trap: true, title: typeof title === "string" ? title.slice(0, 200) : "" } };
  }
  const errors: FieldError[] = [];
  for (const key of Object.keys(raw)) {
    if (key !== "case_study" && key !== "contact" && key !== HONEYPOT) {
      errors.push({ path: formatPath([key]), message: "unknown field" });
    }
  }
  const record = raw.case_study === undefined ? undefined : checkProposedRecord(raw.case_study);
  if (!record) errors.push({ path: "case_study", message: "is required" });
  else if (!record.ok) errors.push(...prefixed("case_study", record.errors));
  const contact = raw.contact === undefined ? undefined : contactSchema.safeParse(raw.contact);
  if (!contact) errors.push({ path: "contact", message: "is required" });
  else if (!contact.success) errors.push(...prefixed("contact", toFieldErrors(contact.error.issues)));
  if (errors.length || !record?.ok || !contact?.success) return { ok: false, errors };
  return { ok: true, value: { trap: false, record: record.value, contact: contact.data } };
}
