/** SQL for the site's overview pages. */
export interface Overview {
  total: number;
  byProvenance: Record<string, number>;
}

/**
 * Counts of published records, by provenance, for the home page: read from the browse counters (facet_counts,
 * schema/0002, which count published records for every facet but status), a handful of rows whatever the corpus.
 * Every record has one provenance, so the total is their sum.
 */
export async function overviewCounts(db: D1Database): Promise<Overview> {
  const { results } = await db
    .prepare("SELECT value, n FROM facet_counts WHERE facet = 'provenance' AND n > 0 ORDER BY value")
    .all<{ value: string; n: number }>();
  const byProvenance: Record<string, number> = {};
  let total = 0;
  for (const row of results) {
    byProvenance[row.value] = row.n;
    total += row.n;
  }
  return { total, byProvenance };
}
