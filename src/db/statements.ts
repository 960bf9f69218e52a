/** Helpers every query module shares: statements as data, D1's limits, and atomic batches. */

/** A SQL statement with numbered parameters (?1, ?2 …), kept as data so it can be batched, inlined or inspected. */
export interface BoundStatement {
  sql: string;
  params: SqlValue[];
}

export type SqlValue = string | number | null;

/** D1 refuses a statement with more than 100 bound parameters. */
export const D1_MAX_PARAMS = 100;
/** D1 refuses a statement over 100 KB of SQL text. */
export const D1_MAX_SQL_BYTES = 100_000;

/** Splits rows into groups whose parameters fit one statement, leaving `reserved` parameters for the caller. */
export function chunkRows<T>(rows: readonly T[], paramsPerRow: number, reserved = 0): T[][] {
  const perChunk = Math.max(1, Math.floor((D1_MAX_PARAMS - reserved) / paramsPerRow));
  const chunks: T[][] = [];
  for (let i = 0; i < rows.length; i += perChunk) chunks.push(rows.slice(i, i + perChunk));
  return chunks;
}

/** Runs statements as one D1 batch: all of them commit, or none does. */
export async function runBatch(db: D1Database, statements: readonly BoundStatement[]): Promise<D1Result[]> {
  if (statements.length === 0) return [];
  return db.batch(statements.map((s) => db.prepare(s.sql).bind(...s.params)));
}

/** Renders a bound statement as literal SQL, for seed files applied with `wrangler d1 execute --file`. */
export function inlineStatement(statement: BoundStatement): string {
  const sql = statement.sql.replace(/\?(\d+)/g, (_, index: string) => {
    const value = statement.params[Number(index) - 1];
    if (value === undefined) throw new Error(`parameter ?${index} has no value in: ${statement.sql.slice(0, 80)}`);
    return sqlLiteral(value);
  });
  return sql.trim().endsWith(";") ? sql : `${sql};`;
}

function sqlLiteral(value: SqlValue): string {
  if (value === null) return "NULL";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`cannot write ${value} as SQL`);
    return String(value);
  }
  return `'${value.replace(/'/g, "''")}'`;
}
