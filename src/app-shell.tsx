/**
 * What both Workers share around their routes: the middleware (security headers, the HTTP cache, the D1 cost
 * headers) and the one error path (problem+json for API clients, a readable page otherwise). The public Worker
 * (src/read-app.tsx) and the write Worker (src/write-app.tsx) each mount their features inside it, so an answer
 * looks the same whichever Worker gave it.
 */
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import type { AppEnv } from "./env";
import { httpCaching } from "./http/caching";
import { d1CostHeaders } from "./http/d1-cost";
import { ProblemError, problemResponse, wantsJson } from "./http/problem";
import { securityHeaders } from "./http/security";
import { ErrorPage } from "./site/views";

/** A Hono app with the shared middleware, `mount`'s routes, and the shared 404 and error answers. */
export function createShell(mount: (app: Hono<AppEnv>) => void): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use("*", securityHeaders);
  // The cost headers count all a request sent to D1, so they sit outside the HTTP cache: on a hit they report the
  // one-row data-version read, on a miss that read with the route's own (sent in one batch where they coincide).
  app.use("*", d1CostHeaders);
  app.use("*", httpCaching);

  mount(app);

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
