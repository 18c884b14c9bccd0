-- How often a hold may be extended is now APPOINTMENT_HOLD_EXTENSIONS (default 10, as WCAG 2.2.1
-- asks), one setting for every office; the per-office column (default 2) would contradict it.
ALTER TABLE appointment_calendars DROP COLUMN max_hold_extensions;
