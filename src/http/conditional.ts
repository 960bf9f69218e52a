/**
 * Entity tags and `If-None-Match` (RFC 9110 §8.8.3, §13.1.2), pure so unit tests can hold them to the RFC.
 */

/** An entity tag as sent: `"abc"` or `W/"abc"`. */
const ENTITY_TAG = /(W\/)?"([^"]*)"/g;

/** The opaque part of each entity tag in a header value (`W/` dropped: If-None-Match compares weakly). */
function opaqueTags(value: string): string[] {
  return [...value.matchAll(ENTITY_TAG)].map((match) => match[2] as string);
}

/**
 * True when `If-None-Match` matches the current entity tag: `*` matches any current representation, otherwise any
 * listed tag whose opaque part equals the current one's, weak or strong alike (weak comparison, §8.8.3.2).
 */
export function ifNoneMatchMatches(ifNoneMatch: string | null | undefined, etag: string | null): boolean {
  if (!ifNoneMatch || !etag) return false;
  if (ifNoneMatch.trim() === "*") return true;
  const current = opaqueTags(etag)[0];
  return current !== undefined && opaqueTags(ifNoneMatch).includes(current);
}

function base64url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/**
 * A strong entity tag for exactly these bytes: the first 128 bits of their SHA-256 (native in workerd, well under a
 * millisecond for a page), so equal bodies share a tag and any change in a byte gives another.
 */
export async function bodyEtag(body: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", body));
  return `"${base64url(digest.subarray(0, 16))}"`;
}

/** True when a request asks for an answer not served from a cache (`no-cache`, `no-store`, `max-age=0`, Pragma). */
export function asksForFresh(headers: Headers): boolean {
  const control = headers.get("cache-control") ?? "";
  return (
    /(^|,)\s*(no-cache|no-store|max-age=0)\s*(,|$)/i.test(control) || /no-cache/i.test(headers.get("pragma") ?? "")
  );
}

/** True when a request forbids storing its answer (`Cache-Control: no-store`). */
export function forbidsStoring(headers: Headers): boolean {
  return /(^|,)\s*no-store\s*(,|$)/i.test(headers.get("cache-control") ?? "");
}
