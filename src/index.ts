/**
 * The public Worker: answers every read itself (src/read-app.tsx) and hands the write side to the write Worker
 * through the WRITER service binding (src/write-side.ts says which requests those are).
 */
import type { Env } from "./env";
import { createReadApp } from "./read-app";
import { splitBySide } from "./write-side";

const app = createReadApp();

export default {
  fetch: splitBySide<Env>(
    (request, env, ctx) => app.fetch(request, env, ctx),
    (request, env) => env.WRITER.fetch(request),
  ),
} satisfies ExportedHandler<Env>;
