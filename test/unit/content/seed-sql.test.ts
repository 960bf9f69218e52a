// build/seed.sql is run by `wrangler d1 execute --file` (npm start, db:seed:local, the browser tests and benchmarks).
// Wrangler splits the file into statements itself, and its splitter treats CASE … END as a compound block that ends
// only at an END followed by whitespace or ";": an "END," or "END)" outside a string makes it run every later
// statement into one, which D1 refuses as too long (SQLITE_TOOBIG). This holds the seed's SQL to what it can split.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent, seedStatements } from "../../../scripts/lib/content";
import { loadFiguresAndScenarios } from "../../../scripts/lib/figures-content";
import { inlineStatement } from "../../../src/db/statements";
import { figureSeedStatements } from "../../../src/records/reference-figures";

/** The SQL outside its string literals ('…' with '' for a quote). */
function codeOnly(sql: string): string {
  return sql.replace(/'(?:[^']|'')*'/g, "''");
}

describe("seed SQL", () => {
  it("ends every CASE where wrangler's file splitter sees the end", () => {
    const content = loadContent(join(process.cwd(), "content"));
    const figures = loadFiguresAndScenarios(join(process.cwd(), "content"), content.records).figures;
    const statements = [
      ...seedStatements(content.records, "2026-01-01T00:00:00.000Z", content.briefs),
      ...figureSeedStatements(figures, "2026-01-01T00:00:00.000Z"),
    ];
    const bad = statements
      .map((s) => codeOnly(inlineStatement(s)))
      .filter((sql) => /\bCASE\b/i.test(sql) && /\bEND(?![\s;])/.test(sql))
      .map((sql) => sql.slice(0, 120));
    expect(bad).toEqual([]);
  });
});
