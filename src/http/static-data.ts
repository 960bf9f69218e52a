/**
 * Build-time data the Worker reads instead of bundling: JSON files that `npm run build` writes with content-hashed
 * names into the static assets (scripts/static-data-build.ts; their names in src/generated/static-data.ts). A route
 * awaits `staticData(c.env, name)`; the file is fetched through the ASSETS binding and parsed once per isolate.
 *
 * The files were validated when they were built (content, scenarios against their calculators, the OpenAPI document
 * from the route declarations), so they are trusted as the shape the caller names. A missing or unreadable file is
 * an error, never an empty default: it reaches the one error path as a 500 (logged there, no detail in the body).
 */
import type { Env } from "../env";
import { staticDataPaths } from "../generated/static-data";

/** The name of a build-time JSON asset (`taxonomy.json`, `scenarios.json`, `openapi.json` …). */
export type StaticDataName = keyof typeof staticDataPaths;

/** Parsed files of this isolate, by name. */
const loaded = new Map<StaticDataName, unknown>();

/** A static data file could not be read: a build or deploy without it. The message is for the operator's log. */
export class StaticDataError extends Error {
  override name = "StaticDataError";
}

/**
 * The parsed contents of one build-time JSON asset. Only the parsed value is kept, not a pending promise: a promise
 * started by one request and awaited by another ties the second to the first one's I/O (workerd warns, and the
 * second hangs if the first is cancelled). Two requests of a cold isolate may both fetch the file; the first to
 * finish is kept.
 */
export async function staticData<T>(env: Pick<Env, "ASSETS">, name: StaticDataName): Promise<T> {
  if (loaded.has(name)) return loaded.get(name) as T;
  const path = staticDataPaths[name];
  // The binding serves this deployment's files; the host is not looked at.
  const res = await env.ASSETS.fetch(new URL(path, "https://assets.invalid"));
  if (!res.ok) {
    throw new StaticDataError(
      `static data ${name} (${path}) answered ${res.status} through ASSETS: \`npm run build\` (its data:build step) writes it`,
    );
  }
  let value: unknown;
  try {
    value = await res.json();
  } catch (error) {
    throw new StaticDataError(`static data ${name} (${path}) is not JSON: ${String(error)}`);
  }
  if (!loaded.has(name)) loaded.set(name, value);
  return loaded.get(name) as T;
}
