/** The local D1 (the one `npm start` serves) through wrangler, for the export and import scripts. */
import { execFileSync } from "node:child_process";

const ENV = { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" };

function wrangler(args: string[]): string {
  return execFileSync("npx", ["wrangler", ...args], {
    env: ENV,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    maxBuffer: 1 << 30,
  });
}

/** Rows of one query against the local D1. */
export function queryLocal<T>(sql: string): T[] {
  const out = JSON.parse(wrangler(["d1", "execute", "DB", "--local", "--json", "--command", sql])) as {
    results: T[];
  }[];
  return out.flatMap((part) => part.results);
}

/** Applies the migrations in schema/ to the local D1. */
export function migrateLocal(): void {
  wrangler(["d1", "migrations", "apply", "DB", "--local"]);
}

/** Runs a SQL file against the local D1. */
export function executeLocalFile(file: string): void {
  wrangler(["d1", "execute", "DB", "--local", "--file", file]);
}
