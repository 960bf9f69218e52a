/** Case-study routes: the read and write API, the record, browse and history pages. */
import { type Context, Hono } from "hono";
import type { AppEnv } from "../env";
import { ProblemError } from "../http/problem";
import { defineRoute, mountRoutes } from "../http/route";
import { type QuerySpec, validatedQuery } from "../http/validate";
import { findCaseStudy, listCaseStudies } from "../records/read";
import { findTombstone, historyToCompare, latestRevision } from "../records/revisions";
import { briefInProgress } from "../views/add-to-brief";
import { caseStudyExportRoutes } from "./exports";
import { HistoryPage, WithdrawnPage } from "./history";
import { toCaseStudyJson, toSummaryJson } from "./present";
import { etagOf, withdrawnProblem } from "./revision-refs";
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
      const { rows, total, totalExact } = await listPage(c, query);
      const url = new URL(c.req.url);
      // A lower bound counts past this page (src/records/read.ts), so there is a next page whenever it is one.
      const pages = totalExact ? Math.max(1, Math.ceil(total / query.limit)) : null;
      return c.json({
        items: rows.map((row) => toSummaryJson(row, url.origin)),
        total,
        total_exact: totalExact,
        page: query.page,
        limit: query.limit,
        pages,
        next: pages === null || query.page < pages ? listUrl(url, query.page + 1) : null,
        prev: query.page > 1 ? listUrl(url, Math.min(query.page - 1, pages ?? query.page - 1)) : null,
      });
    },
  }),
  defineRoute({
    method: "get",
    path: "/api/v1/case-studies/{slug}",
    tag: "Case studies",
    summary: "Get one case study",
    description:
      "The record exactly as the data contract shapes it, plus the derived evidence grade and rendered body. ETag is its revision, which PUT and DELETE name in If-Match.",
    params: slugParamsSchema,
    responses: {
      200: { description: "The case study; ETag is its revision", schema: caseStudyResponseSchema },
      404: { description: "No record has this slug (or the slug is malformed)" },
      410: { description: "The record was withdrawn; `history` is where its revisions are" },
    },
    handler: async (c, { params }) => {
      const [row, revision] = await Promise.all([
        findCaseStudy(c.env.DB, params.slug),
        latestRevision(c.env.DB, params.slug),
      ]);
      if (!row) {
        if (revision?.action === "delete") throw withdrawnProblem(params.slug, revision);
        throw new ProblemError(404, `No case study has the slug '${params.slug}'`);
      }
      if (revision) c.header("etag", etagOf(revision.revision));
      return c.json(toCaseStudyJson(row));
    },
  }),
  ...caseStudyExportRoutes,
];

export const caseStudyRoutes = mountRoutes(new Hono<AppEnv>(), caseStudyApiRoutes);

caseStudyRoutes.get("/case-studies", async (c) => {
  // The same reading and checking as the API: a bad filter is a 400 page naming it.
  const query = validatedQuery(c, listQuery);
  const { rows, total, totalExact } = await listPage(c, query);
  return c.html(<CaseStudyListPage rows={rows} total={total} totalExact={totalExact} query={query} />);
});

caseStudyRoutes.get("/case-studies/:slug", async (c) => {
  const slug = c.req.param("slug");
  const row = await findCaseStudy(c.env.DB, slug);
  if (!row) {
    const revision = await findTombstone(c.env.DB, slug);
    if (revision) return c.html(<WithdrawnPage slug={slug} title={revision.title} revision={revision.revision} />, 410);
    throw new ProblemError(404, "There is no case study at this address.");
  }
  const url = new URL(c.req.url);
  return c.html(
    <CaseStudyPage
      row={row}
      embed={{ origin: url.origin, params: url.searchParams }}
      brief={briefInProgress(c.req.query("brief"))}
    />,
  );
});

/** A revision number from the history form; anything else means "the default". */
function revisionNumber(text: string | undefined): number | undefined {
  return text && /^\d{1,7}$/.test(text) ? Number(text) : undefined;
}

caseStudyRoutes.get("/case-studies/:slug/history", async (c) => {
  const slug = c.req.param("slug");
  const history = await historyToCompare(
    c.env.DB,
    slug,
    revisionNumber(c.req.query("from")),
    revisionNumber(c.req.query("to")),
  );
  const last = history?.revisions.at(-1);
  if (!history || !last) throw new ProblemError(404, "No case study has ever been at this address.");
  const fromRevision = history.records.get(history.from);
  const toRevision = history.records.get(history.to);
  const latest = history.records.get(last.revision);
  const revisions = history.revisions;
  if (!fromRevision || !toRevision) {
    throw new ProblemError(400, `This case study has revisions 1 to ${last.revision}; choose two of those.`, [
      ...(fromRevision ? [] : [{ path: "from", message: `must be a revision from 1 to ${last.revision}` }]),
      ...(toRevision ? [] : [{ path: "to", message: `must be a revision from 1 to ${last.revision}` }]),
    ]);
  }
  return c.html(
    <HistoryPage
      slug={slug}
      title={latest?.record.title ?? slug}
      revisions={revisions}
      compared={{ from: fromRevision, to: toRevision }}
      live={last.action !== "delete"}
    />,
  );
});
