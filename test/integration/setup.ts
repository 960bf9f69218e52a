// Every integration test file starts from the real migrations and the real content of content/.
import { applyD1Migrations, env } from "cloudflare:test";
import { runBatch } from "../../src/db/statements";

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
await runBatch(env.DB, env.TEST_SEED);
