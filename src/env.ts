/** The Worker's bindings. */
export interface Env {
  DB: D1Database;
  /** Bearer token for write routes; set with `wrangler secret put WRITE_TOKEN`, never committed. */
  WRITE_TOKEN?: string;
}

export type AppEnv = { Bindings: Env };
