-- Service catalogue (<muni-service-finder>): what a citizen can get done at the town, what it
-- takes, which offices handle it and where to apply online or book an appointment.

-- Life situations ("Lebenslagen") that group the services.
CREATE TABLE service_categories (
  id         text PRIMARY KEY CHECK (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name       text NOT NULL,
  sort_order integer NOT NULL
);

CREATE TABLE services (
  -- Stable slug; 'categories' is a path of its own (/services/categories).
  id                     text PRIMARY KEY CHECK (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND id <> 'categories'),
  -- Key in the Leistungskatalog (LeiKa) of the German public administration.
  leika                  text NOT NULL CHECK (leika ~ '^[0-9]{14}$'),
  name                   text NOT NULL,
  short_description      text NOT NULL,
  -- Plain text, paragraphs separated by blank lines; widgets treat it as untrusted.
  description            text NOT NULL,
  category_id            text NOT NULL REFERENCES service_categories (id),
  sort_order             integer NOT NULL,
  -- Everyday words citizens search for: ["Perso", "Ausweis"].
  synonyms               jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(synonyms) = 'array'),
  prerequisites          jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(prerequisites) = 'array'),
  required_documents     jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(required_documents) = 'array'),
  -- [{ label, amountCents? | minCents? + maxCents? }]; no amount: the label says it (e.g. "nach Aufwand").
  fees                   jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(fees) = 'array'),
  processing_time        text,
  legal_basis            text,
  -- [{ title, url }]
  forms                  jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(forms) = 'array'),
  online_service_url     text CHECK (online_service_url ~ '^https://'),
  appointment_service_id text REFERENCES appointment_services (id) ON DELETE SET NULL,
  last_updated           date NOT NULL
);
CREATE INDEX services_by_category ON services (category_id);
CREATE INDEX services_by_leika ON services (leika);

-- Offices responsible for a service, in the order they are shown; the first is the main one.
CREATE TABLE service_offices (
  service_id text NOT NULL REFERENCES services (id) ON DELETE CASCADE,
  office_id  text NOT NULL REFERENCES offices (id) ON DELETE CASCADE,
  sort_order smallint NOT NULL,
  PRIMARY KEY (service_id, office_id)
);
CREATE INDEX service_offices_by_office ON service_offices (office_id);
