/** The Worker's bindings. */
export interface Env {
  DB: D1Database;
  /** The static files of build/public (wrangler.toml `[assets]`); pages only link them, tests fetch them through it. */
  ASSETS: Fetcher;
  /** Per-client limit on submissions (wrangler.toml `[[ratelimits]]`; miniflare runs it locally). */
  SUBMISSION_LIMITER: RateLimit;
}

export type AppEnv = { Bindings: Env };
