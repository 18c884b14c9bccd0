import assert from 'node:assert/strict';
import { before, beforeEach, it } from 'node:test';
import type { App } from '../src/app.js';
import type { Database } from '../src/db/database.js';
import { json, manualClock, testApp } from './support/app.js';
import { describeForEachStore } from './support/stores.js';

type Json = Record<string, any>;
const DAY = '2026-06-01';

/**
 * The month view's free counts are reused between requests (src/appointments/availability.ts).
 * Each test asks for the month first, so that an answer is in memory, then changes what the
 * counts depend on, and expects the month to agree with the day's slot list, which is always
 * computed afresh, and to have moved. The month starts on the asked-for day: from 1 June, an
 * answer stays reusable for days unless something changes; from today, only until the next
 * start comes within the lead time.
 */
describeForEachStore('month availability stays right after every change', (store) => {
  let db: Database;
  let otherDb: Database;
  let app: App;
  /** A second server instance on the same database, with its own memory. */
  let other: App;
  let clock: ReturnType<typeof manualClock>;

  const request = async (on: App, method: string, path: string, body?: Json) => {
    const response = await on.request(`/api/v1/appointments${path}`, {
      method,
      ...(body ? { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, body: response.status === 204 ? {} : await json<Json>(response) };
  };
  const freeInMonth = async (date = DAY, on = app) => {
    const { status, body } = await request(on, 'GET', `/availability?services=kita-anmeldung&from=${date}&to=2026-06-30`);
    assert.equal(status, 200);
    return (body['days'] as Array<{ date: string; free: number }>).find((d) => d.date === date)!.free;
  };
  const slotsOf = async (date = DAY) => ((await request(app, 'GET', `/slots?services=kita-anmeldung&date=${date}`)).body['slots'] as Json[]).length;
  /** Month count on both instances equals the fresh day list; returns it. */
  const agreed = async (date = DAY) => {
    const fresh = await slotsOf(date);
    assert.equal(await freeInMonth(date, app), fresh, 'this instance');
    assert.equal(await freeInMonth(date, other), fresh, 'the other instance');
    return fresh;
  };
  const reserve = async (time: string, on = app) => {
    const { status, body } = await request(on, 'POST', '/reservations', {
      services: [{ serviceId: 'kita-anmeldung', count: 1 }],
      slotId: `kita-abteilung|${DAY}T${time}:00+02:00`,
    });
    assert.equal(status, 201);
    return body;
  };
  const book = (reservation: Json, on = app) =>
    request(on, 'POST', `/reservations/${reservation['id']}/booking`, {
      secret: reservation['secret'],
      contact: { name: 'Erika Mustermann', email: 'erika@example.org' },
      fields: { child_birth_date: '2024-03-01', child_name: 'Max' },
      consent: true,
      returnUrl: 'https://www.musterstadt.example/kita/termine',
    });
  const activationToken = async () => {
    const [mail] = await db.query<{ text: string }>('SELECT text_body AS text FROM mail_queue ORDER BY created_at DESC LIMIT 1');
    return /#muni-appointment=activate:([A-Za-z0-9_-]{43})/.exec(mail!.text)![1]!;
  };

  before(async () => {
    db = await store.openReady();
    otherDb = await store.open();
    await db.query('DELETE FROM office_exceptions');
    await db.query(`UPDATE appointment_calendars SET counters = 1 WHERE office_id = 'kita-abteilung'`);
  });
  beforeEach(async () => {
    clock = manualClock('2026-05-29T08:00:00Z'); // Friday 10:00 in Berlin
    const env = { CORS_ORIGINS: 'https://www.musterstadt.example', BOT_PROTECTION: 'false' };
    app = testApp(db, { clock, env });
    other = testApp(otherDb, { clock, env });
    await db.query('DELETE FROM appointments');
    await db.query('DELETE FROM mail_queue');
    await db.query('DELETE FROM appointment_reservations');
    await db.query(`UPDATE appointment_calendars SET counters = 1 WHERE office_id = 'kita-abteilung'`);
  });

  it('a reservation on either instance takes its starts out of both instances’ month', async () => {
    const before = await agreed();
    await reserve('09:00', other);
    const after = await agreed();
    assert.ok(after < before, `${after} < ${before}`);
    await reserve('11:00', app);
    assert.ok((await agreed()) < after);
  });

  it('a released reservation gives its starts back', async () => {
    const before = await agreed();
    const reservation = await reserve('09:00');
    assert.ok((await agreed()) < before);
    const released = await request(other, 'DELETE', `/reservations/${reservation['id']}`, { secret: reservation['secret'] });
    assert.equal(released.status, 204);
    assert.equal(await agreed(), before);
  });

  it('a hold that runs out gives its starts back without any write', async () => {
    const before = await agreed();
    await reserve('09:00');
    assert.ok((await agreed()) < before);
    clock.advance(11 * 60_000); // hold_minutes is 10
    assert.equal(await agreed(), before);
  });

  it('a booking keeps the time taken past the hold, until its activation runs out', async () => {
    const before = await agreed();
    const reservation = await reserve('09:00');
    const during = await agreed();
    assert.equal((await book(reservation, other)).status, 202);
    clock.advance(30 * 60_000);
    // Half an hour later the lead time has taken today's first starts too; the 1 June day is untouched.
    assert.equal(await agreed(), during);
    clock.advance(31 * 60_000); // activation lasts an hour
    assert.equal(await agreed(), before);
  });

  it('a cancelled appointment gives its starts back on both instances', async () => {
    const before = await agreed();
    assert.equal((await book(await reserve('09:00'))).status, 202);
    const activated = await request(app, 'POST', '/activate', { token: await activationToken() });
    assert.equal(activated.status, 200);
    const booked = await agreed();
    assert.ok(booked < before);
    const cancelled = await request(other, 'POST', `/manage/${activated.body['managementToken']}/cancel`);
    assert.equal(cancelled.status, 200);
    assert.equal(await agreed(), before);
  });

  it('an expired activation that is purged stays free', async () => {
    const before = await agreed();
    assert.equal((await book(await reserve('09:00'))).status, 202);
    assert.ok((await agreed()) < before);
    clock.advance(61 * 60_000);
    assert.equal(await agreed(), before);
    // The next booking purges the abandoned one (a delete): still the same counts.
    assert.equal((await book(await reserve('10:00'))).status, 202);
    assert.ok((await agreed()) < before);
  });

  it('today’s starts leave the month as the lead time passes over them', async () => {
    const before = await agreed('2026-05-29');
    clock.advance(30 * 60_000);
    assert.ok((await agreed('2026-05-29')) < before);
  });

  it('a change to the office’s calendar (more counters) shows at once', async () => {
    await reserve('09:00');
    const oneCounter = await agreed();
    await db.query(`UPDATE appointment_calendars SET counters = 2 WHERE office_id = 'kita-abteilung'`);
    assert.ok((await agreed()) > oneCounter);
  });

  it('a change of the town’s Land changes which days are holidays at once', async () => {
    const fronleichnam = '2026-06-04'; // a holiday in Nordrhein-Westfalen, not in Berlin
    const [town] = await db.query<{ state_code: string }>('SELECT state_code FROM town');
    assert.equal(town!.state_code, 'DE-NW');
    try {
      assert.equal(await agreed(fronleichnam), 0);
      await db.query(`UPDATE town SET state_code = 'DE-BE'`);
      assert.ok((await agreed(fronleichnam)) > 0);
    } finally {
      await db.query(`UPDATE town SET state_code = 'DE-NW'`);
    }
  });
});
