-- Transactional outbox: a mail is a row written in the same transaction as the action that
-- causes it; a worker in every instance claims due rows (FOR UPDATE SKIP LOCKED plus a lease),
-- sends them and records the outcome. The development viewer (/dev/outbox) reads this table,
-- so the old development-only table goes.
DROP TABLE outbox;

CREATE TABLE mail_queue (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  created_at      timestamptz NOT NULL,
  recipient       text NOT NULL,
  subject         text NOT NULL,
  text_body       text NOT NULL,
  html_body       text,
  attempts        integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  -- A claimed row is someone's until then; a crashed sender's claim simply runs out.
  locked_until    timestamptz,
  sent_at         timestamptz,
  dead_at         timestamptz,
  -- An error code (ECONNREFUSED, 550, …), never the server's text: it may quote the address.
  last_error      text
);
CREATE INDEX mail_queue_due ON mail_queue (next_attempt_at) WHERE sent_at IS NULL AND dead_at IS NULL;
CREATE INDEX mail_queue_by_created_at ON mail_queue (created_at);
