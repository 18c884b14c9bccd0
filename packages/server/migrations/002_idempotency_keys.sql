-- Responses of creating requests (bookings, payments) stored under the client's
-- Idempotency-Key, so a retried request gets the first answer instead of running twice.
-- The primary key is what makes this hold across server instances.

CREATE TABLE idempotency_keys (
  key              text PRIMARY KEY,
  method           text NOT NULL,
  route            text NOT NULL,
  -- SHA-256 of method, path and body: the same key with a different request is a conflict.
  request_hash     text NOT NULL,
  state            text NOT NULL CHECK (state IN ('processing', 'completed')),
  response_status  smallint,
  response_headers jsonb,
  response_body    text,
  created_at       timestamptz NOT NULL,
  CHECK ((state = 'completed') = (response_status IS NOT NULL))
);
-- Expired keys are purged by age.
CREATE INDEX idempotency_keys_by_created_at ON idempotency_keys (created_at);
