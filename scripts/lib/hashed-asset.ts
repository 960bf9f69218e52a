/** Writing a static file under a content-hashed name (the rule every build step that emits assets follows). */
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { ASSETS_URL_PREFIX } from "./static-assets";

/**
 * Writes `body` to `filesDir` as `<stem>.<hash>.<ext>` (the first 10 hex digits of its SHA-256) and returns the path
 * it is served under, `/assets/<stem>.<hash>.<ext>`. Logs its size raw and gzipped under `step`.
 */
export function writeHashedAsset(step: string, filesDir: string, name: string, body: string): string {
  const dot = name.lastIndexOf(".");
  const hash = createHash("sha256").update(body).digest("hex").slice(0, 10);
  const file = `${name.slice(0, dot)}.${hash}${name.slice(dot)}`;
  writeFileSync(join(filesDir, file), body);
  const path = `${ASSETS_URL_PREFIX}${file}`;
  const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  console.log(
    `${step}: ${name} → ${path} (${kib(Buffer.byteLength(body))}, ${kib(gzipSync(Buffer.from(body)).length)} gzip)`,
  );
  return path;
}
