/** One record as a download: `GET /api/v1/exports/case-studies/{slug}?format=…` (the formats live in src/exports/). */
import * as z from "zod/mini";
import { exportDownload, exportFormatField, exportResponse } from "../exports/download";
import { ProblemError } from "../http/problem";
import { defineRoute } from "../http/route";
import { findCaseStudy } from "../records/read";
import { slugParamsSchema } from "./schemas";

/** The export's path for a record (links and `<link rel="alternate">` use it). */
export function caseStudyExportPath(slug: string): string {
  return `/api/v1/exports/case-studies/${slug}`;
}

export const caseStudyExportRoutes = [
  defineRoute({
    method: "get",
    path: "/api/v1/exports/case-studies/{slug}",
    tag: "Exports",
    summary: "Export one case study",
    description:
      "The record as Markdown, CSV of its outcomes, JSON in the data contract's shape, or its sources as BibTeX, RIS or CSL-JSON. Every format carries the evidence grade and the provenance (a CSV column, a note on each citation).",
    params: slugParamsSchema,
    query: { schema: z.strictObject({ format: exportFormatField("markdown") }) },
    responses: {
      200: exportResponse,
      404: { description: "No record has this slug (or the slug is malformed)" },
    },
    handler: async (c, { params, query }) => {
      const row = await findCaseStudy(c.env.DB, params.slug);
      if (!row) throw new ProblemError(404, `No case study has the slug '${params.slug}'`);
      const origin = new URL(c.req.url).origin;
      const collection = {
        title: row.record.title,
        description: row.record.summary,
        url: `${origin}/case-studies/${row.record.slug}`,
        origin,
        records: [row.record],
      };
      return exportDownload(query.format, collection, row.record.slug, new Date());
    },
  }),
];
