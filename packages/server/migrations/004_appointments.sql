-- Appointment booking (<muni-appointment-picker>): bookable services, the calendar settings of
-- the offices that take appointments, holds on slots, and the claims that make double booking
-- impossible.

-- One row per office that takes appointments; offices without a row are not bookable.
CREATE TABLE appointment_calendars (
  office_id           text PRIMARY KEY REFERENCES offices (id) ON DELETE CASCADE,
  -- Desks serving citizens in parallel: at most this many appointments overlap.
  counters            smallint NOT NULL CHECK (counters BETWEEN 1 AND 100),
  -- Granularity of slot starts and of claims; a divisor of 60 keeps the grid aligned across
  -- daylight-saving changes.
  slot_minutes        smallint NOT NULL DEFAULT 15 CHECK (slot_minutes IN (5, 10, 15, 20, 30, 60)),
  -- How many days ahead citizens may book.
  horizon_days        smallint NOT NULL DEFAULT 60 CHECK (horizon_days BETWEEN 1 AND 366),
  -- No booking sooner than this many minutes from now.
  lead_minutes        integer NOT NULL DEFAULT 60 CHECK (lead_minutes BETWEEN 0 AND 43200),
  -- How long a reservation holds its slot while the citizen fills in the form.
  hold_minutes        smallint NOT NULL DEFAULT 10 CHECK (hold_minutes BETWEEN 1 AND 120),
  -- How often a hold may be extended by hold_minutes.
  max_hold_extensions smallint NOT NULL DEFAULT 2 CHECK (max_hold_extensions BETWEEN 0 AND 10)
);

CREATE TABLE appointment_services (
  id               text PRIMARY KEY CHECK (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name             text NOT NULL,
  description      text,
  sort_order       integer NOT NULL,
  -- Minutes for one person; `count` persons need count times this.
  duration_minutes smallint NOT NULL CHECK (duration_minutes BETWEEN 1 AND 480),
  max_count        smallint NOT NULL CHECK (max_count BETWEEN 1 AND 20),
  -- Extra details the citizen gives when booking:
  -- [{ id, label, type: text|date|tel|email|textarea, required, hint?, autocomplete? }]
  fields           jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(fields) = 'array')
);

CREATE TABLE appointment_service_offices (
  service_id text NOT NULL REFERENCES appointment_services (id) ON DELETE CASCADE,
  office_id  text NOT NULL REFERENCES appointment_calendars (office_id) ON DELETE CASCADE,
  PRIMARY KEY (service_id, office_id)
);
CREATE INDEX appointment_service_offices_by_office ON appointment_service_offices (office_id);

-- A slot held for a citizen. The secret that proves ownership is stored only as its SHA-256.
CREATE TABLE appointment_reservations (
  id          uuid PRIMARY KEY,
  office_id   text NOT NULL REFERENCES appointment_calendars (office_id) ON DELETE CASCADE,
  counter     smallint NOT NULL,
  starts_at   timestamptz NOT NULL,
  ends_at     timestamptz NOT NULL,
  -- [{ serviceId, count }] as requested.
  services    jsonb NOT NULL,
  secret_hash text NOT NULL,
  expires_at  timestamptz NOT NULL,
  extensions  smallint NOT NULL DEFAULT 0,
  created_at  timestamptz NOT NULL,
  CHECK (starts_at < ends_at)
);
CREATE INDEX appointment_reservations_by_expiry ON appointment_reservations (expires_at);

-- Every slot_minutes unit a reservation covers, on the one counter it got. The primary key is
-- the guarantee against double booking: it holds across transactions and server processes.
-- expires_at NULL: a permanent claim; otherwise the claim is void once expired and is deleted by
-- the next reservation that wants the unit.
CREATE TABLE slot_claims (
  office_id      text NOT NULL REFERENCES appointment_calendars (office_id) ON DELETE CASCADE,
  counter        smallint NOT NULL,
  unit_start     timestamptz NOT NULL,
  reservation_id uuid NOT NULL REFERENCES appointment_reservations (id) ON DELETE CASCADE,
  expires_at     timestamptz,
  PRIMARY KEY (office_id, counter, unit_start)
);
CREATE INDEX slot_claims_by_reservation ON slot_claims (reservation_id);
