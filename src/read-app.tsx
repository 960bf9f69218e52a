/**
 * The public Worker's app: every read, page, embed, calculator and export, and the submission form and API (anyone
 * may propose a record; the per-client limit is this Worker's binding). The write side (authoring, review, backup)
 * is the write Worker's (src/write-app.tsx); src/index.ts hands it those requests, so this bundle carries neither
 * the write path, nor the Markdown renderer, nor a token.
 */
import type { Hono } from "hono";
import { createShell } from "./app-shell";
import { briefExportRoutes, briefRoutes } from "./briefs/routes";
import { calculatorApiRoutes, calculatorRoutes } from "./calculator-web/routes";
import { caseStudyApiRoutes, caseStudyRoutes } from "./case-studies/routes";
import { embedRoutes } from "./embeds/routes";
import type { AppEnv } from "./env";
import type { ApiRoute } from "./http/route";
import { oembedApiRoutes, oembedRoutes } from "./oembed/routes";
import { openApiRoutes } from "./openapi/routes";
import { referenceFigureApiRoutes, referenceFigureRoutes } from "./reference-figures/routes";
import { searchApiRoutes, searchRoutes } from "./search/routes";
import { siteRoutes } from "./site/routes";
import { submissionApiRoutes, submissionRoutes } from "./submissions/routes";
import { taxonomyRoutes } from "./taxonomy/routes";

/** The documented API routes this Worker serves. */
export function readApiRoutes(): readonly ApiRoute[] {
  return [
    ...caseStudyApiRoutes,
    ...searchApiRoutes,
    ...calculatorApiRoutes,
    ...oembedApiRoutes,
    ...briefExportRoutes,
    ...referenceFigureApiRoutes,
    ...submissionApiRoutes,
  ];
}

/** Mounts this Worker's features; /openapi.json and /docs describe both Workers' routes (built at build time). */
export function mountReadRoutes(app: Hono<AppEnv>): void {
  app.route("/", siteRoutes);
  app.route("/", caseStudyRoutes);
  app.route("/", searchRoutes);
  app.route("/", taxonomyRoutes);
  app.route("/", calculatorRoutes);
  app.route("/", oembedRoutes);
  app.route("/", embedRoutes);
  app.route("/", briefRoutes);
  app.route("/", referenceFigureRoutes);
  app.route("/", submissionRoutes);
  app.route("/", openApiRoutes());
}

export function createReadApp() {
  return createShell(mountReadRoutes);
}
