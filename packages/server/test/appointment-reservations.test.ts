import assert from 'node:assert/strict';
import { before, beforeEach, it } from 'node:test';
import type { App } from '../src/app.js';
import type { Database } from '../src/db/database.js';
import { json, manualClock, testApp } from './support/app.js';
import { describeForEachStore } from './support/stores.js';

type Json = Record<string, any>;
const MONDAY = '2026-06-01';
const slotId = (time: string, office = 'kita-abteilung') => `${office}|${MONDAY}T${time}:00+02:00`;
const ONE_CHILD = [{ serviceId: 'kita-anmeldung', count: 1 }];

describeForEachStore('appointment reservations', (store) => {
  let db: Database;
  let app: App;
  let clock: ReturnType<typeof manualClock>;

  const reserve = async (target: App, body: Json, headers: Record<string, string> = {}) => {
    const response = await target.request('/api/v1/appointments/reservations', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return { status: response.status, headers: response.headers, body: await json<Json>(response) };
  };
  const post = async (path: string, body: Json) => {
    const response = await app.request(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: await json<Json>(response) };
  };
  const freeStarts = async (services = 'kita-anmeldung') => {
    const response = await app.request(`/api/v1/appointments/slots?services=${services}&office=kita-abteilung&date=${MONDAY}`);
    return ((await json<Json>(response))['slots'] as Json[]).map((s) => String(s['start']).slice(11, 16));
  };
  const setCounters = (counters: number) => db.query(`UPDATE appointment_calendars SET counters = $1 WHERE office_id = 'kita-abteilung'`, [counters]);

  before(async () => {
    db = await store.openReady();
    await db.query('DELETE FROM office_exceptions');
  });
  beforeEach(async () => {
    clock = manualClock('2026-05-29T08:00:00Z'); // Friday 10:00 in Berlin
    app = testApp(db, { clock });
    await db.query('DELETE FROM appointment_reservations');
    await setCounters(2);
  });

  it('reserves a slot: 201 with id, secret, slot and expiry; the secret is stored only hashed', async () => {
    const { status, body } = await reserve(app, { services: ONE_CHILD, slotId: slotId('09:00') });
    assert.equal(status, 201);
    assert.match(body['id'], /^[0-9a-f-]{36}$/);
    assert.match(body['secret'], /^[A-Za-z0-9_-]{43}$/);
    assert.deepEqual(body['slot'], {
      id: slotId('09:00'),
      start: '2026-06-01T09:00:00+02:00',
      end: '2026-06-01T09:30:00+02:00',
      officeId: 'kita-abteilung',
    });
    assert.equal(body['expiresAt'], '2026-05-29T10:10:00+02:00');
    assert.equal(body['extensionsLeft'], 10);
    const rows = await db.query<{ secret_hash: string; claims: number }>(
      `SELECT secret_hash, (SELECT count(*)::int FROM slot_claims WHERE reservation_id = r.id) AS claims
         FROM appointment_reservations r WHERE id = $1`,
      [body['id']],
    );
    assert.equal(rows[0]!.claims, 2);
    assert.notEqual(rows[0]!.secret_hash, body['secret']);
    assert.match(rows[0]!.secret_hash, /^[0-9a-f]{64}$/);
  });

  it('50 concurrent reservations of one slot with 1 counter: exactly one succeeds', async () => {
    await setCounters(1);
    const results = await Promise.all(
      Array.from({ length: 50 }, () => reserve(app, { services: ONE_CHILD, slotId: slotId('10:00') })),
    );
    assert.equal(results.filter((r) => r.status === 201).length, 1);
    const rejected = results.filter((r) => r.status !== 201);
    assert.equal(rejected.length, 49);
    assert.ok(rejected.every((r) => r.status === 409 && r.body['code'] === 'slot_taken'), JSON.stringify(rejected[0]));
    const [{ claims }] = (await db.query<{ claims: number }>('SELECT count(*)::int AS claims FROM slot_claims')) as [{ claims: number }];
    assert.equal(claims, 2);
  });

  it('50 concurrent reservations through two app instances with separate connections: exactly one succeeds', async () => {
    // On PostgreSQL two pools, as two server processes would have; on PGlite the one connection.
    await setCounters(1);
    const other = testApp(await store.open(), { clock });
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => reserve(i % 2 ? other : app, { services: ONE_CHILD, slotId: slotId('10:30') })),
    );
    assert.equal(results.filter((r) => r.status === 201).length, 1);
    assert.equal(results.filter((r) => r.status === 409).length, 49);
  });

  it('with 2 counters exactly two of 50 concurrent reservations succeed, overlapping lengths included', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        reserve(app, {
          // Half ask for 09:00–09:30, half for 08:30–10:15 (two children and a contract): they overlap.
          services: i % 2 ? ONE_CHILD : [{ serviceId: 'kita-anmeldung', count: 2 }, { serviceId: 'kita-vertrag', count: 1 }],
          slotId: slotId(i % 2 ? '09:00' : '08:30'),
        }),
      ),
    );
    assert.equal(results.filter((r) => r.status === 201).length, 2);
    assert.equal(results.filter((r) => r.status === 409).length, 48);
    assert.ok(!(await freeStarts()).includes('09:00'));
  });

  it('takes held time out of the slot lists, blocking every start that would overlap', async () => {
    await setCounters(1);
    const long = await reserve(app, {
      services: [
        { serviceId: 'kita-anmeldung', count: 2 },
        { serviceId: 'kita-vertrag', count: 1 },
      ],
      slotId: slotId('08:30'),
    });
    assert.equal(long.status, 201);
    assert.equal(long.body['slot'].end, '2026-06-01T10:15:00+02:00');
    const starts = await freeStarts();
    assert.deepEqual(starts, ['10:15', '10:30', '10:45', '11:00', '11:15', '11:30']);
    const days = await json<Json>(
      await app.request(`/api/v1/appointments/availability?services=kita-anmeldung&office=kita-abteilung&from=${MONDAY}&to=${MONDAY}`),
    );
    assert.deepEqual(days['days'], [{ date: MONDAY, free: 6 }]);
    const overlapping = await reserve(app, { services: ONE_CHILD, slotId: slotId('09:45') });
    assert.equal(overlapping.status, 409);
  });

  it('an expired hold frees the slot; extending it then fails with slot_taken once someone else holds the time', async () => {
    await setCounters(1);
    const first = await reserve(app, { services: ONE_CHILD, slotId: slotId('11:00') });
    assert.equal((await reserve(app, { services: ONE_CHILD, slotId: slotId('11:00') })).status, 409);
    clock.advance(10 * 60_000);
    assert.ok((await freeStarts()).includes('11:00'));
    const second = await reserve(app, { services: ONE_CHILD, slotId: slotId('11:00') });
    assert.equal(second.status, 201);
    const extend = await post(`/api/v1/appointments/reservations/${first.body['id']}/extend`, { secret: first.body['secret'] });
    assert.equal(extend.status, 409);
    assert.equal(extend.body['code'], 'slot_taken');
    assert.match(extend.body['detail'], /abgelaufen, und die Zeit wurde inzwischen vergeben/);
    // The second citizen's hold is untouched.
    assert.ok(!(await freeStarts()).includes('11:00'));
  });

  it('extends a hold that ran out while its time is still free, on whichever counter is free', async () => {
    const { body } = await reserve(app, { services: ONE_CHILD, slotId: slotId('11:00') });
    const path = `/api/v1/appointments/reservations/${body['id']}/extend`;
    clock.advance(12 * 60_000);
    // Meanwhile someone holds the same time on counter 1, where the first hold was.
    const other = await reserve(app, { services: ONE_CHILD, slotId: slotId('11:00') });
    assert.equal(other.status, 201);
    const late = await post(path, { secret: body['secret'] });
    assert.equal(late.status, 200);
    assert.equal(late.body['expiresAt'], '2026-05-29T10:22:00+02:00');
    assert.equal(late.body['extensionsLeft'], 9);
    const claims = await db.query<{ reservation_id: string; counter: number }>(
      'SELECT DISTINCT reservation_id::text AS reservation_id, counter FROM slot_claims ORDER BY counter',
    );
    assert.deepEqual(claims, [
      { reservation_id: other.body['id'], counter: 1 },
      { reservation_id: body['id'], counter: 2 },
    ]);
    assert.ok(!(await freeStarts()).includes('11:00'));
  });

  it('does not extend a hold that ran out when its time can no longer be booked', async () => {
    const { body } = await reserve(app, { services: ONE_CHILD, slotId: slotId('11:00') });
    clock.advance(3 * 86_400_000 + 30 * 60_000); // Monday 10:30: 11:00 lies within the office's lead time now
    const late = await post(`/api/v1/appointments/reservations/${body['id']}/extend`, { secret: body['secret'] });
    assert.equal(late.status, 410);
    assert.equal(late.body['code'], 'gone');
    assert.match(late.body['detail'], /nicht mehr gebucht werden/);
  });

  it('extends a hold 10 times (APPOINTMENT_HOLD_EXTENSIONS), counting down, then says why not; only with the right secret', async () => {
    const { body } = await reserve(app, { services: ONE_CHILD, slotId: slotId('11:30') });
    const path = `/api/v1/appointments/reservations/${body['id']}/extend`;
    const wrong = await post(path, { secret: 'x'.repeat(43) });
    assert.equal(wrong.status, 403);
    assert.equal(wrong.body['code'], 'forbidden');
    clock.advance(8 * 60_000);
    const once = await post(path, { secret: body['secret'] });
    assert.equal(once.status, 200);
    assert.deepEqual(once.body, { id: body['id'], slot: body['slot'], expiresAt: '2026-05-29T10:18:00+02:00', extensionsLeft: 9 });
    for (let left = 8; left >= 0; left--) {
      clock.advance(9 * 60_000);
      const extended = await post(path, { secret: body['secret'] });
      assert.equal(extended.status, 200);
      assert.equal(extended.body['extensionsLeft'], left);
    }
    const eleventh = await post(path, { secret: body['secret'] });
    assert.equal(eleventh.status, 409);
    assert.equal(eleventh.body['code'], 'hold_extension_limit');
    assert.match(eleventh.body['detail'], /bereits 10-mal verlängert/);
    // The claims moved with the hold: still taken after the original expiry.
    await setCounters(1);
    assert.ok(!(await freeStarts()).includes('11:30'));
    const unknown = await post('/api/v1/appointments/reservations/00000000-0000-4000-8000-000000000000/extend', {
      secret: body['secret'],
    });
    assert.equal(unknown.status, 404);
  });

  it('allows as many extensions as configured', async () => {
    const configured = testApp(db, { clock, env: { APPOINTMENT_HOLD_EXTENSIONS: '12' } });
    const { status, body } = await reserve(configured, { services: ONE_CHILD, slotId: slotId('10:00') });
    assert.equal(status, 201, JSON.stringify(body));
    assert.equal(body['extensionsLeft'], 12);
  });

  it('releases a hold with the secret in a header or in the body', async () => {
    await setCounters(1);
    const a = await reserve(app, { services: ONE_CHILD, slotId: slotId('08:30') });
    const b = await reserve(app, { services: ONE_CHILD, slotId: slotId('09:30') });
    const remove = (id: string, init: RequestInit) => app.request(`/api/v1/appointments/reservations/${id}`, { method: 'DELETE', ...init });
    const wrong = await remove(a.body['id'], { headers: { 'Reservation-Secret': 'y'.repeat(43) } });
    assert.equal(wrong.status, 403);
    assert.equal((await remove(a.body['id'], {})).status, 400);
    assert.equal((await remove(a.body['id'], { headers: { 'Reservation-Secret': a.body['secret'] } })).status, 204);
    const byBody = await remove(b.body['id'], {
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ secret: b.body['secret'] }),
    });
    assert.equal(byBody.status, 204);
    const starts = await freeStarts();
    assert.ok(starts.includes('08:30') && starts.includes('09:30'));
    assert.equal((await remove(a.body['id'], { headers: { 'Reservation-Secret': a.body['secret'] } })).status, 404);
  });

  it('answers a retried request with the same Idempotency-Key with the first reservation', async () => {
    const body = { services: ONE_CHILD, slotId: slotId('10:45') };
    const headers = { 'Idempotency-Key': 'reserve-retry-0001' };
    const first = await reserve(app, body, headers);
    const retry = await reserve(app, body, headers);
    assert.equal(first.status, 201);
    assert.equal(retry.status, 201);
    assert.equal(retry.headers.get('Idempotency-Replayed'), 'true');
    assert.deepEqual(retry.body, first.body);
    const [{ count }] = (await db.query<{ count: number }>('SELECT count(*)::int AS count FROM appointment_reservations')) as [
      { count: number },
    ];
    assert.equal(count, 1);
  });

  it('rejects slot ids that are malformed, off the grid, too soon or for services the office lacks', async () => {
    const cases: Array<[Json, RegExp]> = [
      [{ services: ONE_CHILD, slotId: 'irgendwas' }, /unbekannt/],
      [{ services: ONE_CHILD, slotId: slotId('08:40') }, /nicht \(mehr\) gebucht/],
      [{ services: ONE_CHILD, slotId: slotId('11:45') }, /nicht \(mehr\) gebucht/], // would end after 12:00
      [{ services: ONE_CHILD, slotId: 'kita-abteilung|2026-05-29T10:30:00+02:00' }, /nicht \(mehr\) gebucht/], // lead time
      [{ services: ONE_CHILD, slotId: slotId('09:00', 'buergerbuero') }, /nicht alle gewählten/],
      [{ services: [{ serviceId: 'kita-anmeldung', count: 4 }], slotId: slotId('09:00') }, /1 bis 3 Personen/],
    ];
    for (const [body, detail] of cases) {
      const { status, body: problem } = await reserve(app, body);
      assert.equal(status, 400, JSON.stringify(body));
      assert.match(problem['detail'], detail);
    }
    assert.equal((await reserve(app, { services: [], slotId: slotId('09:00') })).status, 400);
  });
});
