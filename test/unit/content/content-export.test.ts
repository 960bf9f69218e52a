import { describe, expect, it } from "vitest";
import { loadContent, parseCaseStudyFile } from "../../../scripts/lib/content";
import { caseStudyFile } from "../../../scripts/lib/content-export";

describe("content → records → files → records", () => {
  const { records, errors } = loadContent("content");

  it("reads the real content", () => {
    expect(errors).toEqual([]);
    expect(records.length).toBeGreaterThanOrEqual(20);
  });

  it("gives every record back exactly, field by field", () => {
    for (const record of records) {
      const again = parseCaseStudyFile(caseStudyFile(record), `content/case-studies/${record.slug}.md`);
      expect("record" in again ? again.record : again.errors, record.slug).toEqual(record);
    }
  });

  it("keeps text that YAML would read as something else (numbers, dates, booleans) as text", () => {
    const record = { ...(records[0] as (typeof records)[0]) };
    record.period = { start: "2024", end: "2024-06" };
    record.population = { ...record.population, description: "yes" };
    record.tags = ["null", "2021", "true"];
    record.body = "";
    const again = parseCaseStudyFile(caseStudyFile(record), `x/${record.slug}.md`);
    expect("record" in again ? again.record : again.errors).toEqual(record);
  });
});
