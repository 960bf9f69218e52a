/** Maps stored rows to the API's shapes. */

import type * as z from "zod/mini";
import { keyFigures } from "../domain/key-figures";
import type { CaseStudyRow } from "../records/read";
import type { caseStudyResponseSchema, caseStudySummarySchema } from "./schemas";

/** The contract's record plus derived fields: what GET /api/v1/case-studies/{slug} returns. */
export function toCaseStudyJson(row: CaseStudyRow): z.output<typeof caseStudyResponseSchema> {
  return {
    ...row.record,
    evidence_grade: row.grade,
    evidence_grade_reason: row.grade_reason,
    body_html: row.body_html,
  };
}

export function toSummaryJson(row: CaseStudyRow, origin: string): z.output<typeof caseStudySummarySchema> {
  const r = row.record;
  return {
    slug: r.slug,
    title: r.title,
    summary: r.summary,
    status: r.status,
    provenance: r.provenance,
    design: r.design,
    country: r.setting.country,
    care_setting: r.setting.care_setting,
    payer_types: r.payer_types,
    financing_models: r.financing_models,
    modalities: r.modalities,
    conditions: r.conditions,
    evidence_year: row.evidence_year,
    evidence_grade: row.grade,
    evidence_grade_reason: row.grade_reason,
    key_figures: keyFigures(r.outcomes),
    url: `${origin}/api/v1/case-studies/${r.slug}`,
  };
}
