/** The Worker's bindings. */
export interface Env {
  DB: D1Database;
  /** The static files of build/public (wrangler.toml `[assets]`); pages only link them, tests fetch them through it. */
  ASSETS: Fetcher;
  /** Origins that may frame the embed pages (/embed/…), space-separated; unset or blank: any (wrangler.toml `[vars]`). */
  EMBED_FRAME_ANCESTORS?: string;
}

export type AppEnv = { Bindings: Env };
