// What the search test files share: a search through the Worker that must answer 200, the same through the Worker's handler for tests
// that send hundreds of requests, and the draft and retracted variants the facet and status tests write. Every file
// starts from the real content (setup.ts).
import { expect } from "vitest";
import type { AnySearchHit, SearchHit } from "../../src/search/present";
import type { SearchResponse } from "../../src/search/schemas";
import { callWorker, getJson, withIdsFrom, writeVariant } from "./helpers";

/** The problem+json body of an API error. */
export type Problem = { status: number; detail: string; errors?: { path: string; message: string }[] };

/** GET /api/v1/search with these query parameters; fails the test unless it answers 200. */
export async function search(params: string): Promise<SearchResponse> {
  const { res, body } = await getJson<SearchResponse>(`/api/v1/search?${params}`);
  expect(res.status, `${params}: ${JSON.stringify(body).slice(0, 300)}`).toBe(200);
  return body;
}

/** The same search through the Worker's handler (callWorker), for the many-request checks. */
export async function searchByHandler(params: string): Promise<SearchResponse> {
  const res = await callWorker(`/api/v1/search?${params}`);
  const body = (await res.json()) as SearchResponse;
  expect(res.status, `${params}: ${JSON.stringify(body).slice(0, 300)}`).toBe(200);
  return body;
}

/** The hits that are case studies, typed as such (with words, figures and briefs are among the hits too). */
export function caseHits(body: SearchResponse): SearchHit[] {
  return body.hits.filter((h): h is SearchHit => h.kind === "case_study");
}

/** A hit's identity across kinds: a case study's slug, or kind:slug for a figure or a brief (slugs are per kind). */
export function hitKey(hit: AnySearchHit): string {
  return hit.kind === "case_study" ? hit.slug : `${hit.kind}:${hit.slug}`;
}

/** The slugs of the hits, in order. */
export async function slugs(params: string): Promise<string[]> {
  return (await search(params)).hits.map((h) => h.slug);
}

/** Where the draft and retracted variants go: far from the seeded ids, so facet counts add up over several rows. */
export const VARIANT_IDS_FROM = 2000;

/**
 * A draft and a retracted record about doulas (upserts: the tests of a file share storage, so adding twice is
 * harmless), at ids from VARIANT_IDS_FROM.
 */
export async function addDraftAndRetracted(): Promise<void> {
  await withIdsFrom(VARIANT_IDS_FROM, async () => {
    await writeVariant("doula-care-medicaid-birth-outcomes", (r) => ({
      ...r,
      slug: "doula-draft-variant",
      title: "Draft: doula benefit variant",
      status: "draft",
    }));
    await writeVariant("doula-care-medicaid-birth-outcomes", (r) => ({
      ...r,
      slug: "doula-retracted-variant",
      title: "Retracted: doula benefit variant",
      status: "retracted",
    }));
  });
}

/**
 * Every hit of a search in order, walked in pages of 50 (the largest page): the reference a walk in small pages is
 * compared with, now that the knowledge base holds more records than one page.
 */
export async function everyHit(params: string): Promise<{ total: number; slugs: string[] }> {
  const first = await search(`${params}&limit=50`);
  const slugs = first.hits.map(hitKey);
  let cursor = first.next_cursor;
  for (let pages = 0; cursor && pages < 100; pages++) {
    const page = await search(`${params}&limit=50&cursor=${cursor}`);
    slugs.push(...page.hits.map(hitKey));
    cursor = page.next_cursor;
  }
  return { total: first.total, slugs };
}
