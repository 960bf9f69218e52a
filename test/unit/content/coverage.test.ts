// The knowledge base must hold every shared evidence item and the article's six case studies, each figure sourced.
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadContent } from "../../../scripts/lib/content";

const shared = "../shared/data/evidence-items.yaml";
const sharedRound2 = "../shared/data/evidence-items-2.yaml";
const content = loadContent("content");

interface EvidenceItem {
  id: number;
  sources: { url?: string }[];
}

/** Ids of the items of an evidence file that no record cites by any of the item's source URLs. */
function uncovered(file: string): number[] {
  const items = (parse(readFileSync(file, "utf8")) as { items: EvidenceItem[] }).items;
  const urls = new Set(content.records.flatMap((r) => r.sources.map((s) => s.url)).filter(Boolean));
  return items.filter((item) => !item.sources.some((s) => s.url && urls.has(s.url))).map((i) => i.id);
}

describe("content coverage", () => {
  it("validates", () => {
    expect(content.errors).toEqual([]);
  });

  it.runIf(existsSync(shared))("holds every evidence item of shared/data (matched by a source URL)", () => {
    expect(uncovered(shared)).toEqual([]);
  });

  it.runIf(existsSync(sharedRound2))(
    "holds every item of evidence-items-2 (ids 114-132, matched by a source URL)",
    () => {
      const ids = (parse(readFileSync(sharedRound2, "utf8")) as { items: EvidenceItem[] }).items.map((i) => i.id);
      expect(ids.length).toBeGreaterThanOrEqual(19);
      expect(uncovered(sharedRound2)).toEqual([]);
    },
  );

  it("has the article's six case studies as illustrative records citing only the article", () => {
    const illustrative = content.records.filter((r) => r.provenance === "illustrative");
    expect(illustrative.length).toBe(6);
    for (const r of illustrative) {
      expect(r.sources.map((s) => s.kind)).toEqual(["source_document"]);
      expect(r.design).toBe("illustrative");
      expect(r.period).toBeUndefined();
      expect(r.setting.organization).toBeUndefined();
    }
  });

  it("quotes every figure of a verified record, and each quote is short", () => {
    for (const r of content.records.filter((x) => x.provenance === "verified")) {
      for (const o of r.outcomes) {
        expect(o.quote, `${r.slug} ${o.metric}`).toBeTruthy();
      }
    }
  });

  it("links between records only to records that exist", () => {
    const slugs = new Set(content.records.map((r) => r.slug));
    for (const r of content.records) {
      for (const [, slug] of r.body.matchAll(/\]\(\/case-studies\/([a-z0-9-]+)\)/g)) {
        expect(slugs.has(slug as string), `${r.slug} links to ${slug}`).toBe(true);
      }
    }
  });
});
