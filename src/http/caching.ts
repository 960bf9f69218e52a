/**
 * HTTP caching for every GET and HEAD the Worker answers, in one middleware:
 *
 * - `Cache-Control` by kind of response (CACHE_POLICIES), `Vary`, and a strong `ETag` (the body's SHA-256) on every
 *   2xx answer that has none of its own (a record's revision ETag, which writes name in If-Match, is kept);
 * - `304 Not Modified` when `If-None-Match` names the current ETag;
 * - the Workers Cache API (`caches.default`, one per data centre) in front of every public read, keyed on the data
 *   version and the deployed version, so an entry can never answer after a write changed the data or a deploy
 *   changed the markup: a hit costs one one-row D1 read and no rendering. A request that asks for a fresh answer
 *   (`no-cache`) is not looked up, so its version read travels with the route's first reads, in one round trip;
 * - in front of that, the isolate's memory (ISOLATE_ANSWERS): the answers it stored or found at the edge, under the
 *   same keys, so a repeated request costs the version read and no trip to the cache either.
 *
 * Errors are never stored (`no-store`, no ETag), nor is anything asked with a token or a cookie.
 */
import type { Context, MiddlewareHandler } from "hono";
import { type DataVersion, readDataVersion } from "../db/data-version";
import { VersionedCache } from "../db/versioned-cache";
import type { AppEnv } from "../env";
import { asksForFresh, bodyEtag, forbidsStoring, ifNoneMatchMatches } from "./conditional";

/**
 * What browsers (and any shared cache) may do with each kind of answer.
 *
 * - page: a minute in the browser, so going back and forth is instant, and a reader sees a write within a minute;
 *   after that a revalidation costs a 304 (one one-row read on an edge hit).
 * - api: revalidate every time: scripts and writers (GET, edit, PUT with If-Match) must see the current record, and
 *   the 304 makes that cheap.
 * - download: the same minute as the page that links it.
 * - private: asked with a token (a writer, a reviewer): never kept anywhere, so a writer always reads their own write.
 * - uncached: errors, the health check (it must reach D1 each time) and the streamed backup.
 */
export const CACHE_POLICIES = {
  page: "public, max-age=60",
  api: "public, max-age=0, must-revalidate",
  download: "public, max-age=60",
  private: "private, no-store",
  uncached: "no-store",
} as const;

/**
 * How long a data centre keeps an entry. Entries cannot go stale on data (the key names the version), but pages
 * state things relative to today (a review date older than 24 months is flagged), so none lives longer than a day.
 */
export const EDGE_TTL_SECONDS = 86_400;

/** Where the browser policy of an edge entry waits while the entry carries the edge's own Cache-Control. */
const BROWSER_POLICY_HEADER = "x-browser-cache-control";

/** When an edge entry was stored (milliseconds since 1970), so a copy held in memory ends when the entry does. */
const STORED_AT_HEADER = "x-edge-stored-at";

/** An answer as an isolate holds it: plain data (workerd forbids keeping one request's Response for another). */
interface HeldAnswer {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: ArrayBuffer;
  expires: number;
}

/** Bodies larger than this are left to the edge alone (exports of a whole result set), not held in memory. */
const ISOLATE_ANSWER_MAX_BYTES = 512 * 1024;

/**
 * Answers this isolate has stored at the edge or found there, by edge key, for the data version of their key: a hit
 * here is the version read and nothing else. The Cache API is a trip out of the isolate and back (to the data
 * centre's cache; in local dev to its own Durable Object and disk), which measured as much as the version read itself.
 * Bounded like the search's results (8 MB), per isolate, emptied by any write (VersionedCache).
 */
const ISOLATE_ANSWERS = new VersionedCache<HeldAnswer>({ maxEntries: 500, maxSize: 8 * 1024 * 1024 });

/** Synthetic origin of edge keys: never a real address, so no request can ask for a key directly. */
const EDGE_KEY_ORIGIN = "https://edge-cache.internal";

/** Reads never edge-cached: the health check is the benchmarks' floor and must reach D1; the backup is streamed. */
const NEVER_EDGE_CACHED = new Set(["/api/v1/health", "/api/v1/export"]);

/** Bodies read from D1 while they are sent: no tag can name them before they are complete. */
const STREAMED_TYPES = ["application/x-ndjson"];

/** Headers a 304 repeats from the answer it stands for (RFC 9110 §15.4.5), besides the security headers. */
const NOT_MODIFIED_HEADERS = ["etag", "cache-control", "vary", "content-location", "expires", "x-cache"];

/** The edge key: data version and deployed version as path segments, then the request's host, path and query. */
export function edgeKey(url: URL, dataVersion: string, buildId: string): string {
  return `${EDGE_KEY_ORIGIN}/${encodeURIComponent(dataVersion)}/${encodeURIComponent(buildId)}/${url.host}${url.pathname}${url.search}`;
}

/** The kind of a successful answer, by what the route set and what it is. */
function policyFor(path: string, request: Headers, res: Response): string {
  if (request.has("authorization")) return CACHE_POLICIES.private;
  if (NEVER_EDGE_CACHED.has(path) || isStreamed(res)) return CACHE_POLICIES.uncached;
  const own = res.headers.get("cache-control");
  if (own) return own;
  if (/^\s*attachment/i.test(res.headers.get("content-disposition") ?? "")) return CACHE_POLICIES.download;
  const type = res.headers.get("content-type") ?? "";
  if (path.startsWith("/api/") || /json/.test(type)) return CACHE_POLICIES.api;
  return CACHE_POLICIES.page;
}

function isStreamed(res: Response): boolean {
  const type = res.headers.get("content-type") ?? "";
  return STREAMED_TYPES.some((streamed) => type.startsWith(streamed));
}

function addVary(headers: Headers, names: readonly string[]): void {
  const present = (headers.get("vary") ?? "")
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  for (const name of names) {
    if (!present.some((p) => p.toLowerCase() === name.toLowerCase())) present.push(name);
  }
  headers.set("vary", present.join(", "));
}

/** Replaces the context's response whole (Hono's setter would otherwise copy the old headers onto the new one). */
function replace(c: Context<AppEnv>, res: Response): void {
  c.res = undefined;
  c.res = res;
}

/**
 * The route's answer with its caching headers: errors `no-store` without an ETag; successes their policy, Vary and
 * an ETag (their own, or the body's hash: the body is read once, which also lets it be stored and sent).
 */
async function withCachingHeaders(path: string, request: Headers, res: Response): Promise<Response> {
  if (res.status >= 400) {
    res.headers.set("cache-control", CACHE_POLICIES.uncached);
    res.headers.delete("etag");
    return res;
  }
  if (res.status < 200 || res.status >= 300) return res;
  const policy = policyFor(path, request, res);
  const tokenMatters = path.startsWith("/api/") || request.has("authorization");
  if (isStreamed(res)) {
    res.headers.set("cache-control", policy);
    addVary(res.headers, tokenMatters ? ["Accept-Encoding", "Authorization"] : ["Accept-Encoding"]);
    return res;
  }
  let out = res;
  if (!res.headers.has("etag")) {
    const body = await res.arrayBuffer();
    out = new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
    out.headers.set("etag", await bodyEtag(body));
  }
  out.headers.set("cache-control", policy);
  // The API is where a token changes the answer (a backup with revisions, the review queue).
  addVary(out.headers, tokenMatters ? ["Accept-Encoding", "Authorization"] : ["Accept-Encoding"]);
  return out;
}

/** The data centre's cache and the database, when this request may be answered from and stored in it. */
function edgeCacheFor(c: Context<AppEnv>, path: string): { cache: Cache; db: D1Database } | null {
  if (typeof caches === "undefined" || !c.env?.DB) return null;
  const headers = c.req.raw.headers;
  // A token or a cookie may change the answer: such requests are neither answered from the cache nor stored in it.
  if (headers.has("authorization") || headers.has("cookie")) return null;
  if (NEVER_EDGE_CACHED.has(path) || path.startsWith("/api/v1/submissions")) return null;
  // Cast: scripts type-check src/ with the DOM's CacheStorage, which has no `default`; workerd's has.
  return { cache: (caches as unknown as { default: Cache }).default, db: c.env.DB };
}

/**
 * An edge entry made ready to send: its browser policy back. (Its D1 cost headers, which describe the request that
 * computed it, are set again by the cost middleware outside this one, to what this request sent.)
 */
function fromEdge(held: Response, body: BodyInit | null = held.body): Response {
  const res = new Response(body, { status: held.status, statusText: held.statusText, headers: held.headers });
  res.headers.set("cache-control", res.headers.get(BROWSER_POLICY_HEADER) ?? CACHE_POLICIES.api);
  res.headers.delete(BROWSER_POLICY_HEADER);
  res.headers.delete(STORED_AT_HEADER);
  // The search's own header: the answer did come from a cache of results for the current data.
  if (res.headers.has("x-search-cache")) res.headers.set("x-search-cache", "hit");
  return res;
}

/** Whether an answer may be kept at the edge: a public 200 with an ETag and no cookie. */
function storable(res: Response): boolean {
  const policy = res.headers.get("cache-control") ?? "";
  return (
    res.status === 200 && res.headers.has("etag") && !res.headers.has("set-cookie") && !/no-store|private/.test(policy)
  );
}

/** Keeps an edge entry in this isolate's memory too, unless its body is too large; ends when the entry does. */
function remember(key: string, version: string, entry: Response, body: ArrayBuffer): void {
  if (body.byteLength > ISOLATE_ANSWER_MAX_BYTES) return;
  const storedAt = Number(entry.headers.get(STORED_AT_HEADER));
  if (!Number.isFinite(storedAt) || storedAt <= 0) return;
  const held: HeldAnswer = {
    status: entry.status,
    statusText: entry.statusText,
    headers: [...entry.headers],
    body,
    expires: storedAt + EDGE_TTL_SECONDS * 1000,
  };
  ISOLATE_ANSWERS.set(key, version, held, body.byteLength);
}

/** An answer this isolate holds for `key` under `version`, as an edge entry would come back, if it has not ended. */
function recalled(key: string, version: string): Response | null {
  const held = ISOLATE_ANSWERS.get(key, version);
  if (!held || held.expires <= Date.now()) return null;
  return new Response(held.body.slice(0), { status: held.status, statusText: held.statusText, headers: held.headers });
}

/**
 * Whether this isolate already holds, unexpired, the very answer about to be stored (same key, same ETag): then the
 * edge has it too (the isolate keeps only what it stored there or found there), and writing it again is a trip to the
 * cache for nothing. A `no-cache` request runs the route afresh, and without this each one rewrote its entry.
 */
function alreadyHeld(key: string, version: string, res: Response): boolean {
  const held = ISOLATE_ANSWERS.get(key, version);
  if (!held || held.expires <= Date.now()) return false;
  const etag = held.headers.find(([name]) => name === "etag")?.[1];
  return etag !== undefined && etag === res.headers.get("etag");
}

/**
 * Stores a copy after the answer has gone (waitUntil), with the edge's lifetime, and keeps it in this isolate's
 * memory; the browser policy and the time it was stored ride along. An answer the isolate already holds is not
 * written again.
 */
function store(c: Context<AppEnv>, cache: Cache, key: string, version: string, res: Response): void {
  if (alreadyHeld(key, version, res)) return;
  const copy = res.clone();
  copy.headers.set(BROWSER_POLICY_HEADER, copy.headers.get("cache-control") ?? "");
  copy.headers.set("cache-control", `public, max-age=${EDGE_TTL_SECONDS}`);
  copy.headers.set(STORED_AT_HEADER, String(Date.now()));
  const put = (async () => {
    const body = await copy.arrayBuffer();
    remember(key, version, copy, body);
    await cache.put(
      key,
      new Response(body, { status: copy.status, statusText: copy.statusText, headers: copy.headers }),
    );
  })().catch((error: unknown) => console.error("edge cache put failed", key, error));
  try {
    c.executionCtx.waitUntil(put);
  } catch {
    // No execution context (app.request in a test): the put still runs on its own.
  }
}

/** An edge entry found: kept in memory when its length is known and small enough, and made ready to send. */
async function fromEdgeRemembered(held: Response, key: string, version: string): Promise<Response> {
  const length = Number(held.headers.get("content-length") ?? Number.NaN);
  if (!(length <= ISOLATE_ANSWER_MAX_BYTES)) return fromEdge(held);
  const body = await held.arrayBuffer();
  remember(key, version, held, body);
  return fromEdge(held, body);
}

/** `304 Not Modified` in place of a 2xx whose ETag `If-None-Match` names. */
function notModifiedIfMatches(c: Context<AppEnv>): void {
  const res = c.res;
  if (res.status < 200 || res.status >= 300) return;
  if (!ifNoneMatchMatches(c.req.header("if-none-match"), res.headers.get("etag"))) return;
  const headers = new Headers();
  for (const name of NOT_MODIFIED_HEADERS) {
    const value = res.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  void res.body?.cancel();
  replace(c, new Response(null, { status: 304, headers }));
}

/** The caching middleware (registered once in createApp, inside the security headers). */
export const httpCaching: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.method !== "GET" && c.req.method !== "HEAD") return next();
  const url = new URL(c.req.url);
  const request = c.req.raw.headers;
  const edge = edgeCacheFor(c, url.pathname);
  let state: "hit" | "miss" | "bypass" = "bypass";
  let key: string | null = null;
  let version = "";
  const keyFor = (read: DataVersion | null) => {
    version = read?.version ?? "";
    return version ? edgeKey(url, version, c.env.CF_VERSION_METADATA?.id ?? "unversioned") : null;
  };
  // Asked before the route runs, so whatever the route then reads is at least this new and an entry filed under a
  // version never holds data older than it (the reads it is batched with see the same snapshot; later ones go after).
  const versionRead = edge ? readDataVersion(edge.db).catch(() => null) : null;
  if (edge && !asksForFresh(request)) {
    key = keyFor(await versionRead);
    if (key) {
      const inMemory = recalled(key, version);
      const held = inMemory ?? (await edge.cache.match(key));
      state = held ? "hit" : "miss";
      if (inMemory) replace(c, fromEdge(inMemory));
      else if (held) replace(c, await fromEdgeRemembered(held, key, version));
    }
  }
  if (state !== "hit") {
    await next();
    // A fresh answer was asked for: nothing was looked up, and the version read went with the route's reads.
    if (versionRead && !key) key = keyFor(await versionRead);
    const res = await withCachingHeaders(url.pathname, request, c.res);
    replace(c, res);
    if (edge && key && storable(res) && !forbidsStoring(request)) store(c, edge.cache, key, version, res);
  }
  c.res.headers.set("x-cache", state);
  notModifiedIfMatches(c);
};
