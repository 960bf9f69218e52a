/**
 * GET /api/v1/export: every live record (and with ?revisions=1 every revision) as NDJSON, streamed page by page, for
 * backups: `wrangler d1 export` fails on a database with an FTS5 table. The live records are public anyway; the
 * revisions hold withdrawn records too, so they need a `write` token. Submissions are not exported (they hold
 * contact details and are a queue, not the knowledge base).
 */
import { Hono } from "hono";
import * as z from "zod/mini";
import type { AppEnv } from "../env";
import { authResponses, requireScope } from "../http/auth";
import { defineRoute, mountRoutes } from "../http/route";
import { revisionsAfter } from "../records/revisions";
import { headerLine, recordLine, revisionLine } from "./ndjson";
import { recordsAfter } from "./queries";

const PAGE = 100;

export const backupApiRoutes = [
  defineRoute({
    method: "get",
    path: "/api/v1/export",
    tag: "Backup",
    summary: "Export every record (and revision) as NDJSON",
    description:
      "One JSON object a line: a header, every live record by id with its origin and write time, then with `revisions=1` every revision by slug and number (needs a `write` token: revisions keep withdrawn records). `npm run import -- file.ndjson` loads it into an empty local database.",
    query: {
      schema: z.strictObject({
        revisions: z
          ._default(z.enum(["0", "1"]), "0")
          .register(z.globalRegistry, { description: "1 to include every revision" }),
      }),
    },
    responses: {
      200: { description: "The backup, as NDJSON", contentType: "application/x-ndjson" },
      ...authResponses,
    },
    handler: async (c, { query }) => {
      const withRevisions = query.revisions === "1";
      if (withRevisions) await requireScope(c, "write");
      const db = c.env.DB;
      const encoder = new TextEncoder();
      const stream = new ReadableStream<Uint8Array>({
        async start(controller) {
          controller.enqueue(encoder.encode(headerLine(withRevisions)));
          for (let after = 0; ; ) {
            const page = await recordsAfter(db, after, PAGE);
            for (const r of page) controller.enqueue(encoder.encode(recordLine(r)));
            if (page.length < PAGE) break;
            after = page[page.length - 1]?.id ?? after;
          }
          if (withRevisions) {
            for (let cursor: { slug: string; revision: number } | null = null; ; ) {
              const page = await revisionsAfter(db, cursor, PAGE);
              for (const r of page) controller.enqueue(encoder.encode(revisionLine(r)));
              const last = page[page.length - 1];
              if (page.length < PAGE || !last) break;
              cursor = { slug: last.slug, revision: last.revision };
            }
          }
          controller.close();
        },
      });
      return new Response(stream, { headers: { "content-type": "application/x-ndjson; charset=utf-8" } });
    },
  }),
];

export const backupRoutes = mountRoutes(new Hono<AppEnv>(), backupApiRoutes);
