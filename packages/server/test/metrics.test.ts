import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { Database } from '../src/db/database.js';
import { enqueueMail } from '../src/mail/queue.js';
import { testApp } from './support/app.js';
import { describeForEachStore } from './support/stores.js';

const KEY = 'metrics-key-of-this-city-0001';

describeForEachStore('/metrics', (store) => {
  let db: Database;
  before(async () => {
    db = await store.openReady();
  });

  it('is not served without METRICS_API_KEY', async () => {
    assert.equal((await testApp(db).request('/metrics')).status, 404);
  });

  it('reports requests by route pattern, appointments and the mail queue in Prometheus format, to the key only', async () => {
    const app = testApp(db, { env: { METRICS_API_KEY: KEY } });
    assert.equal((await app.request('/metrics')).status, 401);
    await app.request('/api/v1/offices/buergerbuero');
    await app.request('/api/v1/offices/nirgendwo');
    await enqueueMail(db, { to: 'erika@example.org', subject: 'Test', text: 'Text' }, new Date());
    const [appointments] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM appointments WHERE status = 'confirmed'");

    const response = await app.request('/metrics', { headers: { Authorization: `Bearer ${KEY}` } });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('Content-Type') ?? '', /^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    assert.match(text, /^muni_http_requests_total\{method="GET",route="\/api\/v1\/offices\/:id",status="200"\} 1$/m);
    assert.match(text, /^muni_http_requests_total\{method="GET",route="\/api\/v1\/offices\/:id",status="404"\} 1$/m);
    assert.match(text, /^muni_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/offices\/:id"\} 2$/m);
    assert.match(text, new RegExp(`^muni_appointments\\{status="confirmed"\\} ${appointments!.n}$`, 'm'));
    assert.match(text, /^muni_mail_queue\{state="queued"\} [1-9]\d*$/m);
    assert.match(text, /^muni_process_resident_memory_bytes \d+/m);
    assert.doesNotMatch(text, /nirgendwo|erika/, 'route patterns, never URLs or addresses');
  });

  it('throttles guesses at the key like every other request', async () => {
    const app = testApp(db, { env: { METRICS_API_KEY: KEY, RATE_LIMIT_ENABLED: 'true', RATE_LIMIT_PAGE_BURST: '3', RATE_LIMIT_PAGE_PER_MINUTE: '3' } });
    const statuses: number[] = [];
    for (let guess = 0; guess < 6; guess++) {
      statuses.push((await app.request('/metrics', { headers: { Authorization: `Bearer guess-${guess}-0000000000000000000000` } })).status);
    }
    assert.ok(statuses.includes(429), `statuses: ${statuses.join(', ')}`);
  });
});
