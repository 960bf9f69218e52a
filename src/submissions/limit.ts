/**
 * The per-client limit on submissions. It is the Workers Rate Limiting binding (wrangler.toml `[[ratelimits]]`):
 * wrangler 4.86 and the vitest pool run it locally through miniflare, so the limit that is tested is the one that is
 * deployed, and no counter table is written on every request. The client is its address as Cloudflare states it
 * (`CF-Connecting-IP`, which a client cannot set through Cloudflare's edge).
 */
import type { Context } from "hono";
import type { AppEnv } from "../env";

/** The binding's window (wrangler.toml `simple.period`); a limited client is told to wait one whole window. */
export const LIMIT_PERIOD_SECONDS = 60;

/** Who is counted: the client's address, or one shared bucket when a request arrives without one (local tools). */
export function clientKey(c: Context<AppEnv>): string {
  return `submission:${c.req.header("cf-connecting-ip") ?? "unknown"}`;
}

/**
 * Counts one submission attempt for the client; false when the client is over the limit. Every attempt counts,
 * valid or not, so invalid bodies cannot be sent faster than valid ones.
 */
export async function withinLimit(c: Context<AppEnv>): Promise<boolean> {
  const { success } = await c.env.SUBMISSION_LIMITER.limit({ key: clientKey(c) });
  return success;
}

/** The sentence both the API and the form say when a client is limited. */
export const LIMITED_DETAIL = `Too many submissions from your address. Please wait ${LIMIT_PERIOD_SECONDS} seconds and send it again; nothing you sent was stored.`;
