// If-None-Match and entity tags as RFC 9110 states them (§8.8.3 weak comparison, §13.1.2 If-None-Match).
import { describe, expect, it } from "vitest";
import { asksForFresh, bodyEtag, ifNoneMatchMatches } from "../../../src/http/conditional";

describe("If-None-Match", () => {
  it("matches the same tag, weak or strong on either side, anywhere in a list", () => {
    expect(ifNoneMatchMatches('"abc"', '"abc"')).toBe(true);
    expect(ifNoneMatchMatches('W/"abc"', '"abc"')).toBe(true);
    expect(ifNoneMatchMatches('"abc"', 'W/"abc"')).toBe(true);
    expect(ifNoneMatchMatches('"x", W/"y", "abc"', '"abc"')).toBe(true);
    // A comma is a legal character inside a tag: the list is read tag by tag, not split on commas.
    expect(ifNoneMatchMatches('"a,b"', '"a,b"')).toBe(true);
    expect(ifNoneMatchMatches('"a,b"', '"a"')).toBe(false);
  });

  it("matches * whenever there is a current representation", () => {
    expect(ifNoneMatchMatches("*", '"abc"')).toBe(true);
    expect(ifNoneMatchMatches(" * ", 'W/"r1"')).toBe(true);
    expect(ifNoneMatchMatches("*", null)).toBe(false);
  });

  it("does not match another tag, a prefix, an unquoted value or nothing", () => {
    expect(ifNoneMatchMatches('"abd"', '"abc"')).toBe(false);
    expect(ifNoneMatchMatches('"ab"', '"abc"')).toBe(false);
    expect(ifNoneMatchMatches("abc", '"abc"')).toBe(false);
    expect(ifNoneMatchMatches("", '"abc"')).toBe(false);
    expect(ifNoneMatchMatches(null, '"abc"')).toBe(false);
  });
});

describe("body ETag", () => {
  it("is strong, equal for equal bytes and different for a changed byte", async () => {
    const a = await bodyEtag(new TextEncoder().encode("<p>one</p>").buffer as ArrayBuffer);
    const same = await bodyEtag(new TextEncoder().encode("<p>one</p>").buffer as ArrayBuffer);
    const other = await bodyEtag(new TextEncoder().encode("<p>onE</p>").buffer as ArrayBuffer);
    expect(a).toMatch(/^"[A-Za-z0-9_-]{22}"$/);
    expect(same).toBe(a);
    expect(other).not.toBe(a);
  });
});

describe("a request asking for a fresh answer", () => {
  it("is no-cache, no-store, max-age=0 or Pragma: no-cache", () => {
    for (const headers of <Record<string, string>[]>[
      { "cache-control": "no-cache" },
      { "cache-control": "max-age=0" },
      { "cache-control": "private, no-store" },
      { pragma: "no-cache" },
    ]) {
      expect(asksForFresh(new Headers(headers)), JSON.stringify(headers)).toBe(true);
    }
    expect(asksForFresh(new Headers({ "cache-control": "max-age=60" }))).toBe(false);
    expect(asksForFresh(new Headers({ "cache-control": "max-age=00x" }))).toBe(false);
    expect(asksForFresh(new Headers())).toBe(false);
  });
});
