/**
 * JSON in the contract's shape: every record exactly as `GET /api/v1/case-studies/{slug}` returns it (the contract's
 * fields plus the derived grade and its reason, without the rendered body), so each item validates against the
 * contract with `parseCaseStudy(item, { acceptDerived: true })` and imports back losslessly.
 */
import * as z from "zod/mini";
import { type CaseStudy, caseStudySchema } from "../domain/case-study";
import { grades } from "../domain/grading";
import { type ExportCollection, gradedRecords } from "./model";

export const exportedRecordSchema = z.intersection(
  caseStudySchema,
  z.object({ evidence_grade: z.enum(grades), evidence_grade_reason: z.string() }),
);

/** The JSON export's shape (declared for the OpenAPI document). */
export const jsonExportSchema = z
  .object({
    title: z.string(),
    description: z.nullable(z.string()),
    url: z
      .nullable(z.string())
      .register(z.globalRegistry, { description: "The page this collection was exported from" }),
    exported: z.string().register(z.globalRegistry, { description: "When the export was made (ISO 8601)" }),
    case_studies: z.array(exportedRecordSchema),
  })
  .register(z.globalRegistry, { id: "CaseStudyExport" });

export type JsonExport = z.output<typeof jsonExportSchema>;

export function toJsonExport(collection: ExportCollection, exported: Date): JsonExport {
  return {
    title: collection.title,
    description: collection.description ?? null,
    url: collection.url ?? null,
    exported: exported.toISOString(),
    case_studies: gradedRecords(collection).map((g) => ({
      ...(g.record as CaseStudy),
      evidence_grade: g.grade.grade,
      evidence_grade_reason: g.grade.reason,
    })),
  };
}

/** The JSON export as text (two-space indented, a final newline). */
export function toJson(collection: ExportCollection, exported: Date): string {
  return `${JSON.stringify(toJsonExport(collection, exported), null, 2)}\n`;
}
