/**
 * The Worker the integration tests run: the public Worker's own split (src/write-side.ts), with the write Worker's
 * app called in the same isolate where production goes through the WRITER service binding. Both halves then share
 * this test's D1 (the pool isolates storage per test file), and every request takes the route it takes deployed.
 * The two-Worker wiring itself (wrangler.toml's [[services]]) runs under wrangler dev in the browser tests.
 */
import type { Env } from "../../src/env";
import { createReadApp } from "../../src/read-app";
import { createWriteApp } from "../../src/write-app";
import { splitBySide } from "../../src/write-side";

const read = createReadApp();
const write = createWriteApp();

const handler = splitBySide<Env>(
  (request, env, ctx) => read.fetch(request, env, ctx),
  (request, env, ctx) => write.fetch(request, env, ctx),
);

export default {
  // Tests call this with the pool's bindings, some overridden per test (a token list, the frame origins).
  fetch: (request: Request, env: object, ctx: ExecutionContext) => handler(request, env as Env, ctx),
};
