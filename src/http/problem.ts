/**
 * The one error path. Routes throw `ProblemError`; `app.onError` turns it into RFC 9457 problem+json for the API
 * and a readable page for HTML routes. Anything else thrown is logged and answered as a bare 500 without detail.
 */
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import * as z from "zod/mini";
import { describePath, type FieldError } from "../domain/field-error";

const TITLES: Record<number, string> = {
  400: "Bad request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not found",
  405: "Method not allowed",
  409: "Conflict",
  410: "Gone",
  412: "Precondition failed",
  413: "Content too large",
  415: "Unsupported media type",
  428: "Precondition required",
  429: "Too many requests",
  500: "Internal server error",
  501: "Not implemented",
  503: "Service unavailable",
};

/** Extension members a problem may carry beside the standard ones (declared in `problemSchema`). */
export interface ProblemExtensions {
  /** The record's current revision, when a write named another one (412) or the record is withdrawn (410). */
  current_revision?: number;
  /** Where the record's revision history is (410, 412). */
  history?: string;
}

/** What a problem carries beyond status, detail and field errors. */
export interface ProblemOptions {
  /** Response headers, e.g. WWW-Authenticate on a 401, Retry-After on a 429. */
  headers?: Record<string, string>;
  extensions?: ProblemExtensions;
}

export class ProblemError extends HTTPException {
  readonly title: string;
  readonly detail: string;
  readonly errors: FieldError[];
  readonly headers: Record<string, string>;
  readonly extensions: ProblemExtensions;

  constructor(
    status: ContentfulStatusCode,
    detail: string,
    errors: readonly FieldError[] = [],
    options: ProblemOptions = {},
  ) {
    super(status, { message: detail });
    this.title = TITLES[status] ?? "Error";
    this.detail = detail;
    this.headers = options.headers ?? {};
    this.extensions = options.extensions ?? {};
    // Only the documented pair goes out, whatever else a checker attached (the calculators add zod's code).
    this.errors = errors.map(({ path, message }) => ({ path, message }));
  }
}

/** Which part of the request a validation failure is about. */
export type RequestPart = "params" | "query" | "body";

const PART_WORDS: Record<RequestPart, string> = { params: "address", query: "query", body: "body" };

/**
 * The problem for a request part that failed validation, naming every bad field. Path parameters are part of the
 * address, so an address whose parameters cannot name anything (a malformed slug, an unknown calculator) is a 404;
 * a bad query or body is a 400.
 */
export function validationProblem(part: RequestPart, errors: readonly FieldError[]): ProblemError {
  const what = PART_WORDS[part];
  const named = errors.map((e) => `${describePath(e.path, what)} ${e.message}`).join("; ");
  if (part === "params") return new ProblemError(404, `There is nothing at this address: ${named}`, errors);
  const count = `${errors.length} invalid field${errors.length === 1 ? "" : "s"}`;
  const paths = errors.map((e) => describePath(e.path, what)).join(", ");
  return new ProblemError(400, `The ${what} has ${count}: ${paths}`, errors);
}

/** The problem+json body, as the OpenAPI document declares it for every error response. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    detail: z.string(),
    instance: z.string(),
    errors: z.optional(
      z.array(
        z.object({
          path: z
            .string()
            .register(z.globalRegistry, { description: 'The field\'s path; "" for the input as a whole' }),
          message: z.string(),
        }),
      ),
    ),
    current_revision: z.optional(z.int()).register(z.globalRegistry, {
      description: "The record's current revision: on a 412 the one to base an edit on, on a 410 the withdrawal",
    }),
    history: z
      .optional(z.string())
      .register(z.globalRegistry, { description: "The address of the record's revision history (410, 412)" }),
  })
  .register(z.globalRegistry, {
    id: "Problem",
    description:
      "RFC 9457 problem details; `errors` names every bad field by path; `current_revision` and `history` are extension members of write conflicts and withdrawn records.",
  });

export type ProblemBody = z.output<typeof problemSchema>;

/** The RFC 9457 body for a problem at this request. */
export function problemBody(c: Context, problem: ProblemError): ProblemBody {
  const body: ProblemBody = {
    type: `/about/errors#${problem.status}`,
    title: problem.title,
    status: problem.status,
    detail: problem.detail,
    instance: new URL(c.req.url).pathname,
  };
  if (problem.errors.length) body.errors = problem.errors;
  if (problem.extensions.current_revision !== undefined) body.current_revision = problem.extensions.current_revision;
  if (problem.extensions.history !== undefined) body.history = problem.extensions.history;
  return body;
}

/** True when the client should get problem+json rather than a page. */
export function wantsJson(c: Context): boolean {
  const path = new URL(c.req.url).pathname;
  if (path.startsWith("/api/") || path === "/openapi.json" || path === "/oembed") return true;
  const accept = c.req.header("accept") ?? "";
  return accept.includes("application/json") && !accept.includes("text/html");
}

/** The problem as an application/problem+json response. */
export function problemResponse(c: Context, problem: ProblemError): Response {
  return new Response(JSON.stringify(problemBody(c, problem)), {
    status: problem.status,
    headers: { ...problem.headers, "content-type": "application/problem+json; charset=utf-8" },
  });
}
