-- Proof-of-work bot protection (ALTCHA). Every instance signs challenges with the same
-- secret, kept here unless BOT_PROTECTION_SECRET configures one; a solved challenge is
-- recorded so that one solution can be used for one request only.
CREATE TABLE server_secrets (
  name text PRIMARY KEY,
  value text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE used_bot_proofs (
  signature text PRIMARY KEY,
  expires_at timestamptz NOT NULL
);
CREATE INDEX used_bot_proofs_expiry ON used_bot_proofs (expires_at);
