/**
 * The evidence grade: one documented rubric, derived from design, provenance and population size.
 * Never authored. The same text is shown on /about/methods, so the rubric and its explanation cannot drift apart.
 */
import type { CaseStudy } from "./case-study";
import { designs } from "./enums";

export const grades = ["A", "B", "C", "D", "E"] as const;
export type Grade = (typeof grades)[number];

/** Higher is stronger; used for sorting and "minimum grade" filters. */
export function gradeRank(grade: Grade): number {
  return grades.length - grades.indexOf(grade);
}

/** What a study design can support at best, before provenance and size are considered. */
export const designCeiling: Record<CaseStudy["design"], Grade> = {
  meta_analysis: "A",
  systematic_review: "A",
  rct: "A",
  quasi_experimental: "B",
  cohort: "B",
  actuarial_certification: "C",
  pre_post: "C",
  program_report: "D",
  case_report: "D",
  illustrative: "E",
};

/** Below this many people (or events), a single study's estimate is too noisy to keep its design's grade. */
export const SMALL_SAMPLE = 100;

export const gradeMeanings: Record<Grade, string> = {
  A: "Strong: randomised or pooled evidence, checked against the primary source.",
  B: "Moderate: a controlled non-randomised comparison, or strong evidence with one limitation.",
  C: "Limited: an uncontrolled or modelled estimate, or better evidence that is second-hand or small.",
  D: "Weak: a programme's own report or a single case; read as a claim, not a finding.",
  E: "Not evidence: illustrative figures with no identifiable primary source.",
};

/** The rubric in words, for the methods page and the OpenAPI description. */
export const gradingRules: readonly string[] = [
  "Start from the design's ceiling: meta-analyses, systematic reviews and randomised trials A; quasi-experimental and cohort studies B; actuarial certifications and pre/post comparisons C; programme reports and case reports D; illustrative examples E.",
  "Provenance: verified keeps the grade; reported (second-hand, not checked against primary data) lowers it one step, but not below D; illustrative is always E.",
  `Size: a single study (not a review or meta-analysis) of fewer than ${SMALL_SAMPLE} people lowers the grade one step, but not below D. An unknown size changes nothing but is said in the reason.`,
];

export interface EvidenceGrade {
  grade: Grade;
  reason: string;
}

type GradeInput = Pick<CaseStudy, "design" | "provenance" | "population">;

const pooledDesigns = new Set<CaseStudy["design"]>(["meta_analysis", "systematic_review"]);

/** One step weaker, but never past `floor` (and never raising a grade already below it). */
function lower(grade: Grade, floor: Grade): Grade {
  const index = grades.indexOf(grade);
  return index >= grades.indexOf(floor) ? grade : (grades[index + 1] as Grade);
}

/** Grades a record and says why, e.g. "B: quasi-experimental study, verified, n=4,869". */
export function gradeEvidence(record: GradeInput): EvidenceGrade {
  const ceiling = designCeiling[record.design];
  const designLabel = designs.label(record.design).toLowerCase();
  const size = record.population.size;
  const sizeText =
    size === undefined
      ? "size not reported"
      : `n=${size.toLocaleString("en-US")}${record.population.unit && record.population.unit !== "patients" && record.population.unit !== "participants" ? ` ${record.population.unit.replace("_", "-")}` : ""}`;

  if (record.provenance === "illustrative" || record.design === "illustrative") {
    return { grade: "E", reason: `E: ${designLabel}, illustrative figures with no identifiable primary source` };
  }

  let grade = ceiling;
  const adjustments: string[] = [];
  if (record.provenance === "reported") {
    const next = lower(grade, "D");
    if (next !== grade) adjustments.push(`lowered from ${grade} because the figures are reported, not verified`);
    grade = next;
  }
  const countsPeople =
    record.population.unit !== "studies" &&
    record.population.unit !== "member_months" &&
    record.population.unit !== "visits";
  if (size !== undefined && size < SMALL_SAMPLE && countsPeople && !pooledDesigns.has(record.design)) {
    const next = lower(grade, "D");
    if (next !== grade) adjustments.push(`lowered from ${grade} for a small sample`);
    grade = next;
  }
  const parts = [designLabel, record.provenance, sizeText, ...adjustments];
  return { grade, reason: `${grade}: ${parts.join(", ")}` };
}
