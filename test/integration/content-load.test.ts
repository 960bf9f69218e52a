import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { runBatch } from "../../src/db/statements";
import { writeStatements } from "../../src/records/write-path";

/** The seed's removal of content records whose file is gone, through the write path. */
const keepOnly = (slugs: string[]) =>
  writeStatements([{ kind: "deleteContentExcept", slugs }], "2026-01-02T00:00:00.000Z");

async function counts() {
  const row = await env.DB.prepare(
    `SELECT (SELECT count(*) FROM case_studies) AS records, (SELECT count(*) FROM outcomes) AS outcomes,
            (SELECT count(*) FROM sources) AS sources, (SELECT count(*) FROM case_study_facets) AS facets,
            (SELECT count(*) FROM case_studies_fts WHERE case_studies_fts MATCH 'illustrative OR article OR medicaid OR medicare') AS fts`,
  ).first<Record<string, number>>();
  return row!;
}

describe("loading content into D1", () => {
  it("is idempotent: seeding twice leaves the same rows", async () => {
    const before = await counts();
    await runBatch(env.DB, env.TEST_SEED);
    expect(await counts()).toEqual(before);
  });

  it("removes a record, with its outcomes, sources, facets and index entry, when its file is gone", async () => {
    const slug = "payer-pilot-acupuncture-low-back-pain";
    const { results } = await env.DB.prepare("SELECT slug FROM case_studies WHERE origin = 'content'").all<{
      slug: string;
    }>();
    const kept = results.map((r) => r.slug).filter((s) => s !== slug);
    const id = (await env.DB.prepare("SELECT id FROM case_studies WHERE slug = ?1").bind(slug).first<{ id: number }>())!
      .id;

    await runBatch(env.DB, keepOnly(kept));

    expect(await env.DB.prepare("SELECT 1 FROM case_studies WHERE slug = ?1").bind(slug).first()).toBeNull();
    for (const table of ["outcomes", "sources", "case_study_facets"]) {
      const left = await env.DB.prepare(`SELECT count(*) AS n FROM ${table} WHERE case_study_id = ?1`)
        .bind(id)
        .first<{ n: number }>();
      expect(left?.n, table).toBe(0);
    }
    const indexed = await env.DB.prepare("SELECT count(*) AS n FROM case_studies_fts WHERE rowid = ?1")
      .bind(id)
      .first<{ n: number }>();
    expect(indexed?.n).toBe(0);
    await runBatch(env.DB, env.TEST_SEED);
  });

  it("keeps records written through the API when content files disappear", async () => {
    await env.DB.prepare(
      "UPDATE case_studies SET origin = 'api' WHERE slug = 'rural-cooperative-membership-clinic'",
    ).run();
    await runBatch(env.DB, keepOnly([]));
    const left = await env.DB.prepare("SELECT slug FROM case_studies").all<{ slug: string }>();
    expect(left.results.map((r) => r.slug)).toEqual(["rural-cooperative-membership-clinic"]);
    await runBatch(env.DB, env.TEST_SEED);
  });

  it("stores the derived grade and keeps the full-text index in step with the table", async () => {
    const row = await env.DB.prepare(
      "SELECT grade, grade_reason FROM case_studies WHERE slug = 'medicare-advantage-acupuncture-nutrition-pilot'",
    ).first<{ grade: string; grade_reason: string }>();
    expect(row?.grade).toBe("E");
    const hit = await env.DB.prepare(
      "SELECT c.slug FROM case_studies_fts f JOIN case_studies c ON c.id = f.rowid WHERE case_studies_fts MATCH 'readmission'",
    ).all<{ slug: string }>();
    // Porter stemming: "readmission" finds "readmissions".
    expect(hit.results.map((r) => r.slug)).toContain("medicare-advantage-acupuncture-nutrition-pilot");
  });
});
