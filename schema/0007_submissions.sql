-- Submissions: case studies proposed by programmes without an account, waiting for a reviewer (src/submissions/).
--
-- The proposed record is stored as the contract's JSON, exactly as it passed validation, so a reviewer sees what
-- was sent and an accepted one becomes a draft through the one write path unchanged. The contact details live in
-- their own columns and are read only by the reviewer routes (a `review` token): no public route selects them.
--
-- No rate-limit counter table: the per-client limit is the Workers Rate Limiting binding (wrangler.toml
-- `[[ratelimits]]`), which wrangler dev and the vitest pool both run locally.
CREATE TABLE submissions (
  -- Random (64 bits, hex), never sequential: an id says nothing about how many others there are.
  id TEXT PRIMARY KEY,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'rejected')),
  slug TEXT NOT NULL,
  title TEXT NOT NULL,
  record_json TEXT NOT NULL,
  contact_name TEXT NOT NULL,
  contact_email TEXT NOT NULL,
  contact_organisation TEXT,
  received_at TEXT NOT NULL,
  -- The decision: when, by which token's label, why (required for a rejection), and the slug a draft was created at.
  decided_at TEXT,
  decided_by TEXT,
  decision_reason TEXT,
  accepted_slug TEXT
);

CREATE INDEX submissions_by_status ON submissions (status, received_at, id);
