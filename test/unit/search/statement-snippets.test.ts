// A result set read for its records (exports, the evidence summary) asks for no snippets: no full-text lookup per hit.
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { searchQuerySchema } from "../../../src/search/schemas";
import { prepareSearch } from "../../../src/search/spec";
import { searchStatement } from "../../../src/search/statement";

function specOf(q: string) {
  return prepareSearch(z.parse(searchQuerySchema, { q })).spec;
}

describe("snippets in the search statement", () => {
  it("are asked of both indexes when a search is shown", () => {
    const { sql } = searchStatement(specOf("acupuncture back pain"));
    expect(sql).toContain("snippet(case_studies_fts");
    expect(sql).toContain("snippet(search_docs");
  });

  it("are left out, with the per-hit full-text joins, when the result set is read for its records", () => {
    const spec = { ...specOf("acupuncture back pain"), snippets: false as const };
    const { sql } = searchStatement(spec);
    expect(sql).not.toMatch(/snippet\(/);
    expect(sql).not.toContain("ON case_studies_fts.rowid = p.id");
    expect(sql).not.toContain("ON search_docs.rowid = p.id");
  });
});
