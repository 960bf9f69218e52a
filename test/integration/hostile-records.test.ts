// Hostile values inside otherwise valid bodies: for every operation of /openapi.json that takes a JSON body and has
// a GET of the same thing (PUT /x/{slug} and GET /x/{slug}; POST /x and GET /x/{slug}), a real instance is read and
// one to three of its fields (anywhere in it: titles, outcomes, sources, the Markdown body) are replaced with
// hostile values, then sent with a valid token and the current ETag. So the hostile text goes past validation into
// the write path and back out: every answer is safe and declared, and after a write the thing's JSON and its page
// show no markup unescaped and no internals.
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { callWorker } from "./helpers";
import { expectDeclared, expectSafe } from "./hostile-checks";
import {
  hostileSeed,
  knownSegments,
  loadOperations,
  type Operation,
  pageRoutes,
  REVIEW_TOKEN,
  scopeOf,
  segmentBefore,
  send,
  WRITE_TOKEN,
} from "./hostile-requests";
import { hostileJson, hostileString } from "./hostile-values";

const RUNS_PER_OPERATION = 60;
const seed = hostileSeed("hostile-records");
const operations = await loadOperations();
const known = await knownSegments();
const pages = new Set(pageRoutes().map((r) => r.path.replace(/:(\w+)/g, "{$1}")));
const tally: Record<string, Record<number, number>> = {};

/** The GET operation that reads what `op` writes: the same path, or the path of one item under it. */
function readerOf(op: Operation): Operation | undefined {
  const depth = op.path.split("/").length;
  return operations.find(
    (o) =>
      o.method === "GET" &&
      (o.path === op.path
        ? op.method === "PUT"
        : o.path.startsWith(`${op.path}/{`) && o.path.split("/").length === depth + 1),
  );
}

/** A template filled with the first known value of each parameter, or null when one has none. */
function filled(template: string): string | null {
  let missing = false;
  const out = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = known.get(segmentBefore(template, name))?.[0];
    if (!value) missing = true;
    return value ?? "";
  });
  return missing ? null : out;
}

/** The value at a path of a JSON value. */
function at(value: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>((v, key) => (v as Record<string | number, unknown> | null)?.[key], value);
}

/** Every path of a JSON value, as key lists, containers included. */
function pathsOf(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  const here = at.length ? [at] : [];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => pathsOf(v, [...at, i]))];
  if (value && typeof value === "object")
    return [...here, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...at, k]))];
  return here;
}

function replaced(value: unknown, path: (string | number)[], by: unknown): unknown {
  if (!path.length) return by;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[head] = replaced(copy[head], rest, by);
  return copy;
}

const writers = operations.filter((op) => op.body && op.secured && readerOf(op) && filled(readerOf(op)?.path ?? ""));

describe("hostile values inside real records go through the write path safely", () => {
  it("the document has write operations with a reader to start from", () => {
    expect(writers.length).toBeGreaterThan(0);
  });

  for (const op of writers) {
    it(`${op.method} ${op.path}`, async () => {
      const reader = readerOf(op) as Operation;
      const itemPath = filled(reader.path) as string;
      const original = (await (await callWorker(itemPath)).json()) as Record<string, unknown>;
      const param = /\{(\w+)\}$/.exec(reader.path)?.[1] as string;
      const token = (await scopeOf(op)) === "write" ? WRITE_TOKEN : REVIEW_TOKEN;
      const paths = pathsOf(original);
      const prose = paths.filter((p) => /\s/.test(String(at(original, p))) && typeof at(original, p) === "string");
      expect(prose.length, "the record has fields of prose").toBeGreaterThan(0);
      const counts: Record<number, number> = {};
      tally[`${op.method} ${op.path}`] = counts;
      let n = 0;
      const change = fc.tuple(fc.nat(), hostileString, hostileJson, fc.nat(3));
      await fc.assert(
        fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 3 }), async (changes) => {
          let body: unknown = original;
          for (const [pick, text, other, kind] of changes) {
            // Mostly a field of prose (text with a space: titles, summaries, labels, the body), where the validator
            // lets hostile text through; otherwise any field, with any value.
            const path = (kind > 0 ? prose[pick % prose.length] : paths[pick % paths.length]) as (string | number)[];
            body = replaced(body, path, kind > 0 ? text : other);
          }
          // A create gets a new name each time (or it is a 409); an edit keeps the name of its address.
          const name = op.method === "POST" ? `hostile-record-${seed % 1000}-${n++}` : String(original[param]);
          body = { ...(body as object), [param]: name };
          const target = op.method === "POST" ? op.path : itemPath;
          const current = await callWorker(target === op.path && op.method === "POST" ? itemPath : target);
          await current.arrayBuffer();
          const req = {
            method: op.method,
            path: target,
            headers: {
              authorization: token,
              "content-type": "application/json",
              "if-match": current.headers.get("etag") ?? "",
            },
            body: JSON.stringify(body),
          };
          const { res, text } = await send(req);
          counts[res.status] = (counts[res.status] ?? 0) + 1;
          expectDeclared(op, req, res, text);
          if (res.status >= 300) return;
          const saved = reader.path.replace(`{${param}}`, encodeURIComponent(name)).replace(/\{(\w+)\}/g, () => "");
          for (const path of [
            saved,
            ...(pages.has(reader.path.replace("/api/v1", "")) ? [saved.replace("/api/v1", "")] : []),
          ]) {
            const shown = await callWorker(path);
            expectSafe(
              `${path} after ${op.method} ${target}`,
              shown,
              new TextDecoder().decode(await shown.arrayBuffer()),
            );
          }
        }),
        { seed, numRuns: RUNS_PER_OPERATION },
      );
    }, 180_000);
  }

  afterAll(() => {
    const lines = Object.entries(tally).map(([op, statuses]) => `  ${op}: ${JSON.stringify(statuses)}`);
    console.log(`hostile-records:\n${lines.join("\n")}`);
  });
});
