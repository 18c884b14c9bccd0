import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { before, it } from 'node:test';
import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../src/app.js';
import type { Database } from '../src/db/database.js';
import { idempotency, IdempotencyKeyHeaders } from '../src/http/idempotency.js';
import type { Clock } from '../src/time.js';
import { json, manualClock, testApp } from './support/app.js';
import { describeForEachStore } from './support/stores.js';

/**
 * A creating route that exists only in this test: it counts how often its handler really ran
 * and takes a moment, so concurrent requests overlap.
 */
function appWithCreatingRoute(db: Database, clock: Clock, options: { delayMs?: number } = {}) {
  const app: App = testApp(db, { clock });
  const calls: string[] = [];
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/test-bookings',
      hide: true,
      middleware: [idempotency({ db, clock, ttlHours: 24 })] as const,
      request: {
        headers: IdempotencyKeyHeaders,
        body: { required: true, content: { 'application/json': { schema: z.object({ slot: z.string().min(1) }) } } },
      },
      responses: {
        201: {
          description: 'booked',
          content: { 'application/json': { schema: z.object({ booking: z.number(), slot: z.string() }) } },
        },
      },
    }),
    async (c) => {
      const { slot } = c.req.valid('json');
      calls.push(slot);
      if (options.delayMs) await sleep(options.delayMs);
      if (slot === 'explode') throw new Error('booking backend down');
      c.header('Location', `/api/v1/test-bookings/${calls.length}`);
      return c.json({ booking: calls.length, slot }, 201);
    },
  );
  const book = (key: string | undefined, slot: string) =>
    app.request('/api/v1/test-bookings', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(key ? { 'Idempotency-Key': key } : {}) },
      body: JSON.stringify({ slot }),
    });
  return { app, calls, book };
}

let counter = 0;
const newKey = () => `key-${process.pid}-${Date.now()}-${counter++}`;

describeForEachStore('idempotency', (store) => {
  let db: Database;
  before(async () => {
    db = await store.openReady();
  });

  it('replays the first response for a repeated key and body', async () => {
    const { calls, book } = appWithCreatingRoute(db, manualClock('2026-03-02T09:00:00Z'));
    const key = newKey();
    const first = await book(key, '2026-03-03T09:00');
    assert.equal(first.status, 201);
    assert.equal(first.headers.get('Idempotency-Replayed'), null);
    const again = await book(key, '2026-03-03T09:00');
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('Idempotency-Replayed'), 'true');
    assert.equal(again.headers.get('Location'), first.headers.get('Location'));
    assert.match(again.headers.get('Content-Type') ?? '', /application\/json/);
    assert.deepEqual(await again.json(), await first.json());
    assert.equal(calls.length, 1);
  });

  it('runs requests without a key every time', async () => {
    const { calls, book } = appWithCreatingRoute(db, manualClock('2026-03-02T09:00:00Z'));
    await book(undefined, 'a');
    await book(undefined, 'a');
    assert.equal(calls.length, 2);
  });

  it('rejects the same key with a different request as a conflict', async () => {
    const { book } = appWithCreatingRoute(db, manualClock('2026-03-02T09:00:00Z'));
    const key = newKey();
    assert.equal((await book(key, 'a')).status, 201);
    const conflict = await book(key, 'b');
    assert.equal(conflict.status, 422);
    assert.equal((await json(conflict))['code'], 'idempotency_conflict');
  });

  it('rejects malformed keys', async () => {
    const { calls, book } = appWithCreatingRoute(db, manualClock('2026-03-02T09:00:00Z'));
    for (const key of ['short', 'x'.repeat(129), 'has space in it', 'umlaut-ä-key']) {
      const response = await book(key, 'a');
      assert.equal(response.status, 400, key);
      const problem = await json<{ code: string; errors: Array<{ field: string }> }>(response);
      assert.equal(problem.code, 'validation');
      assert.equal(problem.errors[0]?.field, 'Idempotency-Key');
    }
    assert.equal(calls.length, 0);
  });

  it('does not burn a key on a rejected or failed request', async () => {
    const { app, calls, book } = appWithCreatingRoute(db, manualClock('2026-03-02T09:00:00Z'));
    const key = newKey();
    const invalid = await app.request('/api/v1/test-bookings', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
      body: JSON.stringify({ slot: '' }),
    });
    assert.equal(invalid.status, 400);
    assert.equal((await book(key, 'explode')).status, 500);
    const corrected = await book(key, 'a');
    assert.equal(corrected.status, 201);
    assert.equal(corrected.headers.get('Idempotency-Replayed'), null);
    assert.deepEqual(calls, ['explode', 'a']);
  });

  it('answers 409 while the first request is still running', async () => {
    const { calls, book } = appWithCreatingRoute(db, manualClock('2026-03-02T09:00:00Z'), { delayMs: 150 });
    const key = newKey();
    const first = book(key, 'a');
    await sleep(40);
    const second = await book(key, 'a');
    assert.equal(second.status, 409);
    assert.equal(second.headers.get('Retry-After'), '1');
    assert.equal((await json(second))['code'], 'idempotency_in_progress');
    assert.equal((await first).status, 201);
    assert.equal(calls.length, 1);
  });

  it('forgets keys after their lifetime', async () => {
    const clock = manualClock('2026-03-02T09:00:00Z');
    const { calls, book } = appWithCreatingRoute(db, clock);
    const key = newKey();
    await book(key, 'a');
    clock.advance(25 * 3_600_000);
    const later = await book(key, 'b');
    assert.equal(later.status, 201);
    assert.equal(later.headers.get('Idempotency-Replayed'), null);
    assert.deepEqual(calls, ['a', 'b']);
  });

  it('takes over a claim abandoned by a crashed instance', async () => {
    const clock = manualClock('2026-03-02T09:00:00Z');
    const { calls, book } = appWithCreatingRoute(db, clock);
    const key = newKey();
    const { createHash } = await import('node:crypto');
    const hash = createHash('sha256').update('POST /api/v1/test-bookings\n').update(JSON.stringify({ slot: 'a' })).digest('hex');
    await db.query(
      `INSERT INTO idempotency_keys (key, method, route, request_hash, state, created_at)
       VALUES ($1, 'POST', '/api/v1/test-bookings', $2, 'processing', $3)`,
      [key, hash, new Date('2026-03-02T08:58:00Z')],
    );
    const response = await book(key, 'a');
    assert.equal(response.status, 201);
    assert.equal(calls.length, 1);
  });

  it('runs the handler once for 50 concurrent requests with one key, across two connections', async () => {
    const clock = manualClock('2026-03-02T09:00:00Z');
    // Two apps on two connections (pools, on PostgreSQL) behave like two server instances.
    const instances = [
      appWithCreatingRoute(db, clock, { delayMs: 50 }),
      appWithCreatingRoute(await store.open(), clock, { delayMs: 50 }),
    ];
    const key = newKey();
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => instances[i % 2]!.book(key, '2026-03-05T10:30')),
    );
    assert.equal(instances[0]!.calls.length + instances[1]!.calls.length, 1);
    const statuses = responses.map((r) => r.status);
    assert.equal(statuses.filter((s) => s === 201).length + statuses.filter((s) => s === 409).length, 50);
    const fresh = responses.filter((r) => r.status === 201 && r.headers.get('Idempotency-Replayed') === null);
    assert.equal(fresh.length, 1);
    const bodies = new Set(await Promise.all(responses.filter((r) => r.status === 201).map((r) => r.text())));
    assert.equal(bodies.size, 1, 'every success carries the same booking');
    // Once the first finished, a retry gets the stored answer.
    const retry = await instances[1]!.book(key, '2026-03-05T10:30');
    assert.equal(retry.status, 201);
    assert.equal(retry.headers.get('Idempotency-Replayed'), 'true');
  });
});
