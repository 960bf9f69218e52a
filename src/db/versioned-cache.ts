/**
 * Values this isolate has already computed, for the data version they were computed from: the search's results
 * (src/search/run.ts) and the HTTP cache's answers (src/http/caching.ts).
 *
 * Why: what is computed from the data is a pure function of it, and the database keeps a version that every write
 * moves (schema/0005_data_version.sql), so a value can be reused as long as the version it was computed from is
 * current. Checking that is one one-row read, as cheap as a health check; a value is never given for data it was not
 * computed from.
 *
 * Bounded by entries and by an estimate of their size, evicting the least recently used. Per isolate: nothing is
 * shared across requests but plain data (never a promise or another request's I/O object, which workerd forbids).
 */

export interface CacheLimits {
  maxEntries: number;
  /** Upper bound on the sum of the entries' estimated sizes (characters or bytes of what they hold). */
  maxSize: number;
}

interface Entry<T> {
  value: T;
  size: number;
}

/**
 * Values of one data version at a time: a request that reads another version (after any write) empties the cache,
 * so nothing computed from other data is ever returned or kept.
 */
export class VersionedCache<T> {
  /** A Map iterates in insertion order; re-inserting on every hit keeps the least recently used first. */
  private readonly entries = new Map<string, Entry<T>>();
  private version: string | null = null;
  private size = 0;

  constructor(private readonly limits: CacheLimits) {}

  /** True when a value for `key` is held (for the version last seen, which the caller must still confirm). */
  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** The value for `key` if it was computed from `version`. */
  get(key: string, version: string): T | undefined {
    this.useVersion(version);
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, version: string, value: T, size: number): void {
    this.useVersion(version);
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.size -= old.size;
    }
    if (size > this.limits.maxSize) return;
    this.entries.set(key, { value, size });
    this.size += size;
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= this.limits.maxEntries && this.size <= this.limits.maxSize) break;
      this.entries.delete(oldest);
      this.size -= entry.size;
    }
  }

  get stats(): { version: string | null; entries: number; size: number } {
    return { version: this.version, entries: this.entries.size, size: this.size };
  }

  private useVersion(version: string): void {
    if (version === this.version) return;
    this.entries.clear();
    this.size = 0;
    this.version = version;
  }
}
