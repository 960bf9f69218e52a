-- Search: facet counts of the unfiltered browse, precomputed so the /search page with no query and no filter reads
-- a few hundred rows instead of every record and all its facet rows.
--
-- Rows: for every facet but status, the number of PUBLISHED records with that value (the default search shows
-- published records only); for the status facet, the number of records of each status (a facet's own filter is not
-- applied to its counts, and status is the only filter active by default). The total of the browse is the row
-- ('status', 'published').
--
-- Kept fresh by the write path: every batch that writes case studies ends with the refresh statement from
-- src/search/queries.ts (refreshFacetCountsStatement), as the content seed does. Values that disappear keep a row
-- with n = 0, which readers skip; that lets the refresh be one statement (see the query module for why).
CREATE TABLE facet_counts (
  facet TEXT NOT NULL,
  value TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (facet, value)
) WITHOUT ROWID;

INSERT INTO facet_counts (facet, value, n)
SELECT f.facet, f.value, count(*)
FROM case_study_facets f JOIN case_studies c ON c.id = f.case_study_id
WHERE c.status = 'published' AND f.facet <> 'status'
GROUP BY f.facet, f.value
UNION ALL
SELECT 'status', status, count(*) FROM case_studies GROUP BY status;
