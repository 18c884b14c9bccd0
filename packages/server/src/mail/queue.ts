/**
 * The mail queue (transactional outbox). Actions enqueue their mails inside their own
 * transaction, so a mail exists exactly when the action committed; the worker (worker.ts)
 * delivers them later. Nothing here talks to a mail server.
 */
import type { Queryable } from '../db/database.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/** Queues messages with `tx` (the caller's transaction); one statement however many. */
export async function enqueueMail(tx: Queryable, messages: MailMessage | readonly MailMessage[], now: Date): Promise<void> {
  const list = Array.isArray(messages) ? messages : [messages as MailMessage];
  if (list.length === 0) return;
  await tx.query(
    `INSERT INTO mail_queue (created_at, next_attempt_at, recipient, subject, text_body, html_body)
     SELECT $1, $1, m.recipient, m.subject, m.text_body, m.html_body
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS m (recipient, subject, text_body, html_body)`,
    [now, list.map((m) => m.to), list.map((m) => m.subject), list.map((m) => m.text), list.map((m) => m.html ?? null)],
  );
}

export interface ClaimedMail extends MailMessage {
  id: string;
  /** Including this one. */
  attempts: number;
}

/**
 * Claims up to `limit` due messages until `leaseUntil`. SKIP LOCKED lets instances claim side
 * by side without waiting; the lease keeps a claimed row away from everyone else after the
 * claiming transaction committed, and hands it back if the sender dies mid-send.
 */
export async function claimDueMail(db: Queryable, now: Date, leaseUntil: Date, limit: number): Promise<ClaimedMail[]> {
  const rows = await db.query<{ id: string; recipient: string; subject: string; text_body: string; html_body: string | null; attempts: number }>(
    `UPDATE mail_queue q SET attempts = q.attempts + 1, locked_until = $2
       FROM (SELECT id FROM mail_queue
              WHERE sent_at IS NULL AND dead_at IS NULL AND next_attempt_at <= $1 AND (locked_until IS NULL OR locked_until <= $1)
              ORDER BY next_attempt_at, id
              LIMIT $3
              FOR UPDATE SKIP LOCKED) due
      WHERE q.id = due.id
      RETURNING q.id::text AS id, q.recipient, q.subject, q.text_body, q.html_body, q.attempts`,
    [now, leaseUntil, limit],
  );
  return rows.map((row) => ({
    id: row.id,
    to: row.recipient,
    subject: row.subject,
    text: row.text_body,
    ...(row.html_body === null ? {} : { html: row.html_body }),
    attempts: row.attempts,
  }));
}

/** `keep`: leave the sent message readable (development outbox); otherwise it goes at once. */
export async function markMailSent(db: Queryable, id: string, now: Date, keep: boolean): Promise<void> {
  if (keep) await db.query('UPDATE mail_queue SET sent_at = $2, locked_until = NULL, last_error = NULL WHERE id = $1', [id, now]);
  else await db.query('DELETE FROM mail_queue WHERE id = $1', [id]);
}

export async function markMailFailed(db: Queryable, id: string, outcome: { error: string; retryAt?: Date; deadAt?: Date }): Promise<void> {
  await db.query(
    `UPDATE mail_queue SET locked_until = NULL, last_error = $2, next_attempt_at = COALESCE($3, next_attempt_at), dead_at = $4
      WHERE id = $1`,
    [id, outcome.error, outcome.retryAt ?? null, outcome.deadAt ?? null],
  );
}

/** Every message goes `retentionDays` after it was queued, whatever became of it. */
export async function purgeMailQueue(db: Queryable, now: Date, retentionDays: number): Promise<void> {
  await db.query('DELETE FROM mail_queue WHERE created_at < $1', [new Date(now.getTime() - retentionDays * 86_400_000)]);
}

export type MailStatus = 'queued' | 'sent' | 'failed';

export interface QueuedMailEntry {
  id: string;
  createdAt: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  status: MailStatus;
  attempts: number;
}

/** Newest first; `to` narrows to one recipient (what an end-to-end test waits for). */
export async function listMailQueue(db: Queryable, filter: { to?: string | undefined; limit: number }): Promise<QueuedMailEntry[]> {
  const rows = await db.query<{
    id: string;
    created_at: Date;
    recipient: string;
    subject: string;
    text_body: string;
    html_body: string | null;
    sent_at: Date | null;
    dead_at: Date | null;
    attempts: number;
  }>(
    `SELECT id::text AS id, created_at, recipient, subject, text_body, html_body, sent_at, dead_at, attempts
       FROM mail_queue
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
    status: row.sent_at ? 'sent' : row.dead_at ? 'failed' : 'queued',
    attempts: row.attempts,
  }));
}
