/**
 * Running the Worker locally for benchmarks and browser tests: `wrangler dev` on a free port of 127.0.0.1 with its own
 * D1 state folder (never the developer's), wrangler's D1 commands against that folder, and a clean stop.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createServer } from "node:net";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** Nothing reaches for the internet: no metrics, no cf fetch. */
export const WRANGLER_ENV = {
  ...process.env,
  WRANGLER_SEND_METRICS: "false",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  NO_COLOR: "1",
};

/** A TCP port nothing is listening on right now. */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? ok(address.port) : fail(new Error("no port"))));
    });
  });
}

/** Runs a wrangler command to completion (bounded by `timeoutS`); throws with its output when it fails. */
export function wrangler(args: string[], timeoutS = 180): void {
  const result = spawnSync("npx", ["wrangler", ...args], {
    cwd: projectRoot,
    env: WRANGLER_ENV,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    timeout: timeoutS * 1000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new Error(
      `wrangler ${args.slice(0, 3).join(" ")} failed (${result.error?.message ?? `exit ${result.status}`}):\n${(result.stderr || result.stdout || "").slice(-2000)}`,
    );
  }
}

/** The rows of one query against the local D1 kept in `stateDir`. */
export function queryRows<T>(stateDir: string, sql: string): T[] {
  const result = spawnSync(
    "npx",
    ["wrangler", "d1", "execute", "DB", "--local", "--persist-to", stateDir, "--json", "--command", sql],
    { cwd: projectRoot, env: WRANGLER_ENV, encoding: "utf8", timeout: 120_000, maxBuffer: 64 * 1024 * 1024 },
  );
  if (result.status !== 0)
    throw new Error(`wrangler d1 execute --command failed:\n${(result.stderr || "").slice(-2000)}`);
  return (JSON.parse(result.stdout) as { results: T[] }[]).flatMap((part) => part.results);
}

/** Applies the migrations in schema/ to the local D1 kept in `stateDir`. */
export function migrate(stateDir: string): void {
  wrangler(["d1", "migrations", "apply", "DB", "--local", "--persist-to", stateDir], 120);
}

/** Executes a SQL file against the local D1 kept in `stateDir`. */
export function executeFile(stateDir: string, file: string, timeoutS = 180): void {
  wrangler(["d1", "execute", "DB", "--local", "--persist-to", stateDir, "--file", file, "--yes"], timeoutS);
}

/**
 * Both Workers' configs, the public one first (it gets the port): one wrangler dev session runs them together, with
 * the public Worker's WRITER binding reaching the write Worker, as deployed.
 */
export const WORKER_CONFIGS = ["wrangler.toml", "wrangler.writer.toml"] as const;

export interface DevServer {
  url: string;
  port: number;
  stop(): Promise<void>;
  /** The last 4,000 characters wrangler dev printed, to say why it stopped. */
  output(): string;
}

/** Starts `wrangler dev` on the D1 in `stateDir` and resolves once `readyPath` answers 200 (90 s at most). */
export async function startWranglerDev(stateDir: string, readyPath = "/api/v1/health"): Promise<DevServer> {
  const port = await freePort();
  const inspector = await freePort();
  const child: ChildProcess = spawn(
    "npx",
    [
      "wrangler",
      "dev",
      ...WORKER_CONFIGS.flatMap((config) => ["-c", config]),
      "--ip",
      "127.0.0.1",
      "--port",
      String(port),
      "--inspector-port",
      String(inspector),
      "--persist-to",
      stateDir,
      "--show-interactive-dev-session=false",
      "--live-reload=false",
      "--log-level",
      "warn",
    ],
    { cwd: projectRoot, env: WRANGLER_ENV, stdio: ["ignore", "pipe", "pipe"], detached: true },
  );
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  child.stderr?.on("data", (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    // Our own process group only (spawned detached): wrangler and the workerd it started.
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      return;
    }
    const exited = new Promise<void>((ok) => child.once("exit", () => ok()));
    const timer = setTimeout(() => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }, 5000);
    await exited;
    clearTimeout(timer);
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited early:\n${output}`);
    try {
      // Bounded: wrangler's proxy accepts connections before the Worker is up, and holds them if its build failed.
      const res = await fetch(`${url}${readyPath}`, { signal: AbortSignal.timeout(5000) });
      if (res.ok) return { url, port, stop, output: () => output };
    } catch {
      // not listening yet, or not answering yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  await stop();
  throw new Error(`wrangler dev did not answer within 90 s:\n${output}`);
}
