// The read coalescer (src/db/coalesce.ts) over a fake D1 binding that records what it was sent and answers when told,
// so the order of round trips and the error routing can be watched; test/integration/d1-coalesce.test.ts runs the
// same wrapper against real D1.
import { describe, expect, it } from "vitest";
import { coalescingDatabase } from "../../../src/db/coalesce";

interface Sent {
  sql: string[];
  answer(): void;
}

/** A fake binding: each round trip waits for `answer()`; a statement whose SQL says FAIL fails its round trip. */
function fakeDatabase() {
  const sent: Sent[] = [];
  const statement = (sql: string, values: unknown[] = []) => ({
    sql,
    values,
    bind: (...next: unknown[]) => statement(sql, next),
  });
  const roundTrip = (sql: string[]) =>
    new Promise<D1Result[]>((resolve, reject) => {
      sent.push({
        sql,
        answer: () =>
          sql.some((s) => s.includes("FAIL"))
            ? reject(new Error("D1_ERROR: no such table: FAIL"))
            : resolve(sql.map((s) => ({ results: [{ sql: s }], success: true, meta: {} }) as unknown as D1Result)),
      });
    });
  const db = {
    prepare: (sql: string) => {
      const s = statement(sql);
      return { ...s, all: () => roundTrip([sql]).then((r) => r[0]) };
    },
    batch: (statements: { sql: string }[]) => roundTrip(statements.map((s) => s.sql)),
  };
  return { db: db as unknown as D1Database, sent };
}

/** Lets timers and promise callbacks run (the coalescer sends at the next macrotask). */
const turn = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("reads asked for in one turn", () => {
  it("go to D1 as one batch, each caller getting its own results", async () => {
    const { db, sent } = fakeDatabase();
    const reads = coalescingDatabase(db);
    const one = reads.prepare("SELECT 1").all();
    const pair = reads.batch([reads.prepare("SELECT 2"), reads.prepare("SELECT 3").bind(3)]);
    const first = reads.prepare("SELECT 4").first("sql");
    await turn();
    expect(sent.map((s) => s.sql)).toEqual([["SELECT 1", "SELECT 2", "SELECT 3", "SELECT 4"]]);
    sent[0]?.answer();
    expect((await one).results).toEqual([{ sql: "SELECT 1" }]);
    expect((await pair).map((r) => r.results)).toEqual([[{ sql: "SELECT 2" }], [{ sql: "SELECT 3" }]]);
    expect(await first).toBe("SELECT 4");
  });

  it("wait for every await on the way to the route: a read asked after a resolved await joins the batch", async () => {
    const { db, sent } = fakeDatabase();
    const reads = coalescingDatabase(db);
    const version = reads.prepare("SELECT version").all();
    await Promise.resolve();
    await Promise.resolve();
    const route = reads.prepare("SELECT route").all();
    await turn();
    expect(sent).toHaveLength(1);
    sent[0]?.answer();
    await Promise.all([version, route]);
  });
});

describe("reads in later turns", () => {
  it("are sent only after the round trip before them has answered, so reads asked first are done first", async () => {
    const { db, sent } = fakeDatabase();
    const reads = coalescingDatabase(db);
    const version = reads.prepare("SELECT version").all();
    await turn();
    const route = reads.prepare("SELECT route").all();
    await turn();
    expect(sent.map((s) => s.sql)).toEqual([["SELECT version"]]);
    sent[0]?.answer();
    await version;
    await turn();
    expect(sent.map((s) => s.sql)).toEqual([["SELECT version"], ["SELECT route"]]);
    sent[1]?.answer();
    expect((await route).results).toEqual([{ sql: "SELECT route" }]);
  });
});

describe("a failing read", () => {
  it("fails only its own caller: the others are sent again on their own and answered", async () => {
    const { db, sent } = fakeDatabase();
    const reads = coalescingDatabase(db);
    const good = reads.prepare("SELECT good").all();
    const bad = reads.batch([reads.prepare("SELECT also good"), reads.prepare("SELECT FAIL")]);
    const other = reads.prepare("SELECT other").first();
    const answerAll = async () => {
      for (let i = 0; i < 10; i++) {
        await turn();
        for (const s of sent) s.answer();
      }
    };
    const [goodResult, badResult, otherResult] = await Promise.all([
      good,
      bad.catch((error: Error) => error),
      other,
      answerAll(),
    ]);
    expect(goodResult.results).toEqual([{ sql: "SELECT good" }]);
    expect(badResult).toBeInstanceOf(Error);
    expect(String(badResult)).toMatch(/no such table/);
    expect(otherResult).toEqual({ sql: "SELECT other" });
    // The combined batch, then each caller's statements alone.
    expect(sent.map((s) => s.sql)).toEqual([
      ["SELECT good", "SELECT also good", "SELECT FAIL", "SELECT other"],
      ["SELECT good"],
      ["SELECT also good", "SELECT FAIL"],
      ["SELECT other"],
    ]);
  });

  it("an empty batch answers at once without a round trip", async () => {
    const { db, sent } = fakeDatabase();
    expect(await coalescingDatabase(db).batch([])).toEqual([]);
    await turn();
    expect(sent).toHaveLength(0);
  });
});
