-- Case studies, their outcomes, sources and facet values, with an FTS5 index kept in sync by triggers.
-- Enumerated values are not CHECK-constrained here: the zod contract (src/domain) is the one place they live,
-- and every write goes through it.

CREATE TABLE case_studies (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  summary TEXT NOT NULL,
  status TEXT NOT NULL,
  provenance TEXT NOT NULL,
  design TEXT NOT NULL,
  care_setting TEXT NOT NULL,
  country TEXT NOT NULL,
  -- The evidence grade is derived on write (src/domain/grading.ts); stored so lists can sort and filter by it.
  grade TEXT NOT NULL,
  grade_rank INTEGER NOT NULL,
  grade_reason TEXT NOT NULL,
  -- The year the evidence speaks for: period end, else period start, else the newest source year.
  evidence_year INTEGER,
  population_size INTEGER,
  has_cost_figures INTEGER NOT NULL DEFAULT 0,
  tags_text TEXT NOT NULL DEFAULT '',
  body_text TEXT NOT NULL DEFAULT '',
  body_html TEXT NOT NULL DEFAULT '',
  -- The record exactly as the contract shapes it, so the API and exports are lossless.
  record_json TEXT NOT NULL,
  origin TEXT NOT NULL DEFAULT 'content',
  updated_at TEXT NOT NULL
);

CREATE INDEX case_studies_by_status_year ON case_studies (status, evidence_year DESC, id);
CREATE INDEX case_studies_by_status_grade ON case_studies (status, grade_rank DESC, id);

CREATE TABLE case_study_facets (
  case_study_id INTEGER NOT NULL REFERENCES case_studies (id) ON DELETE CASCADE,
  facet TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (facet, value, case_study_id)
) WITHOUT ROWID;

CREATE INDEX case_study_facets_by_record ON case_study_facets (case_study_id, facet);

CREATE TABLE outcomes (
  case_study_id INTEGER NOT NULL REFERENCES case_studies (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  metric TEXT NOT NULL,
  label TEXT,
  kind TEXT NOT NULL,
  value REAL NOT NULL,
  unit TEXT NOT NULL,
  baseline REAL,
  followup REAL,
  comparison TEXT NOT NULL,
  horizon_months INTEGER,
  per TEXT,
  price_year INTEGER,
  ci_low REAL,
  ci_high REAL,
  n INTEGER,
  source_key TEXT NOT NULL,
  quote TEXT,
  PRIMARY KEY (case_study_id, position)
) WITHOUT ROWID;

CREATE INDEX outcomes_by_metric ON outcomes (metric, kind, value);

CREATE TABLE sources (
  case_study_id INTEGER NOT NULL REFERENCES case_studies (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  key TEXT NOT NULL,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  authors_json TEXT,
  publisher TEXT,
  year INTEGER,
  url TEXT,
  doi TEXT,
  pmid TEXT,
  accessed TEXT,
  PRIMARY KEY (case_study_id, position)
) WITHOUT ROWID;

-- External-content FTS5 index over the searchable text; porter stemming so "readmission" finds "readmissions".
CREATE VIRTUAL TABLE case_studies_fts USING fts5 (
  title,
  summary,
  tags_text,
  body_text,
  content = 'case_studies',
  content_rowid = 'id',
  tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER case_studies_fts_insert AFTER INSERT ON case_studies BEGIN
  INSERT INTO case_studies_fts (rowid, title, summary, tags_text, body_text)
  VALUES (new.id, new.title, new.summary, new.tags_text, new.body_text);
END;

CREATE TRIGGER case_studies_fts_delete AFTER DELETE ON case_studies BEGIN
  INSERT INTO case_studies_fts (case_studies_fts, rowid, title, summary, tags_text, body_text)
  VALUES ('delete', old.id, old.title, old.summary, old.tags_text, old.body_text);
END;

CREATE TRIGGER case_studies_fts_update AFTER UPDATE ON case_studies BEGIN
  INSERT INTO case_studies_fts (case_studies_fts, rowid, title, summary, tags_text, body_text)
  VALUES ('delete', old.id, old.title, old.summary, old.tags_text, old.body_text);
  INSERT INTO case_studies_fts (rowid, title, summary, tags_text, body_text)
  VALUES (new.id, new.title, new.summary, new.tags_text, new.body_text);
END;
