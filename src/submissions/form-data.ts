/**
 * Reading the /submit form: the posted text as the user typed it (kept, to show the form again), and the same text
 * as a submission body for the one check. Empty fields are left out, so the check says "is required" exactly where
 * the API would; text that is not a number stays text, so the check names it as the API would name it.
 */
import type { FieldError } from "../domain/field-error";
import { HONEYPOT } from "./check";
import {
  allSections,
  type FieldKind,
  type FormField,
  type FormSection,
  outcomeRows,
  type RowGroup,
  sourceRows,
} from "./form-model";

export const ROW_GROUPS: readonly RowGroup[] = [outcomeRows, sourceRows];

/** What the user did: send the submission, or ask for one more row of a group (which only shows the form again). */
export type FormAction = "submit" | `add-${RowGroup["key"]}`;

/** The form as posted: every value by input name, how many rows each group showed, and the button pressed. */
export interface FormState {
  values: ReadonlyMap<string, readonly string[]>;
  rows: Record<RowGroup["key"], number>;
  action: FormAction;
}

/** An empty form, with each field's initial value. */
export function emptyForm(): FormState {
  const values = new Map<string, string[]>();
  for (const section of allSections) {
    for (const field of section.fields) {
      if (field.initial !== undefined) values.set(`${section.prefix}.${field.key}`, [field.initial]);
    }
  }
  return { values, rows: { outcomes: outcomeRows.initialRows, sources: sourceRows.initialRows }, action: "submit" };
}

function rowCount(params: URLSearchParams, group: RowGroup): number {
  const count = Number(params.get(`${group.key}_rows`));
  const shown = Number.isInteger(count) && count >= 1 ? count : group.initialRows;
  return Math.min(shown, group.maxRows);
}

/** Reads the posted form (application/x-www-form-urlencoded). */
export function readForm(params: URLSearchParams): FormState {
  const values = new Map<string, string[]>();
  for (const [name, value] of params) values.set(name, [...(values.get(name) ?? []), value]);
  const rows = { outcomes: rowCount(params, outcomeRows), sources: rowCount(params, sourceRows) };
  const pressed = params.get("action");
  const group = ROW_GROUPS.find((g) => pressed === `add-${g.key}`);
  if (group && rows[group.key] < group.maxRows) rows[group.key] += 1;
  return { values, rows, action: group ? `add-${group.key}` : "submit" };
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** One field's posted text as JSON, or undefined when it was left empty. */
function fieldValue(kind: FieldKind, texts: readonly string[]): unknown {
  if (kind === "checkboxes") return [...texts];
  const text = (texts[texts.length - 1] ?? "").trim();
  if (text === "") return undefined;
  switch (kind) {
    case "number":
    case "integer":
      return NUMBER.test(text) ? Number(text) : text;
    case "lines":
      return text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean);
    case "commas":
      return text
        .split(",")
        .map((item) => item.trim())
        .filter(Boolean);
    default:
      return text;
  }
}

/** Sets `a.b.c` on an object, creating the objects between. */
function setPath(target: Record<string, unknown>, key: string, value: unknown): void {
  const parts = key.split(".");
  let node = target;
  for (const part of parts.slice(0, -1)) {
    node[part] ??= {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1] as string] = value;
}

/** Reads a group of fields into `target`; true when any of them was filled (a row with none is left out). */
function readFields(
  values: FormState["values"],
  prefix: string,
  fields: readonly FormField[],
  target: Record<string, unknown>,
): boolean {
  let filled = false;
  for (const field of fields) {
    const value = fieldValue(field.kind, values.get(`${prefix}.${field.key}`) ?? []);
    if (value === undefined) continue;
    if (Array.isArray(value) && value.length === 0) {
      // No box ticked: sent as an empty list, so the check says the list needs at least one value.
      setPath(target, field.key, value);
      continue;
    }
    filled = true;
    setPath(target, field.key, value);
  }
  return filled;
}

/** The submission body the form describes, and which form row each sent row came from (empty rows are left out). */
export interface FormSubmission {
  body: Record<string, unknown>;
  rowOf: Record<RowGroup["key"], number[]>;
}

export function formSubmission(state: FormState): FormSubmission {
  const parts: Record<FormSection["prefix"], Record<string, unknown>> = { case_study: {}, contact: {} };
  // Period fields left empty leave no period at all (the contract: omit it when the source gives no dates).
  for (const section of allSections) readFields(state.values, section.prefix, section.fields, parts[section.prefix]);
  const rowOf: FormSubmission["rowOf"] = { outcomes: [], sources: [] };
  for (const group of ROW_GROUPS) {
    const items: Record<string, unknown>[] = [];
    for (let i = 0; i < state.rows[group.key]; i++) {
      const item: Record<string, unknown> = {};
      if (!readFields(state.values, `case_study.${group.key}[${i}]`, group.fields, item)) continue;
      items.push(item);
      rowOf[group.key].push(i);
    }
    parts.case_study[group.key] = items;
  }
  const body: Record<string, unknown> = { case_study: parts.case_study, contact: parts.contact };
  const trap = state.values.get(HONEYPOT)?.at(-1);
  if (trap) body[HONEYPOT] = trap;
  return { body, rowOf };
}

const ROW_PATH = /^case_study\.(outcomes|sources)\[(\d+)\](.*)$/;

/** The check's errors with row numbers as the form shows them (the check numbers only the rows that were sent). */
export function formErrors(errors: readonly FieldError[], rowOf: FormSubmission["rowOf"]): FieldError[] {
  return errors.map((error) => {
    const match = ROW_PATH.exec(error.path);
    if (!match) return error;
    const group = match[1] as RowGroup["key"];
    const row = rowOf[group][Number(match[2])];
    return row === undefined ? error : { path: `case_study.${group}[${row}]${match[3]}`, message: error.message };
  });
}
