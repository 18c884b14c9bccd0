import assert from 'node:assert/strict';
import { before, beforeEach, describe, it } from 'node:test';
import type { App } from '../src/app.js';
import { candidateStarts } from '../src/appointments/slots.js';
import { formatZoned, zonedInstant } from '../src/appointments/zoned-time.js';
import type { Database } from '../src/db/database.js';
import { json, manualClock, testApp } from './support/app.js';
import { describeForEachStore } from './support/stores.js';

type Json = Record<string, any>;
const BERLIN = 'Europe/Berlin';

describe('appointment time zone helpers', () => {
  it('maps Berlin wall-clock times to instants on both daylight-saving nights', () => {
    assert.equal(zonedInstant('2026-03-29', 60, BERLIN).toISOString(), '2026-03-29T00:00:00.000Z');
    assert.equal(zonedInstant('2026-03-29', 180, BERLIN).toISOString(), '2026-03-29T01:00:00.000Z');
    assert.equal(zonedInstant('2026-10-25', 60, BERLIN).toISOString(), '2026-10-24T23:00:00.000Z');
    assert.equal(zonedInstant('2026-10-25', 150, BERLIN).toISOString(), '2026-10-25T00:30:00.000Z'); // first 02:30
    assert.equal(zonedInstant('2026-10-25', 180, BERLIN).toISOString(), '2026-10-25T02:00:00.000Z');
    assert.equal(formatZoned(new Date('2026-12-03T08:30:00Z'), BERLIN), '2026-12-03T09:30:00+01:00');
    assert.equal(formatZoned(new Date('2026-06-03T07:30:00Z'), BERLIN), '2026-06-03T09:30:00+02:00');
  });

  it('formats every 7½ minutes of 2026 exactly as Intl does, in Berlin and in a zone with a half-hour change', () => {
    // formatZoned remembers offsets per quarter hour; Lord Howe Island moves its clocks by 30 minutes.
    for (const zone of [BERLIN, 'Australia/Lord_Howe']) {
      const intl = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        ...{ year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' },
        timeZoneName: 'longOffset',
      });
      for (let t = Date.parse('2026-01-01T00:00:00Z'); t < Date.parse('2027-01-01T00:00:00Z'); t += 450_000) {
        const instant = new Date(t + 1_000);
        const p = Object.fromEntries(intl.formatToParts(instant).map((part) => [part.type, part.value]));
        const offset = p['timeZoneName'] === 'GMT' ? '+00:00' : p['timeZoneName']!.slice(3);
        const expected = `${p['year']}-${p['month']}-${p['day']}T${p['hour']}:${p['minute']}:${p['second']}${offset}`;
        assert.equal(formatZoned(instant, zone), expected, instant.toISOString());
      }
    }
  });

  it('gives an office open around the clock 23 hourly slots on 29 March and 24 distinct ones on 25 October', () => {
    const day = (date: string) => candidateStarts('x', date, [[0, 1440]], 60, 60);
    const spring = day('2026-03-29');
    assert.equal(spring.length, 23);
    assert.ok(spring.every((s, i) => i === 0 || s.start.getTime() - spring[i - 1]!.start.getTime() === 3_600_000));
    // The repeated hour in autumn is offered once: 24 distinct wall-clock starts.
    const autumn = day('2026-10-25');
    assert.equal(autumn.length, 24);
    assert.equal(new Set(autumn.map((s) => s.start.getTime())).size, 24);
  });
});

describeForEachStore('appointment services and slots', (store) => {
  let db: Database;
  const clock = manualClock('2026-05-29T08:00:00Z'); // Friday 10:00 in Berlin
  let app: App;
  const get = async (path: string) => {
    const response = await app.request(path);
    return { status: response.status, body: await json<Json>(response) };
  };
  const freeDays = async (query: string) => (await get(`/api/v1/appointments/availability?${query}`)).body['days'];
  const slotsOn = async (query: string) => (await get(`/api/v1/appointments/slots?${query}`)).body['slots'] as Json[];

  before(async () => {
    db = await store.openReady();
    app = testApp(db, { clock });
  });
  beforeEach(async () => {
    // Seeded closures are relative to the real today; the tests bring their own.
    await db.query('DELETE FROM office_exceptions');
  });

  it('GET /appointments/services lists the seeded services with their fields', async () => {
    const { status, body } = await get('/api/v1/appointments/services');
    assert.equal(status, 200);
    const services = body['services'] as Json[];
    assert.deepEqual(
      services.map((s) => s['id']),
      ['kita-anmeldung', 'kita-vertrag', 'kita-zahlungsverzug', 'personalausweis', 'wohnung-anmelden'],
    );
    const anmeldung = services[0]!;
    assert.deepEqual(
      { ...anmeldung, description: undefined },
      {
        id: 'kita-anmeldung',
        name: 'Anmeldung Kindertagesbetreuung',
        description: undefined,
        durationMinutes: 30,
        maxCount: 3,
        officeIds: ['kita-abteilung'],
        fields: [
          { id: 'child_birth_date', label: 'Geburtsdatum des Kindes', type: 'date', required: true, autocomplete: 'off' },
          { id: 'child_name', label: 'Name des Kindes', type: 'text', required: true, autocomplete: 'off' },
        ],
      },
    );
    const arrears = services.find((s) => s['id'] === 'kita-zahlungsverzug')!;
    assert.deepEqual([arrears['durationMinutes'], arrears['maxCount']], [20, 1]);
    assert.equal(arrears['fields'][0].required, false);
    assert.deepEqual(services.find((s) => s['id'] === 'kita-vertrag')!['fields'], []);
  });

  it('GET /appointments/offices lists only the offices that take appointments', async () => {
    const { status, body } = await get('/api/v1/appointments/offices');
    assert.equal(status, 200);
    const offices = body['offices'] as Json[];
    assert.deepEqual(
      offices.map((o) => o['id']),
      ['buergerbuero', 'kita-abteilung'],
    );
    assert.deepEqual(Object.keys(offices[1]!).sort(), ['accessibility', 'city', 'id', 'name', 'postalCode', 'street']);
    assert.equal(offices[1]!['street'], 'Lindenstraße 14');
  });

  it('counts free slots over a normal week with Fronleichnam (4 June 2026) closed', async () => {
    const days = await freeDays('services=kita-anmeldung:1&office=kita-abteilung&from=2026-06-01&to=2026-06-07');
    assert.deepEqual(days, [
      { date: '2026-06-01', free: 13 }, // Mo 08:30–12:00, 30 min: 08:30 … 11:30
      { date: '2026-06-02', free: 20 }, // Di also 14:00–16:00
      { date: '2026-06-03', free: 0 }, // Mi closed
      { date: '2026-06-04', free: 0 }, // Fronleichnam
      { date: '2026-06-05', free: 13 },
      { date: '2026-06-06', free: 0 },
      { date: '2026-06-07', free: 0 },
    ]);
  });

  it('lists the slots of a day with offsets; several services add up and round to the grid', async () => {
    const slots = await slotsOn('services=kita-anmeldung:1&date=2026-06-01');
    assert.equal(slots.length, 13);
    assert.deepEqual(slots[0], {
      id: 'kita-abteilung|2026-06-01T08:30:00+02:00',
      start: '2026-06-01T08:30:00+02:00',
      end: '2026-06-01T09:00:00+02:00',
      officeId: 'kita-abteilung',
    });
    // 2 × 30 + 45 = 105 minutes: the last start is 10:15.
    const combined = await slotsOn('services=kita-anmeldung:2,kita-vertrag&office=kita-abteilung&date=2026-06-01');
    assert.equal(combined.length, 8);
    assert.equal(combined.at(-1)!['start'], '2026-06-01T10:15:00+02:00');
    assert.equal(combined.at(-1)!['end'], '2026-06-01T12:00:00+02:00');
    // 20 minutes round up to 30.
    const arrears = await slotsOn('services=kita-zahlungsverzug&date=2026-06-01');
    assert.equal(arrears[0]!['end'], '2026-06-01T09:00:00+02:00');
  });

  it('respects the lead time: nothing sooner than 60 minutes from now', async () => {
    const slots = await slotsOn('services=kita-anmeldung&date=2026-05-29');
    assert.deepEqual(
      slots.map((s) => s['start']),
      ['2026-05-29T11:00:00+02:00', '2026-05-29T11:15:00+02:00', '2026-05-29T11:30:00+02:00'],
    );
  });

  it('respects the horizon and the range limits with German 400 problems', async () => {
    const base = '/api/v1/appointments/availability?services=kita-anmeldung';
    assert.equal((await get(`${base}&from=2026-07-01&to=2026-07-28`)).status, 200);
    const beyond = await get(`${base}&from=2026-07-01&to=2026-07-29`);
    assert.equal(beyond.status, 400);
    assert.match(beyond.body['detail'], /höchstens bis 28\.07\.2026/);
    const past = await get(`${base}&from=2026-05-28&to=2026-06-01`);
    assert.equal(past.status, 400);
    assert.match(past.body['detail'], /frühestens ab heute/);
    assert.equal((await get(`${base}&from=2026-06-05&to=2026-06-01`)).status, 400);
    const slotsBeyond = await get('/api/v1/appointments/slots?services=kita-anmeldung&date=2026-07-29');
    assert.equal(slotsBeyond.status, 400);
    assert.equal((await get(`${base}&from=2026-02-30&to=2026-06-01`)).status, 400);
  });

  it('rejects unknown services, counts above the maximum and services not offered together', async () => {
    const query = (services: string, office = '') =>
      get(`/api/v1/appointments/slots?services=${services}&date=2026-06-01${office ? `&office=${office}` : ''}`);
    const unknown = await query('kita-xyz:1');
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body['code'], 'validation');
    assert.match(unknown.body['detail'], /„kita-xyz“ gibt es nicht/);
    assert.equal(unknown.body['errors'][0].field, 'services');
    const tooMany = await query('kita-anmeldung:4');
    assert.equal(tooMany.status, 400);
    assert.match(tooMany.body['detail'], /1 bis 3 Personen/);
    assert.match((await query('kita-zahlungsverzug:2')).body['detail'], /nur für eine Person gebucht/);
    const apart = await query('kita-anmeldung,personalausweis');
    assert.equal(apart.status, 400);
    assert.match(apart.body['detail'], /kein Amt gemeinsam/);
    assert.match((await query('kita-anmeldung', 'buergerbuero')).body['detail'], /nicht alle gewählten/);
    assert.match((await query('kita-anmeldung', 'standesamt')).body['detail'], /vergibt keine Termine/);
    assert.equal((await query('kita-anmeldung:0')).status, 400);
    assert.equal((await query('kita-anmeldung,kita-anmeldung')).status, 400);
    assert.equal((await query('Kita%20Anmeldung')).status, 400);
  });

  it('closes on 25 December and applies office closures and special hours', async () => {
    clock.advance(Date.parse('2026-12-01T09:00:00Z') - clock().getTime());
    await db.query(
      `INSERT INTO office_exceptions (office_id, starts_on, ends_on, reason) VALUES ('kita-abteilung', '2026-12-11', '2026-12-11', 'Fortbildung')`,
    );
    const [special] = await db.query<{ id: string }>(
      `INSERT INTO office_exceptions (office_id, starts_on, ends_on, reason)
       VALUES ('kita-abteilung', '2026-12-14', '2026-12-14', 'Verkürzt') RETURNING id::text AS id`,
    );
    await db.query(`INSERT INTO office_exception_hours (exception_id, opens, closes) VALUES ($1, '10:00', '11:00')`, [special!.id]);
    const days = await freeDays('services=kita-anmeldung&from=2026-12-11&to=2026-12-25');
    const free = Object.fromEntries(days.map((d: Json) => [d['date'], d['free']]));
    assert.equal(free['2026-12-11'], 0); // closure (Friday)
    assert.equal(free['2026-12-14'], 3); // special hours 10–11: 10:00, 10:15, 10:30
    assert.equal(free['2026-12-18'], 13); // ordinary Friday
    assert.equal(free['2026-12-25'], 0); // 1. Weihnachtstag (Friday)
    const slots = await slotsOn('services=kita-anmeldung&date=2026-12-14');
    assert.equal(slots[0]!['start'], '2026-12-14T10:00:00+01:00');
  });

  it('has the right offsets on the weekend clocks go forward (29 March 2026)', async () => {
    clock.advance(Date.parse('2026-03-20T09:00:00Z') - clock().getTime());
    const saturday = await slotsOn('services=personalausweis&date=2026-03-28');
    assert.equal(saturday.length, 12);
    assert.deepEqual(saturday[0], {
      id: 'buergerbuero|2026-03-28T09:00:00+01:00',
      start: '2026-03-28T09:00:00+01:00',
      end: '2026-03-28T09:15:00+01:00',
      officeId: 'buergerbuero',
    });
    assert.equal(Date.parse(saturday[0]!['start']), Date.parse('2026-03-28T08:00:00Z'));
    const monday = await slotsOn('services=personalausweis&date=2026-03-30');
    assert.equal(monday[0]!['start'], '2026-03-30T08:00:00+02:00');
    assert.equal(monday.length, 16 + 8);
    const days = await freeDays('services=personalausweis&from=2026-03-28&to=2026-03-30');
    assert.deepEqual(days.map((d: Json) => d['free']), [12, 0, 24]);
  });

  it('has the right offsets on the weekend clocks go back (25 October 2026)', async () => {
    clock.advance(Date.parse('2026-10-20T09:00:00Z') - clock().getTime());
    const saturday = await slotsOn('services=wohnung-anmelden:2&office=buergerbuero&date=2026-10-24');
    assert.equal(saturday[0]!['start'], '2026-10-24T09:00:00+02:00');
    assert.equal(saturday[0]!['end'], '2026-10-24T09:30:00+02:00');
    const monday = await slotsOn('services=wohnung-anmelden:2&date=2026-10-26');
    assert.equal(monday[0]!['start'], '2026-10-26T08:00:00+01:00');
    assert.equal(Date.parse(monday[0]!['start']), Date.parse('2026-10-26T07:00:00Z'));
    const days = await freeDays('services=wohnung-anmelden:2&from=2026-10-24&to=2026-10-26');
    assert.deepEqual(days.map((d: Json) => d['free']), [11, 0, 15 + 7]);
  });
});
