import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadContent, parseBriefFile } from "../../../scripts/lib/content";

const content = loadContent("content");
const slugs = new Set(content.records.map((r) => r.slug));

function briefFile(fields: string, body = "Narrative."): string {
  return `---\n${fields}\n---\n${body}\n`;
}

const VALID = `slug: a-brief
title: "A finding stated as a title"
question: "What does the evidence say?"
audience: "Payers"
case_studies: [geisinger-fresh-food-farmacy-rct]
metrics: [hba1c]
key_messages:
  - "The first key message of this brief."
  - "The second key message of this brief."`;

describe("curated briefs in content/briefs", () => {
  it("are at least three, all valid", () => {
    expect(readdirSync("content/briefs").filter((f) => f.endsWith(".md")).length).toBeGreaterThanOrEqual(3);
    expect(content.errors).toEqual([]);
    expect(content.briefs.length).toBeGreaterThanOrEqual(3);
  });

  it("name only case studies that exist", () => {
    for (const brief of content.briefs) {
      for (const slug of brief.case_studies) expect(slugs.has(slug), `${brief.slug} names ${slug}`).toBe(true);
    }
  });

  it("ask only for metrics that some record of theirs reports", () => {
    const bySlug = new Map(content.records.map((r) => [r.slug, r]));
    for (const brief of content.briefs) {
      const reported = new Set(brief.case_studies.flatMap((s) => bySlug.get(s)?.outcomes.map((o) => o.metric) ?? []));
      for (const metric of brief.metrics) expect(reported.has(metric), `${brief.slug}: ${metric}`).toBe(true);
    }
  });
});

describe("a brief file", () => {
  const known = new Set(["geisinger-fresh-food-farmacy-rct"]);

  it("validates, with the body after the frontmatter", () => {
    const result = parseBriefFile(briefFile(VALID), "a-brief.md", known);
    expect("brief" in result && result.brief.body).toBe("Narrative.");
  });

  it("names the file and the field of an unknown record", () => {
    const result = parseBriefFile(
      briefFile(
        VALID.replace("[geisinger-fresh-food-farmacy-rct]", "[geisinger-fresh-food-farmacy-rct, nowhere-at-all]"),
      ),
      "a-brief.md",
      known,
    );
    expect("errors" in result && result.errors).toEqual([
      { file: "a-brief.md", path: "case_studies[1]", message: "no case study has the slug 'nowhere-at-all'" },
    ]);
  });

  it("names each bad field: too few key messages, an unknown metric, an unknown field, a slug not the file name", () => {
    const bad = VALID.replace('  - "The second key message of this brief."', "")
      .replace("[hba1c]", "[happiness]")
      .concat("\nauthor: someone");
    const result = parseBriefFile(briefFile(bad), "other.md", known);
    const paths = "errors" in result ? result.errors.map((e) => e.path).sort() : [];
    expect(paths).toEqual(["author", "key_messages", "metrics[0]"]);
    const renamed = parseBriefFile(briefFile(VALID), "other.md", known);
    expect("errors" in renamed && renamed.errors[0]).toMatchObject({ file: "other.md", path: "slug" });
  });
});
