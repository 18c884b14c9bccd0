import nodemailer from 'nodemailer';
import type { MailMessage } from './queue.js';

/** Upper bounds for one delivery, so a hanging server cannot outlast a claim's lease. */
export const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 } as const;

/** SMTP delivery through nodemailer; the URL carries host, port, TLS and credentials. */
export function createSmtpTransport(smtpUrl: string, from: string): (message: MailMessage) => Promise<void> {
  const url = new URL(smtpUrl);
  const transport = nodemailer.createTransport({
    host: url.hostname,
    ...(url.port ? { port: Number(url.port) } : {}),
    secure: url.protocol === 'smtps:',
    ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
    ...SMTP_TIMEOUTS,
  });
  return async ({ to, subject, text, html }) => {
    await transport.sendMail({ from, to, subject, text, ...(html === undefined ? {} : { html }) });
  };
}
