-- Development outbox: every e-mail the server sends, readable at /dev/outbox, so flows such as
-- activation links can be followed without a mail server. Rows expire after a few days.

CREATE TABLE outbox (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  created_at timestamptz NOT NULL,
  recipient  text NOT NULL,
  subject    text NOT NULL,
  text_body  text NOT NULL,
  html_body  text
);
CREATE INDEX outbox_by_created_at ON outbox (created_at);
