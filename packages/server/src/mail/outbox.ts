/**
 * The development outbox table: every message the server sends, kept for a few days so
 * developers and end-to-end tests can read mails without a mail server.
 */
import type { Queryable } from '../db/database.js';
import type { MailMessage } from './mailer.js';

export interface OutboxEntry {
  id: string;
  createdAt: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
}

/**
 * Deletes messages older than the retention. Runs with every write and read instead of on a
 * timer: no background work, and nothing expired is ever shown.
 */
export async function purgeOutbox(db: Queryable, now: Date, retentionDays: number): Promise<void> {
  await db.query('DELETE FROM outbox WHERE created_at < $1', [new Date(now.getTime() - retentionDays * 86_400_000)]);
}

export async function recordInOutbox(db: Queryable, message: MailMessage, now: Date, retentionDays: number): Promise<void> {
  await purgeOutbox(db, now, retentionDays);
  await db.query('INSERT INTO outbox (created_at, recipient, subject, text_body, html_body) VALUES ($1, $2, $3, $4, $5)', [
    now,
    message.to,
    message.subject,
    message.text,
    message.html ?? null,
  ]);
}

/** Newest first; `to` narrows to one recipient (what an end-to-end test waits for). */
export async function listOutbox(db: Queryable, filter: { to?: string | undefined; limit: number }): Promise<OutboxEntry[]> {
  const rows = await db.query<{
    id: string;
    created_at: Date;
    recipient: string;
    subject: string;
    text_body: string;
    html_body: string | null;
  }>(
    `SELECT id::text AS id, created_at, recipient, subject, text_body, html_body
       FROM outbox
      WHERE $1::text IS NULL OR lower(recipient) = lower($1)
      ORDER BY created_at DESC, id DESC
      LIMIT $2`,
    [filter.to ?? null, filter.limit],
  );
  return rows.map((row) => ({
    id: row.id,
    createdAt: row.created_at.toISOString(),
    to: row.recipient,
    subject: row.subject,
    text: row.text_body,
    html: row.html_body,
  }));
}
