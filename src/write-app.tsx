/**
 * The write Worker's app: writing case studies and reading their revisions, submissions and their review, and the
 * backup export. The public Worker (src/index.ts) hands it exactly the requests src/write-side.ts names, through a
 * service binding; it answers them with the same middleware and error path (src/app-shell.tsx).
 */
import type { Hono } from "hono";
import { createShell } from "./app-shell";
import { backupApiRoutes, backupRoutes } from "./backup/routes";
import { writeApiRoutes as caseStudyWriteApiRoutes, caseStudyWriteRoutes } from "./case-studies/write-routes";
import type { AppEnv } from "./env";
import type { ApiRoute } from "./http/route";
import { submissionApiRoutes, submissionRoutes } from "./submissions/routes";

/** The documented API routes this Worker serves. */
export function writeApiRoutes(): readonly ApiRoute[] {
  return [...caseStudyWriteApiRoutes, ...submissionApiRoutes, ...backupApiRoutes];
}

export function mountWriteRoutes(app: Hono<AppEnv>): void {
  app.route("/", caseStudyWriteRoutes);
  app.route("/", submissionRoutes);
  app.route("/", backupRoutes);
}

export function createWriteApp() {
  return createShell(mountWriteRoutes);
}
