/**
 * The API contract check: every JSON response the integration suite sees must be one the OpenAPI document
 * declares. The operation is found by method and path template; its status must be declared; the body must pass
 * the declared schema and carry no key the schema does not declare (the document's objects are closed:
 * `additionalProperties: false`). Problem+json from anywhere must have the one problem shape.
 *
 * It validates with the zod schemas the document is generated from (the route declarations), not with the
 * generated JSON Schema: they are the same objects, zod needs no second validator in workerd, and a failure names
 * the field in the same notation as the API's own errors.
 */
import type * as z from "zod";
import { apiRoutes } from "../../src/app";
import { formatPath, toFieldErrors } from "../../src/domain/field-error";
import { problemSchema } from "../../src/http/problem";
import type { ApiRoute } from "../../src/http/route";

interface Operation {
  route: ApiRoute;
  pattern: RegExp;
}

function operationsOf(routes: readonly ApiRoute[]): Operation[] {
  return routes.map((route) => ({
    route,
    pattern: new RegExp(`^${route.path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{\w+\}/g, "[^/]+")}$`),
  }));
}

/** Paths of keys in `sent` that the schema's output `parsed` does not have: keys the schema does not declare. */
function undeclaredKeys(sent: unknown, parsed: unknown, path: (string | number)[] = []): string[] {
  if (Array.isArray(sent) && Array.isArray(parsed)) {
    return sent.flatMap((item, i) => undeclaredKeys(item, parsed[i], [...path, i]));
  }
  if (sent === null || typeof sent !== "object" || parsed === null || typeof parsed !== "object") return [];
  return Object.entries(sent).flatMap(([key, value]) =>
    key in parsed
      ? undeclaredKeys(value, (parsed as Record<string, unknown>)[key], [...path, key])
      : [formatPath([...path, key])],
  );
}

function mismatch(where: string, what: string): Error {
  return new Error(`API contract: ${where}: ${what}`);
}

/** Checks `body` against `schema`, strictly: every field valid, no undeclared key. */
function conform(where: string, schema: z.core.$ZodType, body: unknown): void {
  const result = (schema as z.ZodType).safeParse(body);
  if (!result.success) {
    const errors = toFieldErrors(result.error.issues).map((e) => `${e.path || "(root)"}: ${e.message}`);
    throw mismatch(where, `the body does not match the declared schema:\n  ${errors.join("\n  ")}`);
  }
  const extra = undeclaredKeys(body, result.data);
  if (extra.length) throw mismatch(where, `the body has keys the schema does not declare: ${extra.join(", ")}`);
}

/** A checker for these routes (the app's by default); throws an Error saying what does not match. */
export function contractChecker(routes: readonly ApiRoute[] = apiRoutes()) {
  const operations = operationsOf(routes);
  return async function check(method: string, url: string, res: Response): Promise<void> {
    const { pathname } = new URL(url, "https://example.test");
    const verb = method.toLowerCase();
    if (verb === "head" || verb === "options") return;
    const type = res.headers.get("content-type") ?? "";
    const where = `${method.toUpperCase()} ${pathname} → ${res.status}`;
    const operation = operations.find((o) => o.route.method === verb && o.pattern.test(pathname));
    if (!operation) {
      // Not an operation of the document (a page, /openapi.json, an unknown API address): any problem it answers
      // with has the one problem shape, and an unknown API address is a 404 problem.
      if (pathname.startsWith("/api/")) {
        if (res.status !== 404) throw mismatch(where, "no declared operation, yet not a 404");
        if (!type.startsWith("application/problem+json")) throw mismatch(where, `answered as ${type}`);
      }
      if (type.startsWith("application/problem+json")) conform(where, problemSchema, await res.clone().json());
      return;
    }
    const declared = operation.route.responses[res.status];
    if (!declared) {
      const statuses = Object.keys(operation.route.responses).join(", ");
      throw mismatch(where, `status ${res.status} is not declared for ${operation.route.path} (declared: ${statuses})`);
    }
    if (res.status === 304) {
      // Not Modified has no body, whatever the 200 it stands for would carry.
      if ((await res.clone().text()) !== "") throw mismatch(where, "a 304 with a body");
      return;
    }
    if (declared.content) {
      const media = Object.entries(declared.content).find(([declaredType]) => type.startsWith(declaredType));
      if (!media) throw mismatch(where, `content type ${type}, declared ${Object.keys(declared.content).join(" or ")}`);
      if (media[1].schema && /json/.test(media[0])) conform(where, media[1].schema, await res.clone().json());
      return;
    }
    const expectedType = declared.contentType ?? (res.status >= 400 ? "application/problem+json" : "application/json");
    if (!type.startsWith(expectedType)) throw mismatch(where, `content type ${type}, declared ${expectedType}`);
    const schema = declared.schema ?? (res.status >= 400 ? problemSchema : undefined);
    if (schema && /json/.test(expectedType)) conform(where, schema, await res.clone().json());
  };
}

/** The check every integration helper runs on every response. */
export const checkContract = contractChecker();
