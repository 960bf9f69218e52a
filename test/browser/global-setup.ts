/**
 * Browser tests run against the real Worker on workerd: a `wrangler dev` with its own local D1 (a temp folder, never
 * the developer's), migrated and seeded from content/, on a free port of 127.0.0.1.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

const env = { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false", NO_COLOR: "1" };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

async function waitFor(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`wrangler dev did not answer ${url} within ${timeoutMs} ms`);
}

let child: ChildProcess | undefined;
let stateDir: string | undefined;

export default async function setup(project: TestProject) {
  stateDir = mkdtempSync(join(tmpdir(), "browser-d1-"));
  const wrangler = (args: string[]) =>
    execFileSync("npx", ["wrangler", ...args, "--persist-to", stateDir as string], { env, stdio: "pipe" });
  wrangler(["d1", "migrations", "apply", "DB", "--local"]);
  wrangler(["d1", "execute", "DB", "--local", "--file", "build/seed.sql"]);
  const port = await freePort();
  child = spawn(
    "npx",
    [
      "wrangler",
      "dev",
      "--ip",
      "127.0.0.1",
      "--port",
      String(port),
      "--persist-to",
      stateDir,
      "--show-interactive-dev-session=false",
    ],
    { env, stdio: "ignore", detached: true },
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitFor(`${baseUrl}/assets/site.css`, child, 60_000);
  project.provide("baseUrl", baseUrl);
  return () => {
    // wrangler spawns workerd; kill the whole process group.
    if (child?.pid) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
    if (stateDir) rmSync(stateDir, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
