// Every secured operation of /openapi.json (read from the Worker itself), sent hostile requests without a valid
// token (none, unknown, malformed Authorization headers, the other scope's token): always 401 or 403, and the data
// never changes. "The data" is the data version (schema/0005, which every write to the records changes), a digest
// of the whole backup with every revision (GET /api/v1/export?revisions=1) and every submission's state. The public
// operations that are not GETs (the calculators, a new submission) may not change records either. A control run
// with the write token shows that the same check sees a real write.
import { env } from "cloudflare:test";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { callWorker } from "./helpers";
import { expectDeclared } from "./hostile-checks";
import {
  badAuthorization,
  hostileSeed,
  knownSegments,
  loadOperations,
  requestsFor,
  scopeOf,
  segmentBefore,
  send,
  WRITE_TOKEN,
} from "./hostile-requests";

const RUNS_PER_OPERATION = 40;
const seed = hostileSeed("hostile-auth");
const operations = (await loadOperations()).filter((op) => op.method !== "GET");
const secured = operations.filter((op) => op.secured);
const known = await knownSegments();

async function digest(text: string): Promise<string> {
  const bytes = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** The state of the records and revisions, and (unless left out) of every submission. */
async function snapshot(withSubmissions = true): Promise<string> {
  const version = await env.DB.prepare("SELECT version FROM data_version WHERE id = 1").first<{ version: string }>();
  const backup = await callWorker("/api/v1/export?revisions=1", { headers: { authorization: WRITE_TOKEN } });
  expect(backup.status).toBe(200);
  const lines = (await backup.text()).split("\n").filter(Boolean);
  expect(lines.length, "the backup holds records").toBeGreaterThan(1);
  const submissions = withSubmissions
    ? (
        await env.DB.prepare(
          "SELECT id, status, decided_at, decided_by, accepted_slug FROM submissions ORDER BY id",
        ).all()
      ).results
    : [];
  return JSON.stringify({ version: version?.version, backup: await digest(lines.join("\n")), submissions });
}

describe("no request without a valid token changes the data", () => {
  it("the document has secured operations that are not GETs", () => {
    expect(secured.length).toBeGreaterThan(0);
  });

  for (const op of secured) {
    it(`${op.method} ${op.path}: 401 or 403, and nothing written`, async () => {
      const scope = await scopeOf(op);
      const before = await snapshot();
      await fc.assert(
        fc.asyncProperty(requestsFor(op, known, badAuthorization(scope)), async (req) => {
          const { res, text } = await send(req);
          expectDeclared(op, req, res, text);
          // The address may not reach the operation (a raw traversal segment); where it does, the token is refused.
          if (res.status !== 404) expect([401, 403], `${req.method} ${req.path}`).toContain(res.status);
        }),
        { seed, numRuns: RUNS_PER_OPERATION },
      );
      expect(await snapshot()).toBe(before);
    }, 120_000);
  }

  for (const op of operations.filter((o) => !o.secured)) {
    it(`${op.method} ${op.path} (public): never changes a record`, async () => {
      const before = await snapshot(false);
      await fc.assert(
        fc.asyncProperty(requestsFor(op, known, badAuthorization("write")), async (req) => {
          const { res, text } = await send(req);
          expectDeclared(op, req, res, text);
        }),
        { seed, numRuns: RUNS_PER_OPERATION },
      );
      expect(await snapshot(false)).toBe(before);
    }, 120_000);
  }

  it("the check sees a real write: the first secured PUT with the write token changes the snapshot", async () => {
    const put = secured.find((op) => op.method === "PUT");
    if (!put) throw new Error("no secured PUT operation to run the control on");
    const path = put.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = known.get(segmentBefore(put.path, name))?.[0];
      if (!value) throw new Error(`no known value for {${name}} of ${put.path}`);
      return value;
    });
    const current = await callWorker(path);
    expect(current.status).toBe(200);
    const record = (await current.json()) as Record<string, unknown>;
    const before = await snapshot();
    const res = await callWorker(path, {
      method: "PUT",
      headers: {
        authorization: WRITE_TOKEN,
        "content-type": "application/json",
        "if-match": current.headers.get("etag") ?? "",
      },
      body: JSON.stringify({ ...record, title: `${String(record.title)} (edited by the control)` }),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await snapshot()).not.toBe(before);
  });
});
