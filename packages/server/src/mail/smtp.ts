import nodemailer from 'nodemailer';
import type { MailMessage } from './mailer.js';

/** SMTP delivery through nodemailer; the URL carries host, port, TLS and credentials. */
export function createSmtpTransport(smtpUrl: string, from: string): (message: MailMessage) => Promise<void> {
  const transport = nodemailer.createTransport(smtpUrl);
  return async ({ to, subject, text, html }) => {
    await transport.sendMail({ from, to, subject, text, ...(html === undefined ? {} : { html }) });
  };
}
