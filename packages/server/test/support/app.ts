import { once } from 'node:events';
import { request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp, type App } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import type { Database } from '../../src/db/database.js';
import type { StaticMount } from '../../src/http/static-files.js';
import type { Logger } from '../../src/logger.js';
import type { Clock } from '../../src/time.js';
import { silentLogger } from './logs.js';

/** Configuration as a test needs it: development mode, in-memory store, quiet, no rate limit unless asked for. */
export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({ MUNI_DEV_MODE: 'on', PGLITE_DATA_DIR: 'memory://', LOG_LEVEL: 'silent', RATE_LIMIT_ENABLED: 'false', ...env });
}

export function testApp(
  db: Database,
  options: { env?: Record<string, string>; logger?: Logger; clock?: Clock; staticMounts?: StaticMount[] } = {},
): App {
  return createApp({
    config: testConfig(options.env),
    db,
    logger: options.logger ?? silentLogger,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.staticMounts ? { staticMounts: options.staticMounts } : {}),
  });
}

/** A clock tests can move. */
export function manualClock(start: string): Clock & { advance(ms: number): void } {
  let now = new Date(start).getTime();
  const clock = () => new Date(now);
  clock.advance = (ms: number) => {
    now += ms;
  };
  return clock;
}

export async function json<T = Record<string, unknown>>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

/** For tests of HTTP behaviour that never reaches the database. */
export const noDatabase: Database = {
  kind: 'pglite',
  query: () => Promise.reject(new Error('this test does not use the database')),
  exec: () => Promise.reject(new Error('this test does not use the database')),
  transaction: () => Promise.reject(new Error('this test does not use the database')),
  close: () => Promise.resolve(),
};

/** Serves `app` on a free port, for tests that need real sockets (raw paths, client addresses). */
export async function listen(app: App): Promise<{ url: string; close(): Promise<void> }> {
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }) as Server;
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/** A GET with the path sent exactly as given; fetch() would normalise `..` and encodings away. */
export function rawGet(url: string, path: string): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(url);
    const request = httpRequest({ hostname, port, path, method: 'GET' }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on('error', reject);
    request.end();
  });
}
