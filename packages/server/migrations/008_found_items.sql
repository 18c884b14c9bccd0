-- Lost and found (<muni-found-item-search>): the register of finds the Fundbüro keeps, claims
-- from citizens ("Das gehört mir"), loss reports (Verlustanzeigen) that are matched against new
-- finds, and the town's fee table. Held-back details that prove ownership live in their own
-- columns of found_items and are read only by the office API (src/found-items/public-projection.ts
-- names the columns the public may see).

CREATE TABLE found_item_categories (
  id         text PRIMARY KEY CHECK (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name       text NOT NULL,
  sort_order integer NOT NULL
);

-- The town's fees for lost property; no amount: the note says it (e.g. "3 % des Wertes").
CREATE TABLE found_item_fees (
  id           text PRIMARY KEY CHECK (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  label        text NOT NULL,
  amount_cents integer CHECK (amount_cents >= 0),
  min_cents    integer CHECK (min_cents >= 0),
  max_cents    integer CHECK (max_cents >= 0),
  note         text,
  -- Set: the fee applies to finds of this category only (bicycles).
  category_id  text REFERENCES found_item_categories (id) ON DELETE SET NULL,
  sort_order   integer NOT NULL
);

-- Running numbers per kind and year for references: F-2026-00123 (find), A-… (claim),
-- V-… (loss report). An upsert on this row serialises concurrent registrations.
CREATE TABLE found_item_counters (
  kind text NOT NULL CHECK (kind IN ('F', 'A', 'V')),
  year integer NOT NULL,
  last integer NOT NULL,
  PRIMARY KEY (kind, year)
);

CREATE TABLE found_items (
  id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  reference            text NOT NULL UNIQUE CHECK (reference ~ '^F-[0-9]{4}-[0-9]{5}$'),
  category_id          text NOT NULL REFERENCES found_item_categories (id),
  colour               text CHECK (colour ~ '^[a-z]+$'),
  brand                text,
  -- The office decides per find whether the brand is shown; it often identifies the owner.
  brand_public         boolean NOT NULL DEFAULT false,
  -- Short, office-written, public: "schwarze Lederbörse".
  description          text NOT NULL,
  found_on             date NOT NULL,
  found_place          text NOT NULL,
  status               text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'claimed', 'handed_over', 'closed')),
  -- Folded public words for the search (category, colour, public brand, description, place),
  -- and the folded place alone for the place filter (src/found-items/text.ts).
  search_text          text NOT NULL,
  place_text           text NOT NULL,
  -- Held back to verify ownership: never in a public answer.
  contents             text,
  cash_cents           integer CHECK (cash_cents >= 0),
  serial_number        text,
  document_names       text,
  value_cents          integer CHECK (value_cents >= 0),
  internal_notes       text,
  registered_at        timestamptz NOT NULL,
  updated_at           timestamptz NOT NULL,
  -- When the find left the office's custody (handed over or closed); drives the deletion of claims.
  closed_at            timestamptz,
  CHECK ((status IN ('handed_over', 'closed')) = (closed_at IS NOT NULL))
);
-- Public search: open finds, newest first, optionally one category.
CREATE INDEX found_items_open_newest ON found_items (found_on DESC, registered_at DESC, id DESC) WHERE status = 'open';
CREATE INDEX found_items_open_by_category ON found_items (category_id, found_on DESC, registered_at DESC, id DESC) WHERE status = 'open';
CREATE INDEX found_items_by_closed_at ON found_items (closed_at) WHERE closed_at IS NOT NULL;

-- "Das gehört mir": stored for the office to review. Personal data is NULL once deleted.
CREATE TABLE found_item_claims (
  id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  reference            text NOT NULL UNIQUE CHECK (reference ~ '^A-[0-9]{4}-[0-9]{5}$'),
  found_item_id        bigint NOT NULL REFERENCES found_items (id) ON DELETE CASCADE,
  status               text NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'accepted', 'rejected')),
  contact              jsonb,
  identifying_features text,
  lost_on              date,
  lost_place           text,
  created_at           timestamptz NOT NULL,
  purged_at            timestamptz
);
CREATE INDEX found_item_claims_by_item ON found_item_claims (found_item_id);

-- Verlustanzeige: a saved search with contact data, deleted when it expires.
CREATE TABLE loss_reports (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  reference   text NOT NULL UNIQUE CHECK (reference ~ '^V-[0-9]{4}-[0-9]{5}$'),
  category_id text NOT NULL REFERENCES found_item_categories (id),
  description text NOT NULL,
  colour      text CHECK (colour ~ '^[a-z]+$'),
  brand       text,
  lost_on     date NOT NULL,
  lost_place  text NOT NULL,
  contact     jsonb NOT NULL,
  -- Page with the widget; links in mails lead there.
  return_url  text NOT NULL,
  created_at  timestamptz NOT NULL,
  renewed_at  timestamptz,
  expires_at  timestamptz NOT NULL
);
CREATE INDEX loss_reports_active_by_category ON loss_reports (category_id, expires_at);
CREATE INDEX loss_reports_by_expiry ON loss_reports (expires_at);

-- Management tokens, SHA-256 hashed; every mail carries a fresh one, all open the same report.
CREATE TABLE loss_report_tokens (
  token_hash     text PRIMARY KEY,
  loss_report_id bigint NOT NULL REFERENCES loss_reports (id) ON DELETE CASCADE,
  created_at     timestamptz NOT NULL
);
CREATE INDEX loss_report_tokens_by_report ON loss_report_tokens (loss_report_id);

-- Finds already reported to a loss report's owner (one mail per pair).
CREATE TABLE loss_report_matches (
  loss_report_id bigint NOT NULL REFERENCES loss_reports (id) ON DELETE CASCADE,
  found_item_id  bigint NOT NULL REFERENCES found_items (id) ON DELETE CASCADE,
  score          smallint NOT NULL,
  matched_at     timestamptz NOT NULL,
  notified_at    timestamptz,
  PRIMARY KEY (loss_report_id, found_item_id)
);
CREATE INDEX loss_report_matches_by_item ON loss_report_matches (found_item_id);
