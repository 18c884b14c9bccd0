-- Double opt-in for loss reports: a report counts (matching, mails, management) only once the
-- address confirmed it. Reports made before this stay active: their owners got a mail with a
-- link to delete them, and dropping them unasked would lose real searches.
ALTER TABLE loss_reports ADD COLUMN activated_at timestamptz;
UPDATE loss_reports SET activated_at = created_at;
CREATE INDEX loss_reports_pending ON loss_reports (expires_at) WHERE activated_at IS NULL;
