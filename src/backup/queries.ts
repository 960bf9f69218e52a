/** The live records as a backup reads them: every column the contract JSON does not hold, in id order. */
import type { CaseStudy } from "../domain/case-study";
import type { RecordOrigin } from "../records/write-path";

export interface BackupRecord {
  id: number;
  origin: RecordOrigin;
  updated_at: string;
  record: CaseStudy;
}

/** Up to `limit` live records with an id above `afterId`, by id. */
export async function recordsAfter(db: D1Database, afterId: number, limit: number): Promise<BackupRecord[]> {
  const { results } = await db
    .prepare("SELECT id, origin, updated_at, record_json FROM case_studies WHERE id > ?1 ORDER BY id LIMIT ?2")
    .bind(afterId, limit)
    .all<{ id: number; origin: RecordOrigin; updated_at: string; record_json: string }>();
  return results.map(({ record_json, ...rest }) => ({ ...rest, record: JSON.parse(record_json) as CaseStudy }));
}
