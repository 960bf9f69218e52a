/**
 * Where each error of the one check shows on the /submit form: beside the input its path names, on the list or
 * row it belongs to, or (when it names nothing on the form) in the summary only; and a person's name for each path.
 */
import { type FieldError, ROOT_PATH } from "../domain/field-error";
import { ROW_GROUPS } from "./form-data";
import { allSections, type FormField, inputId } from "./form-model";

/** Errors by the name of the input (or group) they show beside; `form` for the rest. */
export type PlacedErrors = ReadonlyMap<string, readonly string[]>;

interface Known {
  label: string;
}

function knownNames(rows: Record<string, number>): Map<string, Known> {
  const names = new Map<string, Known>();
  for (const section of allSections) {
    for (const field of section.fields) names.set(`${section.prefix}.${field.key}`, { label: field.label });
  }
  for (const group of ROW_GROUPS) {
    names.set(`case_study.${group.key}`, { label: group.title });
    for (let i = 0; i < (rows[group.key] ?? 0); i++) {
      const row = `case_study.${group.key}[${i}]`;
      names.set(row, { label: `${group.itemTitle} ${i + 1}` });
      for (const field of group.fields as FormField[]) {
        names.set(`${row}.${field.key}`, { label: `${group.itemTitle} ${i + 1}: ${field.label}` });
      }
    }
  }
  return names;
}

/** The nearest name on the form that holds this path: itself, or the list, row or object it is inside. */
function hostOf(path: string, names: ReadonlyMap<string, Known>): string | null {
  let candidate = path;
  while (candidate !== "") {
    if (names.has(candidate)) return candidate;
    const cut = Math.max(candidate.lastIndexOf("."), candidate.lastIndexOf("["));
    if (cut <= 0) break;
    candidate = candidate.slice(0, cut);
  }
  return null;
}

/** One error as the summary lists it: a person's name for the field, the message, and where the link goes. */
export interface SummaryItem {
  label: string;
  message: string;
  href: string;
}

export interface ErrorPlacement {
  byHost: PlacedErrors;
  summary: SummaryItem[];
}

/** Places every error on the form; each one also appears once in the summary. */
export function placeErrors(errors: readonly FieldError[], rows: Record<string, number>): ErrorPlacement {
  const names = knownNames(rows);
  const byHost = new Map<string, string[]>();
  const summary: SummaryItem[] = [];
  for (const error of errors) {
    const host = error.path === ROOT_PATH ? null : hostOf(error.path, names);
    const key = host ?? "form";
    byHost.set(key, [...(byHost.get(key) ?? []), error.message]);
    const label = host ? (names.get(host)?.label ?? host) : error.path === ROOT_PATH ? "The form" : error.path;
    summary.push({ label, message: error.message, href: `#${host ? inputId(host) : "submit-form"}` });
  }
  return { byHost, summary };
}
