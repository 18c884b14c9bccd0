import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { newToken, tokenHash } from '../src/shared/tokens.js';
import type { App } from '../src/app.js';
import { DEV_QUEUE_KIOSK_API_KEY, DEV_QUEUE_STAFF_API_KEY } from '../src/config.js';
import type { Database } from '../src/db/database.js';
import { DEMO_TICKET_CODE } from '../src/seed/queue.js';
import { json, manualClock, testApp } from './support/app.js';
import { describeForEachStore } from './support/stores.js';

type Json = Record<string, any>;
const OFFICE = 'buergerbuero';
const STAFF = { Authorization: `Bearer ${DEV_QUEUE_STAFF_API_KEY}` };
const KIOSK = { Authorization: `Bearer ${DEV_QUEUE_KIOSK_API_KEY}` };

/** Each test runs on a day of its own (numbers and waiting lists are per day), far from the seed's. */
function dayClock(date: string, time = '09:00') {
  return manualClock(`${date}T${time}:00+01:00`);
}

async function issue(app: App, group: string, headers: Record<string, string> = KIOSK): Promise<Json> {
  const response = await app.request(`/api/v1/queue/${OFFICE}/tickets`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ group }),
  });
  assert.equal(response.status, 201, await response.clone().text());
  return json(response);
}

function staff(app: App, path: string, body?: Json, headers: Record<string, string> = STAFF) {
  return app.request(`/api/v1/queue/${OFFICE}${path}`, {
    method: 'POST',
    headers: { ...headers, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
}

async function callNext(app: App, counter: number, body?: Json): Promise<Json> {
  const response = await staff(app, `/counters/${counter}/call-next`, body);
  assert.equal(response.status, 200, await response.clone().text());
  return json(response);
}

async function state(app: App): Promise<Json> {
  const response = await app.request(`/api/v1/queue/${OFFICE}`);
  assert.equal(response.status, 200);
  return json(response);
}

async function ticket(app: App, number: string, code: string): Promise<Json> {
  const response = await app.request(`/api/v1/queue/${OFFICE}/tickets/${number}?code=${code}`);
  assert.equal(response.status, 200, await response.clone().text());
  return json(response);
}

describeForEachStore('queue', (store) => {
  let db: Database;
  before(async () => {
    db = await store.openReady();
  });

  it('seeds groups, counters and a history of served numbers, without personal data', async () => {
    const groups = await db.query<{ code: string }>(`SELECT code FROM queue_groups WHERE office_id = $1 ORDER BY sort_order`, [OFFICE]);
    assert.deepEqual(
      groups.map((g) => g.code),
      ['T', 'A', 'M', 'S'],
    );
    const [counters] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM queue_counters WHERE office_id = $1`, [OFFICE]);
    assert.equal(counters!.n, 6);
    const [done] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM queue_tickets WHERE status = 'done'`);
    assert.ok(done!.n > 100, `served numbers in the history: ${done!.n}`);
    const columns = await db.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_name LIKE 'queue_%' AND table_schema = current_schema()`,
    );
    assert.ok(columns.length > 20);
    for (const { column_name } of columns) assert.doesNotMatch(column_name, /mail|phone|contact|address|birth|first_name|last_name|person/i);
    const app = testApp(db);
    const seeded = await state(app);
    assert.equal(seeded['officeName'], 'Bürgerbüro');
    assert.deepEqual(
      seeded['groups'].map((g: Json) => g.code),
      ['T', 'A', 'M', 'S'],
    );
    // History gives the estimate real service times: a median, not the group's default.
    const a = seeded['groups'].find((g: Json) => g.code === 'A');
    assert.ok(a.serviceMinutes > 0);
    assert.equal(a.counters, 4);
  });

  it('answers 404 for an office without a call system and 400 for a malformed id', async () => {
    const app = testApp(db);
    assert.equal((await app.request('/api/v1/queue/standesamt')).status, 404);
    assert.equal((await app.request('/api/v1/queue/Not_An_Id')).status, 400);
    assert.equal((await app.request('/api/v1/queue/standesamt/events')).status, 404);
  });

  it('tells open from closed by the office hours, with the next opening', async () => {
    // Monday: 08:00–12:00 and 14:00–16:00.
    const early = await state(testApp(db, { clock: dayClock('2030-03-04', '07:30') }));
    assert.equal(early['open'], false);
    assert.deepEqual(early['hours'].intervals, [
      { opens: '08:00', closes: '12:00' },
      { opens: '14:00', closes: '16:00' },
    ]);
    assert.deepEqual(early['nextOpening'], { date: '2030-03-04', opens: '08:00' });
    const morning = await state(testApp(db, { clock: dayClock('2030-03-04', '09:15') }));
    assert.equal(morning['open'], true);
    assert.equal(morning['nextOpening'], undefined);
    const lunch = await state(testApp(db, { clock: dayClock('2030-03-04', '12:30') }));
    assert.equal(lunch['open'], false);
    assert.deepEqual(lunch['nextOpening'], { date: '2030-03-04', opens: '14:00' });
    const sunday = await state(testApp(db, { clock: dayClock('2030-03-10', '10:00') }));
    assert.equal(sunday['open'], false);
    assert.deepEqual(sunday['hours'].intervals, []);
    assert.deepEqual(sunday['nextOpening'], { date: '2030-03-11', opens: '08:00' });
    // Christmas Day 2030 is a Wednesday: a public holiday, closed, with its name.
    const christmas = await state(testApp(db, { clock: dayClock('2030-12-25', '10:00') }));
    assert.equal(christmas['open'], false);
    assert.deepEqual(christmas['hours'].intervals, []);
    assert.match(christmas['hours'].note, /Weihnacht/);
  });

  it('issues numbers per group and day only with the kiosk or staff key', async () => {
    const app = testApp(db, { clock: dayClock('2030-03-05') });
    const post = (body: unknown, headers: Record<string, string>) =>
      app.request(`/api/v1/queue/${OFFICE}/tickets`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
    assert.equal((await post({ group: 'A' }, {})).status, 401);
    assert.equal((await post({ group: 'A' }, { Authorization: 'Bearer wrong-key-wrong-key-wrong-key' })).status, 401);
    const first = await issue(app, 'A');
    assert.equal(first['number'], 'A-001');
    assert.match(first['code'], /^[A-HJKMNP-Z2-9]{6}$/);
    assert.equal(first['fragment'], `muni-queue=ticket:A-001.${first['code']}`);
    assert.equal(first['status'], 'waiting');
    assert.equal(first['ahead'], 0);
    assert.equal((await issue(app, 'A', STAFF))['number'], 'A-002');
    assert.equal((await issue(app, 'M'))['number'], 'M-001');
    assert.equal((await post({ group: 'Z' }, KIOSK)).status, 400);
    assert.equal((await post({ group: 'a1' }, KIOSK)).status, 400);
    assert.equal((await post({ group: 'A', extra: 1 }, KIOSK)).status, 400);
    // Another day starts at 1 again.
    assert.equal((await issue(testApp(db, { clock: dayClock('2030-03-06') }), 'A'))['number'], 'A-001');
    // Production without keys: no kiosk.
    const production = testApp(db, { env: { MUNI_DEV_MODE: 'off' } });
    const refused = await production.request(`/api/v1/queue/${OFFICE}/tickets`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...KIOSK },
      body: JSON.stringify({ group: 'A' }),
    });
    assert.equal(refused.status, 503);
  });

  it('replays a kiosk request with the same Idempotency-Key instead of drawing a second number', async () => {
    const app = testApp(db, { clock: dayClock('2030-03-07') });
    const post = () =>
      app.request(`/api/v1/queue/${OFFICE}/tickets`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'kiosk-3-2030-03-07-0001', ...KIOSK },
        body: JSON.stringify({ group: 'S' }),
      });
    const a = await json(await post());
    const b = await json(await post());
    assert.equal(a['number'], 'S-001');
    assert.equal(b['number'], 'S-001');
    assert.equal(b['code'], a['code']);
  });

  it('shows "my number" only with its code', async () => {
    const app = testApp(db, { clock: dayClock('2030-03-08', '09:30') }); // a Friday
    await issue(app, 'M');
    const mine = await issue(app, 'M');
    const view = await ticket(app, mine['number'], mine['code']);
    assert.deepEqual(
      { number: view['number'], status: view['status'], ahead: view['ahead'], position: view['position'], groupName: view['groupName'] },
      { number: 'M-002', status: 'waiting', ahead: 1, position: 2, groupName: 'An-, Um- und Abmeldung' },
    );
    assert.equal((await ticket(app, mine['number'], mine['code'].toLowerCase()))['number'], 'M-002');
    const wrong = mine['code'] === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA';
    assert.equal((await app.request(`/api/v1/queue/${OFFICE}/tickets/M-002?code=${wrong}`)).status, 404);
    assert.equal((await app.request(`/api/v1/queue/${OFFICE}/tickets/M-099?code=${mine['code']}`)).status, 404);
    assert.equal((await app.request(`/api/v1/queue/${OFFICE}/tickets/M-002`)).status, 400);
    assert.equal((await app.request(`/api/v1/queue/${OFFICE}/tickets/M2?code=${mine['code']}`)).status, 400);
    // Seeded demo numbers share one code; today's (the seed's day) may or may not exist, yesterday's never answer.
    assert.equal((await app.request(`/api/v1/queue/${OFFICE}/tickets/A-001?code=${DEMO_TICKET_CODE}`)).status, 404);
  });

  it('calls in order: appointments first, then by arrival, each counter within its groups', async () => {
    const app = testApp(db, { clock: dayClock('2030-03-11') });
    const a1 = await issue(app, 'A');
    const m1 = await issue(app, 'M');
    const a2 = await issue(app, 'A');
    const t1 = await issue(app, 'T');
    const s1 = await issue(app, 'S');
    assert.equal((await ticket(app, a2['number'], a2['code']))['ahead'], 1);

    // Platz 1 calls T and A: the appointment first.
    assert.deepEqual(await callNext(app, 1), { called: t1['number'], counter: 1, version: (await state(app))['version'] });
    // Platz 4 calls M and S.
    assert.equal((await callNext(app, 4))['called'], m1['number']);
    assert.equal((await callNext(app, 1))['called'], a1['number']);
    assert.equal((await ticket(app, a2['number'], a2['code']))['ahead'], 0);
    // Explicit groups override the counter's.
    assert.equal((await callNext(app, 4, { groups: ['A'] }))['called'], a2['number']);
    const next = await callNext(app, 4);
    assert.equal(next['called'], s1['number']);
    assert.equal(next['finished'], a2['number']);
    // Nobody left for Platz 3 (A and M).
    assert.equal((await callNext(app, 3))['called'], null);

    const now = await state(app);
    assert.deepEqual(
      now['calls'].map((c: Json) => [c.ticket, c.counterName]),
      [
        [s1['number'], 'Platz 4'],
        [a2['number'], 'Platz 4'],
        [a1['number'], 'Platz 1'],
        [m1['number'], 'Platz 4'],
        [t1['number'], 'Platz 1'],
      ],
    );
    const called = await ticket(app, a1['number'], a1['code']);
    assert.equal(called['status'], 'called');
    assert.equal(called['counterName'], 'Platz 1');
    assert.equal((await ticket(app, t1['number'], t1['code']))['status'], 'done');
    assert.equal((await staff(app, '/counters/42/call-next')).status, 404);
    assert.equal((await staff(app, '/counters/0/call-next')).status, 400);
    assert.equal((await staff(app, '/counters/1/call-next', { groups: ['a'] })).status, 400);
  });

  it('recalls, starts serving, finishes and records no-shows', async () => {
    const app = testApp(db, { clock: dayClock('2030-03-12') });
    assert.equal((await staff(app, '/counters/2/recall')).status, 409);
    const a = await issue(app, 'A');
    const b = await issue(app, 'A');
    await callNext(app, 2);
    const recalled = await json(await staff(app, '/counters/2/recall'));
    assert.equal(recalled['called'], a['number']);
    const calls = (await state(app))['calls'];
    assert.deepEqual(
      calls.slice(0, 2).map((c: Json) => [c.ticket, c.recall]),
      [
        [a['number'], true],
        [a['number'], false],
      ],
    );
    assert.equal((await staff(app, `/tickets/${a['number']}/serve`)).status, 200);
    assert.equal((await staff(app, '/counters/2/recall')).status, 409, 'serving is no longer "called"');
    assert.equal((await staff(app, `/tickets/${a['number']}/no-show`)).status, 409);
    const done = await staff(app, `/tickets/${a['number']}/done`);
    assert.equal(done.status, 200);
    assert.equal((await json(done))['status'], 'done');
    assert.equal((await staff(app, `/tickets/${a['number']}/done`)).status, 409);
    assert.equal((await staff(app, `/tickets/${b['number']}/no-show`)).status, 200);
    assert.equal((await ticket(app, b['number'], b['code']))['status'], 'no_show');
    assert.equal((await staff(app, '/tickets/A-777/done')).status, 404);
  });

  it('calls one number per double-click when the desk says which number it shows', async () => {
    const app = testApp(db, { clock: dayClock('2030-03-15') });
    const [a, b, c] = [await issue(app, 'M'), await issue(app, 'M'), await issue(app, 'M')];
    const first = await Promise.all([0, 1].map(() => staff(app, '/counters/4/call-next', { current: null })));
    assert.deepEqual(first.map((r) => r.status).sort(), [200, 409]);
    const conflict = await json(first.find((r) => r.status === 409)!);
    assert.equal(conflict['code'], 'conflict');
    assert.match(String(conflict['detail']), new RegExp(`Platz 4 ist inzwischen ${a['number']} aufgerufen`));
    const second = await Promise.all([0, 1].map(() => staff(app, '/counters/4/call-next', { current: a['number'] })));
    assert.deepEqual(second.map((r) => r.status).sort(), [200, 409]);
    assert.deepEqual(await json(second.find((r) => r.status === 200)!), { called: b['number'], counter: 4, finished: a['number'], version: (await state(app))['version'] });
    assert.equal((await ticket(app, c['number'], c['code']))['status'], 'waiting', 'the second click called nobody');
    assert.equal((await staff(app, '/counters/4/call-next', { current: 'x' })).status, 400);
  });

  it('refuses staff endpoints without the staff key (401), and without a configured key (503)', async () => {
    const app = testApp(db, { clock: dayClock('2030-03-13') });
    for (const path of ['/counters/1/call-next', '/counters/1/recall', '/tickets/A-001/done', '/tickets/A-001/no-show', '/tickets/A-001/serve']) {
      const none = await staff(app, path, undefined, {});
      assert.equal(none.status, 401, path);
      assert.match(none.headers.get('WWW-Authenticate') ?? '', /^Bearer realm="aufruf"/);
      assert.equal((await staff(app, path, undefined, KIOSK)).status, 401, `${path}: the kiosk key cannot call`);
    }
    const production = testApp(db, { env: { MUNI_DEV_MODE: 'off' } });
    assert.equal((await staff(production, '/counters/1/call-next')).status, 503);
    const configured = testApp(db, { env: { MUNI_DEV_MODE: 'off', QUEUE_STAFF_API_KEY: 'a-real-key-of-enough-length-0001' } });
    assert.equal((await staff(configured, '/counters/1/call-next', undefined, { Authorization: 'Bearer a-real-key-of-enough-length-0001' })).status, 200);
    assert.equal((await staff(configured, '/counters/1/call-next')).status, 401, 'the development key does not work in production');
  });

  it('estimates waiting time from the median of recent service times, per active counter', async () => {
    const clock = dayClock('2031-06-02', '10:00'); // a Monday, far from every other test's history
    const app = testApp(db, { clock });
    // Group M is called by Platz 3, 4 and 5 (6 is not staffed): three counters, default 6 minutes.
    for (let i = 0; i < 6; i++) await issue(app, 'M');
    let m = (await state(app))['groups'].find((g: Json) => g.code === 'M');
    assert.deepEqual({ waiting: m.waiting, serviceMinutes: m.serviceMinutes, counters: m.counters, estimate: m.estimatedWaitMinutes }, {
      waiting: 6,
      serviceMinutes: 6,
      counters: 3,
      estimate: 12,
    });
    // Five services of 4, 6, 8, 10, 12 minutes yesterday: median 8.
    for (const [i, minutes] of [4, 6, 8, 10, 12].entries()) {
      const called = new Date(Date.parse('2031-06-01T08:00:00Z') + i * 3_600_000);
      await db.query(
        `INSERT INTO queue_tickets (office_id, group_code, service_day, seq, code_hash, status, issued_at, sort_at, counter, called_at, finished_at)
         VALUES ($1, 'M', '2031-06-01', $2, 'x', 'done', $3, $3, 3, $3, $4)`,
        [OFFICE, i + 1, called, new Date(called.getTime() + minutes * 60_000)],
      );
    }
    m = (await state(app))['groups'].find((g: Json) => g.code === 'M');
    assert.equal(m.serviceMinutes, 8);
    assert.equal(m.estimatedWaitMinutes, 16); // ceil(6 × 8 / 3)
    const [last] = await db.query<{ seq: number }>(`SELECT max(seq) AS seq FROM queue_tickets WHERE office_id = $1 AND service_day = '2031-06-02' AND group_code = 'M'`, [
      OFFICE,
    ]);
    assert.equal(last!.seq, 6);
    // Far in the past (outside the window) the history no longer counts.
    const later = testApp(db, { clock: dayClock('2031-08-04', '10:00') });
    assert.equal((await state(later))['groups'].find((g: Json) => g.code === 'M').serviceMinutes, 6);
  });

  it('never gives two counters the same number, however many call at once', async () => {
    const app = testApp(db, { clock: dayClock('2030-03-14') });
    for (let i = 0; i < 24; i++) await issue(app, 'A');
    const called: string[] = [];
    // Platz 1, 2, 3 and 5 call A; six rounds of four simultaneous calls, twice per counter per round.
    for (let round = 0; round < 6; round++) {
      const results = await Promise.all([1, 2, 3, 5].map((counter) => callNext(app, counter)));
      for (const result of results) if (result['called']) called.push(result['called']);
    }
    assert.equal(called.length, 24);
    assert.equal(new Set(called).size, 24, `duplicates in ${called.join(' ')}`);
    const [counts] = await db.query<{ calls: number; tickets: number }>(
      `SELECT count(*)::int AS calls, count(DISTINCT ticket_id)::int AS tickets FROM queue_calls c JOIN queue_tickets t ON t.id = c.ticket_id WHERE t.service_day = '2030-03-14'`,
    );
    assert.deepEqual(counts, { calls: 24, tickets: 24 });
  });

  it('checks in with an appointment: group T, ordered by the appointment, same number again with a new code', async () => {
    const clock = dayClock('2030-03-18', '09:00');
    const app = testApp(db, { clock });
    const token = newToken();
    const id = '7d8f0b6c-1a2b-4c3d-9e8f-000000000318';
    await db.query(
      `INSERT INTO appointments (id, status, office_id, starts_at, ends_at, services, return_url, activation_token_hash, activation_expires_at, management_token_hash, created_at, confirmed_at)
       VALUES ($1, 'confirmed', $2, '2030-03-18T09:30:00+01:00', '2030-03-18T09:45:00+01:00', '[]', 'http://localhost/', $3, now(), $4, now(), now())`,
      [id, OFFICE, `activation-${id}`, tokenHash(token)],
    );
    const checkIn = (body: Json) =>
      app.request(`/api/v1/queue/${OFFICE}/tickets`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const walkIn = await issue(app, 'T'); // drawn at 09:00 in group T
    const first = await checkIn({ appointmentManagementToken: token });
    assert.equal(first.status, 201, await first.clone().text());
    const ticketA = await json(first);
    assert.equal(ticketA['group'], 'T');
    assert.equal(ticketA['ahead'], 1, 'the 09:30 appointment comes after the number drawn for 09:00');
    const again = await json(await checkIn({ appointmentManagementToken: token }));
    assert.equal(again['number'], ticketA['number']);
    assert.notEqual(again['code'], ticketA['code']);
    assert.equal((await app.request(`/api/v1/queue/${OFFICE}/tickets/${ticketA['number']}?code=${ticketA['code']}`)).status, 404);
    assert.equal((await checkIn({ appointmentManagementToken: newToken() })).status, 404);
    assert.equal((await checkIn({ appointmentManagementToken: 'short' })).status, 400);
    // On another day the appointment cannot be checked in.
    const tomorrow = testApp(db, { clock: dayClock('2030-03-19', '09:00') });
    const late = await tomorrow.request(`/api/v1/queue/${OFFICE}/tickets`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ appointmentManagementToken: token }),
    });
    assert.equal(late.status, 409);
    assert.equal((await callNext(app, 1))['called'], walkIn['number']);
    assert.equal((await callNext(app, 1))['called'], ticketA['number']);
  });

  it('is documented in the OpenAPI document under its tags', async () => {
    const document = await json<Json>(await testApp(db).request('/api/openapi.json'));
    const paths = Object.keys(document['paths']).filter((p) => p.startsWith('/api/v1/queue'));
    assert.deepEqual(paths.sort(), [
      '/api/v1/queue/{officeId}',
      '/api/v1/queue/{officeId}/counters/{counter}/call-next',
      '/api/v1/queue/{officeId}/counters/{counter}/recall',
      '/api/v1/queue/{officeId}/events',
      '/api/v1/queue/{officeId}/tickets',
      '/api/v1/queue/{officeId}/tickets/{number}',
      '/api/v1/queue/{officeId}/tickets/{number}/done',
      '/api/v1/queue/{officeId}/tickets/{number}/no-show',
      '/api/v1/queue/{officeId}/tickets/{number}/serve',
    ]);
    assert.ok(document['paths']['/api/v1/queue/{officeId}/events'].get.responses['200'].content['text/event-stream']);
  });
});
