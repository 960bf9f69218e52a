/**
 * The public Worker hands the write Worker exactly the requests src/write-side.ts names. Checked against the routes
 * each app really mounts, so a route added to either side that the list would send the wrong way fails here.
 */
import { describe, expect, it } from "vitest";
import { createReadApp } from "../../../src/read-app";
import { createWriteApp } from "../../../src/write-app";
import { isWriteSideRequest } from "../../../src/write-side";

/** An app's own routes (not its middleware), each with a concrete path for its parameters. */
function routesOf(app: { routes: { method: string; path: string }[] }) {
  return app.routes
    .filter((r) => r.method !== "ALL")
    .map((r) => ({ method: r.method, path: r.path.replace(/:[A-Za-z_]+/g, "some-slug") }));
}

describe("which Worker answers a request", () => {
  it("sends every write Worker route to the write Worker", () => {
    const routes = routesOf(createWriteApp());
    expect(routes.length).toBeGreaterThan(10);
    for (const { method, path } of routes) expect(isWriteSideRequest(method, path), `${method} ${path}`).toBe(true);
  });

  it("keeps every public Worker route (and HEAD of its pages) in the public Worker", () => {
    const routes = routesOf(createReadApp());
    expect(routes.length).toBeGreaterThan(30);
    for (const { method, path } of routes) {
      expect(isWriteSideRequest(method, path), `${method} ${path}`).toBe(false);
      if (method === "GET") expect(isWriteSideRequest("HEAD", path), `HEAD ${path}`).toBe(false);
    }
  });

  it("routes a percent-escaped path as the router reads it", () => {
    expect(isWriteSideRequest("GET", "/api/v1/%73ubmissions")).toBe(true);
    expect(isWriteSideRequest("POST", "/api/v1/%73ubmissions")).toBe(false);
    expect(isWriteSideRequest("POST", "/api/v1/%73ubmissions/1/accept")).toBe(true);
    expect(isWriteSideRequest("GET", "/api/v1/case-studies/%zz")).toBe(false);
    expect(isWriteSideRequest("PUT", "/api/v1/case-studies/a%2Fb")).toBe(true);
  });
});
