// Every page of the Hono app (its GET and POST routes outside /api/, read from createApp().routes, so a new page is
// covered without being named here) fetched with hostile path segments and hostile query strings: each parameter
// of its own forms and the usual names, repeated, very long, percent-encoded traversal, invalid escapes; a POST
// page also gets hostile form bodies. Each answer: never a 5xx, never a stack trace or internal name, a readable
// page (a heading) for HTML, and no markup payload reflected unescaped.
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { callWorker } from "./helpers";
import { expectSafe } from "./hostile-checks";
import {
  encode,
  hostileSeed,
  knownSegments,
  loadOperations,
  pageRoutes,
  RAW_QUERIES,
  segment,
  segmentBefore,
  send,
} from "./hostile-requests";
import { HOSTILE_STRINGS, hostileString } from "./hostile-values";

const RUNS_PER_PAGE = 30;
const seed = hostileSeed("hostile-pages");
const operations = await loadOperations();
const operationPaths = new Set(operations.map((op) => `${op.method} ${op.path.replace(/\{(\w+)\}/g, ":$1")}`));
const pages = pageRoutes().filter((r) => !operationPaths.has(`${r.method} ${r.path}`));
const known = await knownSegments();
/** Query names every page might read, beside the names of its own forms. */
const COMMON_NAMES = [
  ...new Set(operations.flatMap((op) => op.parameters.filter((p) => p.in === "query").map((p) => p.name))),
];
const tally: Record<string, Record<number, number>> = {};
let cases = 0;

/** The page's address with its parameters filled with real values; fails for a parameter with none. */
function realPath(path: string): string {
  return path.replace(/:(\w+)/g, (_, name: string) => {
    const value = known.get(segmentBefore(path, name))?.[0];
    if (!value) throw new Error(`${path}: no known value for :${name} (the sitemap and list pages link none)`);
    return value;
  });
}

/** The names of the fields of a page's forms. */
async function formNames(path: string): Promise<string[]> {
  const html = await (await callWorker(path)).text();
  return [...new Set([...html.matchAll(/\bname="([^"]+)"/g)].map((m) => (m[1] as string).replace(/&amp;/g, "&")))];
}

function pageRequests(route: { method: string; path: string }, names: string[]) {
  const params = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1] as string);
  const value = fc.oneof(
    { weight: 4, arbitrary: hostileString },
    { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  );
  const path = fc
    .tuple(
      ...params.map((name) =>
        fc.oneof(fc.constantFrom(...(known.get(segmentBefore(route.path, name)) ?? []).slice(0, 20)), segment(value)),
      ),
      fc.oneof(
        { weight: 6, arbitrary: fc.constant("") },
        { weight: 1, arbitrary: fc.constantFrom("/", "/..%2f..%2fetc", "/%2e%2e/%2e%2e", "/%ff", "//x") },
      ),
    )
    .map((parts) => {
      const suffix = parts.pop() as string;
      const base = params.reduce((out, name, i) => out.replace(`:${name}`, parts[i] as string), route.path);
      return suffix && base.endsWith("/") ? base + suffix.slice(1) || "/" : base + suffix;
    });
  const pair = fc.tuple(fc.constantFrom(...names, ...COMMON_NAMES, "q", "page"), value, fc.boolean());
  const query = fc
    .tuple(fc.array(pair, { maxLength: 8 }), fc.option(fc.constantFrom(...RAW_QUERIES), { freq: 5 }))
    .map(([pairs, raw]) =>
      [...pairs.map(([k, v, rawValue]) => `${encode(k)}=${rawValue ? v.replace(/[#&\s]/g, encode) : encode(v)}`), raw]
        .filter(Boolean)
        .join("&"),
    );
  const accept = fc.constantFrom("text/html", "*/*", "application/json", "text/html, application/json", "");
  const type = fc.constantFrom(
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=x",
    "application/json",
    "text/plain",
  );
  return fc.tuple(path, query, accept, query, type).map(([p, q, a, form, t]) => ({
    method: route.method,
    path: q ? `${p}?${q}` : p,
    headers: { ...(a ? { accept: a } : {}), ...(route.method === "POST" ? { "content-type": t } : {}) },
    ...(route.method === "POST" ? { body: form } : {}),
  }));
}

describe("every page answers hostile addresses and query strings with a readable page", () => {
  it("the app has pages to fuzz", () => {
    expect(pages.length).toBeGreaterThan(5);
    expect(pages.map((p) => p.path)).toContain("/search");
  });

  for (const route of pages) {
    it(`${route.method} ${route.path}`, async () => {
      // A POST page's fields are those of the form its GET serves.
      const names = await formNames(realPath(route.path));
      const counts: Record<number, number> = {};
      tally[`${route.method} ${route.path}`] = counts;
      await fc.assert(
        fc.asyncProperty(pageRequests(route, names), async (req) => {
          const { res, text } = await send(req);
          cases++;
          counts[res.status] = (counts[res.status] ?? 0) + 1;
          const where = `${req.method} ${req.path.slice(0, 200)} → ${res.status}`;
          expectSafe(where, res, text);
          if ((res.headers.get("content-type") ?? "").includes("text/html")) {
            expect(text, `${where}: no heading`).toMatch(/<h1[\s>]/);
          }
        }),
        { seed, numRuns: RUNS_PER_PAGE },
      );
    }, 120_000);
  }

  afterAll(() => {
    const lines = Object.entries(tally).map(([page, statuses]) => `  ${page}: ${JSON.stringify(statuses)}`);
    console.log(`hostile-pages: ${cases} requests over ${pages.length} pages\n${lines.join("\n")}`);
  });
});
