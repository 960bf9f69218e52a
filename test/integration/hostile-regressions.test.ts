// What the hostile-input suite found, kept as focused tests (each failed before its fix):
// - DELETE and restore answered a bad X-Change-Message header with a 400 their declarations did not list;
// - the submission review routes checked the token inside the handler, after the address and body: a client without
//   a token got 404s and 400s naming fields, and /openapi.json marked none of them as needing a token.
import { describe, expect, it } from "vitest";
import { get } from "./helpers";
import { WRITE_TOKEN } from "./hostile-requests";

const SLUG = "gerac-acupuncture-low-back-pain-trial";

describe("found by the hostile-input suite", () => {
  it("DELETE and restore answer a bad X-Change-Message with a declared 400 naming the header", async () => {
    const current = await get(`/api/v1/case-studies/${SLUG}`);
    const etag = current.headers.get("etag") ?? "";
    for (const [method, path] of [
      ["DELETE", `/api/v1/case-studies/${SLUG}`],
      ["POST", `/api/v1/case-studies/${SLUG}/revisions/1/restore`],
    ] as const) {
      for (const message of ["%E0%A4%A", "x".repeat(501)]) {
        // get() checks the answer against /openapi.json: an undeclared 400 fails here.
        const res = await get(path, {
          method,
          headers: { authorization: WRITE_TOKEN, "if-match": etag, "x-change-message": message },
        });
        expect(res.status, `${method} ${path}`).toBe(400);
        const problem = (await res.json()) as { errors: { path: string }[] };
        expect(problem.errors.map((e) => e.path)).toEqual(["X-Change-Message"]);
      }
    }
    expect((await get(`/api/v1/case-studies/${SLUG}`)).status).toBe(200);
  });

  it("the review routes refuse a client without a token before reading the address or the body", async () => {
    for (const [method, path, body] of [
      ["GET", "/api/v1/submissions?status=bogus", undefined],
      ["GET", "/api/v1/submissions/not-a-reference", undefined],
      ["POST", "/api/v1/submissions/not-a-reference/accept", '{"slug":"Not A Slug"}'],
      ["POST", "/api/v1/submissions/0123456789abcdef/reject", "{}"],
    ] as const) {
      const res = await get(path, {
        method,
        ...(body ? { body, headers: { "content-type": "application/json" } } : {}),
      });
      expect(res.status, `${method} ${path}`).toBe(401);
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer /);
    }
  });

  it("/openapi.json marks every review route as needing a token", async () => {
    const doc = (await (await get("/openapi.json")).json()) as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    };
    const review = Object.entries(doc.paths).filter(([path]) => path.startsWith("/api/v1/submissions/"));
    expect(review.length).toBeGreaterThan(0);
    for (const [path, methods] of review) {
      for (const [method, op] of Object.entries(methods)) expect(op.security, `${method} ${path}`).toHaveLength(1);
    }
    expect(doc.paths["/api/v1/submissions"]?.get?.security).toHaveLength(1);
  });
});
