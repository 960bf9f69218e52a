/**
 * Security headers on every response. Only embed routes (/embed/…) may be framed by other sites. Static files
 * (build/public, served without running the Worker) get the same headers from build/public/_headers, which
 * `npm run build` writes from `securityHeadersFor` below, so the two cannot drift apart.
 */
import type { MiddlewareHandler } from "hono";

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
const EMBED_CSP = contentSecurityPolicy("*");

/** The security headers a response for `path` carries (lower-case names), from the Worker or as a static file. */
export function securityHeadersFor(path: string): Record<string, string> {
  const embed = isEmbedPath(path);
  return {
    "content-security-policy": embed ? EMBED_CSP : STRICT_CSP,
    ...(embed ? {} : { "x-frame-options": "DENY" }),
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    "cross-origin-opener-policy": "same-origin",
  };
}

export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  const headers = c.res.headers;
  for (const [name, value] of Object.entries(securityHeadersFor(new URL(c.req.url).pathname))) {
    headers.set(name, value);
  }
  if (!headers.has("cache-control")) headers.set("cache-control", "no-cache");
};
