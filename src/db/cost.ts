/**
 * What a request costs in D1, counted for every route at once: a thin wrapper around the D1 binding that adds up
 * statements, round trips, rows read and D1's own duration from each result's `meta`, so a route reports its cost
 * without any bookkeeping of its own (src/http/d1-cost.ts puts the figures on the response).
 */

/** D1 work done for one request. */
export interface D1Cost {
  /** Statements sent (a batch of three is three). */
  statements: number;
  /** Calls that went to D1 and back (a batch is one). */
  roundTrips: number;
  /** Rows SQLite read, from D1's result meta (`raw()` carries none, so it adds none). */
  rowsRead: number;
  /** D1's own time for the statements, from the result meta, in milliseconds. */
  durationMs: number;
}

export function emptyCost(): D1Cost {
  return { statements: 0, roundTrips: 0, rowsRead: 0, durationMs: 0 };
}

/** The real statement behind each counted one, for batch(), which must be given D1's own statements. */
const realStatement = new WeakMap<object, D1PreparedStatement>();

function add(cost: D1Cost, statements: number, results: readonly D1Result[]): void {
  cost.statements += statements;
  cost.roundTrips += 1;
  for (const result of results) {
    cost.rowsRead += result.meta?.rows_read ?? 0;
    cost.durationMs += result.meta?.duration ?? 0;
  }
}

function countedStatement(statement: D1PreparedStatement, cost: D1Cost): D1PreparedStatement {
  const counted = {
    bind: (...values: unknown[]) => countedStatement(statement.bind(...values), cost),
    all: async () => {
      const result = await statement.all();
      add(cost, 1, [result]);
      return result;
    },
    run: async () => {
      const result = await statement.run();
      add(cost, 1, [result]);
      return result;
    },
    // D1's own first() runs the whole query and keeps row one, but drops the meta; so does this, keeping the meta.
    first: async (column?: string) => {
      const result = await statement.all();
      add(cost, 1, [result]);
      const row = result.results[0] as Record<string, unknown> | undefined;
      if (column === undefined) return row ?? null;
      if (row && row[column] === undefined) throw new Error(`D1_COLUMN_NOTFOUND: Column not found (${column})`);
      return row?.[column] ?? null;
    },
    raw: async (options?: { columnNames?: boolean }) => {
      const rows = await statement.raw(options as { columnNames: true });
      add(cost, 1, []);
      return rows;
    },
  };
  realStatement.set(counted, statement);
  return counted as unknown as D1PreparedStatement;
}

function countedBatch(
  batch: (statements: D1PreparedStatement[]) => Promise<D1Result[]>,
  cost: D1Cost,
): D1Database["batch"] {
  return (async (statements: D1PreparedStatement[]) => {
    const results = await batch(statements.map((s) => realStatement.get(s) ?? s));
    add(cost, statements.length, results);
    return results;
  }) as D1Database["batch"];
}

/** `db` with every statement it runs added to `cost`; it behaves exactly as `db` otherwise. */
export function countingDatabase(db: D1Database, cost: D1Cost): D1Database {
  const counted = {
    prepare: (sql: string) => countedStatement(db.prepare(sql), cost),
    batch: countedBatch((statements) => db.batch(statements), cost),
    exec: async (sql: string) => {
      const result = await db.exec(sql);
      cost.statements += result.count;
      cost.roundTrips += 1;
      cost.durationMs += result.duration;
      return result;
    },
    withSession: (constraint?: D1SessionBookmark | D1SessionConstraint) => {
      const session = db.withSession(constraint);
      return {
        prepare: (sql: string) => countedStatement(session.prepare(sql), cost),
        batch: countedBatch((statements) => session.batch(statements), cost),
        getBookmark: () => session.getBookmark(),
      } as unknown as D1DatabaseSession;
    },
    dump: () => db.dump(),
  };
  return counted as unknown as D1Database;
}
