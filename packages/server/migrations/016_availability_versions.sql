-- Change counters for cached availability (src/appointments/availability.ts). A server keeps a
-- month's free counts in memory and reuses them only while these counters are unchanged, so
-- every change, from any server process and from any statement (reserve, book, confirm, cancel,
-- extend, release, purge, an office editing its hours), makes every process compute afresh.
-- Bumped by triggers in the writing transaction: a reader never sees a new counter before the
-- data it stands for. Key 'catalogue' for offices, hours, calendars and services; the office id
-- for that office's slot claims. A missing row reads as 0.
CREATE TABLE availability_versions (
  key     text PRIMARY KEY,
  version bigint NOT NULL
);

CREATE FUNCTION bump_availability_version(version_key text) RETURNS void LANGUAGE sql AS $$
  INSERT INTO availability_versions (key, version) VALUES (version_key, 1)
  ON CONFLICT (key) DO UPDATE SET version = availability_versions.version + 1
$$;

CREATE FUNCTION slot_claims_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM bump_availability_version(OLD.office_id);
  ELSE
    PERFORM bump_availability_version(NEW.office_id);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER slot_claims_changed AFTER INSERT OR UPDATE OR DELETE ON slot_claims
  FOR EACH ROW EXECUTE FUNCTION slot_claims_changed();

CREATE FUNCTION availability_catalogue_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM bump_availability_version('catalogue');
  RETURN NULL;
END
$$;

DO $$
DECLARE
  catalogue_table text;
BEGIN
  FOREACH catalogue_table IN ARRAY ARRAY['offices', 'office_opening_hours', 'office_exceptions', 'office_exception_hours',
                                         'appointment_calendars', 'appointment_services', 'appointment_service_offices'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
                      FOR EACH STATEMENT EXECUTE FUNCTION availability_catalogue_changed()', catalogue_table || '_changed', catalogue_table);
  END LOOP;
END
$$;
