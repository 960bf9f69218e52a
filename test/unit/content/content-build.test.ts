import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { loadContent, parseCaseStudyFile, seedStatements } from "../../../scripts/lib/content";
import { D1_MAX_PARAMS, D1_MAX_SQL_BYTES, inlineStatement } from "../../../src/db/statements";
import { verifiedRecord } from "../domain/fixtures";

function fileFor(record: Record<string, unknown>, body = "Body text."): string {
  const { body: _ignored, ...frontmatter } = record;
  return `---\n${stringify(frontmatter)}---\n${body}\n`;
}

function contentDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "content-"));
  mkdirSync(join(dir, "case-studies"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, "case-studies", name), text);
  return dir;
}

describe("content files", () => {
  it("parses frontmatter and takes the Markdown after it as the body", () => {
    const record = verifiedRecord();
    const result = parseCaseStudyFile(fileFor(record, "# Heading\n\nNarrative."), `${record.slug}.md`);
    expect("record" in result && result.record.body).toBe("# Heading\n\nNarrative.");
  });

  it("requires the slug to be the file name", () => {
    const result = parseCaseStudyFile(fileFor(verifiedRecord()), "other-name.md");
    expect("errors" in result && result.errors[0]).toMatchObject({ path: "slug" });
  });

  it("rejects a file without frontmatter and invalid YAML, saying so", () => {
    const none = parseCaseStudyFile("# just markdown", "x.md");
    expect("errors" in none && none.errors[0]?.message).toMatch(/frontmatter/);
    const bad = parseCaseStudyFile("---\ntitle: [unclosed\n---\n", "x.md");
    expect("errors" in bad && bad.errors[0]?.message).toMatch(/invalid YAML/);
  });

  it("collects every error of every bad file with file and field path", () => {
    const good = verifiedRecord();
    const bad1 = { ...verifiedRecord(), slug: "bad-one", status: "archived" };
    const bad2 = { ...verifiedRecord(), slug: "bad-two", sponsor: "acme" };
    const dir = contentDir({
      [`${good.slug}.md`]: fileFor(good),
      "bad-one.md": fileFor(bad1),
      "bad-two.md": fileFor(bad2),
    });
    const build = loadContent(dir);
    expect(build.records.map((r) => r.slug)).toEqual([good.slug]);
    expect(build.errors.map((e) => [e.file.split("/").pop(), e.path])).toEqual([
      ["bad-one.md", "status"],
      ["bad-two.md", "sponsor"],
    ]);
  });

  it("the build command fails listing every error and writes nothing", () => {
    const dir = contentDir({ "bad-one.md": fileFor({ ...verifiedRecord(), slug: "bad-one", design: "anecdote" }) });
    let output = "";
    let code = 0;
    try {
      execFileSync("npx", ["tsx", "scripts/content-build.ts", dir], { encoding: "utf8", stdio: "pipe" });
    } catch (error) {
      const e = error as { status: number; stderr: string; stdout: string };
      code = e.status;
      output = e.stdout + e.stderr;
    }
    expect(code).toBe(1);
    expect(output).toContain("bad-one.md");
    expect(output).toContain("design: must be one of");
    expect(output).toContain("nothing was written");
  });
});

describe("seed statements", () => {
  it("stay within D1's limits and start by withdrawing records whose files are gone (counters, tombstone, then delete)", () => {
    const record = verifiedRecord();
    const many = { ...record, tags: Array.from({ length: 20 }, (_, i) => `tag-${i}`) };
    const parsed = parseCaseStudyFile(fileFor(many), `${record.slug}.md`);
    if (!("record" in parsed)) throw new Error(JSON.stringify(parsed.errors));
    const statements = seedStatements([parsed.record], "2026-01-01T00:00:00Z");
    // What the removed records counted for comes off the counters first, while their rows are still there.
    expect(statements[0]?.sql).toMatch(
      /^INSERT INTO facet_counts .*-1 \* count\(\*\).*c\.origin = 'content' AND c\.slug NOT IN/s,
    );
    expect(statements[1]?.sql).toMatch(
      /^INSERT INTO gap_pairs .*-1 \* count\(\*\).*c\.origin = 'content' AND c\.slug NOT IN/s,
    );
    expect(statements[2]?.sql).toMatch(/^INSERT INTO revisions .*'delete'/s);
    expect(statements[3]?.sql).toMatch(/^DELETE FROM case_studies WHERE origin = 'content' AND slug NOT IN/);
    for (const s of statements) {
      expect(s.params.length).toBeLessThanOrEqual(D1_MAX_PARAMS);
      expect(new TextEncoder().encode(inlineStatement(s)).length).toBeLessThanOrEqual(D1_MAX_SQL_BYTES);
    }
  });

  it("chunk a record with many outcomes under 100 bound parameters", () => {
    const base = verifiedRecord();
    const outcome = (base.outcomes as object[])[0] as object;
    const parsed = parseCaseStudyFile(
      fileFor({ ...base, outcomes: Array.from({ length: 40 }, () => outcome) }),
      `${base.slug}.md`,
    );
    if (!("record" in parsed)) throw new Error("fixture invalid");
    const statements = seedStatements([parsed.record], "2026-01-01T00:00:00Z");
    const outcomeInserts = statements.filter((s) => s.sql.includes("INSERT INTO outcomes"));
    expect(outcomeInserts.length).toBeGreaterThan(1);
    expect(outcomeInserts.reduce((n, s) => n + (s.params.length - 1) / 17, 0)).toBe(40);
  });

  it("inlines parameters as escaped SQL literals", () => {
    expect(inlineStatement({ sql: "SELECT ?1, ?2, ?3", params: ["it's", 4.5, null] })).toBe(
      "SELECT 'it''s', 4.5, NULL;",
    );
  });

  it("the real content/ validates", () => {
    const build = loadContent("content");
    expect(build.errors).toEqual([]);
    expect(readFileSync("package.json", "utf8")).toContain("content:build");
  });
});
