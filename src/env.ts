/** The Worker's bindings. */
export interface Env {
  DB: D1Database;
  /** The static files of build/public (wrangler.toml `[assets]`); pages only link them, tests fetch them through it. */
  ASSETS: Fetcher;
}

export type AppEnv = { Bindings: Env };
