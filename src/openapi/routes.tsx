/**
 * GET /openapi.json and /docs, a server-rendered reference of the same document. The document is built from the route
 * declarations at build time (registry.ts, run by npm run data:build) and read here as static data, so the JSON
 * Schema generator stays out of the Worker.
 */
import { Hono } from "hono";
import type { AppEnv, Env } from "../env";
import { bodyEtag } from "../http/conditional";
import { staticData } from "../http/static-data";
import { Layout } from "../views/layout";

type Json = Record<string, unknown>;

function schemaSummary(schema: Json | undefined): string {
  if (!schema) return "";
  if (Array.isArray(schema.enum)) return `one of ${(schema.enum as unknown[]).join(", ")}`;
  if (schema.type === "array") {
    const items = schema.items as Json | undefined;
    return `list of ${items && Array.isArray(items.enum) ? (items.enum as unknown[]).join(" | ") : (items?.type ?? "values")}`;
  }
  const parts = [String(schema.type ?? "value")];
  if (schema.minimum !== undefined) parts.push(`≥ ${schema.minimum}`);
  if (schema.maximum !== undefined) parts.push(`≤ ${schema.maximum}`);
  if (schema.default !== undefined) parts.push(`default ${JSON.stringify(schema.default)}`);
  return parts.join(", ");
}

/** The document as built, with this server's origin as its one server. */
async function documentFor(env: Env, origin: string): Promise<Json> {
  return { ...(await staticData<Json>(env, "openapi.json")), servers: [{ url: origin }] };
}

/** The document as sent: its bytes and their ETag. */
interface SentDocument {
  body: ArrayBuffer;
  etag: string;
}

/**
 * The document as sent, by origin, for this isolate's life. It is large (about 180 KB of JSON) and never changes
 * within a deployment, so serialising and hashing it again for every request cost more CPU than any other read route;
 * an isolate answers one origin or two (the deployment's, a custom domain), so this holds a handful of entries.
 */
const sentDocuments = new Map<string, SentDocument>();

async function sentDocumentFor(env: Env, origin: string): Promise<SentDocument> {
  const known = sentDocuments.get(origin);
  if (known) return known;
  const body = new TextEncoder().encode(JSON.stringify(await documentFor(env, origin))).buffer as ArrayBuffer;
  const sent = { body, etag: await bodyEtag(body) };
  // Bounded against a client that sends many Host headers: only the first few origins are kept.
  if (sentDocuments.size < 8) sentDocuments.set(origin, sent);
  return sent;
}

/** Mounts the document and its reference page. */
export function openApiRoutes() {
  const app = new Hono<AppEnv>();

  app.get("/openapi.json", async (c) => {
    const sent = await sentDocumentFor(c.env, new URL(c.req.url).origin);
    // The ETag set here spares the caching middleware hashing the body again.
    return c.body(sent.body.slice(0), 200, { "content-type": "application/json", etag: sent.etag });
  });

  app.get("/docs", async (c) => {
    const doc = await documentFor(c.env, new URL(c.req.url).origin);
    const paths = doc.paths as Record<string, Record<string, Json>>;
    return c.html(
      <Layout title="API reference" description="The JSON API: routes, parameters and responses.">
        <h1>API reference</h1>
        <p class="lede">
          Everything on this site is available as JSON. The machine-readable description is{" "}
          <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1), generated from the same schemas that validate
          requests. Errors are <code>application/problem+json</code> (RFC 9457) and name every bad field.
        </p>
        {Object.entries(paths).map(([path, operations]) =>
          Object.entries(operations).map(([method, op]) => (
            <section aria-labelledby={`${method}-${path}`}>
              <h2 id={`${method}-${path}`}>
                <code>
                  {method.toUpperCase()} {path}
                </code>
              </h2>
              <p>
                <strong>{String(op.summary)}.</strong> {op.description ? String(op.description) : ""}
              </p>
              {(op.parameters as Json[]).length ? (
                <div class="table-wrap">
                  <table>
                    <caption class="visually-hidden">Parameters</caption>
                    <thead>
                      <tr>
                        <th scope="col">Parameter</th>
                        <th scope="col">In</th>
                        <th scope="col">Type</th>
                        <th scope="col">Description</th>
                      </tr>
                    </thead>
                    <tbody>
                      {(op.parameters as Json[]).map((p) => (
                        <tr>
                          <td>
                            <code>{String(p.name)}</code>
                            {p.required ? " (required)" : ""}
                          </td>
                          <td>{String(p.in)}</td>
                          <td class="small">{schemaSummary(p.schema as Json)}</td>
                          <td>{p.description ? String(p.description) : ""}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ) : null}
              <p class="small">
                Responses:{" "}
                {Object.entries(op.responses as Record<string, Json>)
                  .map(([status, r]) => `${status} ${String(r.description)}`)
                  .join(" · ")}
              </p>
            </section>
          )),
        )}
      </Layout>,
    );
  });
  return app;
}
