-- Search: a token that changes with every write to the records or to the browse counts, so a Worker can keep search
-- results it has already computed and know, with one one-row read, whether they still hold (src/search/cache.ts).
--
-- A random token rather than a counter: a counter comes back to an earlier value when the database is restored or a
-- test resets it, and then means other data; 64 random bits name one state of the data, so a result cached for a
-- token is right whenever the database shows that token again.
--
-- Triggers rather than a statement in each write path: any write, including one made by hand with
-- `wrangler d1 execute`, changes the token, so a cached result can never outlive the data it was computed from. The
-- children (facets, outcomes, sources) are only ever written together with their case_studies row (the upsert
-- deletes and re-inserts it), so the case_studies triggers cover them; facet_counts has its own, for a refresh run on
-- its own.
CREATE TABLE data_version (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  version TEXT NOT NULL
);

INSERT INTO data_version (id, version) VALUES (1, lower(hex(randomblob(8))));

CREATE TRIGGER data_version_case_studies_insert AFTER INSERT ON case_studies BEGIN
  UPDATE data_version SET version = lower(hex(randomblob(8))) WHERE id = 1;
END;

CREATE TRIGGER data_version_case_studies_update AFTER UPDATE ON case_studies BEGIN
  UPDATE data_version SET version = lower(hex(randomblob(8))) WHERE id = 1;
END;

CREATE TRIGGER data_version_case_studies_delete AFTER DELETE ON case_studies BEGIN
  UPDATE data_version SET version = lower(hex(randomblob(8))) WHERE id = 1;
END;

CREATE TRIGGER data_version_facet_counts_insert AFTER INSERT ON facet_counts BEGIN
  UPDATE data_version SET version = lower(hex(randomblob(8))) WHERE id = 1;
END;

CREATE TRIGGER data_version_facet_counts_update AFTER UPDATE ON facet_counts BEGIN
  UPDATE data_version SET version = lower(hex(randomblob(8))) WHERE id = 1;
END;

CREATE TRIGGER data_version_facet_counts_delete AFTER DELETE ON facet_counts BEGIN
  UPDATE data_version SET version = lower(hex(randomblob(8))) WHERE id = 1;
END;
