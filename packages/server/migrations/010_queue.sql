-- The call system (Aufrufsystem) behind <muni-queue-status>: waiting numbers per service group
-- and day, the counters that call them, and the calls shown on the display. No personal data:
-- a ticket is a number, a group, times and a counter; an appointment check-in keeps only the
-- appointment's id, never its contact data.

-- One row per office with a call system. `version` grows with every change to the queue and is
-- the SSE event id; bumping it takes the row lock, so changes of one office commit in order.
CREATE TABLE queue_offices (
  office_id text PRIMARY KEY REFERENCES offices (id) ON DELETE CASCADE,
  version   bigint NOT NULL DEFAULT 0 CHECK (version >= 0)
);

-- Service groups: the letter of the number ("A-042"), shown name, order on screen.
CREATE TABLE queue_groups (
  office_id               text NOT NULL REFERENCES queue_offices (office_id) ON DELETE CASCADE,
  code                    text NOT NULL CHECK (code ~ '^[A-Z]$'),
  name                    text NOT NULL,
  sort_order              smallint NOT NULL,
  -- Called before groups with a lower priority when a counter serves several (appointments: 1).
  priority                smallint NOT NULL DEFAULT 0,
  -- The group appointment check-ins go to; at most one per office.
  for_appointments        boolean NOT NULL DEFAULT false,
  -- Used for the waiting-time estimate until there are enough recent service times.
  default_service_minutes smallint NOT NULL CHECK (default_service_minutes BETWEEN 1 AND 240),
  PRIMARY KEY (office_id, code)
);
CREATE UNIQUE INDEX queue_groups_one_for_appointments ON queue_groups (office_id) WHERE for_appointments;

-- Counters ("Platz 3") and the groups they call by default.
CREATE TABLE queue_counters (
  office_id text NOT NULL REFERENCES queue_offices (office_id) ON DELETE CASCADE,
  number    smallint NOT NULL CHECK (number BETWEEN 1 AND 99),
  name      text NOT NULL,
  groups    text[] NOT NULL,
  -- Staffed today; the estimate divides by the active counters serving a group.
  active    boolean NOT NULL DEFAULT true,
  PRIMARY KEY (office_id, number)
);

CREATE TABLE queue_tickets (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  office_id      text NOT NULL,
  group_code     text NOT NULL,
  -- Numbers start at 1 per group and day (Europe/Berlin); "A-042" is (A, 42) on service_day.
  service_day    date NOT NULL,
  seq            integer NOT NULL CHECK (seq BETWEEN 1 AND 9999),
  -- SHA-256 of the short code printed with the number; the "my number" view needs both.
  code_hash      text NOT NULL,
  status         text NOT NULL CHECK (status IN ('waiting', 'called', 'serving', 'done', 'no_show')),
  issued_at      timestamptz NOT NULL,
  -- Order within the group: issued_at, or for an appointment check-in the appointment's start.
  sort_at        timestamptz NOT NULL,
  appointment_id uuid UNIQUE REFERENCES appointments (id) ON DELETE SET NULL,
  counter        smallint,
  called_at      timestamptz,
  serving_at     timestamptz,
  finished_at    timestamptz,
  call_count     smallint NOT NULL DEFAULT 0,
  FOREIGN KEY (office_id, group_code) REFERENCES queue_groups (office_id, code) ON DELETE CASCADE,
  UNIQUE (office_id, service_day, group_code, seq),
  CHECK ((status = 'waiting') = (called_at IS NULL) OR status = 'no_show')
);
-- "Call next": the waiting tickets of a day in the order they are called.
CREATE INDEX queue_tickets_waiting ON queue_tickets (office_id, service_day, group_code, sort_at, id) WHERE status = 'waiting';
-- What a counter is doing now.
CREATE INDEX queue_tickets_at_counter ON queue_tickets (office_id, counter) WHERE status IN ('called', 'serving');
-- Recent service times for the estimate.
CREATE INDEX queue_tickets_done ON queue_tickets (office_id, group_code, finished_at) WHERE status = 'done';

-- Every call and recall, as the display shows them; `version` is the queue's version after it.
CREATE TABLE queue_calls (
  id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  office_id text NOT NULL REFERENCES queue_offices (office_id) ON DELETE CASCADE,
  ticket_id bigint NOT NULL REFERENCES queue_tickets (id) ON DELETE CASCADE,
  counter   smallint NOT NULL,
  called_at timestamptz NOT NULL,
  recall    boolean NOT NULL,
  version   bigint NOT NULL
);
CREATE INDEX queue_calls_recent ON queue_calls (office_id, id);
