-- Curated evidence briefs (content/briefs/<slug>.md). A brief names its records by slug and the metrics to
-- synthesise; its figures are read from the records at request time, never stored here. Stored in D1 (not bundled)
-- so search can index briefs later, and so a brief can name a record that a write removed: the page says so.
CREATE TABLE briefs (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  question TEXT NOT NULL,
  audience TEXT NOT NULL,
  -- The brief exactly as its file's frontmatter and body validated (src/domain/brief.ts).
  brief_json TEXT NOT NULL,
  body_html TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
