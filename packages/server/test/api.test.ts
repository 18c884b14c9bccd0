import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { App } from '../src/app.js';
import type { Database } from '../src/db/database.js';
import { loadOffices } from '../src/town/offices.js';
import { json, manualClock, testApp } from './support/app.js';
import { captureLogs } from './support/logs.js';
import { describeForEachStore } from './support/stores.js';
import { addEchoRoute, addFailingRoute } from './support/test-routes.js';

const EXPECTED_OFFICES = ['buergerbuero', 'kita-abteilung', 'standesamt', 'ordnungsamt', 'fundbuero', 'stadtkasse'];

describeForEachStore('widget API', (store) => {
  let db: Database;
  let app: App;
  const logs = captureLogs();
  before(async () => {
    db = await store.openReady();
    app = testApp(db, { logger: logs.logger });
    addEchoRoute(app);
    addFailingRoute(app);
  });

  it('GET /api/health checks the database', async () => {
    const response = await app.request('/api/health');
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { status: 'ok', db: store.kind });
  });

  it('GET /api/v1/town returns the Musterstadt profile', async () => {
    const response = await app.request('/api/v1/town');
    assert.equal(response.status, 200);
    const town = await json(response);
    assert.equal(town['name'], 'Musterstadt');
    assert.equal(town['state'], 'Nordrhein-Westfalen');
    assert.equal(town['stateCode'], 'DE-NW');
    assert.equal(town['timeZone'], 'Europe/Berlin');
    assert.deepEqual(town['townHall'], {
      name: 'Rathaus Musterstadt',
      address: { street: 'Rathausplatz 1', postalCode: '12345', city: 'Musterstadt' },
    });
  });

  it('GET /api/v1/offices lists the offices with hours for every weekday', async () => {
    const response = await app.request('/api/v1/offices');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('Cache-Control') ?? '', /max-age=300/);
    const { items } = await json<{ items: Array<Record<string, any>> }>(response);
    assert.deepEqual(
      items.map((o) => o.id),
      EXPECTED_OFFICES,
    );
    for (const office of items) {
      assert.deepEqual(
        office.openingHours.map((d: { weekday: number }) => d.weekday),
        [1, 2, 3, 4, 5, 6, 7],
      );
      assert.equal(typeof office.accessibility.stepFreeAccess, 'boolean');
      assert.ok(office.accessibility.notes.length > 0);
    }
    const buergerbuero = items[0]!;
    assert.deepEqual(buergerbuero.openingHours[0].intervals, [
      { opens: '08:00', closes: '12:00' },
      { opens: '14:00', closes: '16:00' },
    ]);
    assert.equal(buergerbuero.accessibility.inductionLoop, true);
  });

  it('GET /api/v1/offices/{id} returns one office, 404 for an unknown and 400 for a malformed id', async () => {
    const found = await app.request('/api/v1/offices/standesamt');
    assert.equal(found.status, 200);
    assert.equal((await json(found))['name'], 'Standesamt');

    const missing = await app.request('/api/v1/offices/gibt-es-nicht');
    assert.equal(missing.status, 404);
    assert.equal(missing.headers.get('Content-Type'), 'application/problem+json');
    const problem = await json(missing);
    assert.equal(problem['code'], 'not_found');
    assert.equal(problem['type'], 'urn:muni-widgets:problem:not_found');
    assert.match(String(problem['detail']), /gibt-es-nicht/);

    const malformed = await app.request('/api/v1/offices/B%C3%BCrgerb%C3%BCro');
    assert.equal(malformed.status, 400);
    const invalid = await json<{ code: string; errors: Array<{ field: string; code: string }> }>(malformed);
    assert.equal(invalid.code, 'validation');
    assert.deepEqual(invalid.errors.map((e) => [e.field, e.code]), [['id', 'invalid_format']]);
  });

  it('lists only exceptions that are not over yet, closed days with no intervals', async () => {
    const all = await loadOffices(db, { id: 'buergerbuero', today: '1990-01-01' });
    const upcoming = await loadOffices(db, { id: 'buergerbuero', today: '2100-01-01' });
    assert.ok(all[0]!.exceptions.length >= 6);
    assert.deepEqual(upcoming[0]!.exceptions, []);
    const heiligabend = all[0]!.exceptions.find((e) => e.reason === 'Heiligabend')!;
    assert.equal(heiligabend.closed, true);
    assert.deepEqual(heiligabend.intervals, []);
    const rosenmontag = all[0]!.exceptions.find((e) => e.reason.startsWith('Rosenmontag'))!;
    assert.equal(rosenmontag.closed, false);
    assert.deepEqual(rosenmontag.intervals, [{ opens: '08:00', closes: '11:00' }]);
  });

  it('offices are filtered by the town date, not UTC', async () => {
    // 23:30 UTC on 23 Dec is already 24 Dec in Berlin: the Heiligabend closure is "today".
    const clock = manualClock('2030-12-24T23:30:00Z');
    const late = testApp(db, { clock });
    const { exceptions } = await json<{ exceptions: Array<{ reason: string; from: string }> }>(
      await late.request('/api/v1/offices/buergerbuero'),
    );
    assert.ok(exceptions.every((e) => e.from >= '2030-12-25'));
  });

  it('GET /api/v1/holidays computes the holidays of the town\'s state (NRW for Musterstadt) in range', async () => {
    const response = await app.request('/api/v1/holidays?from=2026-06-01&to=2026-06-30');
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), {
      stateCode: 'DE-NW',
      from: '2026-06-01',
      to: '2026-06-30',
      items: [{ date: '2026-06-04', id: 'fronleichnam', name: 'Fronleichnam' }],
    });
  });

  it('GET /api/v1/holidays follows the state of the town profile', async () => {
    await db.query(`UPDATE town SET state = 'Sachsen', state_code = 'DE-SN'`);
    try {
      const response = await app.request('/api/v1/holidays?from=2026-10-30&to=2026-11-30');
      assert.deepEqual(await response.json(), {
        stateCode: 'DE-SN',
        from: '2026-10-30',
        to: '2026-11-30',
        items: [
          { date: '2026-10-31', id: 'reformationstag', name: 'Reformationstag' },
          { date: '2026-11-18', id: 'buss-und-bettag', name: 'Buß- und Bettag' },
        ],
      });
    } finally {
      await db.query(`UPDATE town SET state = 'Nordrhein-Westfalen', state_code = 'DE-NW'`);
    }
  });

  it('GET /api/v1/holidays explains each invalid parameter', async () => {
    const cases: Array<[string, Array<[string, string]>]> = [
      ['', [['from', 'required'], ['to', 'required']]],
      ['?from=2026-02-30&to=2026-03-01', [['from', 'invalid_format']]],
      ['?from=2026-03-01&to=2026-02-01', [['to', 'before_from']]],
      ['?from=2026-01-01&to=2027-02-05', [['to', 'range_too_long']]],
      ['?from=1990-01-01&to=1990-02-01', [['from', 'out_of_range']]],
    ];
    for (const [query, expected] of cases) {
      const response = await app.request(`/api/v1/holidays${query}`);
      assert.equal(response.status, 400, query);
      const problem = await json<{ detail: string; errors: Array<{ field: string; code: string; message: string }> }>(response);
      assert.deepEqual(
        problem.errors.map((e) => [e.field, e.code]),
        expected,
        query,
      );
      for (const error of problem.errors) assert.ok(error.message.length > 5, 'every field error has a message');
      assert.ok(problem.detail.length > 0);
    }
    // Exactly 400 days is still fine.
    assert.equal((await app.request('/api/v1/holidays?from=2026-01-01&to=2027-02-05')).status, 400);
    assert.equal((await app.request('/api/v1/holidays?from=2026-01-01&to=2027-02-04')).status, 200);
  });

  it('validates JSON bodies field by field in German', async () => {
    const response = await app.request('/api/v1/test-echo', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'A', email: 'nope', count: '3', address: { postalCode: '1234' }, extra: true }),
    });
    assert.equal(response.status, 400);
    const problem = await json<{ errors: Array<{ field: string; code: string; message: string }> }>(response);
    assert.deepEqual(
      Object.fromEntries(problem.errors.map((e) => [e.field, [e.code, e.message]])),
      {
        name: ['too_small', 'Muss mindestens 2 Zeichen lang sein.'],
        email: ['invalid_format', 'Erwartet wird eine gültige E-Mail-Adresse.'],
        count: ['invalid_type', 'Erwartet wird eine Zahl.'],
        'address.postalCode': ['invalid_format', 'Entspricht nicht dem erwarteten Muster ^\\d{5}$.'],
        extra: ['unrecognized', 'Dieses Feld ist nicht vorgesehen.'],
      },
    );
    const ok = await app.request('/api/v1/test-echo', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ name: 'Erika', email: 'erika@example.org', count: 2 }),
    });
    assert.equal(ok.status, 200);
  });

  it('answers malformed JSON, a wrong content type and an oversized body with 4xx problems', async () => {
    const malformed = await app.request('/api/v1/test-echo', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"name": "Erika",',
    });
    assert.equal(malformed.status, 400);
    assert.equal((await json(malformed))['code'], 'bad_request');

    const wrongType = await app.request('/api/v1/test-echo', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: 'name=Erika',
    });
    assert.equal(wrongType.status, 415);
    assert.equal((await json(wrongType))['code'], 'unsupported_media_type');

    const empty = await app.request('/api/v1/test-echo', { method: 'POST' });
    assert.equal(empty.status, 400);

    const huge = await app.request('/api/v1/test-echo', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'x'.repeat(100_000) }),
    });
    assert.equal(huge.status, 413);
    const tooLarge = await json(huge);
    assert.equal(tooLarge['code'], 'payload_too_large');
    assert.equal(tooLarge['status'], 413);
  });

  it('answers unknown routes with a 404 problem', async () => {
    for (const path of ['/api/v1/nothing-here', '/api/v2/offices', '/elsewhere']) {
      const response = await app.request(path);
      assert.equal(response.status, 404, path);
      assert.equal(response.headers.get('Content-Type'), 'application/problem+json');
      assert.equal((await json(response))['code'], 'not_found');
      assert.ok(response.headers.get('X-Request-Id'), 'problem responses keep the request id');
    }
    assert.equal((await app.request('/api/v1/offices', { method: 'DELETE' })).status, 404);
  });

  it('hides internals of unexpected errors and logs them', async () => {
    const response = await app.request('/api/v1/test-crash', { headers: { 'X-Request-Id': 'trace-123' } });
    assert.equal(response.status, 500);
    const body = await response.text();
    assert.doesNotMatch(body, /10\.0\.0\.5|secret_admin|Error|at /);
    const problem = JSON.parse(body) as Record<string, unknown>;
    assert.equal(problem['code'], 'internal');
    assert.match(String(problem['detail']), /trace-123/);
    const logged = logs.entries().find((e) => e['msg'] === 'unhandled error');
    assert.equal(logged?.['requestId'], 'trace-123');
    assert.equal(logged?.['route'], '/api/v1/test-crash');
  });

  it('sets security headers and never cookies', async () => {
    for (const path of ['/api/v1/town', '/api/v1/nothing-here', '/api/docs']) {
      const response = await app.request(path);
      assert.equal(response.headers.get('X-Content-Type-Options'), 'nosniff', path);
      assert.equal(response.headers.get('Referrer-Policy'), 'no-referrer', path);
      assert.equal(response.headers.get('Set-Cookie'), null, path);
      assert.match(response.headers.get('X-Request-Id') ?? '', /^[\w-]+$/);
    }
  });

  it('GET /api/health answers 503 when the database is gone', async () => {
    const broken: Database = {
      ...db,
      kind: db.kind,
      query: () => Promise.reject(new Error('connection refused')),
    };
    const response = await testApp(broken).request('/api/health');
    assert.equal(response.status, 503);
    assert.equal((await json(response))['code'], 'unavailable');
  });
});
