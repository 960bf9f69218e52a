/** Case-study routes: the read API and the record and browse pages. */
import { type Context, Hono } from "hono";
import type { AppEnv } from "../env";
import { ProblemError } from "../http/problem";
import { defineRoute, mountRoutes } from "../http/route";
import { type QuerySpec, validatedQuery } from "../http/validate";
import { findCaseStudy, listCaseStudies } from "../records/read";
import { caseStudyExportRoutes } from "./exports";
import { toCaseStudyJson, toSummaryJson } from "./present";
import {
  caseStudyListSchema,
  caseStudyResponseSchema,
  type ListQuery,
  listQuerySchema,
  slugParamsSchema,
} from "./schemas";
import { CaseStudyListPage, CaseStudyPage } from "./views";

/** How the list reads its query: the API and the browse page alike (filters repeat or take commas). */
const listQuery: QuerySpec<typeof listQuerySchema> = { schema: listQuerySchema };

function listUrl(base: URL, page: number): string {
  const url = new URL(base);
  url.searchParams.set("page", String(page));
  return url.toString();
}

/** Reads one page of the list for a validated query: shared by the API and the browse page. */
async function listPage(c: Context<AppEnv>, query: ListQuery) {
  const { order, page, limit, ...filters } = query;
  return listCaseStudies(c.env.DB, filters, order, limit, (page - 1) * limit);
}

/** The case-study API, declared once for the routes and the OpenAPI document. */
export const caseStudyApiRoutes = [
  defineRoute({
    method: "get",
    path: "/api/v1/case-studies",
    tag: "Case studies",
    summary: "List case studies",
    description: "Paginated, filterable by any enumeration. Values within a filter are ORed; filters are ANDed.",
    query: listQuery,
    responses: { 200: { description: "A page of case studies", schema: caseStudyListSchema } },
    handler: async (c, { query }) => {
      const { rows, total } = await listPage(c, query);
      const url = new URL(c.req.url);
      const pages = Math.max(1, Math.ceil(total / query.limit));
      return c.json({
        items: rows.map((row) => toSummaryJson(row, url.origin)),
        total,
        page: query.page,
        limit: query.limit,
        pages,
        next: query.page < pages ? listUrl(url, query.page + 1) : null,
        prev: query.page > 1 ? listUrl(url, Math.min(query.page - 1, pages)) : null,
      });
    },
  }),
  defineRoute({
    method: "get",
    path: "/api/v1/case-studies/{slug}",
    tag: "Case studies",
    summary: "Get one case study",
    description:
      "The record exactly as the data contract shapes it, plus the derived evidence grade and rendered body.",
    params: slugParamsSchema,
    responses: {
      200: { description: "The case study", schema: caseStudyResponseSchema },
      404: { description: "No record has this slug (or the slug is malformed)" },
    },
    handler: async (c, { params }) => {
      const row = await findCaseStudy(c.env.DB, params.slug);
      if (!row) throw new ProblemError(404, `No case study has the slug '${params.slug}'`);
      return c.json(toCaseStudyJson(row));
    },
  }),
  ...caseStudyExportRoutes,
];

export const caseStudyRoutes = mountRoutes(new Hono<AppEnv>(), caseStudyApiRoutes);

caseStudyRoutes.get("/case-studies", async (c) => {
  // The same reading and checking as the API: a bad filter is a 400 page naming it.
  const query = validatedQuery(c, listQuery);
  const { rows, total } = await listPage(c, query);
  return c.html(<CaseStudyListPage rows={rows} total={total} query={query} />);
});

caseStudyRoutes.get("/case-studies/:slug", async (c) => {
  const row = await findCaseStudy(c.env.DB, c.req.param("slug"));
  if (!row) throw new ProblemError(404, "There is no case study at this address.");
  return c.html(<CaseStudyPage row={row} origin={new URL(c.req.url).origin} />);
});
