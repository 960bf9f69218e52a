/** The health check, which is also the benchmarks' floor: one trivial D1 query. */
export async function ping(db: D1Database): Promise<{ ok: boolean }> {
  const result = await db.prepare("SELECT 1 AS ok").all<{ ok: number }>();
  return { ok: result.results[0]?.ok === 1 };
}
