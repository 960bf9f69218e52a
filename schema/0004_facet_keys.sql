-- Search: every record's facet values as one short text column inside the covering index, so a search counts its
-- facets from the candidates it has already read instead of joining each candidate's ~15 case_study_facets rows and
-- sorting them for GROUP BY (at 10k records that join and sort were three quarters of a typical search's time).
--
-- facet_keys holds one token per case_study_facets row, separated by spaces: a one-letter facet code followed by the
-- value, e.g. "spublished vreported dquasi_experimental ... clow_back_pain". The letters are FACET_KEY_CODES in
-- src/search/facet-keys.ts; values are enumeration values or country codes, which contain no spaces. The column is
-- derived from case_study_facets by refreshFacetKeysStatement (src/search/queries.ts), which every write batch runs
-- after writing a record's facet rows; the backfill below is that statement as it was when this migration was added.
ALTER TABLE case_studies ADD COLUMN facet_keys TEXT NOT NULL DEFAULT '';

UPDATE case_studies SET facet_keys = coalesce((
  SELECT group_concat(CASE f.facet
      WHEN 'status' THEN 's' WHEN 'provenance' THEN 'v' WHEN 'design' THEN 'd' WHEN 'care_setting' THEN 'e'
      WHEN 'country' THEN 'n' WHEN 'grade' THEN 'g' WHEN 'payer_type' THEN 'p' WHEN 'financing_model' THEN 'f'
      WHEN 'modality' THEN 'm' WHEN 'condition' THEN 'c' WHEN 'metric' THEN 'o' WHEN 'has_cost_figures' THEN 'h'
    END || f.value, ' ')
  FROM case_study_facets f WHERE f.case_study_id = case_studies.id), '');

-- The covering index gains the column (an index cannot be altered, so it is rebuilt).
DROP INDEX case_studies_search_keys;
CREATE INDEX case_studies_search_keys ON case_studies (
  id, status, grade_rank, evidence_year, provenance, design, care_setting, country, grade, has_cost_figures, facet_keys
);

-- Writing facet_keys must not re-index the record's text: the full-text trigger now fires only when text changes.
DROP TRIGGER case_studies_fts_update;
CREATE TRIGGER case_studies_fts_update AFTER UPDATE OF title, summary, tags_text, body_text ON case_studies BEGIN
  INSERT INTO case_studies_fts (case_studies_fts, rowid, title, summary, tags_text, body_text)
  VALUES ('delete', old.id, old.title, old.summary, old.tags_text, old.body_text);
  INSERT INTO case_studies_fts (rowid, title, summary, tags_text, body_text)
  VALUES (new.id, new.title, new.summary, new.tags_text, new.body_text);
END;
