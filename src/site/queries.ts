/** SQL for the site's overview pages. */
export interface Overview {
  total: number;
  byProvenance: Record<string, number>;
}

/** Counts of published records, by provenance, for the home page. */
export async function overviewCounts(db: D1Database): Promise<Overview> {
  const { results } = await db
    .prepare(
      "SELECT provenance, count(*) AS n FROM case_studies WHERE status = 'published' GROUP BY provenance ORDER BY provenance",
    )
    .all<{ provenance: string; n: number }>();
  const byProvenance: Record<string, number> = {};
  let total = 0;
  for (const row of results) {
    byProvenance[row.provenance] = row.n;
    total += row.n;
  }
  return { total, byProvenance };
}
