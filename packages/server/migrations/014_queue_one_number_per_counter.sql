-- A counter calls or serves one number at a time. "Call next" and "recall" lock the counter's
-- row, so two clicks at one desk run one after the other; this index makes it a guarantee that
-- no code path can break. It replaces queue_tickets_at_counter for the same lookups.
--
-- Before, a double-click through two instances could leave several numbers called at one desk.
-- All but the last one called there were displaced without being served: they become no-shows
-- (as of the moment the desk moved on), which keeps them out of the service-time estimate.
UPDATE queue_tickets t
   SET status = 'no_show', finished_at = newer.called_at
  FROM queue_tickets newer
 WHERE t.status IN ('called', 'serving') AND newer.status IN ('called', 'serving')
   AND newer.office_id = t.office_id AND newer.service_day = t.service_day AND newer.counter = t.counter
   AND (newer.called_at, newer.id) > (t.called_at, t.id)
   AND NOT EXISTS (
     SELECT 1 FROM queue_tickets newest
      WHERE newest.status IN ('called', 'serving')
        AND newest.office_id = t.office_id AND newest.service_day = t.service_day AND newest.counter = t.counter
        AND (newest.called_at, newest.id) > (newer.called_at, newer.id));

DROP INDEX queue_tickets_at_counter;
CREATE UNIQUE INDEX queue_tickets_one_per_counter ON queue_tickets (office_id, service_day, counter) WHERE status IN ('called', 'serving');
