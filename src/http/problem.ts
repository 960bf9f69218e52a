/**
 * The one error path. Routes throw `ProblemError`; `app.onError` turns it into RFC 9457 problem+json for the API
 * and a readable page for HTML routes. Anything else thrown is logged and answered as a bare 500 without detail.
 */
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type * as z from "zod";
import { type FieldError, toFieldErrors } from "../domain/case-study";

const TITLES: Record<number, string> = {
  400: "Bad request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not found",
  405: "Method not allowed",
  413: "Content too large",
  415: "Unsupported media type",
  429: "Too many requests",
  500: "Internal server error",
};

export class ProblemError extends HTTPException {
  readonly title: string;
  readonly detail: string;
  readonly errors: FieldError[];

  constructor(status: ContentfulStatusCode, detail: string, errors: FieldError[] = []) {
    super(status, { message: detail });
    this.title = TITLES[status] ?? "Error";
    this.detail = detail;
    this.errors = errors;
  }
}

/** A 400 naming every bad field, from zod issues. */
export function validationProblem(issues: readonly z.core.$ZodIssue[], what = "request"): ProblemError {
  const errors = toFieldErrors(issues);
  return new ProblemError(
    400,
    `The ${what} has ${errors.length} invalid field${errors.length === 1 ? "" : "s"}: ${errors.map((e) => e.path).join(", ")}`,
    errors,
  );
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  errors?: FieldError[];
}

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
  return body;
}

/** True when the client should get problem+json rather than a page. */
export function wantsJson(c: Context): boolean {
  const path = new URL(c.req.url).pathname;
  if (path.startsWith("/api/") || path === "/openapi.json") return true;
  const accept = c.req.header("accept") ?? "";
  return accept.includes("application/json") && !accept.includes("text/html");
}

export function problemResponse(c: Context, problem: ProblemError): Response {
  return new Response(JSON.stringify(problemBody(c, problem)), {
    status: problem.status,
    headers: { "content-type": "application/problem+json; charset=utf-8" },
  });
}
