import { describe, expect, it } from "vitest";
import type { CaseStudy } from "../../../src/domain/case-study";
import { gradeEvidence, gradeRank } from "../../../src/domain/grading";

function grade(
  design: CaseStudy["design"],
  provenance: CaseStudy["provenance"],
  size?: number,
  unit?: CaseStudy["population"]["unit"],
) {
  return gradeEvidence({ design, provenance, population: { description: "x", size, unit } });
}

describe("evidence grading rubric", () => {
  it("gives each design its ceiling when verified and large", () => {
    expect(grade("meta_analysis", "verified", 20827).grade).toBe("A");
    expect(grade("rct", "verified", 342).grade).toBe("A");
    expect(grade("quasi_experimental", "verified", 4869).grade).toBe("B");
    expect(grade("cohort", "verified", 6328).grade).toBe("B");
    expect(grade("actuarial_certification", "verified").grade).toBe("C");
    expect(grade("pre_post", "verified", 1000).grade).toBe("C");
    expect(grade("program_report", "verified").grade).toBe("D");
    expect(grade("case_report", "verified", 1).grade).toBe("D");
  });

  it("writes the reason in words, as the issue's example", () => {
    expect(grade("quasi_experimental", "verified", 4869).reason).toBe("B: quasi-experimental study, verified, n=4,869");
  });

  it("lowers reported figures one step, but not below D", () => {
    expect(grade("rct", "reported", 1162).grade).toBe("B");
    expect(grade("cohort", "reported", 5000).grade).toBe("C");
    expect(grade("program_report", "reported").grade).toBe("D");
    expect(grade("rct", "reported", 1162).reason).toContain("reported, not verified");
  });

  it("lowers small single studies one step, not reviews", () => {
    expect(grade("rct", "verified", 48).grade).toBe("B");
    expect(grade("rct", "reported", 48).grade).toBe("C");
    expect(grade("meta_analysis", "verified", 11, "studies").grade).toBe("A");
    expect(grade("pre_post", "verified", 80).grade).toBe("D");
  });

  it("does not count member-months or visits as people", () => {
    expect(grade("cohort", "verified", 50, "member_months").grade).toBe("B");
  });

  it("says when the size is unknown", () => {
    expect(grade("cohort", "verified").reason).toContain("size not reported");
  });

  it("grades anything illustrative E", () => {
    expect(grade("illustrative", "illustrative").grade).toBe("E");
    expect(grade("rct", "illustrative", 5000).grade).toBe("E");
  });

  it("ranks A above E", () => {
    expect(gradeRank("A")).toBeGreaterThan(gradeRank("B"));
    expect(gradeRank("D")).toBeGreaterThan(gradeRank("E"));
  });
});
