-- The sitemap reads the slugs of the public records in a range of ids. Read from the table, each of those rows is a
-- whole record (its JSON, body text and HTML, a few kilobytes and overflow pages): a page of 1,000 slugs read megabytes.
-- This index holds just what those reads need, in id order (status too, or SQLite still visits each row to test it),
-- so they read a few index pages instead. It is partial, on the public statuses as the sitemap's statements spell
-- them: SQLite uses it only for a query whose WHERE says the same, so no other query's plan changes (a full index
-- led by id drew a filtered list onto it: 2.6 times its rows read).
CREATE INDEX case_studies_sitemap ON case_studies (id, slug, status) WHERE status IN ('published', 'retracted');
