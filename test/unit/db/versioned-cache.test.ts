import { describe, expect, it } from "vitest";
import { VersionedCache } from "../../../src/db/versioned-cache";

describe("VersionedCache", () => {
  it("returns a value only for the data version it was stored with", () => {
    const cache = new VersionedCache<string>({ maxEntries: 10, maxSize: 1000 });
    cache.set("q=a", "v1", "answer", 6);
    expect(cache.has("q=a")).toBe(true);
    expect(cache.get("q=a", "v1")).toBe("answer");
    expect(cache.get("q=a", "v2")).toBeUndefined();
    // Seeing another version empties the cache: nothing from v1 survives, even if v1 came back.
    expect(cache.has("q=a")).toBe(false);
    expect(cache.get("q=a", "v1")).toBeUndefined();
    expect(cache.stats).toEqual({ version: "v1", entries: 0, size: 0 });
  });

  it("evicts the least recently used entry beyond the entry limit", () => {
    const cache = new VersionedCache<number>({ maxEntries: 2, maxSize: 1000 });
    cache.set("a", "v", 1, 1);
    cache.set("b", "v", 2, 1);
    expect(cache.get("a", "v")).toBe(1); // a is now the most recently used
    cache.set("c", "v", 3, 1);
    expect(cache.has("b")).toBe(false);
    expect(cache.get("a", "v")).toBe(1);
    expect(cache.get("c", "v")).toBe(3);
    expect(cache.stats.entries).toBe(2);
  });

  it("evicts by size, and never keeps a single value larger than the whole budget", () => {
    const cache = new VersionedCache<string>({ maxEntries: 100, maxSize: 10 });
    cache.set("a", "v", "aaaa", 4);
    cache.set("b", "v", "bbbb", 4);
    cache.set("c", "v", "cccc", 4);
    expect(cache.has("a")).toBe(false);
    expect(cache.stats.size).toBe(8);
    cache.set("huge", "v", "x".repeat(11), 11);
    expect(cache.has("huge")).toBe(false);
    expect(cache.stats).toEqual({ version: "v", entries: 2, size: 8 });
  });

  it("replaces a key's value without counting its old size twice", () => {
    const cache = new VersionedCache<string>({ maxEntries: 10, maxSize: 10 });
    cache.set("a", "v", "old", 6);
    cache.set("a", "v", "new", 5);
    expect(cache.get("a", "v")).toBe("new");
    expect(cache.stats.size).toBe(5);
  });
});
