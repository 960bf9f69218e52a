/** createApp(): middleware, the one error path, and every feature's routes. */
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { backupApiRoutes, backupRoutes } from "./backup/routes";
import { briefExportRoutes, briefRoutes } from "./briefs/routes";
import { calculatorApiRoutes, calculatorRoutes } from "./calculator-web/routes";
import { caseStudyApiRoutes, caseStudyRoutes } from "./case-studies/routes";
import { embedRoutes } from "./embeds/routes";
import type { AppEnv } from "./env";
import { httpCaching } from "./http/caching";
import { d1CostHeaders } from "./http/d1-cost";
import { ProblemError, problemResponse, wantsJson } from "./http/problem";
import type { ApiRoute } from "./http/route";
import { securityHeaders } from "./http/security";
import { oembedApiRoutes, oembedRoutes } from "./oembed/routes";
import { openApiRoutes } from "./openapi/routes";
import { referenceFigureApiRoutes, referenceFigureRoutes } from "./reference-figures/routes";
import { searchApiRoutes, searchRoutes } from "./search/routes";
import { siteRoutes } from "./site/routes";
import { ErrorPage } from "./site/views";
import { submissionApiRoutes, submissionRoutes } from "./submissions/routes";
import { taxonomyRoutes } from "./taxonomy/routes";

/** Every documented API route, for the OpenAPI document (built from them by npm run data:build). */
export function apiRoutes(): readonly ApiRoute[] {
  return [
    ...caseStudyApiRoutes,
    ...searchApiRoutes,
    ...calculatorApiRoutes,
    ...oembedApiRoutes,
    ...briefExportRoutes,
    ...submissionApiRoutes,
    ...backupApiRoutes,
    ...referenceFigureApiRoutes,
  ];
}

export function createApp() {
  const app = new Hono<AppEnv>();
  app.use("*", securityHeaders);
  // The cost headers count what a route ran; they sit inside the HTTP cache, which on a hit reports its own cost
  // (the one-row data-version read) in the same headers.
  app.use("*", httpCaching);
  app.use("*", d1CostHeaders);

  app.route("/", siteRoutes);
  app.route("/", caseStudyRoutes);
  app.route("/", searchRoutes);
  app.route("/", taxonomyRoutes);
  app.route("/", calculatorRoutes);
  app.route("/", oembedRoutes);
  app.route("/", embedRoutes);
  app.route("/", briefRoutes);
  app.route("/", submissionRoutes);
  app.route("/", backupRoutes);
  app.route("/", referenceFigureRoutes);
  app.route("/", openApiRoutes());

  app.notFound((c) => {
    const problem = new ProblemError(404, "There is nothing at this address.");
    if (wantsJson(c)) return problemResponse(c, problem);
    return c.html(<ErrorPage status={404} title="Page not found" detail={problem.detail} />, 404);
  });

  app.onError((error, c) => {
    let problem: ProblemError;
    if (error instanceof ProblemError) {
      problem = error;
    } else if (error instanceof HTTPException && error.status < 500) {
      problem = new ProblemError(error.status, error.message || "The request could not be handled.");
    } else {
      // Log the cause for the operator; the client gets no stack and no internals.
      console.error("unhandled error", c.req.method, new URL(c.req.url).pathname, error);
      problem = new ProblemError(500, "Something went wrong on our side. Please try again later.");
    }
    if (wantsJson(c)) return problemResponse(c, problem);
    return c.html(
      <ErrorPage status={problem.status} title={problem.title} detail={problem.detail} errors={problem.errors} />,
      problem.status,
    );
  });
  return app;
}
