/**
 * Export round trips over the real content and a record full of hostile characters: JSON re-validates against the
 * contract, the CSV parses back (RFC 4180, strictly) to the same values, BibTeX stays balanced, every RIS line is a
 * tag, CSL-JSON has what Zotero reads, and grade and provenance travel with every format.
 */
import { describe, expect, it } from "vitest";
import { loadContent } from "../../../scripts/lib/content";
import { type CaseStudy, parseCaseStudy } from "../../../src/domain/case-study";
import { formatCitation } from "../../../src/domain/citation";
import { gradeEvidence } from "../../../src/domain/grading";
import { bibtexEscape, bibtexTitle, toBibtex } from "../../../src/exports/bibtex";
import { cslExportSchema, toCslItems, toCslJson } from "../../../src/exports/csl";
import { CSV_COLUMNS, CSV_NUMBER_COLUMNS, guardCell, toCsv, unguardCell } from "../../../src/exports/csv";
import { EXPORT_FORMAT_NAMES, EXPORT_FORMATS, type ExportCollection } from "../../../src/exports/index";
import { jsonExportSchema, toJson } from "../../../src/exports/json";
import { markdownText, toMarkdown } from "../../../src/exports/markdown";
import { citedSources, gradedRecords } from "../../../src/exports/model";
import { toRis } from "../../../src/exports/ris";
import { hostileRecord } from "./hostile";
import { parseCsv } from "./rfc4180";

const content = loadContent("content");
const real: CaseStudy[] = content.records;
const WHEN = new Date("2026-03-04T05:06:07.000Z");

function collection(records: readonly CaseStudy[]): ExportCollection {
  return { title: "Test collection", description: "For tests", origin: "https://example.test", records };
}

const everything = collection([...real, hostileRecord()]);

/** Brace depth never below zero and zero at the end, counting every brace as BibTeX does (escaped or not). */
function bracesBalance(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (ch === "{") depth++;
    if (ch === "}" && --depth < 0) return false;
  }
  return depth === 0;
}

describe("export formats", () => {
  it("has real content to export", () => {
    expect(content.errors).toEqual([]);
    expect(real.length).toBeGreaterThanOrEqual(20);
  });

  it("JSON validates against the contract, record by record, and is the records exactly", () => {
    const parsed = jsonExportSchema.parse(JSON.parse(toJson(everything, WHEN)));
    expect(parsed.case_studies).toHaveLength(everything.records.length);
    parsed.case_studies.forEach((item, i) => {
      const back = parseCaseStudy(item, { acceptDerived: true });
      expect(back.ok && back.record).toEqual(everything.records[i]);
      expect(item.evidence_grade).toBe(gradeEvidence(everything.records[i] as CaseStudy).grade);
    });
    expect(parsed.exported).toBe(WHEN.toISOString());
  });

  it("CSV is RFC 4180 and parses back to the same values, one row per outcome", () => {
    const text = toCsv(everything);
    expect(text.endsWith("\r\n")).toBe(true);
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual([...CSV_COLUMNS]);
    const outcomes = everything.records.flatMap((r) => r.outcomes.map((o) => ({ r, o })));
    expect(rows).toHaveLength(outcomes.length);
    rows.forEach((row, i) => {
      const { r, o } = outcomes[i] as (typeof outcomes)[number];
      const cell = (name: (typeof CSV_COLUMNS)[number]) => {
        const raw = row[CSV_COLUMNS.indexOf(name)] as string;
        return CSV_NUMBER_COLUMNS.has(name) ? (raw === "" ? undefined : Number(raw)) : unguardCell(raw);
      };
      expect(row).toHaveLength(CSV_COLUMNS.length);
      expect(cell("slug")).toBe(r.slug);
      expect(cell("title")).toBe(r.title);
      expect(cell("evidence_grade")).toBe(gradeEvidence(r).grade);
      expect(cell("provenance")).toBe(r.provenance);
      expect(cell("metric")).toBe(o.metric);
      expect(cell("label")).toBe(o.label ?? "");
      expect(cell("kind")).toBe(o.kind);
      expect(cell("value")).toBe(o.value);
      expect(cell("unit")).toBe(o.unit);
      for (const name of ["baseline", "followup", "ci_low", "ci_high", "n", "horizon_months", "price_year"] as const) {
        expect(cell(name)).toBe(o[name]);
      }
      expect(cell("comparison")).toBe(o.comparison);
      const source = r.sources.find((s) => s.key === o.source);
      expect(cell("source_citation")).toBe(source ? formatCitation(source) : "");
      expect(cell("record_url")).toBe(`https://example.test/case-studies/${r.slug}`);
    });
  });

  it("CSV text cells never start a formula, and the guard reverses exactly", () => {
    const [, ...rows] = parseCsv(toCsv(collection([hostileRecord()])));
    for (const row of rows) {
      row.forEach((raw, i) => {
        if (!CSV_NUMBER_COLUMNS.has(CSV_COLUMNS[i] as (typeof CSV_COLUMNS)[number]))
          expect(raw).not.toMatch(/^[=+\-@\t\r]/);
      });
    }
    for (const text of ["=1+1", "+x", "-x", "@x", "\tx", "'x", "''=x", "plain", "", "a=b"]) {
      expect(unguardCell(guardCell(text))).toBe(text);
    }
    expect(guardCell("=1+1")).toBe("'=1+1");
  });

  it("BibTeX stays balanced with hostile titles, escapes TeX specials and protects capitals", () => {
    const text = toBibtex(everything);
    const entries = text.split(/\n(?=@)/);
    expect(entries.length).toBe(citedSources(gradedRecords(everything)).length);
    for (const entry of entries) {
      expect(bracesBalance(entry), entry).toBe(true);
      expect(entry).toMatch(/^@(article|techreport|misc)\{[A-Za-z0-9-]+,\n/);
      expect(entry).toMatch(/\n {2}note = \{[^\n]*Evidence grade [A-E]/);
      // Each field is one line, so a newline in a value cannot end the entry.
      for (const line of entry.trim().split("\n").slice(1, -1)) expect(line).toMatch(/^ {2}[a-z]+ = \{.*\},?$/);
    }
    const escaped = bibtexEscape("50% & $5 #1 a_b ^ ~ \\ { }");
    expect(escaped).toBe(
      "50\\% \\& \\$5 \\#1 a\\_b \\textasciicircum{} \\textasciitilde{} \\textbackslash{} \\textbraceleft{} \\textbraceright{}",
    );
    expect(bibtexTitle("Medicare covers HbA1c testing")).toBe("{Medicare} covers {HbA1c} testing");
    const hostile = toBibtex(collection([hostileRecord()]));
    expect(hostile).toContain(
      "author = {O'Brien, Seán and Smith {and} Wesson, J. and {World Health Organization \\textbraceleft{}WHO\\textbraceright{}}}",
    );
    expect(hostile).toContain("Ärzte");
    expect(hostile).not.toContain("</script>");
  });

  it("RIS: TY first, every line a tag, CRLF, one AU per author, PY a year, N1 with grade and provenance, ER last", () => {
    const text = toRis(everything);
    expect(text).not.toMatch(/[^\r]\n/);
    expect(text.endsWith("ER  - \r\n")).toBe(true);
    const records = text.slice(0, -2).split("\r\n\r\n");
    expect(records.length).toBe(citedSources(gradedRecords(everything)).length);
    for (const record of records) {
      const lines = record.split("\r\n");
      expect(lines[0]).toMatch(/^TY {2}- (JOUR|RPRT|GOVDOC|GEN|NEWS|ELEC)$/);
      expect(lines[lines.length - 1]).toBe("ER  - ");
      for (const line of lines) expect(line).toMatch(/^[A-Z][A-Z0-9] {2}- /);
      for (const line of lines.filter((l) => l.startsWith("PY"))) expect(line).toMatch(/^PY {2}- \d{4}$/);
      expect(lines.filter((l) => l.startsWith("N1")).join("")).toMatch(/Evidence grade [A-E] .*provenance/);
    }
    const hostile = toRis(collection([hostileRecord()])).split("\r\n");
    expect(hostile.filter((l) => l.startsWith("AU  - "))).toEqual([
      "AU  - O'Brien, Seán",
      "AU  - Smith and Wesson, J.",
      "AU  - World Health Organization {WHO}",
    ]);
    expect(hostile).toContain("DO  - 10.1000/a{b}c\\d");
  });

  it("CSL-JSON: type, id, title, author family/given, issued date-parts, DOI, URL, container-title and a note", () => {
    const items = cslExportSchema.parse(JSON.parse(toCslJson(everything)));
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    for (const item of items) expect(item.note).toMatch(/Evidence grade [A-E] .*provenance/);
    const [trial] = toCslItems(collection([hostileRecord()]));
    expect(trial).toMatchObject({
      type: "article-journal",
      author: [
        { family: "O'Brien", given: "Seán" },
        { family: "Smith and Wesson", given: "J." },
        { literal: "World Health Organization {WHO}" },
      ],
      issued: { "date-parts": [[2021]] },
      DOI: "10.1000/a{b}c\\d",
      URL: "https://example.org/a_b%20c#frag",
      "container-title": 'Journal of {Braces} & 100% "Quotes"',
    });
    const journal = items.find((i) => i.type === "article-journal" && i.DOI);
    expect(journal?.["container-title"]).toBeTruthy();
  });

  it("Markdown carries grade, provenance, units and sources, and escapes record text", () => {
    const text = toMarkdown(everything, WHEN);
    for (const r of everything.records) {
      expect(text).toContain(`## ${markdownText(r.title)}`);
      expect(text).toContain(`**Evidence grade ${gradeEvidence(r).grade}**`);
    }
    expect(text).toContain("**Illustrative figures, not evidence.**");
    expect(text).toContain("−$1,234.50 (95% CI −$2,000 to $10) per patient");
    const hostile = toMarkdown(collection([hostileRecord()]), WHEN);
    expect(hostile).not.toContain("</script>");
    expect(hostile).toContain("\\</script\\>");
    // Table rows keep five cells: a | in text is escaped.
    for (const line of hostile.split("\n").filter((l) => l.startsWith("| "))) {
      expect(line.replace(/\\\|/g, "").split("|").length).toBe(7);
    }
  });

  it("declares a media type and an extension for every format", () => {
    for (const name of EXPORT_FORMAT_NAMES) {
      expect(EXPORT_FORMATS[name].contentType).toMatch(/charset=utf-8/);
      expect(EXPORT_FORMATS[name].render(everything, WHEN).length).toBeGreaterThan(100);
    }
  });
});
