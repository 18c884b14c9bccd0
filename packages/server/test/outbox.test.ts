import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Database } from '../src/db/database.js';
import { enqueueMail } from '../src/mail/queue.js';
import { MailWorker } from '../src/mail/worker.js';
import { json, manualClock, noDatabase, testApp, testConfig } from './support/app.js';
import { captureLogs } from './support/logs.js';
import { describeForEachStore } from './support/stores.js';

describeForEachStore('development outbox', (store) => {
  let db: Database;
  before(async () => {
    db = await store.openReady();
  });

  it('shows the mail queue newest first, queued and sent, as JSON and as a page', async () => {
    const clock = manualClock('2026-05-04T08:00:00Z');
    const logs = captureLogs();
    await enqueueMail(
      db,
      { to: 'erika.mustermann@example.org', subject: 'Ihr Termin im Bürgerbüro', text: 'Guten Tag,\nIhr Termin ist am 5. Mai um 9:30 Uhr.' },
      clock(),
    );
    // Without SMTP_URL in development the queue row itself is the delivery.
    assert.deepEqual(await new MailWorker({ config: testConfig().mail, db, clock, logger: logs.logger }).runOnce(), { sent: 1, failed: 0 });
    clock.advance(60_000);
    await enqueueMail(
      db,
      {
        to: 'max@example.org',
        subject: 'Bitte bestätigen <Sie> Ihre Adresse',
        text: 'Bitte öffnen Sie https://musterstadt.example/aktivieren?token=abc&x=1. Danke! <script>alert(1)</script>',
        html: '<p>HTML-Version</p>',
      },
      clock(),
    );
    assert.ok(!logs.lines.join('\n').includes('example.org'), 'mail log lines name no recipient');

    const app = testApp(db, { clock });
    const listed = await json<{ items: Array<{ to: string; subject: string; text: string; html: string | null; createdAt: string; status: string }> }>(
      await app.request('/api/dev/outbox'),
    );
    assert.deepEqual(
      listed.items.slice(0, 2).map((m) => m.to),
      ['max@example.org', 'erika.mustermann@example.org'],
    );
    assert.equal(listed.items[0]!.html, '<p>HTML-Version</p>');
    assert.equal(listed.items[1]!.createdAt, '2026-05-04T08:00:00.000Z');
    assert.deepEqual(
      listed.items.slice(0, 2).map((m) => m.status),
      ['queued', 'sent'],
    );

    const filtered = await json<{ items: Array<{ to: string }> }>(await app.request('/api/dev/outbox?to=Erika.Mustermann@example.org'));
    assert.deepEqual(
      filtered.items.map((m) => m.to),
      ['erika.mustermann@example.org'],
    );
    assert.equal((await app.request('/api/dev/outbox?to=not-an-address')).status, 400);

    const page = await app.request('/dev/outbox');
    assert.equal(page.status, 200);
    assert.match(page.headers.get('Content-Type') ?? '', /text\/html/);
    assert.match(page.headers.get('Content-Security-Policy') ?? '', /default-src 'none'/);
    const html = await page.text();
    assert.match(html, /<html lang="de">/);
    assert.ok(html.indexOf('Bitte bestätigen') < html.indexOf('Ihr Termin im Bürgerbüro'), 'newest first');
    assert.ok(html.includes('Bitte bestätigen &#60;Sie&#62;'), 'subject escaped');
    assert.match(html, /wartet auf Zustellung/);
    assert.match(html, /zugestellt/);
    assert.ok(!html.includes('<script>'), 'mail text escaped');
    assert.ok(
      html.includes('<a href="https://musterstadt.example/aktivieren?token=abc&#38;x=1">'),
      'links in the text are clickable, without the trailing full stop',
    );
  });

  it('deletes messages older than the retention period', async () => {
    const clock = manualClock('2026-06-01T08:00:00Z');
    await enqueueMail(db, { to: 'old@example.org', subject: 'Alt', text: 'alt' }, clock());
    clock.advance(8 * 86_400_000);
    const app = testApp(db, { clock, env: { OUTBOX_RETENTION_DAYS: '7' } });
    const { items } = await json<{ items: Array<{ to: string }> }>(await app.request('/api/dev/outbox'));
    assert.ok(!items.some((m) => m.to === 'old@example.org'));
  });
});

describe('outbox switched off', () => {
  it('answers 404 on both paths and leaves them out of the API document', async () => {
    const app = testApp(noDatabase, { env: { DEV_OUTBOX: 'off' } });
    assert.equal((await app.request('/dev/outbox')).status, 404);
    assert.equal((await app.request('/api/dev/outbox')).status, 404);
    const document = await json<{ paths: Record<string, unknown> }>(await app.request('/api/openapi.json'));
    assert.ok(!('/api/dev/outbox' in document.paths));
  });
});
