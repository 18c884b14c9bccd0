/**
 * Prometheus metrics at /metrics (prom-client), only with METRICS_API_KEY set and only with it
 * as Bearer key: request counts and latencies by route pattern (never a URL, so no personal data),
 * appointments by status and the mail queue, read from the database at each scrape, so every
 * instance reports the same totals there, and the process's own metrics. One registry per app.
 */
import type { Handler, MiddlewareHandler } from 'hono';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Database } from '../db/database.js';
import type { AppEnv } from './app-env.js';
import { requireApiKey } from './api-key.js';
import { routePattern } from './route-pattern.js';

export const METRICS_PATH = '/metrics';

/**
 * `count` measures every request (register it first, so it sees them all); `serve` answers
 * /metrics (register it behind the rate limiter, so guesses at the key are throttled too).
 */
export function createMetrics(db: Database, apiKey: string): { count: MiddlewareHandler<AppEnv>; serve: Handler<AppEnv> } {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'muni_' });
  const requests = new Counter({
    name: 'muni_http_requests_total',
    help: 'HTTP requests by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'muni_http_request_duration_seconds',
    help: 'Time to the response headers, by method and route pattern',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  new Gauge({
    name: 'muni_appointments',
    help: 'Appointments in the database by status (pending: booked, not yet confirmed by mail)',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const rows = await db.query<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM appointments GROUP BY status');
      for (const status of ['pending', 'confirmed', 'cancelled']) this.set({ status }, rows.find((row) => row.status === status)?.n ?? 0);
    },
  });
  new Gauge({
    name: 'muni_mail_queue',
    help: 'Mails waiting to be sent (queued) and given up (dead)',
    labelNames: ['state'] as const,
    registers: [registry],
    async collect() {
      const [row] = await db.query<{ queued: number; dead: number }>(
        `SELECT count(*) FILTER (WHERE sent_at IS NULL AND dead_at IS NULL)::int AS queued, count(*) FILTER (WHERE dead_at IS NOT NULL)::int AS dead FROM mail_queue`,
      );
      this.set({ state: 'queued' }, row!.queued);
      this.set({ state: 'dead' }, row!.dead);
    },
  });

  const serve: Handler<AppEnv> = async (c) => {
    requireApiKey(c, { keys: [apiKey], realm: 'metrics', missing: 'Metriken sind nicht eingerichtet.', unauthorized: 'Für die Metriken fehlt der Schlüssel.' });
    return c.body(await registry.metrics(), 200, { 'Content-Type': registry.contentType, 'Cache-Control': 'no-store' });
  };

  const count: MiddlewareHandler<AppEnv> = async (c, next) => {
    const started = performance.now();
    await next();
    const route = routePattern(c) ?? 'unmatched';
    requests.inc({ method: c.req.method, route, status: String(c.res.status) });
    duration.observe({ method: c.req.method, route }, (performance.now() - started) / 1000);
  };
  return { count, serve };
}
