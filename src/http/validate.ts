/** Request parsing through zod schemas; every failure becomes one ProblemError naming each bad field. */
import type { Context } from "hono";
import type * as z from "zod";
import { ProblemError, validationProblem } from "./problem";

/** Bodies larger than this are refused before parsing (413). */
export const MAX_JSON_BODY_BYTES = 64 * 1024;

/** How a route reads its query string. */
export interface QueryShape {
  /** Keys that collect every value, repeated or comma-separated. */
  arrayKeys: ReadonlySet<string>;
  /** Free-text keys whose repeated values are joined with a space, so no text can fail. */
  textKeys?: ReadonlySet<string>;
  /** Take the last of a repeated scalar instead of answering 400 (pages forgive, the API does not). */
  lenient?: boolean;
}

/**
 * Reads the query string into an object for a schema. Array keys collect every value; any other key keeps its
 * single value, and a repeated one is an error unless lenient. An empty scalar means "not given", because a GET
 * form sends its empty fields.
 */
export function queryObject(c: Context, shape: QueryShape): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  const repeated: string[] = [];
  for (const [key, values] of Object.entries(c.req.queries())) {
    if (shape.textKeys?.has(key)) {
      out[key] = values.join(" ");
    } else if (shape.arrayKeys.has(key)) {
      out[key] = values
        .flatMap((v) => v.split(","))
        .map((v) => v.trim())
        .filter(Boolean);
    } else {
      if (values.length > 1) repeated.push(key);
      const last = values[values.length - 1] ?? "";
      if (last !== "") out[key] = last;
    }
  }
  if (repeated.length && !shape.lenient) {
    throw new ProblemError(
      400,
      `Query parameter${repeated.length > 1 ? "s" : ""} ${repeated.join(", ")} may appear only once`,
      repeated.map((path) => ({ path, message: "may appear only once" })),
    );
  }
  return out;
}

/** Validates query parameters with a schema, or throws a 400 naming every bad one. */
export function parseQuery<S extends z.ZodType>(c: Context, schema: S, arrayKeys: ReadonlySet<string>): z.output<S> {
  const result = schema.safeParse(queryObject(c, { arrayKeys }));
  if (!result.success) throw validationProblem(result.error.issues, "query");
  return result.data;
}

/** Reads a JSON body (at most 64 KiB) and validates it, or throws 400/413/415 with a clear reason. */
export async function parseJsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const type = c.req.header("content-type") ?? "";
  if (type && !/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    throw new ProblemError(415, "Send the body as application/json");
  }
  const declared = Number(c.req.header("content-length") ?? "0");
  if (declared > MAX_JSON_BODY_BYTES) throw tooLarge();
  const buffer = await c.req.arrayBuffer();
  if (buffer.byteLength > MAX_JSON_BODY_BYTES) throw tooLarge();
  const text = new TextDecoder().decode(buffer);
  let data: unknown;
  if (text.trim() === "") {
    data = {};
  } else {
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new ProblemError(400, `The body is not valid JSON: ${(error as Error).message}`, [
        { path: "(body)", message: "invalid JSON" },
      ]);
    }
  }
  const result = schema.safeParse(data);
  if (!result.success) throw validationProblem(result.error.issues, "body");
  return result.data;
}

function tooLarge(): ProblemError {
  return new ProblemError(413, `The body is larger than ${MAX_JSON_BODY_BYTES / 1024} KiB`, [
    { path: "(body)", message: `must be at most ${MAX_JSON_BODY_BYTES} bytes` },
  ]);
}
