// A property of the write API: after any sequence of create, update, delete and restore, the revision history
// reproduces every state the record went through exactly, and search and the browse counts match the live records.
import { env } from "cloudflare:test";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CaseStudy } from "../../src/domain/case-study";
import { callWorker, readRecord } from "./helpers";

const WRITE = "Bearer test-write-token-0123456789";
const SOURCE = "gerac-acupuncture-low-back-pain-trial";

type Step = { op: "update"; title: number; draft: boolean } | { op: "delete" } | { op: "restore"; pick: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant("update" as const), title: fc.nat(999), draft: fc.boolean() }),
  fc.constant({ op: "delete" as const }),
  fc.record({ op: fc.constant("restore" as const), pick: fc.nat() }),
);

async function call(method: string, path: string, ifMatch?: string, body?: unknown) {
  const headers: Record<string, string> = { authorization: WRITE, "content-type": "application/json" };
  if (ifMatch) headers["if-match"] = ifMatch;
  return callWorker(path, { method, headers, ...(body ? { body: JSON.stringify(body) } : {}) });
}

async function publishedCount(): Promise<number> {
  const row = await env.DB.prepare("SELECT n FROM facet_counts WHERE facet = 'status' AND value = 'published'").first<{
    n: number;
  }>();
  return row?.n ?? 0;
}

describe("random sequences of writes", () => {
  it("keep a history that reproduces every state, and counts that match the live records", async () => {
    const base = await readRecord(SOURCE);
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 6 }), async (steps) => {
        const slug = `authoring-property-${run++}`;
        const api = `/api/v1/case-studies/${slug}`;
        let live: CaseStudy | null = { ...base, slug, status: "published" };
        expect((await call("POST", "/api/v1/case-studies", undefined, live)).status).toBe(201);
        const states: (CaseStudy | null)[] = [live];
        const records: (CaseStudy | null)[] = [live];
        for (const step of steps) {
          const etag = `"r${states.length}"`;
          if (step.op === "update") {
            if (!live) continue;
            const next: CaseStudy = {
              ...live,
              title: `Property title ${step.title}`,
              status: step.draft ? "draft" : "published",
            };
            expect((await call("PUT", api, etag, next)).status).toBe(200);
            live = next;
          } else if (step.op === "delete") {
            if (!live) continue;
            expect((await call("DELETE", api, etag)).status).toBe(200);
            live = null;
          } else {
            const holding = records.map((r, i) => (r ? i + 1 : 0)).filter(Boolean);
            const n = holding[step.pick % holding.length] as number;
            expect((await call("POST", `${api}/revisions/${n}/restore`, etag)).status).toBe(200);
            live = records[n - 1] as CaseStudy;
          }
          states.push(live);
          records.push(live);
        }
        // Every revision reproduces its state exactly (a withdrawal keeps the record before it).
        for (let i = 0; i < states.length; i++) {
          const res = await callWorker(`${api}/revisions/${i + 1}`);
          const body = (await res.json()) as { action: string; record: CaseStudy };
          if (states[i]) expect(body.record).toEqual(states[i]);
          else expect(body.action).toBe("delete");
        }
        const current = await callWorker(api);
        if (live) expect(await current.json()).toMatchObject(live);
        else expect(current.status).toBe(410);
        // The browse counts and the search total agree with the live published records.
        const live_ = await env.DB.prepare("SELECT count(*) AS n FROM case_studies WHERE status = 'published'").first<{
          n: number;
        }>();
        expect(await publishedCount()).toBe(live_?.n);
        const search = (await (await callWorker("/api/v1/search?limit=1")).json()) as { total: number };
        expect(search.total).toBe(live_?.n);
      }),
      { numRuns: 15 },
    );
  });
});
