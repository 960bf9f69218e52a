// The one write path (src/records/write-path.ts): ids survive edits, and everything derived from the records (facet
// rows, facet keys, browse counts, the full-text index) is right after every create, update and delete.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { runBatch } from "../../src/db/statements";
import type { CaseStudy } from "../../src/domain/case-study";
import type { SearchResponse } from "../../src/search/schemas";
import { getJson, readRecord, writeRecords } from "./helpers";
import { everyHit, hitKey } from "./search-helpers";

async function search(params: string): Promise<SearchResponse> {
  const { res, body } = await getJson<SearchResponse>(`/api/v1/search?${params}`);
  expect(res.status, params).toBe(200);
  return body;
}

/** The count a search shows for one facet value (0 when the value is not listed). */
function count(response: SearchResponse, facet: keyof SearchResponse["facets"], value: string): number {
  return response.facets[facet]?.find((v) => v.value === value)?.count ?? 0;
}

async function idOf(slug: string): Promise<number | null> {
  const row = await env.DB.prepare("SELECT id FROM case_studies WHERE slug = ?1").bind(slug).first<{ id: number }>();
  return row?.id ?? null;
}

async function dataVersion(): Promise<string> {
  const row = await env.DB.prepare("SELECT version FROM data_version WHERE id = 1").first<{ version: string }>();
  return row?.version ?? "";
}

const SOURCE = "gerac-acupuncture-low-back-pain-trial";

/** A published record of its own (storage is shared by the tests of a file, so each test uses its own slug). */
async function probe(slug: string, change: (r: CaseStudy) => Partial<CaseStudy>): Promise<CaseStudy> {
  const base = await readRecord(SOURCE);
  return { ...base, slug, status: "published", ...change(base) };
}

describe("the write path", () => {
  it("keeps a record's id when it is edited, and every content record's id when the content is seeded again", async () => {
    const before = await env.DB.prepare("SELECT slug, id FROM case_studies ORDER BY slug").all<{
      slug: string;
      id: number;
    }>();
    const edited = await readRecord(SOURCE);
    await writeRecords({ kind: "upsert", record: { ...edited, title: `${edited.title} (edited)` }, origin: "content" });
    expect((await readRecord(SOURCE)).title).toBe(`${edited.title} (edited)`);
    await runBatch(env.DB, env.TEST_SEED);
    const after = await env.DB.prepare("SELECT slug, id FROM case_studies ORDER BY slug").all<{
      slug: string;
      id: number;
    }>();
    expect(after.results).toEqual(before.results);
    expect((await readRecord(SOURCE)).title).toBe(edited.title);
  });

  it("lets a search cursor taken before an edit continue without repeating or skipping a record", async () => {
    for (const params of ["sort=strongest", "q=pain&sort=relevance", "sort=newest"]) {
      const first = await search(`${params}&limit=2`);
      expect(first.next_cursor, params).not.toBeNull();
      // Edit a record already shown (its text, not its sort keys): with a new id it would come round again.
      const shown = await readRecord(first.hits[0]?.slug as string);
      await writeRecords({
        kind: "upsert",
        record: { ...shown, summary: `${shown.summary} Edited.` },
        origin: "content",
      });

      const all = await everyHit(params);
      const seen = first.hits.map(hitKey);
      let cursor = first.next_cursor;
      for (let pages = 0; cursor && pages < 100; pages++) {
        const page = await search(`${params}&limit=2&cursor=${cursor}`);
        seen.push(...page.hits.map(hitKey));
        cursor = page.next_cursor;
      }
      expect(all.slugs.length, params).toBe(all.total);
      expect(seen, params).toEqual(all.slugs);
      expect(new Set(seen).size, params).toBe(all.total);
      await writeRecords({ kind: "upsert", record: shown, origin: "content" });
    }
  });

  it("keeps browse and search facet counts right through a create, an update that changes a facet, and a delete", async () => {
    const slug = "write-path-facet-probe";
    const baseline = await search("");
    const record = await probe(slug, () => ({
      title: "Zebrafinch probe: acupuncture paid by a cooperative",
      modalities: ["acupuncture"],
      payer_types: ["cooperative"],
    }));

    await writeRecords({ kind: "upsert", record, origin: "api" });
    const id = await idOf(slug);
    let browse = await search("");
    expect(browse.total).toBe(baseline.total + 1);
    expect(count(browse, "modality", "acupuncture")).toBe(count(baseline, "modality", "acupuncture") + 1);
    expect(count(browse, "payer_type", "cooperative")).toBe(count(baseline, "payer_type", "cooperative") + 1);
    let found = await search("q=zebrafinch");
    expect(found.hits.map((h) => h.slug)).toEqual([slug]);
    expect(count(found, "modality", "acupuncture")).toBe(1);
    expect(count(found, "payer_type", "cooperative")).toBe(1);

    await writeRecords({
      kind: "upsert",
      record: { ...record, modalities: ["yoga"], payer_types: ["research"] },
      origin: "api",
    });
    expect(await idOf(slug)).toBe(id);
    browse = await search("");
    expect(browse.total).toBe(baseline.total + 1);
    expect(count(browse, "modality", "acupuncture")).toBe(count(baseline, "modality", "acupuncture"));
    expect(count(browse, "modality", "yoga")).toBe(count(baseline, "modality", "yoga") + 1);
    expect(count(browse, "payer_type", "cooperative")).toBe(count(baseline, "payer_type", "cooperative"));
    expect(count(browse, "payer_type", "research")).toBe(count(baseline, "payer_type", "research") + 1);
    found = await search("q=zebrafinch");
    expect(count(found, "modality", "acupuncture")).toBe(0);
    expect(count(found, "modality", "yoga")).toBe(1);
    expect(count(found, "payer_type", "research")).toBe(1);
    // A filtered search counts from the facet keys of every candidate: the edited record's keys moved with it.
    const filtered = await search("payer_type=research");
    expect(filtered.hits.map((h) => h.slug)).toContain(slug);
    expect(count(filtered, "modality", "yoga")).toBeGreaterThanOrEqual(1);
    expect(count(await search("modality=acupuncture&payer_type=cooperative"), "modality", "acupuncture")).toBe(
      count(await search("modality=acupuncture&payer_type=cooperative&q=-zebrafinch"), "modality", "acupuncture"),
    );

    await writeRecords({ kind: "delete", slug });
    browse = await search("");
    expect(browse.total).toBe(baseline.total);
    expect(browse.facets).toEqual(baseline.facets);
    expect((await search("q=zebrafinch")).total).toBe(0);
  });

  it("indexes an edited record's new words and forgets its old ones", async () => {
    const slug = "write-path-text-probe";
    const record = await probe(slug, () => ({ title: "Quokkamoth probe record of acupuncture" }));
    await writeRecords({ kind: "upsert", record, origin: "api" });
    expect((await search("q=quokkamoth")).hits.map((h) => h.slug)).toEqual([slug]);

    await writeRecords({
      kind: "upsert",
      record: { ...record, title: "Axolotlwren probe record of acupuncture" },
      origin: "api",
    });
    expect((await search("q=quokkamoth")).total).toBe(0);
    expect((await search("q=axolotlwren")).hits.map((h) => h.slug)).toEqual([slug]);
    // Exactly one index row for the record, holding the new text (the external-content triggers replaced it).
    const id = await idOf(slug);
    const rows = await env.DB.prepare(
      "SELECT rowid FROM case_studies_fts WHERE case_studies_fts MATCH 'axolotlwren OR quokkamoth'",
    ).all<{ rowid: number }>();
    expect(rows.results).toEqual([{ rowid: id }]);
    await writeRecords({ kind: "delete", slug });
  });

  it("changes the data version with every batch, even one that only changes a record's children", async () => {
    const slug = "write-path-version-probe";
    const record = await probe(slug, () => ({}));
    const v0 = await dataVersion();
    await writeRecords({ kind: "upsert", record, origin: "api" });
    const v1 = await dataVersion();
    expect(v1).not.toBe(v0);
    const outcome = record.outcomes[0];
    if (!outcome) throw new Error("the probe has no outcome");
    await writeRecords({
      kind: "upsert",
      record: { ...record, outcomes: [{ ...outcome, value: outcome.value + 1 }] },
      origin: "api",
    });
    const v2 = await dataVersion();
    expect(v2).not.toBe(v1);
    await writeRecords({ kind: "delete", slug });
    expect(await dataVersion()).not.toBe(v2);
  });

  it("deletes a record with its outcomes, sources, facet rows and index entry", async () => {
    const slug = "write-path-delete-probe";
    await writeRecords({ kind: "upsert", record: await probe(slug, () => ({})), origin: "api" });
    const id = await idOf(slug);
    expect(id).not.toBeNull();
    const children = async () => {
      const counts: Record<string, number> = {};
      for (const table of ["outcomes", "sources", "case_study_facets"]) {
        const row = await env.DB.prepare(`SELECT count(*) AS n FROM ${table} WHERE case_study_id = ?1`)
          .bind(id)
          .first<{ n: number }>();
        counts[table] = row?.n ?? -1;
      }
      const fts = await env.DB.prepare("SELECT count(*) AS n FROM case_studies_fts WHERE rowid = ?1")
        .bind(id)
        .first<{ n: number }>();
      counts.fts = fts?.n ?? -1;
      return counts;
    };
    const before = await children();
    expect(
      Object.values(before).every((n) => n > 0),
      JSON.stringify(before),
    ).toBe(true);

    await writeRecords({ kind: "delete", slug });
    expect(await idOf(slug)).toBeNull();
    expect(await children()).toEqual({ outcomes: 0, sources: 0, case_study_facets: 0, fts: 0 });
  });
});
