// Search finds reference figures and evidence briefs beside case studies (schema/0011, src/search/statement.ts):
// each marked as what it is, only with words and no case-study filter, never in the facet counts, in one total order
// for keyset pages, and never from a cached answer once a figure or a brief has changed. The figure and brief written
// here carry made-up words that no content contains, so a hit can only come from them.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { runBatch } from "../../src/db/statements";
import type { Brief } from "../../src/domain/brief";
import type { ReferenceFigure } from "../../src/domain/reference-figure";
import { briefStatements } from "../../src/records/briefs";
import { figureWriteStatements } from "../../src/records/reference-figures";
import type { BriefHit, FigureHit } from "../../src/search/present";
import { get, getJson } from "./helpers";
import { caseHits, everyHit, hitKey, type Problem, search } from "./search-helpers";

const NOW = "2026-01-03T00:00:00.000Z";
const FIGURE_SLUG = "test-kinds-figure";
const BRIEF_SLUG = "test-kinds-brief";

/** A real figure from the content, copied under a new slug with these words in its quote and note. */
async function writeFigure(quoteWord: string, noteWord: string): Promise<void> {
  const row = await env.DB.prepare("SELECT record_json, body FROM reference_figures ORDER BY id LIMIT 1").first<{
    record_json: string;
    body: string;
  }>();
  if (!row) throw new Error("the content has no reference figure");
  const base = JSON.parse(row.record_json) as Omit<ReferenceFigure, "body">;
  const figure: ReferenceFigure = {
    ...base,
    slug: FIGURE_SLUG,
    title: "A test figure for the search of kinds",
    value: 4321,
    unit: "usd",
    per: "birth",
    price_year: 2022,
    provenance: "verified",
    quote: `The ${quoteWord} price was 4321 dollars per birth.`,
    body: `A note that mentions ${noteWord}.`,
  };
  delete (figure as { low?: number }).low;
  delete (figure as { high?: number }).high;
  await runBatch(env.DB, figureWriteStatements([{ kind: "upsert", figure }], NOW));
}

/** The content's briefs plus one more (the brief statements make the table hold exactly the briefs given). */
async function writeBrief(questionWord: string, bodyWord: string | null): Promise<void> {
  const { results } = await env.DB.prepare("SELECT brief_json FROM briefs WHERE slug != ?1 ORDER BY id")
    .bind(BRIEF_SLUG)
    .all<{ brief_json: string }>();
  const others = results.map((r) => JSON.parse(r.brief_json) as Brief);
  const base = others[0];
  if (!base) throw new Error("the content has no brief");
  const brief: Brief = {
    ...base,
    slug: BRIEF_SLUG,
    title: "A test brief for the search of kinds",
    question: `Does ${questionWord} coverage pay for itself?`,
    body: bodyWord ? `The narrative mentions ${bodyWord}.` : "A narrative.",
  };
  await runBatch(env.DB, briefStatements([...others, brief], NOW));
}

async function removeBrief(): Promise<void> {
  const { results } = await env.DB.prepare("SELECT brief_json FROM briefs WHERE slug != ?1 ORDER BY id")
    .bind(BRIEF_SLUG)
    .all<{ brief_json: string }>();
  await runBatch(
    env.DB,
    briefStatements(
      results.map((r) => JSON.parse(r.brief_json) as Brief),
      NOW,
    ),
  );
}

function kindsOf(hits: readonly { kind: string }[]): Set<string> {
  return new Set(hits.map((h) => h.kind));
}

describe("reference figures and briefs in search", () => {
  it("finds a figure by a word only its quote has, marked as a reference figure with its figure in plain fields", async () => {
    await writeFigure("zorbleflax", "quimbrelot");
    const body = await search("q=zorbleflax");
    expect(body.hits.map(hitKey)).toEqual([`reference_figure:${FIGURE_SLUG}`]);
    expect(body.total).toBe(1);
    const hit = body.hits[0] as FigureHit;
    expect(hit).toMatchObject({
      kind: "reference_figure",
      slug: FIGURE_SLUG,
      value: 4321,
      unit: "usd",
      per: "birth",
      price_year: 2022,
      provenance: "verified",
      url: `https://example.test/api/v1/reference-figures/${FIGURE_SLUG}`,
      page_url: `https://example.test/reference-figures/${FIGURE_SLUG}`,
    });
    // The note's word finds it too, with the note's passage as the snippet.
    const byNote = await search("q=quimbrelot");
    expect(byNote.hits.map(hitKey)).toEqual([`reference_figure:${FIGURE_SLUG}`]);
    expect(byNote.hits[0]?.snippet).toContain("<mark>quimbrelot</mark>");
  });

  it("finds a brief by a word only its question has, marked as an evidence brief", async () => {
    await writeBrief("wobblequist", null);
    const body = await search("q=wobblequist");
    expect(body.hits.map(hitKey)).toEqual([`brief:${BRIEF_SLUG}`]);
    const hit = body.hits[0] as BriefHit;
    expect(hit.kind).toBe("brief");
    expect(hit.question).toBe("Does wobblequist coverage pay for itself?");
    expect(hit.url).toBe(`https://example.test/briefs/${BRIEF_SLUG}`);
  });

  it("shows labelled cards on the page, linking each kind's own page", async () => {
    await writeFigure("zorbleflax", "quimbrelot");
    await writeBrief("wobblequist", null);
    const html = await (await get("/search?q=zorbleflax%20OR%20wobblequist")).text();
    expect(html).toContain('<p class="kind-label">Reference figure</p>');
    expect(html).toContain(`href="/reference-figures/${FIGURE_SLUG}"`);
    expect(html).toContain("$4,321 per birth");
    expect(html).toContain("In 2022 dollars");
    expect(html).toMatch(/class="tag prov-verified"/);
    expect(html).toContain('<p class="kind-label">Evidence brief</p>');
    expect(html).toContain(`href="/briefs/${BRIEF_SLUG}"`);
    expect(html).toContain("Does wobblequist coverage pay for itself?");
  });

  it("mixes the three kinds for words, and the kind filter chooses among them", async () => {
    await writeFigure("zorbleflax", "quimbrelot");
    await writeBrief("wobblequist", "quimbrelot");
    const all = await search("q=quimbrelot%20OR%20acupuncture&limit=50");
    expect(kindsOf(all.hits)).toEqual(new Set(["case_study", "reference_figure", "brief"]));
    const briefs = await search("q=quimbrelot%20OR%20acupuncture&kind=brief&limit=50");
    expect(briefs.hits.length).toBeGreaterThan(0);
    expect(kindsOf(briefs.hits)).toEqual(new Set(["brief"]));
    expect(briefs.total).toBe(briefs.hits.length);
    const two = await search("q=quimbrelot%20OR%20acupuncture&kind=brief,reference_figure&limit=50");
    expect(kindsOf(two.hits)).toEqual(new Set(["reference_figure", "brief"]));
    const cases = await search("q=quimbrelot%20OR%20acupuncture&kind=case_study&limit=50");
    expect(kindsOf(cases.hits)).toEqual(new Set(["case_study"]));
    expect(all.total).toBe(cases.total + two.total);
    expect(all.kinds).toEqual(["case_study", "reference_figure", "brief"]);
    expect(briefs.kinds).toEqual(["brief"]);
    expect(all.total_by_kind).toEqual({
      case_study: cases.total,
      reference_figure: two.total - briefs.total,
      brief: briefs.total,
    });
    const { res, body } = await getJson<Problem>("/api/v1/search?q=cost&kind=protocol");
    expect(res.status).toBe(400);
    expect(body.errors?.[0]?.path).toMatch(/^kind/);
  });

  it("searches case studies only under a case-study filter, and when browsing without words", async () => {
    await writeFigure("zorbleflax", "quimbrelot");
    for (const filter of ["provenance=verified", "min_grade=E", "payer_type=medicaid", "status=published,draft"]) {
      const body = await search(`q=zorbleflax%20OR%20acupuncture&${filter}&limit=50`);
      expect(body.hits.length, filter).toBeGreaterThan(0);
      expect(kindsOf(body.hits), filter).toEqual(new Set(["case_study"]));
    }
    const browse = await everyHit("sort=strongest");
    expect(browse.slugs.every((key) => !key.includes(":"))).toBe(true);
    expect((await search("")).kinds).toEqual(["case_study"]);
    expect((await search("q=zorbleflax&provenance=verified")).kinds).toEqual(["case_study"]);
    const briefsBrowsed = await search("kind=brief");
    expect(briefsBrowsed.hits).toEqual([]);
    expect(briefsBrowsed.total).toBe(0);
    expect(briefsBrowsed.kinds).toEqual([]);
    // The page says why, and where briefs are listed.
    const page = await (await get("/search?kind=brief")).text();
    expect(page).toContain("Evidence briefs and reference figures are found by words");
    expect(page).toContain('href="/briefs"');
  });

  it("counts facets over case studies only, exactly as without the other kinds", async () => {
    await writeFigure("zorbleflax", "quimbrelot");
    await writeBrief("wobblequist", "quimbrelot");
    const q = "q=quimbrelot%20OR%20acupuncture&limit=50";
    const mixed = await search(q);
    const cases = await search(`${q}&kind=case_study`);
    expect(mixed.facets).toEqual(cases.facets);
    // A single-valued facet's counts add up to the case studies found, not to every hit.
    const provenance = mixed.facets.provenance.reduce((n, v) => n + v.count, 0);
    expect(provenance).toBe(cases.total);
    expect(caseHits(mixed).length).toBe(cases.hits.length);
    // The browse's counts (precomputed) do not move when figures and briefs change.
    const before = (await search("")).facets;
    await writeFigure("zorbleflax", "quimbrelot-two");
    expect((await search("")).facets).toEqual(before);
  });

  it.each(["", "&sort=newest", "&sort=strongest"])(
    "walks pages of mixed kinds once each, never repeating or skipping (%j)",
    async (sort) => {
      await writeFigure("zorbleflax", "quimbrelot");
      await writeBrief("wobblequist", "quimbrelot");
      const params = `q=quimbrelot%20OR%20acupuncture%20OR%20doula${sort}`;
      const all = await everyHit(params);
      expect(new Set(all.slugs.map((key) => key.split(":")[0])).size).toBeGreaterThan(1);
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page = await search(`${params}&limit=3${cursor ? `&cursor=${cursor}` : ""}`);
        expect(page.total).toBe(all.total);
        seen.push(...page.hits.map(hitKey));
        cursor = page.next_cursor;
        pages++;
      } while (cursor && pages < 200);
      expect(seen).toEqual(all.slugs);
      expect(new Set(seen).size).toBe(all.total);
    },
    60_000,
  );

  it("refuses a cursor whose kind key was tampered with", async () => {
    const first = await search("q=acupuncture&limit=2");
    const key = JSON.parse(atob((first.next_cursor ?? "").replace(/-/g, "+").replace(/_/g, "/"))) as unknown[];
    expect(key.length).toBe(5);
    for (const t of [7, "0", null, 0.5]) {
      const forged = [...key];
      forged[3] = t;
      const cursor = btoa(JSON.stringify(forged)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
      const { res, body } = await getJson<Problem>(`/api/v1/search?q=acupuncture&limit=2&cursor=${cursor}`);
      expect(res.status, String(t)).toBe(400);
      expect(body.errors?.[0]?.path).toBe("cursor");
    }
  });

  it("answers afresh after a figure or a brief changes, even from the cache", async () => {
    await writeFigure("zorbleflax", "quimbrelot");
    await writeBrief("wobblequist", null);
    // Twice, so the second answer is the cache's.
    await search("q=zorbleflax");
    const cached = await get("/api/v1/search?q=zorbleflax", { headers: { accept: "application/json" } });
    expect(cached.headers.get("x-search-cache")).toBe("hit");
    await writeFigure("snorkelbine", "quimbrelot");
    expect((await search("q=zorbleflax")).hits).toEqual([]);
    expect((await search("q=snorkelbine")).hits.map(hitKey)).toEqual([`reference_figure:${FIGURE_SLUG}`]);

    await search("q=wobblequist");
    expect((await search("q=wobblequist")).hits.map(hitKey)).toEqual([`brief:${BRIEF_SLUG}`]);
    await writeBrief("frumpleton", null);
    expect((await search("q=wobblequist")).hits).toEqual([]);
    expect((await search("q=frumpleton")).hits.map(hitKey)).toEqual([`brief:${BRIEF_SLUG}`]);
    await removeBrief();
    expect((await search("q=frumpleton")).hits).toEqual([]);
  });
});
