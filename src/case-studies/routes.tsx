/** Case-study routes: the read API and the record and browse pages. */
import { type Context, Hono } from "hono";
import { facetFilterKeys } from "../domain/facets";
import type { AppEnv } from "../env";
import { ProblemError } from "../http/problem";
import { parseQuery } from "../http/validate";
import type { ApiRoute } from "../openapi/registry";
import { toCaseStudyJson, toSummaryJson } from "./present";
import { findCaseStudy, listCaseStudies } from "./queries";
import { caseStudyListSchema, caseStudyResponseSchema, listQuerySchema, slugParamsSchema } from "./schemas";
import { CaseStudyListPage, CaseStudyPage } from "./views";

export const caseStudyApiRoutes: ApiRoute[] = [
  {
    method: "get",
    path: "/api/v1/case-studies",
    tag: "Case studies",
    summary: "List case studies",
    description: "Paginated, filterable by any enumeration. Values within a filter are ORed; filters are ANDed.",
    query: listQuerySchema,
    responses: {
      200: { description: "A page of case studies", schema: caseStudyListSchema },
      400: { description: "Invalid query" },
    },
  },
  {
    method: "get",
    path: "/api/v1/case-studies/{slug}",
    tag: "Case studies",
    summary: "Get one case study",
    description:
      "The record exactly as the data contract shapes it, plus the derived evidence grade and rendered body.",
    params: slugParamsSchema,
    responses: {
      200: { description: "The case study", schema: caseStudyResponseSchema },
      404: { description: "No such slug" },
    },
  },
];

function listUrl(base: URL, page: number): string {
  const url = new URL(base);
  url.searchParams.set("page", String(page));
  return url.toString();
}

/** Parses the list query (400 on bad filters) and reads that page: shared by the API and the browse page. */
async function listFromQuery(c: Context<AppEnv>) {
  const query = parseQuery(c, listQuerySchema, facetFilterKeys);
  const { order, page, limit, ...filters } = query;
  const { rows, total } = await listCaseStudies(c.env.DB, filters, order, limit, (page - 1) * limit);
  return { query, rows, total };
}

export const caseStudyRoutes = new Hono<AppEnv>();

caseStudyRoutes.get("/api/v1/case-studies", async (c) => {
  const { query, rows, total } = await listFromQuery(c);
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
});

caseStudyRoutes.get("/api/v1/case-studies/:slug", async (c) => {
  const row = await findCaseStudy(c.env.DB, c.req.param("slug"));
  if (!row) throw new ProblemError(404, `No case study has the slug '${c.req.param("slug")}'`);
  return c.json(toCaseStudyJson(row));
});

caseStudyRoutes.get("/case-studies", async (c) => {
  const { query, rows, total } = await listFromQuery(c);
  return c.html(<CaseStudyListPage rows={rows} total={total} query={query} />);
});

caseStudyRoutes.get("/case-studies/:slug", async (c) => {
  const row = await findCaseStudy(c.env.DB, c.req.param("slug"));
  if (!row) throw new ProblemError(404, "There is no case study at this address.");
  return c.html(<CaseStudyPage row={row} />);
});
