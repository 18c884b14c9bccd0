/**
 * Starts a complete server: open the database, migrate, in development mode seed empty tables
 * with the demo town, listen. Used by the
 * CLI (main.ts), by the repository's start script (with static mounts) and by tests (port 0).
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp, type App } from './app.js';
import { loadConfig, type Config } from './config.js';
import type { Database } from './db/database.js';
import { migrate } from './db/migrate.js';
import { openDatabase } from './db/open.js';
import type { StaticMount } from './http/static-files.js';
import { createJsonLogger, type Logger } from './logger.js';
import { MailWorker } from './mail/worker.js';
import { inProcessQueueEvents, postgresQueueEvents, type QueueEvents } from './queue/events.js';
import { seed } from './seed/seed.js';
import { systemClock, type Clock } from './time.js';

export interface StartServerOptions {
  /** Defaults to `loadConfig()` from the environment. */
  config?: Config;
  staticMounts?: readonly StaticMount[];
  logger?: Logger;
  clock?: Clock;
}

export interface RunningServer {
  /** Base URL with the actual port, e.g. http://127.0.0.1:41234. */
  url: string;
  port: number;
  app: App;
  db: Database;
  /** Stops accepting connections, lets in-flight requests finish, then closes the database. */
  close(): Promise<void>;
}

export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const config = options.config ?? loadConfig();
  const logger = options.logger ?? createJsonLogger({ level: config.logLevel });
  if (config.devMode) {
    logger.warn('DEVELOPMENT MODE (MUNI_DEV_MODE=on): demo data, published API keys, mail outbox and payment sandbox are on; never use it in production');
  }
  const db = await openDatabase(config.database, logger);
  let app: App;
  let server: Server;
  let queueEvents: QueueEvents | undefined;
  // Set once listening: the payment client reaches the built-in sandbox over real HTTP.
  let selfUrl: string | undefined;
  try {
    const migrated = await migrate(db);
    // Musterstadt is fiction: a city's database holds its own offices and services.
    const seeded = config.devMode ? await seed(db, options.clock ? { clock: options.clock } : {}) : [];
    logger.info('database ready', { db: db.kind, migrated, seeded });
    // Calls reach the SSE clients of every instance: LISTEN/NOTIFY on PostgreSQL.
    queueEvents =
      config.database.kind === 'postgres' ? await postgresQueueEvents({ url: config.database.url, db, logger }) : inProcessQueueEvents(logger);
    app = createApp({
      queueEvents,
      config,
      db,
      logger,
      selfUrl: () => selfUrl,
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.staticMounts ? { staticMounts: options.staticMounts } : {}),
    });
    server = await listen(app, config);
  } catch (error) {
    await queueEvents?.close();
    await db.close();
    throw error;
  }

  // Mails queued by any instance (or before a restart) go out from here too.
  const mailWorker = new MailWorker({ config: config.mail, db, logger, clock: options.clock ?? systemClock });
  mailWorker.start();

  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  selfUrl = `http://${loopbackFor(config.host)}:${port}`;
  logger.info('server listening', { url });

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      const stopped = new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
      // Live streams never end by themselves: close them so their connections can go.
      await queueEvents!.close();
      // close() drops idle keep-alive connections only once; a connection whose request ends
      // later would linger until the client's keep-alive timeout, so keep sweeping.
      const sweep = setInterval(() => server.closeIdleConnections(), 50).unref();
      // Requests still running after the grace period are cut off rather than blocking shutdown.
      const deadline = setTimeout(() => server.closeAllConnections(), config.shutdownTimeoutMs).unref();
      try {
        await stopped;
      } finally {
        clearInterval(sweep);
        clearTimeout(deadline);
      }
      await mailWorker.stop();
      await db.close();
      logger.info('server stopped');
    })());

  return { url, port, app, db, close };
}

/** A wildcard address is not one to connect to: the server reaches itself over loopback then. */
function loopbackFor(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::' || host === '[::]') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

function listen(app: App, config: Config): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }) as Server;
    server.once('listening', () => {
      server.off('error', reject);
      resolve(server);
    });
    server.once('error', reject);
  });
}
