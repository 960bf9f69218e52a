/**
 * Keyset cursors: the sort and the sort key of the last hit on a page, as opaque base64url JSON. Resuming "strictly
 * after this key" in an order that ends with the id never repeats or skips a record, even when records are added
 * between pages (an offset would shift).
 */
import { type CursorKey, KIND_KEYS, ORDER_KEYS, type Sort } from "./model";

const KIND_KEY_VALUES: readonly unknown[] = Object.values(KIND_KEYS);

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(
      Uint8Array.from(binary, (c) => c.charCodeAt(0)),
    );
  } catch {
    return null;
  }
}

export function encodeCursor(sort: Sort, key: CursorKey): string {
  return toBase64Url(JSON.stringify([sort, ...key]));
}

/** The key to resume after, or null when the cursor is malformed or was made for another sort. */
export function decodeCursor(cursor: string, sort: Sort): CursorKey | null {
  const json = fromBase64Url(cursor);
  if (json === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (!Array.isArray(value) || value[0] !== sort) return null;
  const key = value.slice(1);
  const columns: readonly string[] = ORDER_KEYS[sort];
  if (key.length !== columns.length) return null;
  const ok = key.every((v, i) => {
    if (columns[i] === "t") return KIND_KEY_VALUES.includes(v);
    if (columns[i] === "id" || columns[i] === "g") return Number.isSafeInteger(v);
    return v === null || (typeof v === "number" && Number.isFinite(v));
  });
  return ok ? (key as CursorKey) : null;
}
