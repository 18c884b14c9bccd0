import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { HttpBindings } from '@hono/node-server';
import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../src/app.js';
import { MAX_TRACKED_CLIENTS, rateLimitClass, StreamCap, TokenBucketLimiter } from '../src/http/rate-limit.js';
import { json, testApp } from './support/app.js';
import { captureLogs } from './support/logs.js';
import { PGLITE_IN_MEMORY } from '../src/config.js';
import { migrate } from '../src/db/migrate.js';
import { openDatabase } from '../src/db/open.js';
import { silentLogger } from './support/logs.js';

// The holidays (the read these tests make) depend on the town profile's state: an empty, migrated store.
const db = await openDatabase({ kind: 'pglite', dataDir: PGLITE_IN_MEMORY }, silentLogger);
await migrate(db);
after(() => db.close());

const ALLOWED = 'https://www.musterstadt.example';
const HOLIDAYS = '/api/v1/holidays?from=2026-01-01&to=2026-01-31';

/** What app.request() passes as the Node bindings: a socket with a client address. */
function fromAddress(remoteAddress: string): Partial<HttpBindings> {
  return { incoming: { socket: { remoteAddress } } } as unknown as Partial<HttpBindings>;
}

describe('CORS', () => {
  const app = testApp(db, { env: { CORS_ORIGINS: `${ALLOWED},http://localhost:8000` } });

  it('reflects an allowed origin and varies on Origin', async () => {
    const response = await app.request(HOLIDAYS, { headers: { Origin: ALLOWED } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('Access-Control-Allow-Origin'), ALLOWED);
    assert.match(response.headers.get('Vary') ?? '', /Origin/);
    assert.match(response.headers.get('Access-Control-Expose-Headers') ?? '', /Retry-After/);
    assert.equal(response.headers.get('Access-Control-Allow-Credentials'), null);
  });

  it('gives other origins nothing to read', async () => {
    const response = await app.request(HOLIDAYS, { headers: { Origin: 'https://evil.example' } });
    assert.equal(response.headers.get('Access-Control-Allow-Origin'), null);
    assert.match(response.headers.get('Vary') ?? '', /Origin/);
  });

  it('answers preflights with the allowed methods and headers', async () => {
    const response = await app.request('/api/v1/offices', {
      method: 'OPTIONS',
      headers: {
        Origin: ALLOWED,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type, idempotency-key',
      },
    });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('Access-Control-Allow-Origin'), ALLOWED);
    assert.match(response.headers.get('Access-Control-Allow-Methods') ?? '', /POST/);
    const allowed = (response.headers.get('Access-Control-Allow-Headers') ?? '').toLowerCase();
    for (const header of ['idempotency-key', 'content-type', 'accept-language', 'reservation-secret']) {
      assert.ok(allowed.includes(header), header);
    }

    const denied = await app.request('/api/v1/offices', {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
    });
    assert.equal(denied.headers.get('Access-Control-Allow-Origin'), null);
  });

  it('also on error responses, so widgets can read the problem', async () => {
    const response = await app.request('/api/v1/holidays', { headers: { Origin: ALLOWED } });
    assert.equal(response.status, 400);
    assert.equal(response.headers.get('Access-Control-Allow-Origin'), ALLOWED);
  });
});

describe('rate limiting', () => {
  const env = {
    RATE_LIMIT_ENABLED: 'true',
    RATE_LIMIT_READ_BURST: '3',
    RATE_LIMIT_READ_PER_MINUTE: '60',
    RATE_LIMIT_WRITE_BURST: '1',
    RATE_LIMIT_WRITE_PER_MINUTE: '6',
    CORS_ORIGINS: ALLOWED,
  };

  it('answers 429 with Retry-After once a client used its burst, per client', async () => {
    const app = testApp(db, { env });
    const client = fromAddress('198.51.100.1');
    for (let i = 0; i < 3; i++) assert.equal((await app.request(HOLIDAYS, {}, client)).status, 200);
    const limited = await app.request(HOLIDAYS, { headers: { Origin: ALLOWED } }, client);
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('Retry-After'), '1');
    assert.equal(limited.headers.get('Content-Type'), 'application/problem+json');
    assert.equal(limited.headers.get('Access-Control-Allow-Origin'), ALLOWED);
    assert.equal((await json(limited))['code'], 'rate_limited');

    assert.equal((await app.request(HOLIDAYS, {}, fromAddress('198.51.100.2'))).status, 200, 'another client is unaffected');
  });

  it('budgets writes separately from reads', async () => {
    const app = testApp(db, { env });
    const client = fromAddress('198.51.100.3');
    for (let i = 0; i < 3; i++) await app.request(HOLIDAYS, {}, client);
    assert.equal((await app.request(HOLIDAYS, {}, client)).status, 429);
    // The write group still has its token: the request gets through to routing (404 here).
    assert.equal((await app.request('/api/v1/anything', { method: 'POST' }, client)).status, 404);
    const limited = await app.request('/api/v1/anything', { method: 'POST' }, client);
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('Retry-After'), '10');
  });

  it('sorts requests into budget classes', () => {
    const cases: Array<[string, string, string]> = [
      ['GET', '/api/health', 'health'],
      ['GET', '/api/v1/queue/buergerbuero', 'read'],
      ['HEAD', '/api/v1/services/abc', 'read'],
      ['GET', '/api/v1/queue/buergerbuero/events', 'stream'],
      ['GET', '/api/v1/appointments/availability', 'search'],
      ['GET', '/api/v1/appointments/slots', 'search'],
      ['GET', '/api/v1/services/search', 'search'],
      ['GET', '/api/v1/found-items', 'search'],
      ['GET', '/api/v1/bot-challenge', 'search'],
      ['GET', '/api/openapi.json', 'search'],
      ['POST', '/api/v1/payments', 'write'],
      ['POST', '/sandbox/pay/abc', 'write'],
      ['GET', '/sandbox/pay/abc', 'page'],
      ['GET', '/dev/outbox', 'page'],
      ['GET', '/', 'static'],
      ['GET', '/cdn/muni-queue-status.js', 'static'],
    ];
    for (const [method, path, expected] of cases) assert.equal(rateLimitClass(method, path), expected, `${method} ${path}`);
  });

  it('gives health checks, searches and pages outside /api budgets of their own', async () => {
    const app = testApp(db, { env: { ...env, RATE_LIMIT_SEARCH_BURST: '1', RATE_LIMIT_PAGE_BURST: '2', RATE_LIMIT_PAGE_PER_MINUTE: '1', RATE_LIMIT_HEALTH_BURST: '2' } });
    const client = fromAddress('198.51.100.4');
    for (let i = 0; i < 3; i++) await app.request(HOLIDAYS, {}, client);
    assert.equal((await app.request(HOLIDAYS, {}, client)).status, 429, 'reads used up');
    assert.notEqual((await app.request('/api/health', {}, client)).status, 429, 'health is not a read');
    assert.notEqual((await app.request('/api/v1/bot-challenge', {}, client)).status, 429);
    assert.equal((await app.request('/api/v1/bot-challenge', {}, client)).status, 429, 'one search');
    for (let i = 0; i < 2; i++) assert.equal((await app.request('/dev/nothing', {}, client)).status, 404);
    const page = await app.request('/dev/nothing', {}, client);
    assert.equal(page.status, 429, 'pages outside /api are limited too');
    assert.equal(page.headers.get('Retry-After'), '60');
    assert.equal(page.headers.get('Content-Type'), 'application/problem+json');
  });

  it('caps open streams per client and frees a place when a stream ends', () => {
    const cap = new StreamCap(2);
    const first = cap.acquire('a')!;
    assert.ok(cap.acquire('a'));
    assert.equal(cap.acquire('a'), undefined);
    assert.ok(cap.acquire('b'), 'another client has its own places');
    first();
    first();
    assert.equal(cap.open('a'), 1, 'a release counts once');
    assert.ok(cap.acquire('a'));
  });

  it('trusts X-Forwarded-For only as far as configured', async () => {
    const proxied = testApp(db, { env: { ...env, TRUST_PROXY_HOPS: '1' } });
    const proxy = fromAddress('10.0.0.1');
    // Behind one proxy: the last entry is the client; a spoofed first entry does not help.
    for (let i = 0; i < 3; i++) {
      await proxied.request(HOLIDAYS, { headers: { 'X-Forwarded-For': `1.2.3.${i}, 203.0.113.9` } }, proxy);
    }
    const limited = await proxied.request(HOLIDAYS, { headers: { 'X-Forwarded-For': '203.0.113.9' } }, proxy);
    assert.equal(limited.status, 429);
    const other = await proxied.request(HOLIDAYS, { headers: { 'X-Forwarded-For': '203.0.113.10' } }, proxy);
    assert.equal(other.status, 200);
  });

  it('refills tokens over time', () => {
    let now = 0;
    const limiter = new TokenBucketLimiter({ burst: 2, perMinute: 30 }, () => now);
    assert.equal(limiter.take('a').allowed, true);
    assert.equal(limiter.take('a').allowed, true);
    assert.deepEqual(limiter.take('a'), { allowed: false, retryAfterSeconds: 2 });
    now += 2_000;
    assert.equal(limiter.take('a').allowed, true);
    assert.equal(limiter.take('a').allowed, false);
  });

  it('keeps memory bounded under many clients', () => {
    let now = 0;
    const limiter = new TokenBucketLimiter({ burst: 1, perMinute: 1 }, () => now);
    for (let i = 0; i < 2.5 * MAX_TRACKED_CLIENTS; i++) limiter.take(`client-${i}`);
    assert.ok(limiter.trackedClients <= MAX_TRACKED_CLIENTS);
    // The newest clients are still tracked, and still limited.
    assert.equal(limiter.take(`client-${2.5 * MAX_TRACKED_CLIENTS - 1}`).allowed, false);
  });
});

describe('request logs', () => {
  it('carry method, route pattern, status, duration and request id, and no personal data', async () => {
    const logs = captureLogs();
    const app: App = testApp(db, { logger: logs.logger, env: { RATE_LIMIT_ENABLED: 'true' } });
    app.openapi(
      createRoute({
        method: 'post',
        path: '/api/v1/test-activation/{token}',
        hide: true,
        request: {
          params: z.object({ token: z.string() }),
          body: { required: true, content: { 'application/json': { schema: z.object({ email: z.email() }) } } },
        },
        responses: { 204: { description: 'activated' } },
      }),
      (c) => c.body(null, 204),
    );
    const response = await app.request(
      '/api/v1/test-activation/tok_S3cr3tT0ken?email=erika.mustermann%40example.org&q=Fahrrad',
      {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Forwarded-For': '203.0.113.77',
          'User-Agent': 'Erikas Telefon',
          'X-Request-Id': 'req-42',
        },
        body: JSON.stringify({ email: 'erika.mustermann@example.org' }),
      },
      fromAddress('198.51.100.200'),
    );
    assert.equal(response.status, 204);
    await app.request('/api/v1/offices/nope%40example.org', {}, fromAddress('198.51.100.200'));

    const all = logs.lines.join('\n');
    const personal = ['erika', 'mustermann', 'example.org', '%40', 'S3cr3t', 'tok_', 'Fahrrad'];
    const client = ['203.0.113.77', '198.51.100.200', 'Telefon'];
    for (const secret of [...personal, ...client]) {
      assert.ok(!all.includes(secret), `log must not contain "${secret}"`);
    }
    const entry = logs.entries().find((e) => e['requestId'] === 'req-42');
    assert.deepEqual(
      { ...entry, time: undefined, durationMs: undefined },
      {
        requestId: 'req-42',
        method: 'POST',
        route: '/api/v1/test-activation/:token',
        status: 204,
        durationMs: undefined,
        time: undefined,
        level: 'info',
        msg: 'request',
      },
    );
    assert.equal(typeof entry?.['durationMs'], 'number');
  });

  it('are one JSON object per line, filtered by level', () => {
    const logs = captureLogs();
    logs.logger.debug('d', { a: 1 });
    logs.logger.error('e', { msg: 'cannot override', level: 'nope' });
    assert.deepEqual(
      logs.entries().map((e) => [e['level'], e['msg']]),
      [
        ['debug', 'd'],
        ['error', 'e'],
      ],
    );
  });
});
