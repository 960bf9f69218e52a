import { describe, expect, it } from "vitest";
import { parseCaseStudy } from "../../../src/domain/case-study";
import { REVIEW_STALE_MONTHS, reviewState } from "../../../src/domain/review";
import { verifiedRecord } from "./fixtures";

const day = (text: string) => new Date(`${text}T12:00:00Z`);

describe("last reviewed", () => {
  it("shows nothing without a review date", () => {
    expect(reviewState(undefined, day("2026-01-01"))).toBeNull();
  });

  it("states the date in words and is current until 24 months have passed", () => {
    expect(REVIEW_STALE_MONTHS).toBe(24);
    expect(reviewState("2024-03-15", day("2026-03-14"))).toEqual({
      date: "2024-03-15",
      text: "15 March 2024",
      stale: false,
    });
    expect(reviewState("2024-03-15", day("2026-03-15"))?.stale).toBe(true);
    expect(reviewState("2020-01-01", day("2026-03-15"))?.stale).toBe(true);
  });

  it("is a contract field: an optional real calendar date", () => {
    const base = verifiedRecord();
    expect(parseCaseStudy({ ...base, reviewed: "2025-02-28" }).ok).toBe(true);
    expect(parseCaseStudy(base).ok).toBe(true);
    for (const bad of ["2025-02-30", "2025-2-28", "yesterday"]) {
      const result = parseCaseStudy({ ...base, reviewed: bad });
      expect(result.ok ? [] : result.errors.map((e) => e.path), bad).toEqual(["reviewed"]);
    }
  });

  it("accepts the payer types research and unspecified", () => {
    for (const payer of ["research", "unspecified"]) {
      expect(parseCaseStudy({ ...verifiedRecord(), payer_types: [payer] }).ok, payer).toBe(true);
    }
  });
});
