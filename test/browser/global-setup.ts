/**
 * Browser tests run against the real Worker on workerd: a `wrangler dev` with its own local D1 (a temp folder, never
 * the developer's), migrated and seeded from content/ (build/seed.sql, written by `npm run build`).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { executeFile, migrate, startWranglerDev } from "../../scripts/lib/wrangler-dev";

export default async function setup(project: TestProject) {
  const stateDir = mkdtempSync(join(tmpdir(), "browser-d1-"));
  migrate(stateDir);
  executeFile(stateDir, "build/seed.sql");
  const server = await startWranglerDev(stateDir);
  project.provide("baseUrl", server.url);
  return async () => {
    await server.stop();
    rmSync(stateDir, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    /** The integration project's hostile-suite seed, provided by vitest.config.ts (declared here too so that file,
     * type-checked with the browser and script code, knows it; test/integration/hostile-requests.ts reads it). */
    hostileSeed: number;
  }
}
