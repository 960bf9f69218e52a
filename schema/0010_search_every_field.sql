-- Search: every field a person may type is searchable. A new text column, details_text, holds what the title,
-- summary, tags and body do not: organisation and region, outcome labels and metric names (their words from the
-- taxonomy, so "ED visits" finds an ed_visits outcome), quotes, and each source's title, authors, publisher, year, DOI
-- and PMID. It is derived on write (src/domain/derive.ts, detailsText) and written by the one write path; rows that
-- exist when this migration runs get it on the next content load, which rewrites every content record (npm run
-- db:seed:local, or any write of that record through the API).
--
-- The full-text index gains the column. An FTS5 table cannot be altered, so the index and its three triggers are
-- dropped and created again with five columns, then rebuilt from case_studies (external content).
ALTER TABLE case_studies ADD COLUMN details_text TEXT NOT NULL DEFAULT '';

DROP TRIGGER case_studies_fts_insert;
DROP TRIGGER case_studies_fts_delete;
DROP TRIGGER case_studies_fts_update;
DROP TABLE case_studies_fts;

CREATE VIRTUAL TABLE case_studies_fts USING fts5 (
  title,
  summary,
  tags_text,
  body_text,
  details_text,
  content = 'case_studies',
  content_rowid = 'id',
  tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER case_studies_fts_insert AFTER INSERT ON case_studies BEGIN
  INSERT INTO case_studies_fts (rowid, title, summary, tags_text, body_text, details_text)
  VALUES (new.id, new.title, new.summary, new.tags_text, new.body_text, new.details_text);
END;

CREATE TRIGGER case_studies_fts_delete AFTER DELETE ON case_studies BEGIN
  INSERT INTO case_studies_fts (case_studies_fts, rowid, title, summary, tags_text, body_text, details_text)
  VALUES ('delete', old.id, old.title, old.summary, old.tags_text, old.body_text, old.details_text);
END;

-- As in 0004: writing facet_keys must not re-index the record's text, so the trigger fires only when text changes.
CREATE TRIGGER case_studies_fts_update AFTER UPDATE OF title, summary, tags_text, body_text, details_text ON case_studies
BEGIN
  INSERT INTO case_studies_fts (case_studies_fts, rowid, title, summary, tags_text, body_text, details_text)
  VALUES ('delete', old.id, old.title, old.summary, old.tags_text, old.body_text, old.details_text);
  INSERT INTO case_studies_fts (rowid, title, summary, tags_text, body_text, details_text)
  VALUES (new.id, new.title, new.summary, new.tags_text, new.body_text, new.details_text);
END;

INSERT INTO case_studies_fts (case_studies_fts) VALUES ('rebuild');
