/**
 * Delivers the mail queue (queue.ts). Every server instance runs one worker; they share the
 * queue through the database.
 *
 * Delivery is at least once towards the mail server and never twice at the same time: a
 * message is claimed (row lock while claiming, then a lease) before it is sent, and marked
 * sent right after the server accepted it. Only a crash or a lost database connection between
 * "accepted" and "marked" sends a message again, after the lease ran out.
 *
 * Failures are retried with exponential backoff (RETRY_BASE_MS doubling, at most RETRY_CAP_MS);
 * after `maxAttempts`, or at once on a permanent SMTP rejection (5xx), a message is dead. Logs
 * carry the queue id and an error code, never an address or a subject.
 */
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { Logger } from '../logger.js';
import type { Clock } from '../time.js';
import { claimDueMail, markMailFailed, markMailSent, purgeMailQueue, type MailMessage } from './queue.js';
import { createSmtpTransport, SMTP_TIMEOUTS } from './smtp.js';

export const RETRY_BASE_MS = 30_000;
export const RETRY_CAP_MS = 60 * 60_000;
/** Longer than one delivery can take (see SMTP_TIMEOUTS). */
export const LEASE_MS = 2 * (SMTP_TIMEOUTS.connectionTimeout + SMTP_TIMEOUTS.greetingTimeout + SMTP_TIMEOUTS.socketTimeout);
const PURGE_EVERY_MS = 60 * 60_000;

export function retryDelayMs(attempts: number): number {
  return Math.min(RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1), RETRY_CAP_MS);
}

export type Deliver = (message: MailMessage) => Promise<void>;

/** SMTP_URL=off: a mail that will never be sent is personal data kept for nothing. */
const discard: Deliver = () => Promise.resolve();

export interface MailWorkerOptions {
  config: Config['mail'];
  db: Database;
  clock: Clock;
  logger: Logger;
  /** Defaults to SMTP when SMTP_URL is set, to discarding with SMTP_URL=off. */
  deliver?: Deliver;
}

export class MailWorker {
  private readonly deliver: Deliver | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = true;
  private halting = false;
  private lastPurge = 0;
  private reportedUndeliverable = false;

  constructor(private readonly options: MailWorkerOptions) {
    const { config } = options;
    this.deliver = options.deliver ?? (config.off ? discard : config.smtpUrl ? createSmtpTransport(config.smtpUrl, config.from) : undefined);
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.halting = false;
    this.schedule(0);
  }

  /** Stops polling and waits for the message being sent, so shutdown does not cut it off. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.halting = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Sends every due message once (tests call this directly; the timer calls it in a loop). */
  async runOnce(): Promise<{ sent: number; failed: number }> {
    const { db, clock, config, logger } = this.options;
    const result = { sent: 0, failed: 0 };
    if (clock().getTime() - this.lastPurge >= PURGE_EVERY_MS) {
      await purgeMailQueue(db, clock(), config.outboxRetentionDays);
      this.lastPurge = clock().getTime();
    }
    const deliver = this.deliver;
    if (!deliver && !config.devOutbox) {
      // Production without SMTP_URL: mails stay queued (and go after the retention) until it is set.
      const [waiting] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM mail_queue WHERE sent_at IS NULL AND dead_at IS NULL');
      if (waiting!.n > 0 && !this.reportedUndeliverable) {
        logger.error('mail undeliverable: SMTP_URL is not set', { queued: waiting!.n });
        this.reportedUndeliverable = true;
      }
      return result;
    }
    for (;;) {
      if (this.halting) break;
      const now = clock();
      const [message] = await claimDueMail(db, now, new Date(now.getTime() + LEASE_MS), 1);
      if (!message) break;
      try {
        // Without SMTP (development) the queue row itself is the delivery: /dev/outbox shows it.
        if (deliver) await deliver(message);
        await markMailSent(db, message.id, clock(), config.devOutbox);
        result.sent++;
      } catch (error) {
        result.failed++;
        const code = errorCode(error);
        const permanent = isPermanent(error);
        if (permanent || message.attempts >= config.maxAttempts) {
          await markMailFailed(db, message.id, { error: code, deadAt: clock() });
          logger.error('mail dead', { mailId: message.id, attempts: message.attempts, error: code });
        } else {
          const retryAt = new Date(clock().getTime() + retryDelayMs(message.attempts));
          await markMailFailed(db, message.id, { error: code, retryAt });
          logger.warn('mail delivery failed, will retry', { mailId: message.id, attempts: message.attempts, error: code });
        }
      }
    }
    if (result.sent > 0) logger.info('mail sent', { count: result.sent, transport: deliver ? 'smtp' : 'outbox' });
    return result;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.runOnce()
        .catch((error: unknown) => this.options.logger.error('mail worker failed', { error: errorCode(error) }))
        .finally(() => this.schedule(this.options.config.pollIntervalMs));
    }, delayMs);
    this.timer.unref();
  }
}

/** Codes only: SMTP replies and nodemailer messages often quote the recipient. */
function errorCode(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown';
  const { code, responseCode } = error as Error & { code?: unknown; responseCode?: unknown };
  return [typeof code === 'string' ? code : error.name, typeof responseCode === 'number' ? String(responseCode) : '']
    .filter(Boolean)
    .join(' ');
}

function isPermanent(error: unknown): boolean {
  const { responseCode } = error as { responseCode?: unknown };
  return typeof responseCode === 'number' && responseCode >= 500;
}
