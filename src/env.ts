/** The Worker's bindings. */
export interface Env {
  DB: D1Database;
  /** The static files of build/public (wrangler.toml `[assets]`); pages only link them, tests fetch them through it. */
  ASSETS: Fetcher;
  /** Origins that may frame the embed pages (/embed/…), space-separated; unset or blank: any (wrangler.toml `[vars]`). */
  EMBED_FRAME_ANCESTORS?: string;
  /**
   * The write Worker (public Worker only; wrangler.toml `[[services]]`): src/write-side.ts names the requests it
   * answers. The write Worker (wrangler.writer.toml) has no such binding.
   */
  WRITER: Fetcher;
  /** Per-client limit on submissions (public Worker only, wrangler.toml `[[ratelimits]]`; miniflare runs it locally). */
  SUBMISSION_LIMITER: RateLimit;
  /**
   * Write and review tokens: a JSON array of { label, token, scope: "write" | "review" } (src/http/auth.ts). A secret
   * of the write Worker only (`wrangler secret put API_TOKENS -c wrangler.writer.toml`); locally .dev.vars, which both
   * Workers read. Unset: nobody can write.
   */
  API_TOKENS?: string;
  /**
   * The deployed version (wrangler.toml `[version_metadata]`; a new id per deploy, locally per start): edge cache keys
   * name it, so a page cached before a deploy (linking the old hashed assets) is never served after it.
   */
  CF_VERSION_METADATA?: WorkerVersionMetadata;
}

export type AppEnv = { Bindings: Env };
