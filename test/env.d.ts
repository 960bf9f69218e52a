import type { D1Migration } from "cloudflare:test";
import type { BoundStatement } from "../src/db/statements";
import type { Env } from "../src/env";

declare global {
  namespace Cloudflare {
    interface Env {
      DB: D1Database;
      ASSETS: Fetcher;
      TEST_MIGRATIONS: D1Migration[];
      TEST_SEED: BoundStatement[];
    }
  }
}

declare module "cloudflare:test" {
  interface ProvidedEnv extends Env {
    TEST_MIGRATIONS: D1Migration[];
    TEST_SEED: BoundStatement[];
  }
}
