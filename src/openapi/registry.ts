/**
 * The OpenAPI 3.1 document, generated from the same zod schemas the routes validate with (z.toJSONSchema), so the
 * description cannot drift from the behaviour. Each feature declares its routes with `defineRoute` (src/http/route.ts);
 * the document is built from those declarations, nothing is written by hand.
 */
import * as z from "zod/mini";
import { problemSchema } from "../http/problem";
import type { ApiRoute } from "../http/route";

type JsonSchema = Record<string, unknown>;

function toSchema(schema: z.core.$ZodType, io: "input" | "output"): JsonSchema {
  const json = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema;
  delete json.$schema;
  return json;
}

function parameters(route: ApiRoute): JsonSchema[] {
  const out: JsonSchema[] = [];
  for (const [where, schema] of [
    ["path", route.params],
    ["query", route.query],
  ] as const) {
    if (!schema) continue;
    for (const [name, field] of Object.entries(schema.shape)) {
      const fieldSchema = toSchema(field as z.ZodMiniType, "input");
      out.push({
        name,
        in: where,
        required: where === "path" || !(field as z.ZodMiniType).safeParse(undefined).success,
        description: z.globalRegistry.get(field as z.ZodMiniType)?.description ?? fieldSchema.description,
        schema: fieldSchema,
        ...(where === "query" && fieldSchema.type === "array" ? { style: "form", explode: true } : {}),
      });
    }
  }
  return out;
}

/** Builds the whole document from the routes of every feature. */
export function buildOpenApiDocument(routes: readonly ApiRoute[], serverUrl?: string): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const responses: Record<string, unknown> = {};
    for (const [status, response] of Object.entries(route.responses)) {
      const contentType =
        response.contentType ?? (Number(status) >= 400 ? "application/problem+json" : "application/json");
      const schema = response.schema ?? (Number(status) >= 400 ? problemSchema : undefined);
      const content = response.content
        ? Object.fromEntries(
            Object.entries(response.content).map(([type, body]) => [
              type,
              { schema: body.schema ? toSchema(body.schema, "output") : { type: "string" } },
            ]),
          )
        : schema
          ? { [contentType]: { schema: toSchema(schema, "output") } }
          : null;
      responses[status] = { description: response.description, ...(content ? { content } : {}) };
    }
    paths[route.path] ??= {};
    (paths[route.path] as Record<string, unknown>)[route.method] = {
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      tags: [route.tag],
      operationId: `${route.method}${route.path.replace(/[^a-zA-Z0-9]+(.)?/g, (_, ch: string | undefined) => (ch ? ch.toUpperCase() : ""))}`,
      parameters: parameters(route),
      ...(route.auth ? { security: [{ bearerToken: [] }] } : {}),
      ...(route.body
        ? {
            requestBody: {
              required: false,
              content: { "application/json": { schema: toSchema(route.body, "input") } },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Integrative Care Financing Evidence API",
      version: "1.0.0",
      description:
        "Case studies of how integrative care was financed and what happened, with graded evidence and traceable sources; ROI calculators. Errors are RFC 9457 problem+json.",
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    paths,
    components: {
      securitySchemes: {
        bearerToken: {
          type: "http",
          scheme: "bearer",
          description:
            'A token from the API_TOKENS secret, sent as "Authorization: Bearer <token>"; writing needs scope "write", reviewing scope "review".',
        },
      },
    },
  };
}
