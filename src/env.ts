/** The Worker's bindings. */
export interface Env {
  DB: D1Database;
}

export type AppEnv = { Bindings: Env };
