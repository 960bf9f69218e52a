/**
 * A field-by-field comparison of two records: every leaf (a text, number, true/false or empty list) named by its
 * path in the field-error notation (`outcomes[2].value`), with its value on each side. Pure, so it is tested alone and
 * any page can show it.
 */
import { formatPath } from "./field-error";

/** One field that differs; a side is undefined where the field is absent. */
export interface FieldChange {
  path: string;
  before?: string;
  after?: string;
}

/** Every leaf of a JSON value by path, in document order; an empty object or list is a leaf of its own. */
export function flattenFields(value: unknown, path: (string | number)[] = [], out = new Map<string, string>()) {
  if (Array.isArray(value) && value.length > 0) {
    value.forEach((item, i) => {
      flattenFields(item, [...path, i], out);
    });
  } else if (value !== null && typeof value === "object" && Object.keys(value).length > 0) {
    for (const [key, item] of Object.entries(value)) flattenFields(item, [...path, key], out);
  } else if (value !== undefined) {
    out.set(formatPath(path), typeof value === "string" ? value : JSON.stringify(value));
  }
  return out;
}

/** The fields that differ between two records, in the order they appear (those only in `after` last). */
export function diffRecords(before: unknown, after: unknown): FieldChange[] {
  const a = flattenFields(before);
  const b = flattenFields(after);
  const changes: FieldChange[] = [];
  for (const [path, value] of a) {
    const other = b.get(path);
    if (other !== value) changes.push({ path, before: value, ...(other === undefined ? {} : { after: other }) });
  }
  for (const [path, value] of b) if (!a.has(path)) changes.push({ path, after: value });
  return changes;
}
