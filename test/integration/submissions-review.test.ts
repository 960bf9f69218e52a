import { createExecutionContext, env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { checkContract } from "./contract";
import { get } from "./helpers";
import { CONTACT, proposedRecord } from "./submission-fixtures";
import worker from "./worker-entry";

const REVIEW = "review-token-0123456789abcdef";
const WRITE = "write-token-0123456789abcdef";
const API_TOKENS = JSON.stringify([
  { label: "reviewer-ada", token: REVIEW, scope: "review" },
  { label: "editor-bob", token: WRITE, scope: "write" },
]);

/** The Worker with tokens configured, every response checked against the OpenAPI document. */
async function call(path: string, init: RequestInit = {}, token?: string): Promise<Response> {
  const headers = new Headers(init.headers);
  if (token) headers.set("authorization", `Bearer ${token}`);
  if (init.body) headers.set("content-type", "application/json");
  const res = await worker.fetch(
    new Request(`https://example.test${path}`, { ...init, headers }),
    { ...env, API_TOKENS },
    createExecutionContext(),
  );
  await checkContract(init.method ?? "GET", path, res);
  return res;
}

let n = 0;
async function submit(slug: string): Promise<string> {
  n += 1;
  const res = await call("/api/v1/submissions", {
    method: "POST",
    body: JSON.stringify({ case_study: proposedRecord(slug), contact: CONTACT }),
    headers: { "cf-connecting-ip": `203.0.113.${n}` },
  });
  expect(res.status).toBe(202);
  return ((await res.json()) as { id: string }).id;
}

describe("reviewer routes need a review token", () => {
  it("answers none → 401 with WWW-Authenticate, unknown → 401, write scope → 403, review → success, on every route", async () => {
    const id = await submit("review-auth-matrix");
    const routes: [string, RequestInit, number][] = [
      ["/api/v1/submissions", {}, 200],
      [`/api/v1/submissions/${id}`, {}, 200],
      [
        `/api/v1/submissions/${id}/reject`,
        { method: "POST", body: JSON.stringify({ reason: "not a programme" }) },
        200,
      ],
      [`/api/v1/submissions/${await submit("review-auth-accept")}/accept`, { method: "POST", body: "{}" }, 201],
    ];
    for (const [path, init, ok] of routes) {
      const none = await call(path, init);
      expect(none.status, path).toBe(401);
      expect(none.headers.get("www-authenticate"), path).toMatch(/^Bearer /);
      expect((await call(path, init, "not-a-token-of-this-server")).status, path).toBe(401);
      expect((await call(path, init, WRITE)).status, path).toBe(403);
      const right = await call(path, init, REVIEW);
      expect(right.status, path).toBe(ok);
    }
  });
});

describe("the review flow", () => {
  it("lists pending submissions with their contact details, and shows one checked and previewed", async () => {
    const id = await submit("review-list-one");
    const list = (await (await call("/api/v1/submissions", {}, REVIEW)).json()) as {
      items: { id: string; contact: typeof CONTACT; status: string }[];
    };
    const item = list.items.find((i) => i.id === id);
    expect(item).toMatchObject({ status: "pending", contact: CONTACT });
    const detail = (await (await call(`/api/v1/submissions/${id}`, {}, REVIEW)).json()) as {
      validation: { ok: boolean; errors: unknown[] };
      slug_available: boolean;
      preview: { evidence_grade: string; body_html: string } | null;
    };
    expect(detail.validation).toEqual({ ok: true, errors: [] });
    expect(detail.slug_available).toBe(true);
    expect(detail.preview?.evidence_grade).toMatch(/^[A-E]$/);
    expect(detail.preview?.body_html).toContain("<p>");
  });

  it("accepts: a draft case study with revision 1 naming the submission and the reviewer; a second decision is a 409", async () => {
    const id = await submit("review-accept");
    const res = await call(`/api/v1/submissions/${id}/accept`, { method: "POST", body: "{}" }, REVIEW);
    expect(res.status).toBe(201);
    const body = (await res.json()) as { submission: { status: string; accepted_slug: string; decided_by: string } };
    expect(body.submission).toMatchObject({
      status: "accepted",
      accepted_slug: "review-accept",
      decided_by: "reviewer-ada",
    });
    const record = await get("/api/v1/case-studies/review-accept");
    expect(record.status).toBe(200);
    expect(((await record.json()) as { status: string }).status).toBe("draft");
    const revisions = await env.DB.prepare("SELECT revision, action, author, message FROM revisions WHERE slug = ?1")
      .bind("review-accept")
      .all();
    expect(revisions.results).toEqual([
      { revision: 1, action: "create", author: "reviewer-ada", message: `Accepted from submission ${id}` },
    ]);
    // The public record carries no contact detail.
    const text = await (await get("/api/v1/case-studies/review-accept")).text();
    for (const value of Object.values(CONTACT)) expect(text).not.toContain(value);
    const again = await call(`/api/v1/submissions/${id}/reject`, { method: "POST", body: '{"reason":"x"}' }, REVIEW);
    expect(again.status).toBe(409);
  });

  it("refuses to accept onto a slug a record already has (409), and accepts under another slug given", async () => {
    const taken = (await env.DB.prepare("SELECT slug FROM case_studies LIMIT 1").first<{ slug: string }>())?.slug ?? "";
    const id = await submit(taken);
    const clash = await call(`/api/v1/submissions/${id}/accept`, { method: "POST", body: "{}" }, REVIEW);
    expect(clash.status).toBe(409);
    const renamed = await call(
      `/api/v1/submissions/${id}/accept`,
      { method: "POST", body: JSON.stringify({ slug: "review-renamed", message: "slug was taken" }) },
      REVIEW,
    );
    expect(renamed.status).toBe(201);
    expect((await get("/api/v1/case-studies/review-renamed")).status).toBe(200);
  });

  it("rejects with a reason (required) and creates nothing", async () => {
    const id = await submit("review-reject");
    const noReason = await call(`/api/v1/submissions/${id}/reject`, { method: "POST", body: "{}" }, REVIEW);
    expect(noReason.status).toBe(400);
    const res = await call(
      `/api/v1/submissions/${id}/reject`,
      { method: "POST", body: JSON.stringify({ reason: "No source gives these figures" }) },
      REVIEW,
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { submission: { status: string; decision_reason: string } };
    expect(body.submission).toMatchObject({ status: "rejected", decision_reason: "No source gives these figures" });
    expect((await get("/api/v1/case-studies/review-reject")).status).toBe(404);
    const rejected = (await (await call("/api/v1/submissions?status=rejected", {}, REVIEW)).json()) as {
      items: { id: string }[];
    };
    expect(rejected.items.map((i) => i.id)).toContain(id);
  });

  it("answers an unknown reference with 404", async () => {
    expect((await call("/api/v1/submissions/0123456789abcdef", {}, REVIEW)).status).toBe(404);
  });
});
