-- Revisions: every create, update, delete and restore of a case study, as the full record it became, who made it
-- (the write token's label, or "content" for the content seed), when, and an optional message. Rows are only ever
-- appended, by the one write path (src/records/write-path.ts), in the same batch as the change itself.
--
-- A delete is a tombstone: the live case_studies row goes (so the record leaves search, lists, facet counts and
-- everything else that reads the live table), and its revision row, action 'delete', keeps the record as it was when
-- withdrawn. The latest revision of a slug therefore says whether it is live (create/update/restore) or withdrawn.
--
-- record_id is the case_studies id the record had. A slug that comes back (a restore, or a content file added again)
-- takes its old id back, and a new slug never takes an id that any revision has used, so ids stay stable across a
-- delete and restore and never name two records (the write path's upsert reads this column for both).
--
-- (slug, revision) is the key, and the write API inserts revision n + 1 when the writer's If-Match named n: of two
-- writers racing from the same revision, the second one's batch fails on this key and nothing of it is written.
CREATE TABLE revisions (
  slug TEXT NOT NULL,
  revision INTEGER NOT NULL CHECK (revision >= 1),
  action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'restore')),
  record_json TEXT NOT NULL,
  record_id INTEGER NOT NULL,
  author TEXT NOT NULL,
  message TEXT,
  -- For a restore: the revision whose record it brought back.
  restored_from INTEGER,
  created_at TEXT NOT NULL,
  PRIMARY KEY (slug, revision)
) WITHOUT ROWID;

CREATE INDEX revisions_by_record_id ON revisions (record_id);

-- Records already in a local database start at revision 1, as the content seed would have written them.
INSERT INTO revisions (slug, revision, action, record_json, record_id, author, created_at)
SELECT slug, 1, 'create', record_json, id, CASE origin WHEN 'content' THEN 'content' ELSE 'api' END, updated_at
FROM case_studies;
