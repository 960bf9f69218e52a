-- Counters kept exact by the write path, so no read route but the exports reads a number of rows that grows with the
-- corpus (the route bench, scripts/bench-routes.ts, measures rows read per request).
--
-- Until now every write ended by rebuilding facet_counts (schema/0002) from every facet row: O(corpus) per write.
-- From here on src/records/write-path.ts keeps the counters incrementally, in the write's own batch (one
-- transaction): before a record is upserted or deleted it subtracts what the record counts for now, after the
-- upsert it adds what it counts for then (INSERT … SELECT … ON CONFLICT DO UPDATE SET n = n + excluded.n). Every
-- change of a record (its facet rows, its status, its grade, its deletion) is a change of what it counts for, so
-- the counters stay equal to a count over the rows. A bulk loader that writes rows with its own SQL rebuilds them
-- once at the end (rebuildCounterStatements in the write path, the statements below). Rows whose count reaches 0
-- stay, with n = 0; readers skip them.

-- The gap map (src/search/gap-map.ts): for each matrix of src/domain/gap-maps.ts, the number of PUBLISHED records
-- (what the search counts for two filters with its default status) with each pair of a row value and a column
-- value, by the record's grade, so a cell's count is the sum over grades and its strongest grade the best grade with
-- n > 0. A few hundred rows instead of every published record.
CREATE TABLE gap_pairs (
  map TEXT NOT NULL,
  row_value TEXT NOT NULL,
  column_value TEXT NOT NULL,
  grade TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (map, row_value, column_value, grade)
) WITHOUT ROWID;

INSERT INTO gap_pairs (map, row_value, column_value, grade, n)
SELECT 'modality-condition', r.value, k.value, c.grade, count(*)
FROM case_studies c
JOIN case_study_facets r ON r.case_study_id = c.id AND r.facet = 'modality'
JOIN case_study_facets k ON k.case_study_id = c.id AND k.facet = 'condition'
WHERE c.status = 'published'
GROUP BY r.value, k.value, c.grade
UNION ALL
SELECT 'financing-metric', r.value, k.value, c.grade, count(*)
FROM case_studies c
JOIN case_study_facets r ON r.case_study_id = c.id AND r.facet = 'financing_model'
JOIN case_study_facets k ON k.case_study_id = c.id AND k.facet = 'metric'
WHERE c.status = 'published'
GROUP BY r.value, k.value, c.grade;

-- facet_counts was rebuilt by every write until now, so it is exact; it is recounted here anyway, because from now on
-- a wrong row would never be corrected by a later write.
DELETE FROM facet_counts;
INSERT INTO facet_counts (facet, value, n)
SELECT f.facet, f.value, count(*)
FROM case_study_facets f JOIN case_studies c ON c.id = f.case_study_id
WHERE c.status = 'published' AND f.facet <> 'status'
GROUP BY f.facet, f.value
UNION ALL
SELECT 'status', status, count(*) FROM case_studies GROUP BY status;

-- The list orders of src/records/read.ts (the home page reads the first four of "newest" and "strongest"), each
-- after the status filter, so a page of an unfiltered list walks the index in order and stops at its limit instead
-- of sorting every record of the status. The expressions are the ORDER BY's own, which is how SQLite matches them.
CREATE INDEX case_studies_list_newest ON case_studies (status, evidence_year IS NULL, evidence_year DESC, grade_rank DESC, id);
CREATE INDEX case_studies_list_strongest ON case_studies (status, grade_rank DESC, evidence_year IS NULL, evidence_year DESC, id);
CREATE INDEX case_studies_list_title ON case_studies (status, title COLLATE NOCASE, id);
