/**
 * The export routes, every format, through the Worker (each response checked against its declaration by the
 * contract check in ./helpers): one record, a search result set with the search API's own filters, and the errors.
 */
import { describe, expect, it } from "vitest";
import { parseCaseStudy } from "../../src/domain/case-study";
import { cslExportSchema } from "../../src/exports/csl";
import { CSV_COLUMNS } from "../../src/exports/csv";
import { EXPORT_FORMAT_NAMES, EXPORT_FORMATS } from "../../src/exports/index";
import { jsonExportSchema } from "../../src/exports/json";
import { parseCsv } from "../unit/exports/rfc4180";
import { get, getJson } from "./helpers";

const SLUG = "geisinger-fresh-food-farmacy-rct";

type SearchBody = { total: number; hits: { kind: string; slug: string }[]; next_cursor: string | null };

/** Every slug the search API finds for these parameters, in its order, page by page. */
async function searchSlugs(params: string): Promise<string[]> {
  const slugs: string[] = [];
  let cursor: string | null = null;
  do {
    const { body }: { body: SearchBody } = await getJson<SearchBody>(
      `/api/v1/search?${params}&limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
    );
    // An export holds case studies only; with words the search also finds reference figures and briefs.
    slugs.push(...body.hits.filter((h) => h.kind === "case_study").map((h) => h.slug));
    cursor = body.next_cursor;
  } while (cursor);
  return slugs;
}

describe("GET /api/v1/exports/case-studies/{slug}", () => {
  it.each(EXPORT_FORMAT_NAMES)("answers %s with its media type and a file name", async (format) => {
    const res = await get(`/api/v1/exports/case-studies/${SLUG}?format=${format}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(EXPORT_FORMATS[format].contentType);
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="${SLUG}.${EXPORT_FORMATS[format].extension}"`,
    );
    const text = await res.text();
    expect(text.length).toBeGreaterThan(100);
    if (format !== "bibtex" && format !== "ris" && format !== "csl-json") expect(text).toContain(SLUG);
  });

  it("JSON is the record as the read API has it, and validates against the contract", async () => {
    const body = jsonExportSchema.parse(await (await get(`/api/v1/exports/case-studies/${SLUG}?format=json`)).json());
    const { body: api } = await getJson<Record<string, unknown>>(`/api/v1/case-studies/${SLUG}`);
    const exported = parseCaseStudy(body.case_studies[0], { acceptDerived: true });
    const read = parseCaseStudy(api, { acceptDerived: true });
    expect(exported.ok && read.ok && exported.record).toEqual(read.ok && read.record);
    expect(body.case_studies[0]?.evidence_grade).toBe(api.evidence_grade);
    expect(body.url).toBe(`https://example.test/case-studies/${SLUG}`);
  });

  it("CSV has one row per outcome with the grade and provenance; RIS, BibTeX and CSL carry them as notes", async () => {
    const { body: api } = await getJson<{ outcomes: unknown[]; evidence_grade: string; provenance: string }>(
      `/api/v1/case-studies/${SLUG}`,
    );
    const [header, ...rows] = parseCsv(await (await get(`/api/v1/exports/case-studies/${SLUG}?format=csv`)).text());
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(api.outcomes.length);
    for (const row of rows) {
      expect(row[CSV_COLUMNS.indexOf("evidence_grade")]).toBe(api.evidence_grade);
      expect(row[CSV_COLUMNS.indexOf("provenance")]).toBe(api.provenance);
    }
    const note = `Evidence grade ${api.evidence_grade}`;
    expect(await (await get(`/api/v1/exports/case-studies/${SLUG}?format=ris`)).text()).toMatch(
      new RegExp(`\\r\\nN1  - [^\\r]*${note}`),
    );
    expect(await (await get(`/api/v1/exports/case-studies/${SLUG}?format=bibtex`)).text()).toContain(note);
    const csl = cslExportSchema.parse(await (await get(`/api/v1/exports/case-studies/${SLUG}?format=csl-json`)).json());
    expect(csl.every((item) => item.note.includes(note))).toBe(true);
  });

  it("defaults to Markdown; an unknown record is 404, an unknown format 400 naming it", async () => {
    const res = await get(`/api/v1/exports/case-studies/${SLUG}`);
    expect(res.headers.get("content-type")).toContain("text/markdown");
    expect(await res.text()).toMatch(/^# /);
    expect((await get("/api/v1/exports/case-studies/no-such-record?format=csv")).status).toBe(404);
    const bad = await get(`/api/v1/exports/case-studies/${SLUG}?format=docx`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toContain("format");
  });
});

describe("GET /api/v1/exports/search", () => {
  it.each([
    "condition=diabetes",
    "q=acupuncture",
    "modality=doula&min_grade=C",
    "financing_model=coverage_decision&sort=newest",
    "status=published&status=retracted",
  ])("exports exactly the records the search API finds for %s, in its order", async (params) => {
    const expected = await searchSlugs(params);
    expect(expected.length).toBeGreaterThan(0);
    const res = await get(`/api/v1/exports/search?${params}&format=json`);
    expect(res.status).toBe(200);
    expect(res.headers.get("x-export-total")).toBe(String(expected.length));
    const body = jsonExportSchema.parse(await res.json());
    expect(body.case_studies.map((r) => r.slug)).toEqual(expected);
  });

  it("honours the kind filter: case studies with kind=case_study, none when kind leaves them out", async () => {
    const expected = await searchSlugs("q=acupuncture");
    const asked = await get("/api/v1/exports/search?q=acupuncture&kind=case_study,brief&format=json");
    expect(jsonExportSchema.parse(await asked.json()).case_studies.map((r) => r.slug)).toEqual(expected);
    const none = await get("/api/v1/exports/search?q=acupuncture&kind=brief&format=json");
    expect(none.status).toBe(200);
    expect([none.headers.get("x-export-total"), none.headers.get("x-export-records")]).toEqual(["0", "0"]);
    expect(none.headers.get("x-export-total-exact")).toBe("true");
    expect(jsonExportSchema.parse(await none.json()).case_studies).toEqual([]);
  });

  it.each(EXPORT_FORMAT_NAMES)("answers %s for a filtered search", async (format) => {
    const res = await get(`/api/v1/exports/search?condition=perinatal&format=${format}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(EXPORT_FORMATS[format].contentType);
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="case-studies-search.${EXPORT_FORMATS[format].extension}"`,
    );
  });

  it("CSV of the whole knowledge base has a row for every outcome of every published record", async () => {
    const slugs = await searchSlugs("");
    const outcomes = await Promise.all(
      slugs.map(
        async (slug) => (await getJson<{ outcomes: unknown[] }>(`/api/v1/case-studies/${slug}`)).body.outcomes.length,
      ),
    );
    const [, ...rows] = parseCsv(await (await get("/api/v1/exports/search")).text());
    expect(rows).toHaveLength(outcomes.reduce((a, b) => a + b, 0));
  });

  it("rejects what the search API rejects, naming the field", async () => {
    for (const [params, field] of [
      ["condition=not_a_condition", "condition[0]"],
      ["year_from=2020&year_to=2010", "year_to"],
      ["format=pdf", "format"],
      ["cursor=garbage", "cursor"],
    ] as const) {
      const res = await get(`/api/v1/exports/search?${params}`);
      expect(res.status, params).toBe(400);
      const paths = ((await res.json()) as { errors: { path: string }[] }).errors.map((e) => e.path);
      expect(paths, params).toContain(field);
    }
  });

  it("is in the OpenAPI document with every media type", async () => {
    const { body } = await getJson<{
      paths: Record<string, { get: { responses: Record<string, { content?: object }> } }>;
    }>("/openapi.json");
    for (const path of ["/api/v1/exports/search", "/api/v1/exports/case-studies/{slug}"]) {
      const content = Object.keys(body.paths[path]?.get.responses["200"]?.content ?? {});
      expect(content).toEqual(EXPORT_FORMAT_NAMES.map((f) => EXPORT_FORMATS[f].contentType.split(";")[0]));
    }
  });
});
