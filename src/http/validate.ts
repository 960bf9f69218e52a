/**
 * Reading a request into plain data for a schema (the query string, the JSON body), and checking data against a
 * zod schema. Every failure is one `validationProblem` naming each bad field; routes reach these through the
 * route definition's one validation hook (src/http/route.ts), pages through `validatedQuery`.
 */
import type { Context } from "hono";
import type * as z from "zod/mini";
import "../domain/zod-locale";
import { type FieldError, ROOT_PATH, toFieldErrors } from "../domain/field-error";
import { ProblemError, type RequestPart, validationProblem } from "./problem";

/** Bodies larger than this are refused before parsing (413). */
export const MAX_JSON_BODY_BYTES = 64 * 1024;

/** How a route reads its query string into an object for `schema`. */
export interface QuerySpec<S extends z.ZodMiniObject = z.ZodMiniObject> {
  schema: S;
  /** Free-text keys whose repeated values are joined with a space, so no text can fail. */
  textKeys?: readonly string[];
}

/** The outcome of a check: the parsed value, or every bad field. */
export type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** Checks data against a zod schema, naming every bad field. */
export function checkWith<S extends z.ZodMiniType>(schema: S, data: unknown): Checked<z.output<S>> {
  const result = schema.safeParse(data);
  return result.success ? { ok: true, value: result.data } : { ok: false, errors: toFieldErrors(result.error.issues) };
}

/** The value, or the one problem for this request part (404 for path parameters, 400 otherwise). */
export function orProblem<T>(part: RequestPart, checked: Checked<T>): T {
  if (!checked.ok) throw validationProblem(part, checked.errors);
  return checked.value;
}

const arrayKeyCache = new WeakMap<z.ZodMiniObject, ReadonlySet<string>>();

/** The keys of a query schema whose field is an array (under any optional/default wrapper): they collect values. */
export function arrayKeysOf(schema: z.ZodMiniObject): ReadonlySet<string> {
  let keys = arrayKeyCache.get(schema);
  if (!keys) {
    keys = new Set(
      Object.entries(schema.shape)
        .filter(([, field]) => {
          let def = (field as z.ZodMiniType)._zod.def as { type: string; innerType?: z.ZodMiniType };
          while (def.innerType) def = def.innerType._zod.def as typeof def;
          return def.type === "array";
        })
        .map(([key]) => key),
    );
    arrayKeyCache.set(schema, keys);
  }
  return keys;
}

/** The query string as plain data, and the scalar keys that were given more than once. */
export interface QueryRead {
  data: Record<string, string | string[]>;
  repeated: FieldError[];
}

/**
 * Reads the query string into an object for the schema. Array keys collect every value, repeated or
 * comma-separated; text keys join theirs with a space; any other key keeps its last value, and a repeated one is
 * reported (the API refuses it, the pages forgive it). An empty scalar means "not given", because a GET form sends
 * its empty fields.
 */
export function readQuery(c: Context, spec: QuerySpec): QueryRead {
  const arrayKeys = arrayKeysOf(spec.schema);
  const data: Record<string, string | string[]> = {};
  const repeated: FieldError[] = [];
  for (const [key, values] of Object.entries(c.req.queries())) {
    if (spec.textKeys?.includes(key)) {
      data[key] = values.join(" ");
    } else if (arrayKeys.has(key)) {
      data[key] = values
        .flatMap((v) => v.split(","))
        .map((v) => v.trim())
        .filter(Boolean);
    } else {
      if (values.length > 1) repeated.push({ path: key, message: "may appear only once" });
      const last = values[values.length - 1] ?? "";
      if (last !== "") data[key] = last;
    }
  }
  return { data, repeated };
}

/** Reads and checks the query strictly: a repeated scalar and every schema failure are reported together. */
export function checkQuery<S extends z.ZodMiniObject>(c: Context, spec: QuerySpec<S>): Checked<z.output<S>> {
  const { data, repeated } = readQuery(c, spec);
  const checked = checkWith(spec.schema, data);
  if (!repeated.length) return checked;
  return { ok: false, errors: [...repeated, ...(checked.ok ? [] : checked.errors)] };
}

/** Reads and checks the query, or throws the 400 naming every bad parameter (for pages that answer errors too). */
export function validatedQuery<S extends z.ZodMiniObject>(c: Context, spec: QuerySpec<S>): z.output<S> {
  return orProblem("query", checkQuery(c, spec));
}

/**
 * Reads a JSON body of at most 64 KiB: 415 for another content type, 413 for a larger body (refused before it is
 * read when the declared length says so), 400 for invalid JSON. An empty body reads as `{}`.
 */
export async function readJsonBody(c: Context): Promise<unknown> {
  const type = c.req.header("content-type") ?? "";
  if (type && !/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    throw new ProblemError(415, "Send the body as application/json");
  }
  const declared = Number(c.req.header("content-length") ?? "0");
  if (declared > MAX_JSON_BODY_BYTES) throw tooLarge();
  const buffer = await c.req.arrayBuffer();
  if (buffer.byteLength > MAX_JSON_BODY_BYTES) throw tooLarge();
  const text = new TextDecoder().decode(buffer);
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ProblemError(400, `The body is not valid JSON: ${(error as Error).message}`, [
      { path: ROOT_PATH, message: "invalid JSON" },
    ]);
  }
}

function tooLarge(): ProblemError {
  return new ProblemError(413, `The body is larger than ${MAX_JSON_BODY_BYTES / 1024} KiB`, [
    { path: ROOT_PATH, message: `must be at most ${MAX_JSON_BODY_BYTES} bytes` },
  ]);
}
