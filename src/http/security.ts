/** Security headers on every response. Only embed routes (/embed/…) may be framed by other sites. */
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

export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  const embed = isEmbedPath(new URL(c.req.url).pathname);
  const headers = c.res.headers;
  headers.set("content-security-policy", embed ? EMBED_CSP : STRICT_CSP);
  if (!embed) headers.set("x-frame-options", "DENY");
  headers.set("x-content-type-options", "nosniff");
  headers.set("referrer-policy", "strict-origin-when-cross-origin");
  headers.set("permissions-policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
  headers.set("cross-origin-opener-policy", "same-origin");
  if (!headers.has("cache-control")) headers.set("cache-control", "no-cache");
};
