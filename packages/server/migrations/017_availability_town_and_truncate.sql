-- The town profile's Land decides which public holidays close the offices
-- (src/holidays/town-state.ts): an import that changes it must make every server compute its
-- months afresh, as a change of an office does. A TRUNCATE of the slot claims fires no row
-- trigger, so it counts as a change of everything too.
CREATE TRIGGER town_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON town
  FOR EACH STATEMENT EXECUTE FUNCTION availability_catalogue_changed();

CREATE TRIGGER slot_claims_truncated AFTER TRUNCATE ON slot_claims
  FOR EACH STATEMENT EXECUTE FUNCTION availability_catalogue_changed();
