/**
 * Reads sent together: a wrapper around the D1 binding that sends every `all()`, `first()` and `batch()` call made
 * in the same turn of the event loop as ONE D1 batch, so one round trip and one transaction (the DataLoader pattern).
 *
 * Why: a page asks D1 for several independent things at once (the home page's two lists and its counts; the HTTP
 * cache's data-version read and the route's own reads), and each round trip costs more than the statements in it
 * (in local D1 a round trip to the database's Durable Object; at the edge, a trip to the database's region). The
 * query modules stay as they are: they run their statements, and whatever they ask for in one turn travels together.
 *
 * - A turn ends at the next macrotask (setTimeout 0), not the next microtask: the middleware and validators between
 *   the HTTP cache and a route await on the way in, and each await would otherwise send what was queued so far.
 * - Batches go in order, each after the one before has answered: a read asked for first is done first, which the HTTP
 *   cache relies on (whatever a route reads is at least as new as the data version read before it).
 * - One failing statement fails a D1 batch whole; then each caller's own statements are sent again on their own, so
 *   an error reaches only the caller that caused it and every other read still gets its answer. Sending them again is
 *   safe: a failed batch is rolled back whole, and this wrapper is only put around GET and HEAD requests' reads.
 * - `run()` and `raw()` go straight to D1, unbatched (no read route uses them).
 */

interface Queued {
  statements: D1PreparedStatement[];
  resolve(results: D1Result[]): void;
  reject(error: unknown): void;
}

/** The statement of `db` behind each wrapped one, for batch(), which must be given the binding's own statements. */
const innerStatement = new WeakMap<object, D1PreparedStatement>();

export function coalescingDatabase(db: D1Database): D1Database {
  let queue: Queued[] = [];
  let previous: Promise<void> = Promise.resolve();

  const sendAlone = async (item: Queued): Promise<void> => {
    try {
      const [only] = item.statements;
      item.resolve(item.statements.length === 1 && only ? [await only.all()] : await db.batch(item.statements));
    } catch (error) {
      item.reject(error);
    }
  };

  const send = async (items: Queued[]): Promise<void> => {
    if (items.length === 1) return sendAlone(items[0] as Queued);
    let results: D1Result[];
    try {
      results = await db.batch(items.flatMap((item) => item.statements));
    } catch {
      for (const item of items) await sendAlone(item);
      return;
    }
    let at = 0;
    for (const item of items) {
      item.resolve(results.slice(at, at + item.statements.length));
      at += item.statements.length;
    }
  };

  const flush = (): void => {
    const items = queue;
    queue = [];
    previous = previous.then(() => send(items));
  };

  const enqueue = (statements: D1PreparedStatement[]): Promise<D1Result[]> =>
    new Promise((resolve, reject) => {
      if (queue.length === 0) setTimeout(flush, 0);
      queue.push({ statements, resolve, reject });
    });

  const wrap = (statement: D1PreparedStatement): D1PreparedStatement => {
    const all = async () => (await enqueue([statement]))[0] as D1Result;
    const wrapped = {
      bind: (...values: unknown[]) => wrap(statement.bind(...values)),
      all,
      // D1's own first() runs the whole query and keeps row one; so does this, with D1's error for a missing column.
      first: async (column?: string) => {
        const row = (await all()).results[0] as Record<string, unknown> | undefined;
        if (column === undefined) return row ?? null;
        if (row && row[column] === undefined) throw new Error(`D1_COLUMN_NOTFOUND: Column not found (${column})`);
        return row?.[column] ?? null;
      },
      run: () => statement.run(),
      raw: (options?: { columnNames?: boolean }) => statement.raw(options as { columnNames: true }),
    };
    innerStatement.set(wrapped, statement);
    return wrapped as unknown as D1PreparedStatement;
  };

  const coalescing = {
    prepare: (sql: string) => wrap(db.prepare(sql)),
    batch: (statements: D1PreparedStatement[]) =>
      statements.length === 0 ? Promise.resolve([]) : enqueue(statements.map((s) => innerStatement.get(s) ?? s)),
    exec: (sql: string) => db.exec(sql),
    withSession: (constraint?: D1SessionBookmark | D1SessionConstraint) => db.withSession(constraint),
    dump: () => db.dump(),
  };
  return coalescing as unknown as D1Database;
}
