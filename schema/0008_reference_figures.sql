-- Reference figures (shared/contract/reference-figures.md): published numbers a calculator or a reader needs to turn
-- an effect into dollars (a price per birth, a cost per readmission, a programme fee). Loaded from
-- content/reference-figures/ by the content seed through src/records/reference-figures.ts, which upserts by slug so
-- a figure keeps its numeric id across edits (the id is what a search index row will point at).
--
-- The contract's record is kept whole in `record_json` (what the API returns); the columns beside it are what pages
-- group and sort by, and the plain text a full-text index needs: title, note, quote, caveats, source title and
-- publisher, each a column of its own so an index can weight them.
CREATE TABLE reference_figures (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  value REAL NOT NULL,
  low REAL,
  high REAL,
  unit TEXT NOT NULL,
  per TEXT,
  price_year INTEGER,
  geography TEXT NOT NULL,
  measure TEXT NOT NULL,
  provenance TEXT NOT NULL,
  quote TEXT NOT NULL,
  caveats TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL DEFAULT '',
  body_html TEXT NOT NULL DEFAULT '',
  source_title TEXT NOT NULL,
  source_publisher TEXT,
  source_url TEXT,
  record_json TEXT NOT NULL,
  origin TEXT NOT NULL DEFAULT 'content',
  updated_at TEXT NOT NULL
);

CREATE INDEX reference_figures_per ON reference_figures (per, title);

-- Any write changes the data version (schema/0005), so results cached from a search that reads this table hold only
-- as long as the figures they were computed from.
CREATE TRIGGER data_version_reference_figures_insert AFTER INSERT ON reference_figures BEGIN
  UPDATE data_version SET version = lower(hex(randomblob(8))) WHERE id = 1;
END;

CREATE TRIGGER data_version_reference_figures_update AFTER UPDATE ON reference_figures BEGIN
  UPDATE data_version SET version = lower(hex(randomblob(8))) WHERE id = 1;
END;

CREATE TRIGGER data_version_reference_figures_delete AFTER DELETE ON reference_figures BEGIN
  UPDATE data_version SET version = lower(hex(randomblob(8))) WHERE id = 1;
END;
