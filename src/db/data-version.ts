/**
 * The data version (schema/0005_data_version.sql): a random token that triggers change on every write to the
 * records, the browse counts and the reference figures (briefs are written only by the content seed, in the same
 * batch as its record upserts, which move it). Whatever was computed from the data can be kept for as long as the
 * token it was computed under is current.
 */

/** One row by primary key: as cheap as a health check. */
export const DATA_VERSION_SQL = "SELECT version FROM data_version WHERE id = 1";

/** The current data version and what reading it cost. */
export interface DataVersion {
  version: string;
  rowsRead: number;
  durationMs: number;
}

export async function readDataVersion(db: D1Database): Promise<DataVersion> {
  const result = await db.prepare(DATA_VERSION_SQL).all<{ version: string }>();
  return {
    version: result.results[0]?.version ?? "",
    rowsRead: result.meta?.rows_read ?? 0,
    durationMs: result.meta?.duration ?? 0,
  };
}
