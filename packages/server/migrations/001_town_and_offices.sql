-- The town profile and its offices: the shared facts every widget shows
-- (addresses, contact details, accessibility, opening hours and their exceptions).

CREATE TABLE town (
  -- One server serves one town; the constant key allows exactly one row.
  id             smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  name           text NOT NULL,
  official_name  text NOT NULL,
  state          text NOT NULL,
  state_code     text NOT NULL CHECK (state_code ~ '^DE-[A-Z]{2}$'),
  time_zone      text NOT NULL,
  town_hall_name text NOT NULL,
  street         text NOT NULL,
  postal_code    text NOT NULL CHECK (postal_code ~ '^[0-9]{5}$'),
  city           text NOT NULL,
  phone          text NOT NULL,
  email          text NOT NULL,
  website        text NOT NULL
);

CREATE TABLE offices (
  -- Stable slug: widgets and host pages reference offices by it (office="buergerbuero").
  id                  text PRIMARY KEY CHECK (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name                text NOT NULL,
  description         text NOT NULL,
  sort_order          integer NOT NULL,
  building            text NOT NULL,
  street              text NOT NULL,
  postal_code         text NOT NULL CHECK (postal_code ~ '^[0-9]{5}$'),
  city                text NOT NULL,
  room                text,
  phone               text NOT NULL,
  email               text NOT NULL,
  step_free_access    boolean NOT NULL,
  accessible_toilet   boolean NOT NULL,
  induction_loop      boolean NOT NULL,
  accessible_parking  boolean NOT NULL,
  accessibility_notes text NOT NULL DEFAULT ''
);

-- Regular weekly hours; a day may have several intervals (8-12 and 14-16).
CREATE TABLE office_opening_hours (
  office_id text NOT NULL REFERENCES offices (id) ON DELETE CASCADE,
  weekday   smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7), -- ISO 8601: 1 = Monday
  opens     time NOT NULL,
  closes    time NOT NULL,
  CHECK (opens < closes),
  PRIMARY KEY (office_id, weekday, opens)
);

-- Days that differ from the weekly hours: closed (no hours rows) or special hours.
CREATE TABLE office_exceptions (
  id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  office_id text NOT NULL REFERENCES offices (id) ON DELETE CASCADE,
  starts_on date NOT NULL,
  ends_on   date NOT NULL,
  reason    text NOT NULL,
  CHECK (starts_on <= ends_on)
);
CREATE INDEX office_exceptions_by_office_and_end ON office_exceptions (office_id, ends_on);

CREATE TABLE office_exception_hours (
  exception_id bigint NOT NULL REFERENCES office_exceptions (id) ON DELETE CASCADE,
  opens        time NOT NULL,
  closes       time NOT NULL,
  CHECK (opens < closes),
  PRIMARY KEY (exception_id, opens)
);
