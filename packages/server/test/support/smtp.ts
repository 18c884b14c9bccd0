/**
 * A real SMTP server (the `smtp-server` package) on 127.0.0.1 that keeps every message it
 * accepted. It can be stopped and started again on the same port, as a mail server that is
 * down for a while.
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface TestSmtp {
  url: string;
  /** Raw messages (headers and body), in the order they were accepted. */
  messages: string[];
  stop(): Promise<void>;
  start(): Promise<void>;
}

export async function startSmtp(): Promise<TestSmtp> {
  const messages: string[] = [];
  let server: SMTPServer | undefined;
  let port = 0;
  const start = async () => {
    server = new SMTPServer({
      authOptional: true,
      // Plain SMTP on loopback: no certificate to set up, and nodemailer would otherwise upgrade.
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      // Stopping is "the server went down": open connections are cut, not waited for.
      closeTimeout: 100,
      disableReverseLookup: true,
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          messages.push(Buffer.concat(chunks).toString('utf8'));
          callback();
        });
      },
    });
    server.listen(port, '127.0.0.1');
    await once(server.server, 'listening');
    port = (server.server.address() as AddressInfo).port;
  };
  await start();
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    start,
    stop: () => new Promise<void>((resolve) => server!.close(() => resolve())),
  };
}
