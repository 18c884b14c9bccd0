-- Payments for <muni-payment-button>: the widget API keeps its own record of each payment and
-- asks the payment platform (XBezahldienste / ePayBL, or the built-in sandbox) for the status.
-- No personal data: amount, purpose, Kassenzeichen and the platform's identifiers only.
CREATE TABLE payments (
  id                    uuid PRIMARY KEY,
  -- The client's Idempotency-Key: one payment per key, whatever reaches the server how often.
  idempotency_key       text NOT NULL UNIQUE,
  -- SHA-256 of the create request; the same key with another request is a conflict.
  request_hash          text NOT NULL,
  -- Sent to the platform as requestId (<= 36 characters); a retry re-uses it, so the platform
  -- can recognise the repetition instead of opening a second transaction.
  request_id            text NOT NULL UNIQUE CHECK (char_length(request_id) BETWEEN 1 AND 36),
  -- creating: row exists, the platform has not (knowingly) opened a transaction yet.
  status                text NOT NULL CHECK (status IN ('creating', 'redirect', 'paid', 'failed', 'cancelled', 'expired')),
  amount_cents          integer NOT NULL CHECK (amount_cents BETWEEN 1 AND 1000000),
  currency              text NOT NULL CHECK (currency = 'EUR'),
  purpose               text NOT NULL,
  reference             text NOT NULL,
  description           text,
  return_url            text NOT NULL,
  transaction_id        text,
  pay_url               text,
  transaction_reference text,
  payment_method        text,
  payment_method_detail text,
  paid_at               timestamptz,
  created_at            timestamptz NOT NULL,
  updated_at            timestamptz NOT NULL
);
-- "The tab was closed": payments are looked up by Kassenzeichen.
CREATE INDEX payments_by_reference ON payments (reference, created_at);

-- Every status a payment went through, with what the platform said.
CREATE TABLE payment_events (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  payment_id      uuid NOT NULL REFERENCES payments (id) ON DELETE CASCADE,
  status          text NOT NULL,
  platform_status text,
  detail          text,
  created_at      timestamptz NOT NULL
);
CREATE INDEX payment_events_by_payment ON payment_events (payment_id, id);

-- The sandbox payment platform built into the reference server: a separate "platform" with
-- its own table, reached only over its HTTP interface (never through the payments table).
CREATE TABLE sandbox_transactions (
  transaction_id        text PRIMARY KEY,
  originator_id         text NOT NULL,
  endpoint_id           text NOT NULL,
  request_id            text NOT NULL,
  request               jsonb NOT NULL,
  status                text NOT NULL CHECK (status IN ('INITIAL', 'PAYED', 'FAILED', 'CANCELED')),
  payment_method        text,
  payment_method_detail text,
  transaction_reference text,
  created_at            timestamptz NOT NULL,
  updated_at            timestamptz NOT NULL,
  -- A repeated requestId answers with the transaction already opened for it.
  UNIQUE (originator_id, endpoint_id, request_id)
);
