// Revision rows of the one write path (schema/0006, src/records/revisions.ts): the seed starts every content record
// at revision 1 and adds none when seeded again unchanged; a delete leaves a tombstone; a slug that comes back takes
// its old id; a write based on a revision another write has already passed fails as a whole.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { runBatch } from "../../src/db/statements";
import { currentRevision, findRevision, findTombstone, listRevisions } from "../../src/records/revisions";
import { writeStatements } from "../../src/records/write-path";
import { readRecord, writeRecords } from "./helpers";

const SOURCE = "gerac-acupuncture-low-back-pain-trial";

async function idOf(slug: string): Promise<number | null> {
  const row = await env.DB.prepare("SELECT id FROM case_studies WHERE slug = ?1").bind(slug).first<{ id: number }>();
  return row?.id ?? null;
}

describe("revisions of the write path", () => {
  it("starts every content record at revision 1 by 'content', and seeding unchanged content again adds none", async () => {
    const counts = async () =>
      (
        await env.DB.prepare(
          "SELECT c.slug, count(r.revision) AS n, min(r.author) AS author FROM case_studies c LEFT JOIN revisions r ON r.slug = c.slug GROUP BY c.slug",
        ).all<{ slug: string; n: number; author: string }>()
      ).results;
    const before = await counts();
    expect(before.length).toBeGreaterThan(0);
    for (const row of before) expect(row, row.slug).toMatchObject({ n: 1, author: "content" });
    await runBatch(env.DB, env.TEST_SEED);
    expect(await counts()).toEqual(before);
    const first = await findRevision(env.DB, SOURCE, 1);
    expect(first?.action).toBe("create");
    expect(first?.record).toEqual(await readRecord(SOURCE));
  });

  it("keeps the record withdrawn by a delete, and gives a restored slug its old id", async () => {
    const slug = "revisions-store-tombstone";
    const record = { ...(await readRecord(SOURCE)), slug };
    await writeRecords({ kind: "upsert", record, origin: "api", revision: { author: "alice", base: 0 } });
    const id = await idOf(slug);
    await writeRecords({ kind: "delete", slug, revision: { author: "bob", message: "duplicate", base: 1 } });
    expect(await idOf(slug)).toBeNull();
    expect(await findTombstone(env.DB, slug)).toMatchObject({ slug, title: record.title, revision: 2, author: "bob" });
    // A new record created meanwhile does not take the withdrawn one's id.
    const other = { ...record, slug: "revisions-store-newcomer" };
    await writeRecords({ kind: "upsert", record: other, origin: "api", revision: { author: "alice" } });
    expect(await idOf(other.slug)).not.toBe(id);
    await writeRecords({
      kind: "upsert",
      record,
      origin: "api",
      revision: { author: "carol", restoredFrom: 1, base: 2 },
    });
    expect(await idOf(slug)).toBe(id);
    expect(await findTombstone(env.DB, slug)).toBeNull();
    expect((await listRevisions(env.DB, slug)).map((r) => [r.revision, r.action, r.author, r.restored_from])).toEqual([
      [1, "create", "alice", null],
      [2, "delete", "bob", null],
      [3, "restore", "carol", 1],
    ]);
    expect((await currentRevision(env.DB, slug))?.record).toEqual(record);
  });

  it("fails the whole batch when the revision it is based on is no longer the latest", async () => {
    const slug = "revisions-store-race";
    const record = { ...(await readRecord(SOURCE)), slug };
    await writeRecords({ kind: "upsert", record, origin: "api", revision: { author: "alice", base: 0 } });
    await writeRecords({
      kind: "upsert",
      record: { ...record, title: "First editor's title" },
      origin: "api",
      revision: { author: "alice", base: 1 },
    });
    const stale = writeStatements(
      [
        {
          kind: "upsert",
          record: { ...record, title: "Second editor's title" },
          origin: "api",
          revision: { author: "bob", base: 1 },
        },
      ],
      "2026-01-03T00:00:00.000Z",
    );
    await expect(runBatch(env.DB, stale)).rejects.toThrow(/UNIQUE|constraint/i);
    expect((await readRecord(slug)).title).toBe("First editor's title");
    expect((await listRevisions(env.DB, slug)).length).toBe(2);
  });
});
