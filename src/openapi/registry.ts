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

const LOCAL_REF = /^#\/\$defs\/(.+)$/;

/** A copy of a schema whose `#/$defs/Name` references name `#/components/schemas/<renamed Name>` instead. */
function pointAtComponents(value: unknown, rename: (name: string) => string): unknown {
  if (Array.isArray(value)) return value.map((item) => pointAtComponents(item, rename));
  if (!value || typeof value !== "object") return value;
  const out: JsonSchema = {};
  for (const [key, inner] of Object.entries(value)) {
    const local = key === "$ref" && typeof inner === "string" ? LOCAL_REF.exec(inner) : null;
    out[key] = local ? `#/components/schemas/${rename(local[1] as string)}` : pointAtComponents(inner, rename);
  }
  return out;
}

/**
 * The document's named schemas (`components.schemas`). z.toJSONSchema writes each named schema (a `meta({ id })`)
 * into the `$defs` of every schema that uses it, and a reference `#/$defs/Name` inside an OpenAPI document points at
 * the document's root, where nothing is: so each named schema is kept here once, and every operation refers to it.
 * (It also halved the document: the problem schema alone was repeated in more than a hundred responses.)
 */
class SharedSchemas {
  readonly schemas: Record<string, JsonSchema> = {};
  private readonly texts = new Map<string, string>();

  /** The schema of a body, its named parts moved to the components. */
  share(json: JsonSchema, io: "input" | "output"): JsonSchema {
    const defs = (json.$defs ?? {}) as Record<string, JsonSchema>;
    const { $defs: _local, ...rest } = json;
    const names = new Map<string, string>();
    // A request body may differ from the response of the same name (defaults are optional on the way in): a request
    // body's own version is kept as NameInput when the two differ.
    const rename = (name: string) => names.get(name) ?? name;
    for (const [name, def] of Object.entries(defs)) {
      const plain = JSON.stringify(def);
      const known = this.texts.get(name);
      if (known === undefined || known === plain) continue;
      if (io === "output") throw new Error(`openapi: two different response schemas are named ${name}`);
      names.set(name, `${name}Input`);
    }
    for (const [name, def] of Object.entries(defs)) {
      const target = rename(name);
      const plain = JSON.stringify(def);
      const known = this.texts.get(target);
      if (known !== undefined && known !== plain) throw new Error(`openapi: two different schemas are named ${target}`);
      this.texts.set(target, plain);
      this.schemas[target] = pointAtComponents(def, rename) as JsonSchema;
    }
    return pointAtComponents(rest, rename) as JsonSchema;
  }
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
  const shared = new SharedSchemas();
  const schemaOf = (schema: z.core.$ZodType, io: "input" | "output") => shared.share(toSchema(schema, io), io);
  // Responses first, so a response schema owns its name and a request body that differs takes NameInput.
  const responsesOf = routes.map((route) => {
    const responses: Record<string, unknown> = {};
    for (const [status, response] of Object.entries(route.responses)) {
      const contentType =
        response.contentType ?? (Number(status) >= 400 ? "application/problem+json" : "application/json");
      const schema = response.schema ?? (Number(status) >= 400 ? problemSchema : undefined);
      const content = response.content
        ? Object.fromEntries(
            Object.entries(response.content).map(([type, body]) => [
              type,
              { schema: body.schema ? schemaOf(body.schema, "output") : { type: "string" } },
            ]),
          )
        : schema
          ? { [contentType]: { schema: schemaOf(schema, "output") } }
          : null;
      responses[status] = { description: response.description, ...(content ? { content } : {}) };
    }
    return responses;
  });
  routes.forEach((route, index) => {
    const responses = responsesOf[index];
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
              content: { "application/json": { schema: schemaOf(route.body, "input") } },
            },
          }
        : {}),
      responses,
    };
  });
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
      schemas: shared.schemas,
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
