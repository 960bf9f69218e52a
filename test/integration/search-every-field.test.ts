// Every field a person may type is searchable (schema/0010): for every published record of the real content, a
// search for its organisation, region, outcome labels, metric names in words, quotes, source titles, authors,
// publishers, years, DOIs and PMIDs finds it. Values are searched as typed phrases, so a hit means the words are in
// the index in that order, not merely somewhere in the body.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { CaseStudy } from "../../src/domain/case-study";
import { metrics } from "../../src/domain/enums";
import { readRecord } from "./helpers";
import { searchByHandler, slugs } from "./search-helpers";

/** A value as a phrase query: the first `maxWords` words, without the characters a phrase cannot hold. */
function phrase(value: string, maxWords = 8): string {
  const words = value
    .replace(/["*^()]/g, " ")
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, maxWords);
  return `"${words.join(" ")}"`;
}

/** Every typed-field query for one record, named by the field it comes from. */
function fieldQueries(record: CaseStudy): [field: string, query: string][] {
  const out: [string, string][] = [];
  if (record.setting.organization) out.push(["organisation", phrase(record.setting.organization)]);
  if (record.setting.region) out.push(["region", phrase(record.setting.region)]);
  for (const o of record.outcomes) {
    if (o.label) out.push(["outcome label", phrase(o.label)]);
    out.push(["metric name", phrase(metrics.label(o.metric))]);
    if (o.quote) out.push(["quote", phrase(o.quote)]);
  }
  for (const s of record.sources) {
    out.push(["source title", phrase(s.title)]);
    for (const author of s.authors ?? []) out.push(["author", phrase(author)]);
    if (s.publisher) out.push(["publisher", phrase(s.publisher)]);
    if (s.doi) out.push(["DOI", s.doi]);
    if (s.pmid) out.push(["PMID", s.pmid]);
    if (s.year !== undefined) out.push(["year", `${phrase(s.title, 3)} ${s.year}`]);
  }
  return out;
}

/** Every slug a search finds, over all its pages (common words match many records). */
async function allHits(query: string): Promise<Set<string>> {
  const found = new Set<string>();
  let cursor: string | null = null;
  do {
    const answer = await searchByHandler(
      `q=${encodeURIComponent(query)}&limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
    );
    for (const hit of answer.hits) found.add(hit.slug);
    cursor = answer.next_cursor;
  } while (cursor);
  return found;
}

describe("search: every field a user may type finds its record", () => {
  // Hundreds of searches in one test: a longer limit than the suite's 30 s for a loaded machine (nothing is timed).
  it("finds each published record by organisation, region, outcomes, quotes and every source field", {
    timeout: 180_000,
  }, async () => {
    const { results } = await env.DB.prepare(
      "SELECT slug FROM case_studies WHERE status = 'published' ORDER BY slug",
    ).all<{
      slug: string;
    }>();
    expect(results.length).toBeGreaterThan(20);
    // Each distinct query runs once; many records share a metric name or a publisher.
    const expected = new Map<string, { field: string; slugs: string[] }>();
    for (const { slug } of results) {
      for (const [field, query] of fieldQueries(await readRecord(slug))) {
        const entry = expected.get(query) ?? { field, slugs: [] };
        entry.slugs.push(slug);
        expected.set(query, entry);
      }
    }
    const missed: string[] = [];
    for (const [query, { field, slugs: wanted }] of expected) {
      const found = await allHits(query);
      for (const slug of wanted) if (!found.has(slug)) missed.push(`${slug}: ${field} ${query}`);
    }
    expect(missed).toEqual([]);
    const fieldsSeen = new Set([...expected.values()].map((e) => e.field));
    // The content exercises every field at least once, so none of these checks passes vacuously.
    expect([...fieldsSeen].sort()).toEqual(
      [
        "DOI",
        "PMID",
        "author",
        "metric name",
        "organisation",
        "outcome label",
        "publisher",
        "quote",
        "region",
        "source title",
        "year",
      ].sort(),
    );
  });

  it("finds outcomes by the words people use for them", async () => {
    expect(await slugs("q=ED+visits&limit=50")).toContain("integrative-medical-group-visits-rct");
    expect(await slugs("q=emergency+visits&limit=50")).toContain("integrative-medical-group-visits-rct");
  });

  it("ranks a record whose title says the words above one that has them only in its details", async () => {
    const hits = await slugs(`q=${encodeURIComponent("fresh food farmacy")}&limit=50`);
    const titled = hits.filter((s) => s.startsWith("geisinger-fresh-food-farmacy"));
    expect(titled.length).toBeGreaterThan(0);
    expect(hits.slice(0, titled.length).sort()).toEqual(titled.sort());
  });
});
