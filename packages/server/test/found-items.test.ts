import assert from 'node:assert/strict';
import { before, beforeEach, describe, it } from 'node:test';
import type { App } from '../src/app.js';
import { DEV_FOUND_ITEMS_API_KEY, loadConfig } from '../src/config.js';
import type { Database } from '../src/db/database.js';
import { HELD_BACK_COLUMNS, PUBLIC_FOUND_ITEM_COLUMNS } from '../src/found-items/public-projection.js';
import { purgeFoundItemData } from '../src/found-items/purge.js';
import { foldLoosely as fold } from '@muni-widgets/core/text';
import { SEEDED_FOUND_ITEMS } from '../src/seed/found-items.js';
import { json, manualClock, testApp } from './support/app.js';
import { describeForEachStore } from './support/stores.js';

type Json = Record<string, any>;
const KEY = 'test-fundbuero-key-0123456789abcdef';
const ORIGIN = 'https://www.musterstadt.example';
const RETURN_URL = `${ORIGIN}/fundbuero`;
const DAY = 86_400_000;
const ENV = { CORS_ORIGINS: ORIGIN, BOT_PROTECTION: 'false', FOUND_ITEMS_API_KEY: KEY };
const CONTACT = { name: 'Erika Mustermann', email: 'erika@example.org', phone: '+49 1234 567' };

describe('text folding', () => {
  it('treats umlauts, their transcriptions and plain vowels alike', () => {
    assert.equal(fold('Schlüssel'), fold('Schluessel'));
    assert.equal(fold('Schlüssel'), fold('schlussel'));
    assert.equal(fold('Geldbörse, STRAßE'), 'geldborse strasse');
  });

  it('keeps letters without a decomposition, so "Lodz" finds "Łódź" (they were dropped)', () => {
    assert.equal(fold('Geldbörse aus Łódź'), fold('Geldborse aus Lodz'));
    assert.equal(fold('Søren'), 'soren');
  });

  it('the public projection selects no held-back column', () => {
    for (const column of HELD_BACK_COLUMNS) assert.ok(!PUBLIC_FOUND_ITEM_COLUMNS.includes(column), column);
    assert.ok(!/\bf\.brand\b(?!_public)/.test(PUBLIC_FOUND_ITEM_COLUMNS.replace('THEN f.brand END', '')), 'brand only through brand_public');
  });
});

describe('found items configuration', () => {
  it('has a development key in development mode only, and defaults for the retention', () => {
    const dev = loadConfig({ MUNI_DEV_MODE: 'on' }, '/srv');
    assert.deepEqual(dev.foundItems, { apiKey: DEV_FOUND_ITEMS_API_KEY, lossReportRetentionDays: 180, claimRetentionDays: 30 });
    assert.equal(loadConfig({}, '/srv').foundItems.apiKey, undefined);
    const set = loadConfig({ FOUND_ITEMS_API_KEY: KEY, LOSS_REPORT_RETENTION_DAYS: '90', FOUND_ITEM_CLAIM_RETENTION_DAYS: '14' }, '/srv');
    assert.deepEqual(set.foundItems, { apiKey: KEY, lossReportRetentionDays: 90, claimRetentionDays: 14 });
    assert.throws(() => loadConfig({ FOUND_ITEMS_API_KEY: 'short' }), /FOUND_ITEMS_API_KEY: at least 24 characters/);
    assert.throws(() => loadConfig({ LOSS_REPORT_RETENTION_DAYS: '0' }), /LOSS_REPORT_RETENTION_DAYS/);
  });
});

describeForEachStore('found items: seed', (store) => {
  let db: Database;
  let app: App;
  before(async () => {
    db = await store.openReady();
    app = testApp(db, { env: ENV });
  });

  it('holds a few hundred realistic finds of the last six months, with held-back details', async () => {
    const [stats] = await db.query<Json>(
      `SELECT count(*)::int AS total, count(DISTINCT category_id)::int AS categories, count(DISTINCT reference)::int AS refs,
              count(*) FILTER (WHERE status = 'open')::int AS open, count(*) FILTER (WHERE status = 'handed_over')::int AS handed_over,
              count(*) FILTER (WHERE contents IS NOT NULL OR serial_number IS NOT NULL OR document_names IS NOT NULL)::int AS held_back,
              (max(found_on) - min(found_on))::int AS span
         FROM found_items`,
    );
    assert.equal(stats!['total'], SEEDED_FOUND_ITEMS);
    assert.equal(stats!['refs'], SEEDED_FOUND_ITEMS);
    assert.equal(stats!['categories'], 10);
    assert.ok(stats!['open'] > 150 && stats!['handed_over'] > 20, JSON.stringify(stats));
    assert.equal(stats!['held_back'], SEEDED_FOUND_ITEMS);
    assert.ok(stats!['span'] > 150 && stats!['span'] <= 182, `span ${stats!['span']}`);
  });

  it('searches the seed: umlaut-insensitive, newest first, with a total', async () => {
    const { items, total, pageCount } = await json<Json>(await app.request('/api/v1/found-items?q=schluessel&pageSize=10'));
    assert.ok(total > 10);
    assert.equal(pageCount, Math.ceil(total / 10));
    assert.ok(items.every((i: Json) => i.status === 'open'));
    const sorted = [...items].sort((a: Json, b: Json) => b.foundOn.localeCompare(a.foundOn));
    assert.deepEqual(items.map((i: Json) => i.foundOn), sorted.map((i: Json) => i.foundOn));
    const same = await json<Json>(await app.request('/api/v1/found-items?q=Schl%C3%BCssel&pageSize=10'));
    assert.equal(same['total'], total);
  });

  it('lists categories with counts, colours and the pickup information with the fee table', async () => {
    const { categories } = await json<Json>(await app.request('/api/v1/found-items/categories'));
    assert.equal(categories.length, 10);
    assert.deepEqual(categories[0], { id: 'geldboerse', name: 'Geldbörse', openCount: categories[0].openCount });
    const { colours } = await json<Json>(await app.request('/api/v1/found-items/colours'));
    assert.ok(colours.some((c: Json) => c.id === 'weiss' && c.name === 'weiß'));
    const response = await app.request('/api/v1/found-items/pickup-info');
    assert.equal(response.status, 200);
    assert.ok(response.headers.get('ETag'));
    const pickup = await json<Json>(response);
    assert.equal(pickup['office'].id, 'fundbuero');
    assert.equal(pickup['office'].address.street, 'Rathausplatz 1');
    assert.equal(pickup['retention'].months, 6);
    assert.match(pickup['finderReward'], /§ 971 BGB/);
    assert.ok(pickup['requiredDocuments'].some((d: string) => /Personalausweis/.test(d)));
    assert.ok(pickup['fees'].some((f: Json) => f.category === 'fahrrad' && f.amountCents === 2000));
  });
});

describeForEachStore('found items', (store) => {
  let db: Database;
  let app: App;
  let clock: ReturnType<typeof manualClock>;

  const request = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await app.request(`/api/v1${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, body: text ? (JSON.parse(text) as Json) : {} };
  };
  const office = (method: string, path: string, body?: unknown, key = KEY) =>
    request(method, `/office${path}`, body, { Authorization: `Bearer ${key}` });
  const register = async (overrides: Json = {}) => {
    const result = await office('POST', '/found-items', {
      category: 'geldboerse',
      colour: 'schwarz',
      description: 'Schwarze Lederbörse',
      foundOn: '2026-06-10',
      foundPlace: 'Hauptbahnhof, Gleis 3',
      ...overrides,
    });
    assert.equal(result.status, 201, result.text);
    return result.body;
  };
  const reportLoss = (overrides: Json = {}, headers: Record<string, string> = {}) =>
    request(
      'POST',
      '/loss-reports',
      {
        category: 'geldboerse',
        description: 'Schwarze Geldbörse aus Leder, darin mein Ausweis',
        colour: 'schwarz',
        lostOn: '2026-06-09',
        lostPlace: 'Hauptbahnhof',
        contact: CONTACT,
        consent: true,
        returnUrl: RETURN_URL,
        ...overrides,
      },
      headers,
    );
  const claim = (reference: string, overrides: Json = {}, headers: Record<string, string> = {}) =>
    request(
      'POST',
      `/found-items/${reference}/claims`,
      { contact: CONTACT, identifyingFeatures: 'Darin 35 Euro und eine Bahncard auf meinen Namen', consent: true, ...overrides },
      headers,
    );
  const outbox = async (to = CONTACT.email): Promise<Json[]> => (await json<Json>(await app.request(`/api/dev/outbox?to=${encodeURIComponent(to)}`)))['items'];
  const manageToken = (mail: Json) => /#muni-found-item=manage:([A-Za-z0-9_-]{43})/.exec(mail['text'])![1]!;
  const activationToken = (mail: Json) => /#muni-found-item=activate:([A-Za-z0-9_-]{43})/.exec(mail['text'])![1]!;
  /** A loss report confirmed through the link in its activation mail, as its owner would. */
  const reportAndConfirm = async (overrides: Json = {}) => {
    const report = await reportLoss(overrides);
    assert.equal(report.status, 202, report.text);
    const to = (overrides['contact'] as Json | undefined)?.['email'] ?? CONTACT.email;
    const mail = (await outbox(to)).find((m) => m['subject'] === `Bitte bestätigen Sie Ihre Verlustanzeige ${report.body['reference']}`);
    const activated = await request('POST', '/loss-reports/activate', { token: activationToken(mail!) });
    assert.equal(activated.status, 200, activated.text);
    return report;
  };

  before(async () => {
    db = await store.openReady();
  });
  beforeEach(async () => {
    clock = manualClock('2026-06-15T08:00:00Z'); // Monday, 10:00 in Musterstadt
    app = testApp(db, { clock, env: ENV });
    for (const table of ['found_items', 'loss_reports', 'mail_queue', 'idempotency_keys']) await db.query(`DELETE FROM ${table}`);
  });

  it('the office API wants its key: 401 without or with a wrong one, 503 in production without one', async () => {
    const body = { category: 'geldboerse', description: 'Börse', foundOn: '2026-06-10', foundPlace: 'Markt' };
    const none = await request('POST', '/office/found-items', body);
    assert.equal(none.status, 401);
    assert.equal(none.headers.get('Content-Type'), 'application/problem+json');
    assert.equal(none.body['code'], 'unauthorized');
    assert.match(none.headers.get('WWW-Authenticate') ?? '', /^Bearer/);
    assert.equal((await office('POST', '/found-items', body, 'wrong-key-wrong-key-wrong-key')).status, 401);
    assert.equal((await office('GET', '/found-items/F-2026-00001', undefined, `${KEY}x`)).status, 401);
    assert.equal((await office('PATCH', '/found-items/F-2026-00001', { status: 'closed' }, 'x')).status, 401);
    // Invalid input with a wrong key is still 401: the key is checked first.
    assert.equal((await office('POST', '/found-items', { nonsense: true }, 'x')).status, 401);

    const production = testApp(db, { env: { MUNI_DEV_MODE: 'off', BOT_PROTECTION: 'false' } });
    const response = await production.request('/api/v1/office/found-items/F-2026-00001', { headers: { Authorization: 'Bearer anything' } });
    assert.equal(response.status, 503);
    // In development mode without a configured key, the documented development key works.
    const dev = testApp(db, { env: { BOT_PROTECTION: 'false' } });
    const devResponse = await dev.request('/api/v1/office/found-items/F-2026-00001', {
      headers: { Authorization: 'Bearer dev-fundbuero-musterstadt-nicht-produktiv' },
    });
    assert.equal(devResponse.status, 404);
  });

  it('registers finds with references and searches them: filters, order, pages, totals', async () => {
    const first = await register({ description: 'Lederbörse mit Reißverschluss', foundOn: '2026-06-01' });
    assert.match(first['reference'], /^F-2026-\d{5}$/);
    assert.equal(first['status'], 'open');
    assert.equal(first['keptUntil'], '2026-12-15');
    await register({ category: 'schluessel', colour: 'silber', description: 'Schlüsselbund mit rotem Anhänger', foundOn: '2026-06-12', foundPlace: 'Stadtpark' });
    await register({ category: 'schluessel', colour: null, description: 'Einzelner Schlüssel', foundOn: '2026-06-12', foundPlace: 'Linie 7' });
    await register({ category: 'fahrrad', colour: 'blau', brand: 'Gazelle', brandPublic: true, description: 'Damenrad, 28 Zoll', foundOn: '2026-05-20', foundPlace: 'Freibad' });
    await register({ category: 'mobiltelefon', colour: 'weiss', brand: 'Samsung', brandPublic: false, description: 'Smartphone mit Hülle', foundOn: '2026-06-14', foundPlace: 'Rathausplatz' });
    const closed = await register({ description: 'Schwarze Lederbörse', foundOn: '2026-06-13' });
    await office('PATCH', `/found-items/${closed['reference']}`, { status: 'handed_over' });
    for (let i = 0; i < 23; i++) await register({ category: 'kleidung', colour: 'grau', description: `Mütze Nr. ${i}`, foundOn: `2026-05-${String(10 + (i % 5)).padStart(2, '0')}`, foundPlace: 'Schulzentrum' });

    const search = async (query: string) => {
      const result = await request('GET', `/found-items?${query}`);
      assert.equal(result.status, 200, `${query}: ${result.text}`);
      return result.body;
    };
    const all = await search('pageSize=100');
    assert.equal(all['total'], 28, 'the handed-over find is not listed');
    const keys = all['items'].map((i: Json) => i.foundOn);
    assert.deepEqual(keys, [...keys].sort().reverse(), 'newest first');
    assert.equal(all['items'][0].description, 'Smartphone mit Hülle');
    // Same day: the later registration first.
    assert.deepEqual(all['items'].slice(1, 3).map((i: Json) => i.description), ['Einzelner Schlüssel', 'Schlüsselbund mit rotem Anhänger']);

    assert.equal((await search('q=schluessel'))['total'], 2);
    assert.equal((await search('q=SCHLÜSSELBUND%20rot'))['total'], 1);
    assert.equal((await search('q=b%C3%B6rse'))['total'], 1, 'a word part finds the compound');
    assert.equal((await search('q=gazelle'))['total'], 1, 'a public brand is searchable');
    assert.equal((await search('q=samsung'))['total'], 0, 'a brand held back is not');
    assert.equal((await search('q=grau%20m%C3%BCtze'))['total'], 23);
    assert.equal((await search('category=schluessel'))['total'], 2);
    assert.equal((await search('colour=silber'))['total'], 1);
    assert.equal((await search('from=2026-06-01&to=2026-06-12'))['total'], 3);
    assert.equal((await search('to=2026-05-31'))['total'], 24);
    assert.equal((await search('place=stadtpark'))['total'], 1);
    assert.equal((await search('q=100%25_'))['total'], 0, 'LIKE wildcards are literal');

    const page1 = await search('category=kleidung&pageSize=10');
    const page3 = await search('category=kleidung&pageSize=10&page=3');
    assert.deepEqual([page1['total'], page1['pageCount'], page1['items'].length], [23, 3, 10]);
    assert.deepEqual([page3['page'], page3['items'].length], [3, 3]);
    assert.equal((await search('category=kleidung&pageSize=10&page=9'))['items'].length, 0);
    const pages = [];
    for (let p = 1; p <= 3; p++) pages.push(...(await search(`category=kleidung&pageSize=10&page=${p}`))['items'].map((i: Json) => i.reference));
    assert.equal(new Set(pages).size, 23, 'pages neither repeat nor skip');

    const detail = await request('GET', `/found-items/${first['reference']}`);
    assert.equal(detail.status, 200);
    assert.equal(detail.body['categoryName'], 'Geldbörse');
    assert.equal((await request('GET', `/found-items/${closed['reference']}`)).body['status'], 'handed_over');
  });

  it('answers bad input with 400 problems, never 5xx', async () => {
    for (const query of ['pageSize=0', 'pageSize=101', 'page=0', 'page=abc', 'colour=kariert', 'from=2026-13-01', 'from=2026-06-10&to=2026-06-01', 'category=gibt-es-nicht', 'category=Falsch!', `q=${'x'.repeat(201)}`]) {
      const result = await request('GET', `/found-items?${query}`);
      assert.equal(result.status, 400, query);
      assert.equal(result.body['code'], 'validation', query);
    }
    assert.equal((await request('GET', '/found-items/F-26-1')).status, 400);
    assert.equal((await request('GET', '/found-items/F-2026-99999')).status, 404);
    const find = await register();
    const bad = await claim(find['reference'], { identifyingFeatures: 'zu kurz', contact: { name: 'E', email: 'kein-mail' } });
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body['errors'].map((e: Json) => e.field).sort(), ['contact.email', 'contact.name', 'identifyingFeatures']);
    assert.equal((await claim(find['reference'], { consent: false })).status, 400);
    assert.equal((await claim('F-2026-99999')).status, 404);
    const report = await reportLoss({ lostOn: '2026-07-01', returnUrl: 'https://evil.example/x', category: 'x' });
    assert.equal(report.status, 400);
    assert.equal((await reportLoss({ lostOn: '2026-07-01' })).status, 400, 'loss in the future');
    assert.equal((await reportLoss({ returnUrl: 'https://evil.example/phish' })).status, 400);
    assert.equal((await reportLoss({ returnUrl: RETURN_URL.replace('://', '://login:secret@') })).status, 400, 'credentials in the link');
    assert.equal((await reportLoss({ category: 'gibt-es-nicht' })).status, 400);
    assert.equal((await office('POST', '/found-items', { category: 'geldboerse', description: 'x', foundOn: '2026-06-20', foundPlace: 'M' })).status, 400);
    assert.equal((await office('POST', '/found-items', { category: 'nope', description: 'Börse', foundOn: '2026-06-10', foundPlace: 'Markt' })).status, 400);
    assert.equal((await office('PATCH', '/found-items/F-2026-99999', { status: 'closed' })).status, 404);
    assert.equal((await request('GET', '/loss-reports/manage/not-a-token')).status, 400);
    assert.equal((await request('GET', `/loss-reports/manage/${'a'.repeat(43)}`)).status, 404);
    assert.equal((await outbox()).length, 0, 'nothing was mailed');
  });

  it('privacy: no held-back detail reaches any public answer or citizen mail', async () => {
    const MARKERS = ['Zxq7Inhalt', 'Zxq7Serien', 'Zxq7Name', 'Zxq7Notiz', 'Zxq7Marke', '987654', '9876,54', '4242421'];
    const heldBack = {
      contents: 'Zxq7Inhalt: Personalausweis, Bahncard',
      cashCents: 987654,
      serialNumber: 'Zxq7Serien-0815',
      documentNames: 'Zxq7Name Mustermann',
      valueCents: 4242421,
      notes: 'Zxq7Notiz: Finder möchte Finderlohn',
    };
    const secret = await register({ brand: 'Zxq7Marke', brandPublic: false, description: 'Schwarze Lederbörse', heldBack });
    assert.equal(secret['heldBack'].serialNumber, 'Zxq7Serien-0815', 'the office sees everything');
    await register({ category: 'mobiltelefon', brand: 'Zxq7Marke', description: 'Smartphone mit Hülle', heldBack });
    // A loss report that only matches through held-back details must not reveal them (no oracle).
    const oracle = await reportAndConfirm({ description: 'Zxq7Inhalt Zxq7Serien Zxq7Name', colour: undefined, brand: 'Zxq7Marke', contact: { ...CONTACT, email: 'probe@example.org' } });
    assert.deepEqual(oracle.body['matches'], []);
    const owner = await reportAndConfirm();
    assert.deepEqual(owner.body['matches'].map((m: Json) => m.reference), [secret['reference']]);

    const bodies: string[] = [oracle.text, owner.text];
    const get = async (path: string) => {
      const result = await request('GET', path);
      assert.equal(result.status, 200, path);
      bodies.push(result.text);
      return result.body;
    };
    for (const query of ['', 'q=lederb%C3%B6rse', 'category=geldboerse&colour=schwarz', 'from=2026-06-01&to=2026-06-15&place=hauptbahnhof', 'q=smartphone&pageSize=100', 'category=mobiltelefon']) {
      const result = await get(`/found-items?${query}`);
      assert.ok(result['total'] >= 1, query);
    }
    for (const marker of MARKERS) assert.equal((await get(`/found-items?q=${encodeURIComponent(marker)}`))['total'], 0, `held back is not searchable: ${marker}`);
    await get(`/found-items/${secret['reference']}`);
    await get('/found-items/categories');
    await get('/found-items/colours');
    await get('/found-items/pickup-info');
    const claimed = await claim(secret['reference']);
    assert.equal(claimed.status, 201);
    bodies.push(claimed.text);
    const created = (await outbox()).find((m) => m['subject'] === `Ihre Verlustanzeige ${owner.body['reference']}`);
    const managed = await get(`/loss-reports/manage/${manageToken(created!)}`);
    assert.deepEqual(managed['matches'].map((m: Json) => m.reference), [secret['reference']]);
    const renewed = await request('POST', `/loss-reports/manage/${manageToken(created!)}/renew`);
    bodies.push(renewed.text);
    // A later find matching the owner's report: the notification mail is public details only.
    const later = await register({ brand: 'Zxq7Marke', brandPublic: false, foundOn: '2026-06-14', heldBack });
    assert.equal(later['notifiedLossReports'], 1);
    const mails = [...(await outbox()), ...(await outbox('probe@example.org'))];
    assert.ok(mails.some((m) => m['text'].includes(later['reference'])), 'the notification is there');
    bodies.push(...mails.map((m) => `${m['subject']}\n${m['text']}`));

    for (const body of bodies) for (const marker of MARKERS) assert.ok(!body.includes(marker), `${marker} leaked: ${body.slice(0, 300)}`);
    // The office, with its key, sees the probe as a possible owner through the held-back details.
    const record = await office('GET', `/found-items/${secret['reference']}`);
    assert.ok(record.body['possibleOwners'].some((o: Json) => o.lossReport === oracle.body['reference']));
    assert.equal(record.body['claims'].length, 1);
  });

  it('double opt-in: a pending report neither matches nor mails, is confirmed by its link, and goes after 48 hours', async () => {
    const report = await reportLoss();
    assert.equal(report.status, 202);
    assert.equal(report.body['kind'], 'activation-sent');
    assert.equal(report.body['expiresAt'], '2026-06-17T10:00:00+02:00');
    const [activation, ...others] = await outbox();
    assert.deepEqual(others, []);
    assert.equal(activation!['subject'], `Bitte bestätigen Sie Ihre Verlustanzeige ${report.body['reference']}`);
    assert.ok(activation!['text'].includes(`${RETURN_URL}#muni-found-item=activate:`));
    assert.ok(!activation!['text'].includes('manage:'));
    const token = activationToken(activation!);
    assert.equal((await request('GET', `/loss-reports/manage/${token}`)).status, 404, 'not manageable before confirmation');
    const find = await register({ foundOn: '2026-06-14' });
    assert.equal(find['notifiedLossReports'], 0, 'no mails to an unconfirmed address');
    assert.deepEqual(find['possibleOwners'], []);
    assert.equal((await outbox()).length, 1);

    const activated = await request('POST', '/loss-reports/activate', { token });
    assert.equal(activated.status, 200);
    assert.equal(activated.body['reference'], report.body['reference']);
    assert.equal(activated.body['expiresAt'], '2026-12-12T09:00:00+01:00');
    assert.deepEqual(activated.body['matches'].map((m: Json) => m.reference), [find['reference']]);
    const [confirmation] = await outbox();
    assert.equal(confirmation!['subject'], `Ihre Verlustanzeige ${report.body['reference']}`);
    assert.equal(manageToken(confirmation!), token, 'the confirmed link manages the report');
    assert.equal((await request('POST', '/loss-reports/activate', { token })).status, 200, 'a second click shows it again');
    assert.equal((await outbox()).length, 2, 'and mails nothing');
    assert.equal((await request('GET', `/loss-reports/manage/${token}`)).status, 200);

    const unconfirmed = await reportLoss({ contact: { ...CONTACT, email: 'fremd@example.org' } });
    const foreignToken = activationToken((await outbox('fremd@example.org'))[0]!);
    clock.advance(48 * 3_600_000);
    assert.equal((await request('POST', '/loss-reports/activate', { token: foreignToken })).status, 404);
    await register({ foundOn: '2026-06-14' });
    assert.deepEqual(await db.query('SELECT id FROM loss_reports WHERE reference = $1', [unconfirmed.body['reference']]), [], 'deleted with its data');
    assert.equal((await request('POST', '/loss-reports/activate', { token: 'a'.repeat(43) })).status, 404);
    assert.equal((await request('POST', '/loss-reports/activate', { token: 'kurz' })).status, 400);
  });

  it('end to end: loss report, matching find registered, notification in the outbox, claim', async () => {
    const report = await reportAndConfirm();
    assert.match(report.body['reference'], /^V-2026-\d{5}$/);
    assert.deepEqual(report.body['matches'], []);
    const [confirmation] = await outbox();
    assert.equal(confirmation!['subject'], `Ihre Verlustanzeige ${report.body['reference']}`);
    assert.ok(confirmation!['text'].includes(`${RETURN_URL}#muni-found-item=manage:`));

    // Not matching: other category, other colour, found long after, too different.
    assert.equal((await register({ category: 'schluessel' }))['notifiedLossReports'], 0);
    assert.equal((await register({ colour: 'rot' }))['notifiedLossReports'], 0);
    assert.equal((await register({ foundOn: '2026-06-08' }))['notifiedLossReports'], 1, 'one day before the loss still counts');
    await db.query('DELETE FROM loss_report_matches');
    const tooEarly = await register({ foundOn: '2026-06-07' });
    assert.equal(tooEarly['notifiedLossReports'], 0);
    assert.equal((await register({ colour: null, description: 'Kartenetui' }))['notifiedLossReports'], 0, 'score below the threshold');

    clock.advance(DAY);
    const find = await register({ foundOn: '2026-06-15', foundPlace: 'Hauptbahnhof, Wartehalle' });
    assert.equal(find['notifiedLossReports'], 1);
    assert.equal(find['possibleOwners'][0].lossReport, report.body['reference']);
    const notification = (await outbox())[0]!;
    assert.equal(notification['subject'], `Fundsache passend zu Ihrer Verlustanzeige ${report.body['reference']}`);
    assert.ok(notification['text'].includes(`${RETURN_URL}#muni-found-item=item:${find['reference']}`));
    assert.ok(notification['text'].includes('Schwarze Lederbörse'));
    // The same find is never notified twice.
    await office('PATCH', `/found-items/${find['reference']}`, { description: 'Schwarze Lederbörse, abgenutzt' });
    assert.equal((await outbox()).length, 4, 'activation, confirmation and two notifications');

    // The mail's own token opens the report.
    const managed = await request('GET', `/loss-reports/manage/${manageToken(notification)}`);
    assert.equal(managed.status, 200);
    assert.equal(managed.body['reference'], report.body['reference']);
    assert.deepEqual(managed.body['contact'], CONTACT);

    const claimed = await claim(find['reference']);
    assert.equal(claimed.status, 201, claimed.text);
    assert.match(claimed.body['reference'], /^A-2026-\d{5}$/);
    assert.equal(claimed.body['foundItem'].reference, find['reference']);
    assert.equal(claimed.body['pickup'].office.id, 'fundbuero');
    const receipt = (await outbox())[0]!;
    assert.equal(receipt['subject'], `Ihre Anfrage ${claimed.body['reference']} beim Fundbüro`);
    assert.match(receipt['text'], /Rathausplatz 1/);
    const record = await office('GET', `/found-items/${find['reference']}`);
    assert.deepEqual(record.body['claims'][0].contact, CONTACT);
    assert.equal(record.body['claims'][0].identifyingFeatures, 'Darin 35 Euro und eine Bahncard auf meinen Namen');
  });

  it('claims: 409 once the find is no longer open; contact data deleted after the retention', async () => {
    const find = await register();
    const first = await claim(find['reference']);
    assert.equal(first.status, 201);
    assert.equal((await claim(find['reference'], { contact: { name: 'Max Muster', email: 'max@example.org' } })).status, 201, 'several people may claim');
    await office('PATCH', `/found-items/${find['reference']}`, { status: 'handed_over' });
    const late = await claim(find['reference']);
    assert.equal(late.status, 409);
    assert.equal(late.body['code'], 'conflict');

    clock.advance(29 * DAY);
    await purgeFoundItemData(db, clock, { claimRetentionDays: 30 });
    assert.ok((await office('GET', `/found-items/${find['reference']}`)).body['claims'].every((c: Json) => c.contact));
    clock.advance(2 * DAY);
    assert.deepEqual(await purgeFoundItemData(db, clock, { claimRetentionDays: 30 }), { lossReports: 0, claims: 2 });
    const record = await office('GET', `/found-items/${find['reference']}`);
    for (const c of record.body['claims']) {
      assert.equal(c.personalDataDeleted, true);
      assert.equal(c.contact, undefined);
      assert.equal(c.identifyingFeatures, undefined);
    }
  });

  it('loss reports expire after 180 days, can be renewed and deleted at once', async () => {
    const created = await reportAndConfirm();
    const token = manageToken((await outbox())[0]!);
    clock.advance(179 * DAY);
    assert.equal((await request('GET', `/loss-reports/manage/${token}`)).status, 200);
    const renewed = await request('POST', `/loss-reports/manage/${token}/renew`);
    assert.equal(renewed.status, 200);
    assert.equal(renewed.body['expiresAt'], '2027-06-09T10:00:00+02:00');
    clock.advance(179 * DAY);
    assert.equal((await request('GET', `/loss-reports/manage/${token}`)).status, 200);
    clock.advance(2 * DAY);
    assert.equal((await request('GET', `/loss-reports/manage/${token}`)).status, 404);
    // Expired reports are not matched, and the next write deletes them with their data.
    assert.equal((await register({ foundOn: isoDay(clock()) }))['notifiedLossReports'], 0);
    assert.deepEqual(await db.query('SELECT id FROM loss_reports WHERE reference = $1', [created.body['reference']]), []);
    assert.deepEqual(await db.query('SELECT token_hash FROM loss_report_tokens'), []);

    await reportAndConfirm({ lostOn: isoDay(clock()) });
    const otherToken = manageToken((await outbox())[0]!);
    const [stored] = await db.query<Json>('SELECT token_hash FROM loss_report_tokens');
    assert.notEqual(stored!['token_hash'], otherToken, 'tokens are stored hashed');
    assert.equal((await request('DELETE', `/loss-reports/manage/${otherToken}`)).status, 204);
    assert.equal((await request('GET', `/loss-reports/manage/${otherToken}`)).status, 404);
    assert.equal((await request('DELETE', `/loss-reports/manage/${otherToken}`)).status, 404);
    assert.deepEqual(await db.query('SELECT id FROM loss_reports'), []);
  });

  it('claims and loss reports are idempotent with an Idempotency-Key', async () => {
    const find = await register();
    const key = { 'Idempotency-Key': 'claim-0123456789' };
    const first = await claim(find['reference'], {}, key);
    const again = await claim(find['reference'], {}, key);
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('Idempotency-Replayed'), 'true');
    assert.deepEqual(again.body, first.body);
    const [claims] = await db.query<Json>('SELECT count(*)::int AS n FROM found_item_claims');
    assert.equal(claims!['n'], 1);

    const reportKey = { 'Idempotency-Key': 'report-0123456789' };
    const r1 = await reportLoss({}, reportKey);
    const r2 = await reportLoss({}, reportKey);
    assert.equal(r2.status, 202);
    assert.deepEqual(r2.body, r1.body);
    const [reports] = await db.query<Json>('SELECT count(*)::int AS n FROM loss_reports');
    assert.equal(reports!['n'], 1);
    assert.equal((await outbox()).length, 2, 'one claim receipt, one activation mail');
    assert.equal((await reportLoss({ description: 'Eine ganz andere Börse' }, reportKey)).status, 422);
  });

  it('the office updates finds: public brand, held-back details cleared, closing', async () => {
    const find = await register({ brand: 'Picard', heldBack: { contents: 'Fotos', serialNumber: 'X1' } });
    assert.equal((await request('GET', `/found-items/${find['reference']}`)).body['brand'], undefined);
    const updated = await office('PATCH', `/found-items/${find['reference']}`, { brandPublic: true, heldBack: { serialNumber: null } });
    assert.equal(updated.status, 200);
    assert.deepEqual(updated.body['heldBack'], { contents: 'Fotos' });
    assert.equal((await request('GET', `/found-items/${find['reference']}`)).body['brand'], 'Picard');
    assert.equal((await request('GET', '/found-items?q=picard')).body['total'], 1);
    const closed = await office('PATCH', `/found-items/${find['reference']}`, { status: 'closed' });
    assert.equal(closed.body['closedAt'], clock().toISOString());
    assert.equal((await request('GET', '/found-items?q=picard')).body['total'], 0);
    const reopened = await office('PATCH', `/found-items/${find['reference']}`, { status: 'open' });
    assert.equal(reopened.body['closedAt'], undefined);
  });
});

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
