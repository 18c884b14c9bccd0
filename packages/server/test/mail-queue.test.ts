import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { Database } from '../src/db/database.js';
import { claimDueMail, enqueueMail, listMailQueue, type MailMessage } from '../src/mail/queue.js';
import { LEASE_MS, MailWorker, retryDelayMs, RETRY_CAP_MS } from '../src/mail/worker.js';
import { manualClock, testConfig } from './support/app.js';
import { captureLogs, silentLogger } from './support/logs.js';
import { serverProcesses } from './support/server-process.js';
import { startSmtp, type TestSmtp } from './support/smtp.js';
import { describeForEachStore } from './support/stores.js';

const PRODUCTION = { DEV_OUTBOX: 'off' };
const mail = (n: number): MailMessage => ({ to: `erika.${n}@example.org`, subject: `Nachricht ${n}`, text: `Text ${n}` });

describe('retry delays', () => {
  it('double from 30 s and stop growing at the cap', () => {
    assert.deepEqual([1, 2, 3, 4].map(retryDelayMs), [30_000, 60_000, 120_000, 240_000]);
    assert.equal(retryDelayMs(30), RETRY_CAP_MS);
  });
});

describeForEachStore('mail queue', (store) => {
  let db: Database;
  let smtp: TestSmtp;
  const processes = serverProcesses();
  before(async () => {
    db = await store.openReady();
    smtp = await startSmtp();
  });
  after(() => smtp.stop());
  beforeEach(async () => {
    await db.query('DELETE FROM mail_queue');
    smtp.messages.length = 0;
  });

  it('delivers through SMTP once and keeps nothing in production', async () => {
    const clock = manualClock('2026-05-04T08:00:00Z');
    const logs = captureLogs();
    const worker = new MailWorker({ config: testConfig({ ...PRODUCTION, SMTP_URL: smtp.url }).mail, db, clock, logger: logs.logger });
    await enqueueMail(db, [mail(1), { ...mail(2), html: '<p>Hallo</p>' }], clock());
    assert.deepEqual(await worker.runOnce(), { sent: 2, failed: 0 });
    assert.deepEqual(await worker.runOnce(), { sent: 0, failed: 0 });
    assert.equal(smtp.messages.length, 2);
    assert.match(smtp.messages[0]!, /^To: erika\.1@example\.org$/m);
    assert.match(smtp.messages[0]!, /^From: Stadt Musterstadt <noreply@musterstadt\.example>$/m);
    assert.match(smtp.messages[1]!, /<p>Hallo<\/p>/);
    assert.deepEqual(await listMailQueue(db, { limit: 10 }), [], 'a sent mail is deleted when there is no dev outbox');
    assert.ok(!logs.lines.join('\n').includes('example.org'), 'no address in the log');
  });

  it('retries with backoff while SMTP is down, then delivers exactly once', async () => {
    const clock = manualClock('2026-05-04T08:00:00Z');
    const logs = captureLogs();
    const down = await startSmtp();
    await down.stop();
    const worker = new MailWorker({ config: testConfig({ ...PRODUCTION, SMTP_URL: down.url }).mail, db, clock, logger: logs.logger });
    await enqueueMail(db, mail(1), clock());
    assert.deepEqual(await worker.runOnce(), { sent: 0, failed: 1 });
    const [queued] = await db.query<{ attempts: number; last_error: string; next_attempt_at: Date }>('SELECT attempts, last_error, next_attempt_at FROM mail_queue');
    assert.equal(queued!.attempts, 1);
    assert.equal(queued!.last_error, 'ESOCKET');
    assert.equal(new Date(queued!.next_attempt_at).getTime(), clock().getTime() + 30_000);

    await down.start();
    clock.advance(29_000);
    assert.deepEqual(await worker.runOnce(), { sent: 0, failed: 0 }, 'not before the backoff ran out');
    clock.advance(1_000);
    assert.deepEqual(await worker.runOnce(), { sent: 1, failed: 0 });
    assert.deepEqual(await worker.runOnce(), { sent: 0, failed: 0 });
    assert.equal(down.messages.length, 1);
    await down.stop();
    const warning = logs.entries().find((e) => e['msg'] === 'mail delivery failed, will retry');
    assert.ok(warning, 'the failure is logged');
    assert.ok(!logs.lines.join('\n').includes('example.org'), 'no address in the log');
  });

  it('gives up after MAIL_MAX_ATTEMPTS and logs the dead mail without personal data', async () => {
    const clock = manualClock('2026-05-04T08:00:00Z');
    const logs = captureLogs();
    const failing = async () => {
      throw Object.assign(new Error('421 erika.1@example.org try later'), { code: 'EPROTOCOL', responseCode: 421 });
    };
    const worker = new MailWorker({ config: testConfig({ ...PRODUCTION, MAIL_MAX_ATTEMPTS: '3' }).mail, db, clock, logger: logs.logger, deliver: failing });
    await enqueueMail(db, mail(1), clock());
    for (let attempt = 1; attempt <= 3; attempt++) {
      assert.deepEqual(await worker.runOnce(), { sent: 0, failed: 1 });
      clock.advance(RETRY_CAP_MS);
    }
    assert.deepEqual(await worker.runOnce(), { sent: 0, failed: 0 }, 'a dead mail is not tried again');
    const [row] = await db.query<{ attempts: number; dead_at: Date | null; last_error: string }>('SELECT attempts, dead_at, last_error FROM mail_queue');
    assert.equal(row!.attempts, 3);
    assert.ok(row!.dead_at);
    assert.equal(row!.last_error, 'EPROTOCOL 421');
    assert.ok(logs.entries().some((e) => e['msg'] === 'mail dead' && e['attempts'] === 3));
    assert.ok(!logs.lines.join('\n').includes('example.org'), 'no address in the log');
  });

  it('gives up at once on a permanent rejection (5xx)', async () => {
    const clock = manualClock('2026-05-04T08:00:00Z');
    const rejecting = async () => {
      throw Object.assign(new Error('550 no such user'), { code: 'EENVELOPE', responseCode: 550 });
    };
    const worker = new MailWorker({ config: testConfig(PRODUCTION).mail, db, clock, logger: silentLogger, deliver: rejecting });
    await enqueueMail(db, mail(1), clock());
    assert.deepEqual(await worker.runOnce(), { sent: 0, failed: 1 });
    const [row] = await db.query<{ dead_at: Date | null }>('SELECT dead_at FROM mail_queue');
    assert.ok(row!.dead_at);
  });

  it('keeps mail queued in production without SMTP_URL and says so once', async () => {
    const clock = manualClock('2026-05-04T08:00:00Z');
    const logs = captureLogs();
    const worker = new MailWorker({ config: testConfig(PRODUCTION).mail, db, clock, logger: logs.logger });
    await enqueueMail(db, mail(1), clock());
    await worker.runOnce();
    await worker.runOnce();
    const [row] = await db.query<{ attempts: number; sent_at: Date | null }>('SELECT attempts, sent_at FROM mail_queue');
    assert.deepEqual(row, { attempts: 0, sent_at: null });
    assert.equal(logs.entries().filter((e) => e['msg'] === 'mail undeliverable: SMTP_URL is not set').length, 1);
  });

  it('discards queued mail with SMTP_URL=off instead of keeping personal data that is never sent', async () => {
    const clock = manualClock('2026-05-04T08:00:00Z');
    const logs = captureLogs();
    const worker = new MailWorker({ config: testConfig({ ...PRODUCTION, SMTP_URL: 'off' }).mail, db, clock, logger: logs.logger });
    await enqueueMail(db, mail(1), clock());
    await worker.runOnce();
    assert.deepEqual(await db.query('SELECT id FROM mail_queue'), []);
    assert.ok(!logs.lines.some((line) => line.includes('undeliverable')));
  });

  it('a claimed mail is nobody else\'s until its lease runs out (a crashed sender\'s mail comes back)', async () => {
    const clock = manualClock('2026-05-04T08:00:00Z');
    await enqueueMail(db, mail(1), clock());
    const lease = new Date(clock().getTime() + LEASE_MS);
    assert.equal((await claimDueMail(db, clock(), lease, 10)).length, 1);
    assert.equal((await claimDueMail(db, clock(), lease, 10)).length, 0);
    clock.advance(LEASE_MS);
    const [again] = await claimDueMail(db, clock(), new Date(clock().getTime() + LEASE_MS), 10);
    assert.equal(again!.attempts, 2);
  });

  it('two workers draining one queue at once send every mail once', async () => {
    const clock = manualClock('2026-05-04T08:00:00Z');
    const other = await store.open();
    await enqueueMail(db, Array.from({ length: 40 }, (_, i) => mail(i)), clock());
    const delivered: string[] = [];
    // A slow mail server makes the workers overlap.
    const deliver = async (message: MailMessage) => {
      await new Promise((resolve) => setTimeout(resolve, 2));
      delivered.push(message.to);
    };
    const config = testConfig(PRODUCTION).mail;
    const results = await Promise.all([
      new MailWorker({ config, db, clock, logger: silentLogger, deliver }).runOnce(),
      new MailWorker({ config, db: other, clock, logger: silentLogger, deliver }).runOnce(),
    ]);
    assert.equal(results[0]!.sent + results[1]!.sent, 40);
    assert.equal(delivered.length, 40);
    assert.equal(new Set(delivered).size, 40);
  });

  it(
    'two server processes on one PostgreSQL share the queue and send each mail once',
    { skip: store.kind === 'pglite' ? 'PGlite lives inside one process; this needs PostgreSQL' : false, timeout: 60_000 },
    async () => {
      const config = await store.prepare();
      assert.equal(config.kind, 'postgres');
      await enqueueMail(db, Array.from({ length: 60 }, (_, i) => mail(i)), new Date());
      const env = { SMTP_URL: smtp.url, MAIL_POLL_INTERVAL_MS: '50' };
      await Promise.all([processes.start(config.url, env), processes.start(config.url, env)]);
      while (smtp.messages.length < 60) await new Promise((resolve) => setTimeout(resolve, 100));
      await new Promise((resolve) => setTimeout(resolve, 500));
      const recipients = smtp.messages.map((m) => /^To: (\S+)$/m.exec(m)![1]);
      assert.equal(recipients.length, 60);
      assert.equal(new Set(recipients).size, 60);
    },
  );
});
