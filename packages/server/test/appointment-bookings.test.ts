import assert from 'node:assert/strict';
import { before, beforeEach, it } from 'node:test';
import type { App } from '../src/app.js';
import { purgeExpiredAppointments } from '../src/appointments/bookings.js';
import type { Database } from '../src/db/database.js';
import { listMailQueue, type QueuedMailEntry } from '../src/mail/queue.js';
import { MailWorker, retryDelayMs } from '../src/mail/worker.js';
import { json, manualClock, testApp, testConfig } from './support/app.js';
import { captureLogs, silentLogger } from './support/logs.js';
import { startSmtp } from './support/smtp.js';
import { describeForEachStore } from './support/stores.js';

type Json = Record<string, any>;
const RETURN_URL = 'https://www.musterstadt.example/kita/termine';
const CONTACT = { name: 'Erika Mustermann', email: 'erika@example.org', phone: '+49 1234 567' };
const CHILD = { child_birth_date: '2024-03-01', child_name: 'Max' };

describeForEachStore('appointment booking', (store) => {
  let db: Database;
  let app: App;
  let clock: ReturnType<typeof manualClock>;
  const logs = captureLogs();

  const call = async (method: string, path: string, body?: Json) => {
    const response = await app.request(`/api/v1/appointments${path}`, {
      method,
      ...(body ? { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, body: response.status === 204 ? {} : await json<Json>(response) };
  };
  const reserve = async (time: string) => {
    const { status, body } = await call('POST', '/reservations', {
      services: [{ serviceId: 'kita-anmeldung', count: 1 }],
      slotId: `kita-abteilung|2026-06-01T${time}:00+02:00`,
    });
    assert.equal(status, 201);
    return body;
  };
  const book = (reservation: Json, overrides: Json = {}) =>
    call('POST', `/reservations/${reservation['id']}/booking`, {
      secret: reservation['secret'],
      contact: CONTACT,
      fields: CHILD,
      consent: true,
      returnUrl: RETURN_URL,
      ...overrides,
    });
  /** Queued mails, oldest first. */
  const mails = async () => (await listMailQueue(db, { limit: 100 })).reverse();
  const tokenIn = (mail: QueuedMailEntry, action: string) => new RegExp(`#muni-appointment=${action}:([A-Za-z0-9_-]{43})`).exec(mail.text)![1]!;
  const freeStarts = async () => {
    const response = await app.request('/api/v1/appointments/slots?services=kita-anmeldung&date=2026-06-01');
    return ((await json<Json>(response))['slots'] as Json[]).map((s) => String(s['start']).slice(11, 16));
  };
  const bookAndActivate = async (time: string) => {
    await book(await reserve(time));
    const activated = await call('POST', '/activate', { token: tokenIn((await mails()).at(-1)!, 'activate') });
    assert.equal(activated.status, 200);
    return activated.body;
  };

  before(async () => {
    db = await store.openReady();
    await db.query('DELETE FROM office_exceptions');
    await db.query(`UPDATE appointment_calendars SET counters = 1 WHERE office_id = 'kita-abteilung'`);
  });
  beforeEach(async () => {
    clock = manualClock('2026-05-29T08:00:00Z'); // Friday 10:00 in Berlin
    app = testApp(db, {
      clock,
      logger: logs.logger,
      // The proof-of-work check has its own tests (bot-protection.test.ts).
      env: { CORS_ORIGINS: 'https://www.musterstadt.example', BOT_PROTECTION: 'false' },
    });
    await db.query('DELETE FROM appointments');
    await db.query('DELETE FROM mail_queue');
    await db.query('DELETE FROM appointment_reservations');
  });

  it('books with double opt-in: activation mail, confirmation with management link, slot kept for good', async () => {
    const reservation = await reserve('09:00');
    const booked = await book(reservation);
    assert.equal(booked.status, 202);
    assert.deepEqual(booked.body, { kind: 'activation-sent', expiresAt: '2026-05-29T11:00:00+02:00' });
    assert.equal((await mails()).length, 1);
    const [activation] = await mails();
    assert.equal(activation!.to, CONTACT.email);
    assert.equal(activation!.subject, 'Bitte bestätigen Sie Ihren Termin');
    assert.match(activation!.text, /Anmeldung Kindertagesbetreuung/);
    assert.match(activation!.text, /Montag, 1\. Juni 2026, 09:00 bis 09:30 Uhr/);
    assert.match(activation!.text, /Kita-Abteilung \(Jugendamt\), Lindenstraße 14, 12345 Musterstadt/);
    assert.ok(activation!.text.includes(`${RETURN_URL}#muni-appointment=activate:`));

    // The hold now lasts for the activation hour.
    clock.advance(30 * 60_000);
    assert.ok(!(await freeStarts()).includes('09:00'));
    const token = tokenIn(activation!, 'activate');
    const activated = await call('POST', '/activate', { token });
    assert.equal(activated.status, 200);
    const appointment = activated.body;
    assert.equal(appointment['status'], 'confirmed');
    assert.deepEqual(appointment['services'], [{ serviceId: 'kita-anmeldung', count: 1, name: 'Anmeldung Kindertagesbetreuung' }]);
    assert.deepEqual(appointment['slot'], reservation['slot']);
    assert.equal(appointment['office'].id, 'kita-abteilung');
    assert.equal(appointment['office'].street, 'Lindenstraße 14');
    assert.match(appointment['managementToken'], /^[A-Za-z0-9_-]{43}$/);
    assert.equal((await mails()).length, 2);
    assert.equal((await mails())[1]!.subject, 'Ihr Termin ist bestätigt');
    assert.equal(tokenIn((await mails())[1]!, 'manage'), appointment['managementToken']);

    const again = await call('POST', '/activate', { token });
    assert.equal(again.status, 200);
    assert.deepEqual(again.body, appointment);
    assert.equal((await mails()).length, 2);

    clock.advance(2 * 86_400_000);
    assert.ok(!(await freeStarts()).includes('09:00'));
    const managed = await call('GET', `/manage/${appointment['managementToken']}`);
    assert.equal(managed.status, 200);
    assert.deepEqual(managed.body, appointment);
    // Tokens and secrets are stored only hashed.
    const [row] = await db.query<Json>('SELECT * FROM appointments');
    assert.ok(!JSON.stringify(row).includes(token) && !JSON.stringify(row).includes(appointment['managementToken']));
  });

  it('reschedules onto a newly reserved slot and releases the old one; cancels and releases', async () => {
    const appointment = await bookAndActivate('09:00');
    const token = appointment['managementToken'];
    const next = await reserve('10:00');
    const moved = await call('POST', `/manage/${token}/reschedule`, { reservationId: next['id'], secret: next['secret'] });
    assert.equal(moved.status, 200);
    assert.equal(moved.body['slot'].start, '2026-06-01T10:00:00+02:00');
    assert.equal(moved.body['id'], appointment['id']);
    assert.equal((await mails()).at(-1)!.subject, 'Ihr Termin wurde verschoben');
    assert.match((await mails()).at(-1)!.text, /10:00 bis 10:30 Uhr/);
    let starts = await freeStarts();
    assert.ok(starts.includes('09:00') && !starts.includes('10:00'));
    // The moved-to slot is permanent: its hold does not expire.
    clock.advance(86_400_000);
    assert.ok(!(await freeStarts()).includes('10:00'));
    // A reservation already used cannot be released or extended any more.
    const release = await app.request(`/api/v1/appointments/reservations/${next['id']}`, {
      method: 'DELETE',
      headers: { 'Reservation-Secret': next['secret'] },
    });
    assert.equal(release.status, 409);

    const cancelled = await call('POST', `/manage/${token}/cancel`);
    assert.equal(cancelled.status, 200);
    assert.equal(cancelled.body['status'], 'cancelled');
    assert.equal((await mails()).at(-1)!.subject, 'Ihr Termin ist abgesagt');
    starts = await freeStarts();
    assert.ok(starts.includes('10:00'));
    const count = (await mails()).length;
    assert.equal((await call('POST', `/manage/${token}/cancel`)).body['status'], 'cancelled');
    assert.equal((await mails()).length, count);
    const claims = await db.query('SELECT 1 FROM slot_claims');
    assert.equal(claims.length, 0);
  });

  it('books while the mail server is down (202, not 500); the mail goes out exactly once when it is back', async () => {
    const smtp = await startSmtp();
    await smtp.stop();
    const env = { CORS_ORIGINS: 'https://www.musterstadt.example', BOT_PROTECTION: 'false', DEV_OUTBOX: 'off', SMTP_URL: smtp.url };
    app = testApp(db, { clock, env });
    const worker = new MailWorker({ config: testConfig(env).mail, db, clock, logger: silentLogger });
    const booked = await book(await reserve('09:00'));
    assert.equal(booked.status, 202);
    assert.deepEqual(await worker.runOnce(), { sent: 0, failed: 1 });
    await smtp.start();
    clock.advance(retryDelayMs(1));
    assert.deepEqual(await worker.runOnce(), { sent: 1, failed: 0 });
    assert.deepEqual(await worker.runOnce(), { sent: 0, failed: 0 });
    await smtp.stop();
    assert.equal(smtp.messages.length, 1);
    assert.match(smtp.messages[0]!, /^To: erika@example\.org$/m);
    assert.match(smtp.messages[0]!, /^Subject: =\?UTF-8\?Q\?Bitte_best=C3=A4tigen_Sie_Ihren_Termin\?=$/m);
    assert.match(smtp.messages[0]!.replace(/=\r\n/g, ''), /termine#muni-appointment=3Dactivate:/);
  });

  it('a booking that fails leaves no mail behind (mail and booking commit together)', async () => {
    const reservation = await reserve('09:00');
    assert.equal((await book(reservation, { fields: { child_name: 'Max' } })).status, 400);
    assert.equal((await book(reservation, { secret: 'z'.repeat(43) })).status, 403);
    assert.equal((await mails()).length, 0);
  });

  it('rejects missing required details, missing consent and foreign return URLs', async () => {
    const reservation = await reserve('09:30');
    const missing = await book(reservation, { fields: { child_birth_date: '2024-02-30x' } });
    assert.equal(missing.status, 400);
    assert.deepEqual(
      missing.body['errors'].map((e: Json) => [e.field, e.code]),
      [
        ['fields.child_birth_date', 'invalid_format'],
        ['fields.child_name', 'required'],
      ],
    );
    const unknown = await book(reservation, { fields: { ...CHILD, customer_number: '1' } });
    assert.equal(unknown.body['errors'][0].field, 'fields.customer_number');
    assert.equal((await book(reservation, { consent: false })).status, 400);
    const phishing = await book(reservation, { returnUrl: 'https://evil.example/kita' });
    assert.equal(phishing.status, 400);
    assert.equal(phishing.body['errors'][0].field, 'returnUrl');
    assert.equal((await book(reservation, { returnUrl: 'javascript:alert(1)' })).status, 400);
    // Credentials in a link make it read as another site ("www.musterstadt.example@…" tricks); refused as for payments.
    const credentials = await book(reservation, { returnUrl: 'https://login:secret@www.musterstadt.example/kita/termine' });
    assert.equal(credentials.status, 400);
    assert.equal(credentials.body['errors'][0].code, 'not_allowed');
    assert.equal((await book(reservation, { secret: 'z'.repeat(43) })).status, 403);
    assert.equal((await mails()).length, 0);
    // In production (no dev outbox) the Host header decides nothing: a forged one cannot turn our mails into phishing.
    const production = testApp(db, { clock, env: { CORS_ORIGINS: 'https://www.musterstadt.example', BOT_PROTECTION: 'false', DEV_OUTBOX: 'false' } });
    const forged = await production.request(`/api/v1/appointments/reservations/${reservation['id']}/booking`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Host: 'evil.example' },
      body: JSON.stringify({ secret: reservation['secret'], contact: CONTACT, fields: CHILD, consent: true, returnUrl: 'http://evil.example/kita' }),
    });
    assert.equal(forged.status, 400);
    // On a development server its own origin is allowed, so the demo works without configuration.
    assert.equal((await book(reservation, { returnUrl: 'http://localhost/termine' })).status, 202);
    assert.equal((await book(reservation)).status, 409);
  });

  it('an expired activation link answers 410 and the slot is free again', async () => {
    await book(await reserve('11:00'));
    clock.advance(61 * 60_000);
    assert.ok((await freeStarts()).includes('11:00'));
    const late = await call('POST', '/activate', { token: tokenIn((await mails())[0]!, 'activate') });
    assert.equal(late.status, 410);
    assert.equal(late.body['code'], 'gone');
    assert.equal((await call('POST', '/activate', { token: 'a'.repeat(43) })).status, 404);
    assert.equal((await call('GET', `/manage/${'b'.repeat(43)}`)).status, 404);
  });

  it('deletes personal data APPOINTMENT_RETENTION_DAYS after the appointment, and abandoned bookings', async () => {
    await bookAndActivate('08:30');
    await book(await reserve('11:30')); // never activated
    const personal = async () =>
      db.query<{ status: string; contact: unknown; fields: unknown }>('SELECT status, contact, fields FROM appointments ORDER BY starts_at');
    // 1 June + 14 days, just before the end of the appointment plus retention.
    clock.advance(Date.parse('2026-06-15T06:59:00Z') - clock().getTime());
    assert.equal(await purgeExpiredAppointments(db, clock, { retentionDays: 14 }), 1); // the abandoned one
    let rows = await personal();
    assert.equal(rows.length, 1);
    assert.notEqual(rows[0]!.contact, null);
    clock.advance(2 * 60_000);
    assert.equal(await purgeExpiredAppointments(db, clock, { retentionDays: 14 }), 1);
    rows = await personal();
    assert.deepEqual(rows, [{ status: 'confirmed', contact: null, fields: null }]);
    assert.equal(await purgeExpiredAppointments(db, clock, { retentionDays: 14 }), 0);
  });

  it('never logs names, e-mail addresses, tokens or secrets', async () => {
    const appointment = await bookAndActivate('10:30');
    await call('GET', `/manage/${appointment['managementToken']}`);
    const text = logs.lines.join('\n');
    for (const secret of [CONTACT.name, CONTACT.email, 'Mustermann', appointment['managementToken'], tokenIn((await mails())[0]!, 'activate')]) {
      assert.ok(!text.includes(secret), `log contains ${secret.slice(0, 8)}…`);
    }
  });
});
