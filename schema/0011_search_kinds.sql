-- Search finds reference figures and evidence briefs beside case studies (src/search/statement.ts).
--
-- ONE plain (not external-content) FTS5 table, search_docs, for both kinds, rather than one per kind or an
-- external-content index: external content reads its text back from one table by rowid, and these rows come from two
-- tables whose text is partly derived (a brief's key messages and caveats live in brief_json), so the index keeps
-- its own copy. One table rather than two means one MATCH pass for the other kinds inside the one search statement,
-- and bm25 scores of figures and briefs computed against the same corpus statistics. `kind` and `ref_id` are
-- UNINDEXED (never matched); the rowid encodes both (figure id * 2, brief id * 2 + 1) so the triggers delete a row
-- by rowid (an FTS5 lookup by an UNINDEXED column would scan the whole table).
--
-- Columns, in the order the bm25 weights are given (BM25_DOC_WEIGHTS in src/search/statement.ts):
--   title   the figure's or brief's title
--   lead    a figure's quote, a brief's question (what the card shows)
--   body    a figure's note (Markdown), a brief's key messages, caveats and narrative (Markdown)
--   details a figure's measure, caveats, source title, publisher and geography; a brief's audience
--
-- Every stored brief is searchable: a brief has no status or visibility field (src/domain/brief.ts), and only the
-- content seed writes briefs, from files that are reviewed like code. Every stored reference figure is searchable too.
CREATE VIRTUAL TABLE search_docs USING fts5 (
  title,
  lead,
  body,
  details,
  kind UNINDEXED,
  ref_id UNINDEXED,
  tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER search_docs_reference_figures_insert AFTER INSERT ON reference_figures BEGIN
  INSERT INTO search_docs (rowid, title, lead, body, details, kind, ref_id)
  VALUES (new.id * 2, new.title, new.quote, new.body,
    new.measure || ' ' || new.caveats || ' ' || new.source_title || ' ' || coalesce(new.source_publisher, '') || ' ' || new.geography,
    'reference_figure', new.id);
END;

CREATE TRIGGER search_docs_reference_figures_update AFTER UPDATE ON reference_figures BEGIN
  DELETE FROM search_docs WHERE rowid = old.id * 2;
  INSERT INTO search_docs (rowid, title, lead, body, details, kind, ref_id)
  VALUES (new.id * 2, new.title, new.quote, new.body,
    new.measure || ' ' || new.caveats || ' ' || new.source_title || ' ' || coalesce(new.source_publisher, '') || ' ' || new.geography,
    'reference_figure', new.id);
END;

CREATE TRIGGER search_docs_reference_figures_delete AFTER DELETE ON reference_figures BEGIN
  DELETE FROM search_docs WHERE rowid = old.id * 2;
END;

CREATE TRIGGER search_docs_briefs_insert AFTER INSERT ON briefs BEGIN
  INSERT INTO search_docs (rowid, title, lead, body, details, kind, ref_id)
  VALUES (new.id * 2 + 1, new.title, new.question,
    coalesce((SELECT group_concat(value, ' ') FROM json_each(new.brief_json, '$.key_messages')), '') || ' ' ||
    coalesce((SELECT group_concat(value, ' ') FROM json_each(new.brief_json, '$.caveats')), '') || ' ' ||
    coalesce(json_extract(new.brief_json, '$.body'), ''),
    new.audience, 'brief', new.id);
END;

CREATE TRIGGER search_docs_briefs_update AFTER UPDATE ON briefs BEGIN
  DELETE FROM search_docs WHERE rowid = old.id * 2 + 1;
  INSERT INTO search_docs (rowid, title, lead, body, details, kind, ref_id)
  VALUES (new.id * 2 + 1, new.title, new.question,
    coalesce((SELECT group_concat(value, ' ') FROM json_each(new.brief_json, '$.key_messages')), '') || ' ' ||
    coalesce((SELECT group_concat(value, ' ') FROM json_each(new.brief_json, '$.caveats')), '') || ' ' ||
    coalesce(json_extract(new.brief_json, '$.body'), ''),
    new.audience, 'brief', new.id);
END;

CREATE TRIGGER search_docs_briefs_delete AFTER DELETE ON briefs BEGIN
  DELETE FROM search_docs WHERE rowid = old.id * 2 + 1;
END;

-- Briefs had no data-version triggers (schema/0005, 0008): a search now reads them, so any write to a brief must
-- change the version, or a cached search (src/search/cache.ts) would keep serving the brief as it was.
CREATE TRIGGER data_version_briefs_insert AFTER INSERT ON briefs BEGIN
  UPDATE data_version SET version = lower(hex(randomblob(8))) WHERE id = 1;
END;

CREATE TRIGGER data_version_briefs_update AFTER UPDATE ON briefs BEGIN
  UPDATE data_version SET version = lower(hex(randomblob(8))) WHERE id = 1;
END;

CREATE TRIGGER data_version_briefs_delete AFTER DELETE ON briefs BEGIN
  UPDATE data_version SET version = lower(hex(randomblob(8))) WHERE id = 1;
END;

-- The rows that exist now.
INSERT INTO search_docs (rowid, title, lead, body, details, kind, ref_id)
SELECT id * 2, title, quote, body,
  measure || ' ' || caveats || ' ' || source_title || ' ' || coalesce(source_publisher, '') || ' ' || geography,
  'reference_figure', id
FROM reference_figures;

INSERT INTO search_docs (rowid, title, lead, body, details, kind, ref_id)
SELECT id * 2 + 1, title, question,
  coalesce((SELECT group_concat(value, ' ') FROM json_each(briefs.brief_json, '$.key_messages')), '') || ' ' ||
  coalesce((SELECT group_concat(value, ' ') FROM json_each(briefs.brief_json, '$.caveats')), '') || ' ' ||
  coalesce(json_extract(brief_json, '$.body'), ''),
  audience, 'brief', id
FROM briefs;

-- Not a data version trigger's business: this migration changes what a search returns, so cached results go.
UPDATE data_version SET version = lower(hex(randomblob(8))) WHERE id = 1;
