/**
 * Outgoing e-mail. Routes depend on the `Mailer` interface only; which transports run is
 * configuration: the development outbox (a table, readable at /dev/outbox), SMTP, or both.
 */
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { Logger } from '../logger.js';
import type { Clock } from '../time.js';
import { recordInOutbox } from './outbox.js';
import { createSmtpTransport } from './smtp.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface Mailer {
  /** Resolves once every configured transport accepted the message; rejects otherwise. */
  send(message: MailMessage): Promise<void>;
}

export class MailNotConfiguredError extends Error {
  constructor() {
    super('No mail transport configured: set SMTP_URL (or MUNI_DEV_MODE=on for the development outbox)');
    this.name = 'MailNotConfiguredError';
  }
}

export function createMailer(options: { config: Config['mail']; db: Database; clock: Clock; logger: Logger }): Mailer {
  const { config, db, clock, logger } = options;
  const transports: Array<{ name: string; send: (message: MailMessage) => Promise<void> }> = [];
  if (config.devOutbox) {
    transports.push({
      name: 'outbox',
      send: (message) => recordInOutbox(db, message, clock(), config.outboxRetentionDays),
    });
  }
  if (config.smtpUrl) transports.push({ name: 'smtp', send: createSmtpTransport(config.smtpUrl, config.from) });

  return {
    async send(message) {
      // Failing loudly beats losing a citizen's confirmation mail without anyone noticing.
      if (transports.length === 0) throw new MailNotConfiguredError();
      for (const transport of transports) await transport.send(message);
      // Which transports, never the recipient or subject: both can identify a person.
      logger.info('mail sent', { transports: transports.map((t) => t.name) });
    },
  };
}
