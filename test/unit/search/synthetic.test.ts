import { describe, expect, it } from "vitest";
import {
  childRowsSql,
  insertRecordsSql,
  otherKindsSql,
  syntheticBrief,
  syntheticFigure,
  syntheticRecord,
  syntheticRecordWithBody,
} from "../../../scripts/lib/synthetic";
import { parseBrief } from "../../../src/domain/brief";
import { parseCaseStudy } from "../../../src/domain/case-study";
import { parseReferenceFigure } from "../../../src/domain/reference-figure";

describe("synthetic benchmark records", () => {
  it("are valid contract records", () => {
    for (let n = 1; n <= 500; n++) {
      const result = parseCaseStudy(syntheticRecordWithBody(7, n));
      expect(result.ok ? [] : result.errors, `record ${n}`).toEqual([]);
    }
  });

  it("are the same for the same seed and number, and differ across seeds", () => {
    expect(syntheticRecord(7, 42)).toEqual(syntheticRecord(7, 42));
    expect(syntheticRecord(7, 42)).not.toEqual(syntheticRecord(8, 42));
  });

  it("come with valid reference figures and briefs that say they are not evidence", () => {
    for (let n = 20; n <= 2000; n += 20) {
      const { body: _body, ...figure } = syntheticFigure(7, n);
      const result = parseReferenceFigure(figure);
      expect(result.ok ? [] : result.errors, `figure ${n}`).toEqual([]);
      expect(figure.title).toContain("not evidence");
    }
    for (let n = 100; n <= 2000; n += 100) {
      const result = parseBrief(syntheticBrief(7, n));
      expect(result.ok ? [] : result.errors, `brief ${n}`).toEqual([]);
    }
    const sql = otherKindsSql(7, 1, 200);
    expect(sql.match(/INSERT INTO reference_figures/g)?.length).toBe(10);
    expect(sql.match(/INSERT INTO briefs/g)?.length).toBe(2);
  });

  it("say they are not evidence", () => {
    const record = syntheticRecord(7, 1);
    expect(record.slug).toMatch(/^syn-/);
    expect(record.sources[0]?.title).toContain("not evidence");
  });

  it("use the real vocabularies with plausible pairings (acupuncture goes with pain)", () => {
    const records = Array.from({ length: 2000 }, (_, i) => syntheticRecord(7, i + 1));
    const acupuncture = records.filter((r) => r.modalities.includes("acupuncture"));
    expect(acupuncture.length).toBeGreaterThan(50);
    const painShare =
      acupuncture.filter((r) => r.conditions.some((c) => ["chronic_pain", "low_back_pain", "opioid_use"].includes(c)))
        .length / acupuncture.length;
    expect(painShare).toBeGreaterThan(0.9);
    const statuses = new Set(records.map((r) => r.status));
    expect(statuses).toEqual(new Set(["published", "draft", "retracted"]));
  });

  it("load in statements under D1's 100 KB limit", () => {
    const batch = Array.from({ length: 140 }, (_, i) => ({ n: i + 1, record: syntheticRecord(7, i + 1) }));
    expect(new TextEncoder().encode(insertRecordsSql(batch)).length).toBeLessThan(100_000);
    expect(childRowsSql(1, 140)).toContain("BETWEEN 1 AND 140");
  });
});
