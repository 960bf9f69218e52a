/**
 * A search result set as a download: `GET /api/v1/exports/search?…&format=…` takes the search API's own query (the
 * same schema, so the same filters and words, and the same errors), runs it through the search runner page by page
 * and exports the whole records it found, in the search's order, up to EXPORT_MAX_RECORDS.
 */
import * as z from "zod/mini";
import { FACETS, facetValueLabel, LIST_FILTER_NAMES } from "../domain/facets";
import { exportDownload, exportFormatField, exportResponse } from "../exports/download";
import { validationProblem } from "../http/problem";
import { defineRoute } from "../http/route";
import type { QuerySpec } from "../http/validate";
import { findCaseStudies } from "../records/read";
import { matchingSlugs } from "./run";
import { type SearchQuery, searchQuerySchema } from "./schemas";
import { prepareCaseStudySearch, searchHref } from "./spec";

/** At most this many records in one export (read as one page of the result set: matchingSlugs in run.ts). */
export const EXPORT_MAX_RECORDS = 200;

const exportQuerySchema = z.safeExtend(searchQuerySchema, { format: exportFormatField("csv") });

const exportQuery: QuerySpec<typeof exportQuerySchema> = { schema: exportQuerySchema, textKeys: ["q"] };

/** The path of the export of a search state (the search page links to it). */
export const SEARCH_EXPORT_PATH = "/api/v1/exports/search";

/** The search's words and filters in words, for the export's heading. */
export function describeSearch(query: SearchQuery): string {
  const parts: string[] = [];
  if (query.q?.trim()) parts.push(`words “${query.q.trim()}”`);
  for (const facet of LIST_FILTER_NAMES) {
    const values = query[facet];
    if (values?.length)
      parts.push(`${FACETS[facet].label}: ${values.map((v) => facetValueLabel(facet, v)).join(" or ")}`);
  }
  if (query.min_grade) parts.push(`evidence grade ${facetValueLabel("grade", query.min_grade)}`);
  if (query.has_cost_figures === "true") parts.push("states cost or ROI figures");
  if (query.year_from !== undefined) parts.push(`evidence from ${query.year_from}`);
  if (query.year_to !== undefined) parts.push(`evidence up to ${query.year_to}`);
  return parts.length ? parts.join("; ") : "every published case study";
}

export const searchExportRoutes = [
  defineRoute({
    method: "get",
    path: SEARCH_EXPORT_PATH,
    tag: "Exports",
    summary: "Export a search result set",
    description: `The same query as GET /api/v1/search (words, filters, sort; the same errors), exported whole in the search's order, up to ${EXPORT_MAX_RECORDS} records (\`x-export-total\` says how many matched, a lower bound when \`x-export-total-exact\` is false, \`x-export-records\` how many are in the file); case studies only, none when \`kind\` leaves them out: Markdown, CSV of every outcome, JSON in the data contract's shape, or the sources as BibTeX, RIS or CSL-JSON, each carrying grade and provenance. \`limit\` is ignored; \`cursor\` starts from that page.`,
    query: exportQuery,
    responses: { 200: exportResponse, 400: { description: "Invalid filter, sort or cursor, each named" } },
    handler: async (c, { query }) => {
      const { format, ...search } = query;
      // An export is of case studies (the records' contract): the search's other kinds are left out, and a `kind`
      // filter without case_study exports none.
      const prepared = prepareCaseStudySearch({ ...search, limit: EXPORT_MAX_RECORDS });
      if (prepared.badCursor) {
        throw validationProblem("query", [{ path: "cursor", message: "is not a cursor this search returned" }]);
      }
      const { slugs, total, totalExact } = await matchingSlugs(c.env.DB, prepared.spec, EXPORT_MAX_RECORDS);
      const rows = await findCaseStudies(c.env.DB, slugs);
      const origin = new URL(c.req.url).origin;
      const described = describeSearch(search);
      const cut =
        rows.length < total || !totalExact
          ? ` The first ${rows.length} of ${totalExact ? "" : "at least "}${total} matching records.`
          : "";
      const { cursor: _cursor, limit: _limit, ...state } = search;
      const response = exportDownload(
        format,
        {
          title: `Case studies: ${described}`,
          description: `A search of the knowledge base (${described}), in the search's order.${cut}`,
          url: `${origin}${searchHref("/search", state)}`,
          origin,
          records: rows.map((row) => row.record),
        },
        "case-studies-search",
        new Date(),
      );
      response.headers.set("x-export-total", String(total));
      response.headers.set("x-export-total-exact", String(totalExact));
      response.headers.set("x-export-records", String(rows.length));
      return response;
    },
  }),
];
