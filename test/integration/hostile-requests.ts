// The hostile-input suite's generator: it reads /openapi.json from the Worker under test and turns every operation
// in it into fast-check arbitraries of hostile requests (every path, query and header parameter and every body
// field, from their JSON Schemas), so a new route is fuzzed without anyone adding it here. It also holds the checks
// every response must pass. Values come from ./hostile-values.ts.
import fc from "fast-check";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createApp } from "../../src/app";
import { callWorker, sitemapLocs } from "./helpers";
import { expectDeclared } from "./hostile-checks";
import { headerSafe, hostileString, type JsonSchema, paramText, valueFor } from "./hostile-values";

declare module "vitest" {
  interface ProvidedContext {
    /** The fast-check seed of the hostile suite (vitest.config.ts: HOSTILE_SEED, fixed in CI, random otherwise). */
    hostileSeed: number;
  }
}

/** The seed of this run, printed so a failure can be replayed with HOSTILE_SEED. */
export function hostileSeed(file: string): number {
  const seed = inject("hostileSeed");
  console.log(`${file}: fast-check seed ${seed} (replay: HOSTILE_SEED=${seed})`);
  return seed;
}

export const WRITE_TOKEN = "Bearer test-write-token-0123456789";
export const REVIEW_TOKEN = "Bearer test-review-token-0123456789";

export interface Parameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  schema: JsonSchema;
}

/** One operation of the document, as the generator reads it. */
export interface Operation {
  method: string;
  /** The path template, `/api/v1/case-studies/{slug}`. */
  path: string;
  parameters: Parameter[];
  /** The JSON Schema of its body, when it takes one. */
  body?: JsonSchema;
  secured: boolean;
  statuses: ReadonlySet<number>;
}

/**
 * A request body's schema as a JSON Schema of its own: the document's named schemas (`#/components/schemas/Name`)
 * become its `$defs`, which the value generator follows.
 */
function standalone(schema: JsonSchema, named: Record<string, JsonSchema> = {}): JsonSchema {
  const local = (value: unknown) => JSON.parse(JSON.stringify(value).replaceAll('"#/components/schemas/', '"#/$defs/'));
  return { ...local(schema), $defs: local(named) };
}

/** Every operation of /openapi.json as the Worker serves it; fails when there are none. */
export async function loadOperations(): Promise<Operation[]> {
  const res = await callWorker("/openapi.json");
  expect(res.status).toBe(200);
  const doc = (await res.json()) as {
    paths: Record<string, Record<string, Record<string, unknown>>>;
    components?: { schemas?: Record<string, JsonSchema> };
  };
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(methods)) {
      const content = (op.requestBody as { content?: Record<string, { schema: JsonSchema }> } | undefined)?.content;
      if (content && !content["application/json"]) throw new Error(`${method} ${path}: a body that is not JSON`);
      const parameters = (op.parameters as Parameter[] | undefined) ?? [];
      for (const p of parameters) if (p.in === "cookie") throw new Error(`${method} ${path}: cookie parameters`);
      operations.push({
        method: method.toUpperCase(),
        path,
        parameters,
        ...(content ? { body: standalone(content["application/json"]?.schema ?? {}, doc.components?.schemas) } : {}),
        secured: Array.isArray(op.security) && op.security.length > 0,
        statuses: new Set(Object.keys(op.responses as object).map(Number)),
      });
    }
  }
  expect(operations.length, "/openapi.json lists no operations").toBeGreaterThan(0);
  return operations;
}

/** The Hono app's GET and POST routes that are not API operations (the pages), in Hono's `:name` form. */
export function pageRoutes(): { method: string; path: string }[] {
  const seen = new Set<string>();
  return createApp()
    .routes.filter(
      (r) => (r.method === "GET" || r.method === "POST") && !r.path.startsWith("/api/") && !r.path.includes("*"),
    )
    .filter((r) => !seen.has(`${r.method} ${r.path}`) && seen.add(`${r.method} ${r.path}`))
    .map((r) => ({ method: r.method, path: r.path }));
}

/**
 * Real values for path parameters, by the address segment before them (`case-studies` → every record's slug), read
 * from the sitemap (its index and every sitemap it names) and from the links of every page without parameters (the
 * briefs and reference figures are not in the sitemap): with them some requests reach the handler past the parameter
 * check.
 */
export async function knownSegments(): Promise<Map<string, string[]>> {
  const paths: string[] = [];
  const index = await (await callWorker("/sitemap.xml")).text();
  for (const [, loc] of index.matchAll(/<loc>([^<]+)<\/loc>/g)) paths.push(new URL(loc as string).pathname);
  paths.push(...(await sitemapLocs(callWorker)));
  for (const page of pageRoutes().filter((r) => r.method === "GET" && !r.path.includes(":"))) {
    const html = await (await callWorker(page.path)).text();
    for (const [, href] of html.matchAll(/href="(\/[^"?#]*)/g)) paths.push(href as string);
  }
  const known = new Map<string, string[]>();
  for (const path of paths) {
    const parts = path.split("/").filter(Boolean);
    for (let i = 1; i < parts.length; i++) {
      const list = known.get(parts[i - 1] as string) ?? [];
      if (!list.includes(parts[i] as string)) list.push(parts[i] as string);
      known.set(parts[i - 1] as string, list);
    }
  }
  return known;
}

/** The segment before `{name}` (or `:name`) in a path template. */
export function segmentBefore(template: string, name: string): string {
  const parts = template.split("/");
  const at = parts.findIndex((p) => p === `{${name}}` || p === `:${name}`);
  return parts[at - 1] ?? "";
}

/** A request as the suite sends it. */
export interface HostileRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

/** Percent-encodes like a form, also text with lone surrogates (which encodeURIComponent refuses). */
export function encode(text: string): string {
  return new URLSearchParams({ v: text }).toString().slice(2);
}

/** A path segment: encoded, or raw (slashes, dots and percent signs left as they are, for traversal). */
export const segment = (text: fc.Arbitrary<string>) =>
  fc.tuple(text, fc.nat(9)).map(([t, raw]) => (raw < 2 ? t.replace(/[?#\s]/g, encode) : encode(t)));

export const RAW_QUERIES = [
  "&&&",
  "=",
  "=x&=y",
  "%ff=%fe",
  "%=%",
  "a[b]=c&a[]=d",
  "__proto__=1&constructor=x",
  `q=${"a".repeat(16 * 1024)}`,
  `junk=${"%41".repeat(34 * 1024)}`,
  `${"k=v&".repeat(4000)}k=v`,
];

/**
 * The query string of an operation: each parameter maybe, as one value, several, or repeated; extra junk sometimes.
 * A `calm` query has only values the schema accepts, so the request reaches the handler.
 */
function queryFor(op: Operation, known: Map<string, string[]>, calm: boolean): fc.Arbitrary<string> {
  const params = op.parameters.filter((p) => p.in === "query");
  const parts = params.map((p) =>
    fc.option(
      fc
        .tuple(
          fc.array(paramText(p.schema, known.get(p.name) ?? [], calm), {
            minLength: 1,
            maxLength: p.schema.type === "array" ? 3 : 1,
          }),
          fc.nat(calm ? 0 : 3),
        )
        .map(([values, how]) =>
          how === 0
            ? `${encode(p.name)}=${values.map(encode).join(",")}`
            : values.map((v) => `${encode(p.name)}=${encode(v)}`).join("&"),
        ),
      { nil: undefined, freq: 2 },
    ),
  );
  const junk = fc.oneof(
    fc.constantFrom(...RAW_QUERIES),
    hostileString.map((s) => `${encode(s)}=${encode(s)}`),
  );
  const extra = calm ? fc.constant(undefined) : fc.option(junk, { freq: 3 });
  return fc
    .tuple(fc.tuple(...parts), extra)
    .map(([given, junk]) => [...given, junk].filter((x) => x !== null && x !== undefined).join("&"));
}

const AUTHORIZATIONS = [
  "",
  "Bearer",
  "Bearer ",
  "Basic dGVzdDp0ZXN0",
  "bearer  x y",
  "Bearer not-a-token-of-this-server",
  `Bearer ${"a".repeat(5000)}`,
  "Token test-write-token-0123456789",
  "Bearer test-write-token-012345678",
  "Bearer\ttest-write-token-0123456789",
];

/** An Authorization header that is not a valid token of the needed scope, or none at all. */
export function badAuthorization(scope: "write" | "review"): fc.Arbitrary<string | undefined> {
  return fc.oneof(
    fc.constant(undefined),
    fc.constantFrom(...AUTHORIZATIONS, scope === "write" ? REVIEW_TOKEN : WRITE_TOKEN),
    hostileString.map((s) => headerSafe(`Bearer ${s}`)),
  );
}

const JSON_TYPES = [
  "application/json",
  "application/json; charset=utf-8",
  "APPLICATION/JSON",
  "application/problem+json",
];
const WRONG_TYPES = [
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/jsonx",
  "text/json",
  "application/xml",
  ";",
  "application/json; charset=utf-16",
];

/** Bodies no schema describes: nesting past any parser's comfort, very wide objects, invalid UTF-8, not JSON. */
function oddBody(schema: JsonSchema | undefined): fc.Arbitrary<{ type: string; body: string | Uint8Array }> {
  const first = Object.keys((schema?.properties as object | undefined) ?? { slug: 1 })[0] ?? "slug";
  const json = (body: string | Uint8Array) => ({ type: "application/json", body });
  return fc.oneof(
    fc.constantFrom(1000, 5000, 30000).map((d) => json(`${"[".repeat(d)}${"]".repeat(d)}`)),
    fc.constantFrom(1000, 6000).map((d) => json(`${'{"a":'.repeat(d)}1${"}".repeat(d)}`)),
    fc.constant(json(`{"${first}":${"[".repeat(20000)}${"]".repeat(20000)}}`)),
    fc.constant(json(JSON.stringify(Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, i]))))),
    fc.constant(json(`{"${first}":1,"${first}":"two","${first}":null}`)),
    fc.constantFrom(65 * 1024, 200 * 1024).map((n) => json(`{"${first}":"${"x".repeat(n)}"}`)),
    fc.constant(json(new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0xc3, 0x28, 0x7d]))),
    fc.constant(json(new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0xf8, 0x88, 0x22, 0x7d]))),
    fc
      .constantFrom(
        "{",
        "NaN",
        "Infinity",
        "-0",
        "1e999",
        '"\\ud800"',
        "null",
        "[]",
        "true",
        "\u0000",
        "{}garbage",
        '{"a":1}{"a":2}',
      )
      .map(json),
    fc
      .tuple(fc.constantFrom(...WRONG_TYPES), fc.constantFrom("{}", "a=1&b=2", "<x/>"))
      .map(([type, body]) => ({ type, body })),
  );
}

/** A body for an operation: mostly its schema's values (some hostile), sometimes an odd body or a wrong type. */
function bodyFor(op: Operation, calm: boolean): fc.Arbitrary<{ type: string; body: string | Uint8Array } | undefined> {
  if (op.method === "GET" || op.method === "HEAD") return fc.constant(undefined); // fetch refuses a GET body
  if (!op.body) return calm ? fc.constant(undefined) : fc.option(oddBody(undefined), { nil: undefined, freq: 2 });
  const schema = op.body;
  if (calm)
    return valueFor(schema, schema, 0, 40).map((value) => ({
      type: "application/json",
      body: JSON.stringify(value) ?? "null",
    }));
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .tuple(valueFor(schema), fc.constantFrom(...JSON_TYPES))
        .map(([value, type]) => ({ type, body: JSON.stringify(value) ?? "null" })),
    },
    { weight: 3, arbitrary: oddBody(schema) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

const IF_MATCH = ['"r1"', "*", 'W/"r1"', '"r999999"', '"r-1"', '"rNaN"', '"r1e3"', "r1", '""', '"r1", "r2"', '"r0x1"'];

/**
 * The hostile requests of one operation: a third of them calm (values the schemas accept, so they reach the
 * handler), the rest hostile anywhere. `auth` decides what Authorization a secured operation gets.
 */
export function requestsFor(
  op: Operation,
  known: Map<string, string[]>,
  auth: fc.Arbitrary<string | undefined>,
): fc.Arbitrary<HostileRequest> {
  return fc.oneof(
    { weight: 1, arbitrary: requestsOf(op, known, auth, true) },
    { weight: 2, arbitrary: requestsOf(op, known, auth, false) },
  );
}

function requestsOf(
  op: Operation,
  known: Map<string, string[]>,
  auth: fc.Arbitrary<string | undefined>,
  calm: boolean,
): fc.Arbitrary<HostileRequest> {
  const pathParams = op.parameters.filter((p) => p.in === "path");
  const unnamed = [...op.path.matchAll(/\{(\w+)\}/g)].filter((m) => !pathParams.some((p) => p.name === m[1]));
  if (unnamed.length)
    throw new Error(`${op.method} ${op.path}: no parameter declared for ${unnamed.map((m) => m[0]).join(", ")}`);
  const path = fc
    .tuple(
      ...pathParams.map((p) =>
        calm
          ? paramText(p.schema, known.get(segmentBefore(op.path, p.name)) ?? [], true).map(encode)
          : segment(paramText(p.schema, known.get(segmentBefore(op.path, p.name)) ?? [])),
      ),
    )
    .map((values) => pathParams.reduce((out, p, i) => out.replace(`{${p.name}}`, values[i] as string), op.path));
  const headerParams = op.parameters.filter((p) => p.in === "header");
  const model: Record<string, fc.Arbitrary<string | undefined>> = {
    authorization: auth,
    "if-match": fc.oneof(fc.constantFrom(...IF_MATCH), hostileString.map(headerSafe)),
    "x-change-message": fc.oneof(
      hostileString.map((s) => headerSafe(s)),
      hostileString.map(encode),
      fc.constantFrom("%E0%A4%A", "%ff", "%"),
    ),
    accept: fc.constantFrom(
      "text/html",
      "application/json",
      "*/*",
      "text/html;q=0, application/json",
      "application/xml",
    ),
    "cache-control": fc.constantFrom("no-cache", "max-age=0", "garbage"),
    ...Object.fromEntries(headerParams.map((p) => [p.name.toLowerCase(), paramText(p.schema).map(headerSafe)])),
  };
  const headers = fc.record(model, {
    requiredKeys: headerParams.filter((p) => p.required).map((p) => p.name.toLowerCase()),
  });
  return fc.tuple(path, queryFor(op, known, calm), headers, bodyFor(op, calm)).map(([p, query, h, body]) => {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(h)) if (typeof v === "string" && v !== "") out[k] = v;
    if (body) out["content-type"] = body.type;
    return { method: op.method, path: query ? `${p}?${query}` : p, headers: out, ...(body ? { body: body.body } : {}) };
  });
}

/** The Authorization a secured operation gets while its inputs are fuzzed: mostly a token that passes. */
export function fuzzingAuthorization(scope: "write" | "review"): fc.Arbitrary<string | undefined> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant(scope === "write" ? WRITE_TOKEN : REVIEW_TOKEN) },
    { weight: 1, arbitrary: badAuthorization(scope) },
  );
}

/** Sends a request through the Worker (the contract check runs on the answer) and returns it with its body text. */
export async function send(req: HostileRequest): Promise<{ res: Response; text: string }> {
  const res = await callWorker(req.path, {
    method: req.method,
    headers: req.headers,
    ...(req.body === undefined ? {} : { body: req.body }),
  });
  // Decoded by hand: Response.text() warns on every body whose type is not text/* (BibTeX, RIS, NDJSON).
  return { res, text: new TextDecoder().decode(await res.arrayBuffer()) };
}

/**
 * The scope a secured operation needs, found by asking it: the write token on an address that names nothing is
 * refused with 403 only when the operation needs the review scope (the token is checked before anything else).
 */
export async function scopeOf(op: Operation): Promise<"write" | "review"> {
  const path = op.path.replace(/\{\w+\}/g, "0");
  const res = await callWorker(path, {
    method: op.method,
    headers: { authorization: WRITE_TOKEN, "content-type": "application/json" },
    ...(op.method === "GET" ? {} : { body: "[]" }),
  });
  await res.arrayBuffer();
  return res.status === 403 ? "review" : "write";
}

/** How many answers of each status each operation gave, printed at the end so a run shows what it reached. */
export const statusTally = new Map<string, Record<number, number>>();

/** Runs `numRuns` hostile requests against each operation, checking each answer; returns how many were sent. */
export async function fuzzOperation(
  op: Operation,
  known: Map<string, string[]>,
  seed: number,
  numRuns: number,
): Promise<number> {
  const auth = op.secured ? fuzzingAuthorization(await scopeOf(op)) : fc.constant(undefined);
  const tally: Record<number, number> = {};
  statusTally.set(`${op.method} ${op.path}`, tally);
  let sent = 0;
  await fc.assert(
    fc.asyncProperty(requestsFor(op, known, auth), async (req) => {
      const { res, text } = await send(req);
      sent++;
      tally[res.status] = (tally[res.status] ?? 0) + 1;
      expectDeclared(op, req, res, text);
    }),
    { seed, numRuns },
  );
  return sent;
}

/**
 * One fuzzing suite over the operations `keep` selects: a test that there are some, then one test per operation with
 * `runs` seeded cases, and a tally of the statuses seen. The read and write files differ only in these arguments
 * (kept as two files so vitest runs them side by side).
 */
export async function describeHostileOperations(options: {
  file: string;
  title: string;
  keep: (op: Operation) => boolean;
  runs: number;
}): Promise<void> {
  const seed = hostileSeed(options.file);
  const operations = (await loadOperations()).filter(options.keep);
  const known = await knownSegments();
  let cases = 0;
  describe(options.title, () => {
    it("the document has such operations to fuzz", () => {
      expect(operations.length).toBeGreaterThan(0);
    });
    for (const op of operations) {
      it(`${op.method} ${op.path}`, async () => {
        cases += await fuzzOperation(op, known, seed, options.runs);
      }, 120_000);
    }
    afterAll(() => {
      const tally = [...statusTally].map(([op, statuses]) => `  ${op}: ${JSON.stringify(statuses)}`);
      console.log(`${options.file}: ${cases} requests over ${operations.length} operations\n${tally.join("\n")}`);
    });
  });
}
