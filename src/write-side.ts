/**
 * Which requests the write Worker answers: writing case studies and reading their revisions, reviewing submissions
 * (reading them, accepting, rejecting), and the backup export: every route that needs a token or the write path.
 * The public Worker sends those through its WRITER service binding and answers the rest itself, so the code that
 * every page, embed and search loads holds no write path and no Markdown renderer.
 * test/unit/worker/write-side.test.ts checks this list against the routes each app mounts, so neither can drift.
 */

/** Paths the write Worker owns for every method. */
const WRITE_SIDE_PATHS = [
  /^\/api\/v1\/case-studies\/[^/]+\/revisions(\/|$)/,
  /^\/api\/v1\/submissions\//,
  /^\/api\/v1\/export$/,
];
/** Paths whose reads stay public and whose other methods are writes. */
const WRITE_METHOD_PATHS = [/^\/api\/v1\/case-studies(\/[^/]+)?$/];
/** Paths whose POST is public (proposing a submission) and whose other methods are the write Worker's (the queue). */
const PUBLIC_POST_PATHS = [/^\/api\/v1\/submissions$/];

/** The path as the router matches it: percent-escapes decoded (as Hono does), so an escaped letter routes the same. */
function routedPath(pathname: string): string {
  try {
    return decodeURI(pathname);
  } catch {
    return pathname;
  }
}

/** True when the write Worker answers this request. */
export function isWriteSideRequest(method: string, pathname: string): boolean {
  const path = routedPath(pathname);
  if (WRITE_SIDE_PATHS.some((pattern) => pattern.test(path))) return true;
  if (PUBLIC_POST_PATHS.some((pattern) => pattern.test(path))) return method !== "POST";
  const reads = method === "GET" || method === "HEAD";
  return !reads && WRITE_METHOD_PATHS.some((pattern) => pattern.test(path));
}

type Handler<E> = (request: Request, env: E, ctx: ExecutionContext) => Response | Promise<Response>;

/** A fetch handler that gives write-side requests to `write` and the rest to `read`. */
export function splitBySide<E>(read: Handler<E>, write: Handler<E>): Handler<E> {
  return (request, env, ctx) =>
    isWriteSideRequest(request.method, new URL(request.url).pathname)
      ? write(request, env, ctx)
      : read(request, env, ctx);
}
