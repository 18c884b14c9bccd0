-- Booked appointments with double opt-in: a booking starts pending (activation link sent by
-- e-mail), becomes confirmed when the link is followed, and may be cancelled or moved with the
-- management link. The slot stays claimed through the reservation the appointment points to.
-- Tokens are stored only as SHA-256 hashes; the management token is also kept sealed with a key
-- derived from the activation token, so following the activation link twice shows it again.
CREATE TABLE appointments (
  id                    uuid PRIMARY KEY,
  status                text NOT NULL CHECK (status IN ('pending', 'confirmed', 'cancelled')),
  office_id             text NOT NULL REFERENCES appointment_calendars (office_id) ON DELETE CASCADE,
  -- The reservation whose claims hold the slot; NULL once cancelled.
  reservation_id        uuid UNIQUE REFERENCES appointment_reservations (id) ON DELETE SET NULL,
  starts_at             timestamptz NOT NULL,
  ends_at               timestamptz NOT NULL,
  services              jsonb NOT NULL,
  -- Personal data, set to NULL APPOINTMENT_RETENTION_DAYS after the appointment.
  contact               jsonb,
  fields                jsonb,
  return_url            text NOT NULL,
  activation_token_hash text NOT NULL UNIQUE,
  activation_expires_at timestamptz NOT NULL,
  management_token_hash text UNIQUE,
  management_token_sealed text,
  created_at            timestamptz NOT NULL,
  confirmed_at          timestamptz,
  cancelled_at          timestamptz,
  CHECK (starts_at < ends_at)
);
CREATE INDEX appointments_by_end ON appointments (ends_at);

-- The reservation behind a confirmed appointment holds its slot for good: no expiry.
ALTER TABLE appointment_reservations ALTER COLUMN expires_at DROP NOT NULL;
