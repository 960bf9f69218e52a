/**
 * Every response says what it cost in D1: `x-d1-queries` (statements), `x-d1-round-trips`, `x-d1-rows-read` (from
 * D1's result meta) and `x-d1-duration-ms`. The request's handlers see a counting wrapper of the binding
 * (src/db/cost.ts) in `c.env.DB`; the real binding is never changed, so concurrent requests count apart.
 *
 * Always on: the wrapper is a few closures per request, and the figures are what the benchmark (npm run bench --
 * routes) and anyone tuning a query read. They count everything the request sent, the HTTP cache's data-version read
 * included (this middleware sits outside it). A body streamed after the response starts (the NDJSON backup) reports
 * only what ran before it.
 *
 * The same middleware makes a GET's or HEAD's reads travel together (src/db/coalesce.ts): what is asked for in one
 * turn goes to D1 as one batch, counted as one round trip. Other methods get the plain binding, so a write's
 * statements go exactly as its write path sends them.
 */
import type { MiddlewareHandler } from "hono";
import { coalescingDatabase } from "../db/coalesce";
import { countingDatabase, emptyCost } from "../db/cost";
import type { AppEnv } from "../env";

export const d1CostHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.env?.DB) return next();
  const cost = emptyCost();
  const counted = countingDatabase(c.env.DB, cost);
  const reads = c.req.method === "GET" || c.req.method === "HEAD";
  c.env = { ...c.env, DB: reads ? coalescingDatabase(counted) : counted };
  await next();
  const figures: Record<string, string> = {
    "x-d1-queries": String(cost.statements),
    "x-d1-round-trips": String(cost.roundTrips),
    "x-d1-rows-read": String(cost.rowsRead),
    "x-d1-duration-ms": cost.durationMs.toFixed(2),
  };
  try {
    for (const [name, value] of Object.entries(figures)) c.res.headers.set(name, value);
  } catch {
    // A response with immutable headers (passed through from a fetch or a cache): copy it, then set them.
    c.res = new Response(c.res.body, c.res);
    for (const [name, value] of Object.entries(figures)) c.res.headers.set(name, value);
  }
};
