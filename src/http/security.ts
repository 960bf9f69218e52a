/**
 * Security headers on every response. Only embed routes (/embed/…) may be framed by other sites. Static files
 * (build/public, served without running the Worker) get the same headers from build/public/_headers, which
 * `npm run build` writes from `securityHeadersFor` below, so the two cannot drift apart.
 */
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env";

/** Paths that other websites may put in an iframe. */
export function isEmbedPath(path: string): boolean {
  return path === "/embed" || path.startsWith("/embed/");
}

function contentSecurityPolicy(frameAncestors: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join("; ");
}

const STRICT_CSP = contentSecurityPolicy("'none'");

/** One source of a `frame-ancestors` list we accept from configuration: `*`, `'self'`, or an http(s) origin. */
const ANCESTOR = /^(?:\*|'self'|https?:\/\/(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*(?::\d{1,5})?)$/i;

/**
 * The `frame-ancestors` sources for embed pages from the Worker variable EMBED_FRAME_ANCESTORS (space-separated
 * origins; wrangler.toml `[vars]`): unset or blank means any origin (`*`). Anything that is not an origin is dropped,
 * so a typo cannot smuggle another directive (`; script-src *`) into the policy; when nothing valid is left,
 * no one may frame the embeds (`'none'`), which fails closed and shows at once.
 */
export function embedFrameAncestors(configured: string | undefined): string {
  if (configured === undefined || configured.trim() === "") return "*";
  const sources = configured
    .trim()
    .split(/\s+/)
    .filter((source) => ANCESTOR.test(source));
  return sources.length ? sources.join(" ") : "'none'";
}

/**
 * The security headers a response for `path` carries (lower-case names), from the Worker or as a static file;
 * `frameAncestors` is the list embed pages allow (`embedFrameAncestors`).
 */
export function securityHeadersFor(path: string, frameAncestors = "*"): Record<string, string> {
  const embed = isEmbedPath(path);
  return {
    "content-security-policy": embed ? contentSecurityPolicy(frameAncestors) : STRICT_CSP,
    ...(embed ? {} : { "x-frame-options": "DENY" }),
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    "cross-origin-opener-policy": "same-origin",
  };
}

export const securityHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  const headers = c.res.headers;
  const ancestors = embedFrameAncestors(c.env?.EMBED_FRAME_ANCESTORS);
  for (const [name, value] of Object.entries(securityHeadersFor(new URL(c.req.url).pathname, ancestors))) {
    headers.set(name, value);
  }
  if (!headers.has("cache-control")) headers.set("cache-control", "no-cache");
};
