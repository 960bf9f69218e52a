/**
 * A route declared once: method, path (written in OpenAPI form, `/api/v1/case-studies/{slug}`), documentation,
 * request schemas, response schemas and the handler live in one object. `mount` adds the Hono route; the OpenAPI
 * document (src/openapi/registry.ts) is built from the same objects, so the description cannot drift from the
 * behaviour. One validation hook reads and checks params, query and body before the handler runs, and turns every
 * failure into the same `validationProblem` (404 for path parameters, 400 for query and body, naming each field).
 */
import type { Context, Hono } from "hono";
import type * as z from "zod/mini";
import type { AppEnv } from "../env";
import { authResponses, requireScope, type TokenHolder, type TokenScope } from "./auth";
import { type Checked, checkQuery, checkWith, orProblem, type QuerySpec, readJsonBody } from "./validate";

export type Method = "get" | "post" | "put" | "delete";

/** One declared response: a JSON body schema for success, the problem schema by default for errors. */
export interface ResponseSpec {
  description: string;
  schema?: z.core.$ZodType;
  contentType?: string;
  /**
   * A response that comes in several media types (an export as Markdown, CSV, BibTeX…): each type with the schema
   * of its body when it is JSON. Replaces `schema` and `contentType`.
   */
  content?: Readonly<Record<string, { schema?: z.core.$ZodType }>>;
}

/**
 * A JSON body checked by an engine of its own rather than by a zod schema here (the calculators validate their
 * input the same way in the browser): `describedBy` documents it, `checkBody` checks it and names every bad field.
 */
export interface EngineBody<T> {
  describedBy: z.core.$ZodType;
  checkBody: (raw: unknown) => Checked<T>;
}

type BodySpec = z.ZodMiniType | EngineBody<unknown>;
type ParamsOf<P> = P extends z.ZodMiniObject ? z.output<P> : Record<string, never>;
type QueryOf<Q> = Q extends QuerySpec<infer S> ? z.output<S> : Record<string, never>;
type BodyOf<B> = B extends z.ZodMiniType ? z.output<B> : B extends EngineBody<infer T> ? T : undefined;

/** The validated input a handler receives. */
export interface RouteInput<P, Q, B> {
  params: ParamsOf<P>;
  query: QueryOf<Q>;
  body: BodyOf<B>;
  /** Who sent the request, for a route declared with `auth` (checked before anything else is read). */
  holder?: TokenHolder;
}

/** What a route is declared with. */
export interface RouteSpec<P, Q, B> {
  method: Method;
  /** OpenAPI path template, e.g. /api/v1/case-studies/{slug}; Hono's `:slug` form is derived from it. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  /** Path parameters; a value that fails them means the address names nothing (404). */
  params?: P;
  query?: Q;
  /** The JSON body (64 KiB at most; an empty body reads as `{}`). */
  body?: B;
  /** The token scope the route needs (src/http/auth.ts): checked first, so nobody without one learns more. */
  auth?: TokenScope;
  /** Every status the handler answers with. Those the hook can answer (400, 404, 413, 415) are added when missing. */
  responses: Record<number, ResponseSpec>;
  handler: (c: Context<AppEnv>, input: RouteInput<P, Q, B>) => Response | Promise<Response>;
}

/** A declared route: what the OpenAPI document and the contract test read, and `mount` to serve it. */
export interface ApiRoute {
  readonly method: Method;
  readonly path: string;
  /** The same path as Hono writes it. */
  readonly honoPath: string;
  readonly tag: string;
  readonly summary: string;
  readonly description?: string;
  readonly params?: z.ZodMiniObject;
  readonly query?: z.ZodMiniObject;
  /** The documented request body schema. */
  readonly body?: z.core.$ZodType;
  readonly auth?: TokenScope;
  /** Every status the route can answer with, the hook's included. */
  readonly responses: Readonly<Record<number, ResponseSpec>>;
  /** Adds the route to a Hono app. */
  mount(app: Hono<AppEnv>): void;
}

const TEMPLATE_PARAM = /\{(\w+)\}/g;

/** Declares a route. Throws at declaration when the path names parameters its params schema lacks. */
export function defineRoute<
  P extends z.ZodMiniObject | undefined = undefined,
  Q extends QuerySpec | undefined = undefined,
  B extends BodySpec | undefined = undefined,
>(spec: RouteSpec<P, Q, B>): ApiRoute {
  const names = [...spec.path.matchAll(TEMPLATE_PARAM)].map((m) => m[1] as string);
  const paramsSchema = spec.params as z.ZodMiniObject | undefined;
  const missing = names.filter((name) => !paramsSchema || !(name in paramsSchema.shape));
  if (missing.length) throw new Error(`${spec.path}: no params schema for ${missing.join(", ")}`);
  const querySpec = spec.query as QuerySpec | undefined;
  const bodySpec = spec.body as BodySpec | undefined;
  const honoPath = spec.path.replace(TEMPLATE_PARAM, ":$1");

  /** The one validation hook: every request part is read and checked before the handler sees it. */
  async function input(c: Context<AppEnv>): Promise<RouteInput<P, Q, B>> {
    const holder = spec.auth ? await requireScope(c, spec.auth) : undefined;
    const params = paramsSchema ? orProblem("params", checkWith(paramsSchema, c.req.param())) : {};
    const query = querySpec ? orProblem("query", checkQuery(c, querySpec)) : {};
    let body: unknown;
    if (bodySpec) {
      const raw = await readJsonBody(c);
      body = orProblem("body", "checkBody" in bodySpec ? bodySpec.checkBody(raw) : checkWith(bodySpec, raw));
    }
    return { params, query, body, ...(holder ? { holder } : {}) } as RouteInput<P, Q, B>;
  }

  return {
    method: spec.method,
    path: spec.path,
    honoPath,
    tag: spec.tag,
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    ...(paramsSchema ? { params: paramsSchema } : {}),
    ...(querySpec ? { query: querySpec.schema } : {}),
    ...(bodySpec ? { body: "checkBody" in bodySpec ? bodySpec.describedBy : bodySpec } : {}),
    ...(spec.auth ? { auth: spec.auth } : {}),
    responses: {
      ...(spec.method === "get" ? NOT_MODIFIED : {}),
      ...hookResponses(names, Boolean(querySpec), Boolean(bodySpec)),
      ...(spec.auth ? authResponses : {}),
      ...spec.responses,
    },
    mount(app) {
      app.on(spec.method.toUpperCase(), honoPath, async (c) => spec.handler(c, await input(c)));
    },
  };
}

/** Every GET can answer 304 (src/http/caching.ts): If-None-Match named the ETag it would answer with. */
const NOT_MODIFIED: Record<number, ResponseSpec> = {
  304: { description: "Not modified: If-None-Match names the current ETag; no body" },
};

/** The statuses the validation hook itself can answer with, so the document declares them. */
function hookResponses(params: readonly string[], query: boolean, body: boolean): Record<number, ResponseSpec> {
  const out: Record<number, ResponseSpec> = {};
  if (params.length) out[404] = { description: `Nothing at this address (${params.join(", ")} names nothing)` };
  if (query) out[400] = { description: "Invalid query parameters, each named" };
  if (body) {
    out[400] = { description: "Invalid JSON or invalid fields, each named by path" };
    out[413] = { description: "Body larger than 64 KiB" };
    out[415] = { description: "Body not sent as application/json" };
  }
  return out;
}

/** The label of the token holder of a route declared with `auth` (the hook has checked it). */
export function holderLabel(input: { holder?: TokenHolder }): string {
  if (!input.holder) throw new Error("holderLabel: the route is not declared with auth");
  return input.holder.label;
}

/** Adds every route to the app, in order. */
export function mountRoutes(app: Hono<AppEnv>, routes: readonly ApiRoute[]): Hono<AppEnv> {
  for (const route of routes) route.mount(app);
  return app;
}
