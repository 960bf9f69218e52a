/**
 * Both Workers' routes in one app, for what needs the whole site at once: the OpenAPI document (every documented
 * route, whichever Worker serves it), the route lists the hostile-input suites and the benchmark walk, and rendering
 * pages in-process. No deployed Worker runs this app: the public one runs src/read-app.tsx, the write one
 * src/write-app.tsx (see src/write-side.ts for which requests go where).
 */
import { createShell } from "./app-shell";
import type { ApiRoute } from "./http/route";
import { mountReadRoutes, readApiRoutes } from "./read-app";
import { mountWriteRoutes, writeApiRoutes } from "./write-app";

/** Every documented API route, for the OpenAPI document (built from them by npm run data:build). */
export function apiRoutes(): readonly ApiRoute[] {
  return [...readApiRoutes(), ...writeApiRoutes()];
}

export function createApp() {
  return createShell((app) => {
    mountReadRoutes(app);
    mountWriteRoutes(app);
  });
}
