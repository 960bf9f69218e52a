/**
 * The write Worker's app: writing case studies and reading their revisions, reviewing submissions, and the backup
 * export: every route that needs a token or the write path. The public Worker (src/index.ts) hands it exactly the requests src/write-side.ts names, through a
 * service binding; it answers them with the same middleware and error path (src/app-shell.tsx).
 */
import type { Hono } from "hono";
import { createShell } from "./app-shell";
import { backupApiRoutes, backupRoutes } from "./backup/routes";
import { writeApiRoutes as caseStudyWriteApiRoutes, caseStudyWriteRoutes } from "./case-studies/write-routes";
import type { AppEnv } from "./env";
import type { ApiRoute } from "./http/route";
import { reviewApiRoutes, reviewRoutes } from "./submissions/review-routes";

/** The documented API routes this Worker serves. */
export function writeApiRoutes(): readonly ApiRoute[] {
  return [...caseStudyWriteApiRoutes, ...reviewApiRoutes, ...backupApiRoutes];
}

export function mountWriteRoutes(app: Hono<AppEnv>): void {
  app.route("/", caseStudyWriteRoutes);
  app.route("/", reviewRoutes);
  app.route("/", backupRoutes);
}

export function createWriteApp() {
  return createShell(mountWriteRoutes);
}
