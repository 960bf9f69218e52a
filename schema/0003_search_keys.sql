-- Search: the narrow columns every search candidate needs, in one covering index. Flagging hundreds or thousands of
-- full-text matches reads them from here instead of the wide case_studies rows (record JSON, rendered body), which
-- halves that part of a search. Its leading id makes a lookup by primary key that never touches the table; the
-- query module names it (INDEXED BY), because SQLite would otherwise prefer the rowid.
--
-- A migration of its own: 0002 had already been applied to local databases when this was added.
CREATE INDEX case_studies_search_keys ON case_studies (
  id, status, grade_rank, evidence_year, provenance, design, care_setting, country, grade, has_cost_figures
);
