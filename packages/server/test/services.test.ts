import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { App } from '../src/app.js';
import type { Database } from '../src/db/database.js';
import { SERVICES } from '../src/seed/services.js';
import { json, testApp } from './support/app.js';
import { describeForEachStore } from './support/stores.js';

type Json = Record<string, any>;
const ORIGIN = 'https://www.musterstadt.example';

describeForEachStore('service catalogue', (store) => {
  let db: Database;
  let app: App;
  before(async () => {
    db = await store.openReady();
    app = testApp(db, { env: { CORS_ORIGINS: ORIGIN } });
  });

  it('seeds at least 150 services with unique ids, existing offices and appointment services', async () => {
    const ids = SERVICES.map((s) => s.id);
    assert.equal(new Set(ids).size, ids.length, 'ids are unique in the seed');
    const [{ count }] = (await db.query<{ count: number }>('SELECT count(*)::int AS count FROM services')) as [{ count: number }];
    assert.ok(count >= 150, `${count} services`);
    assert.equal(count, SERVICES.length);
    const withoutOffice = await db.query<{ id: string }>(
      'SELECT s.id FROM services s WHERE NOT EXISTS (SELECT 1 FROM service_offices so JOIN offices o ON o.id = so.office_id WHERE so.service_id = s.id)',
    );
    assert.deepEqual(withoutOffice, []);
    const danglingAppointments = await db.query<{ id: string }>(
      'SELECT s.id FROM services s WHERE s.appointment_service_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM appointment_services a WHERE a.id = s.appointment_service_id)',
    );
    assert.deepEqual(danglingAppointments, []);
  });

  it('ties the services to their appointment services', async () => {
    const { services } = await json<{ services: Json[] }>(await app.request('/api/v1/services'));
    const byAppointment = (appointmentId: string) => services.filter((s) => s.appointmentServiceId === appointmentId).map((s) => s.id);
    assert.ok(byAppointment('kita-anmeldung').includes('kita-platz-beantragen'));
    assert.ok(byAppointment('kita-vertrag').includes('kita-betreuungsvertrag'));
    assert.ok(byAppointment('kita-zahlungsverzug').includes('kita-beitragsrueckstand'));
    assert.ok(byAppointment('personalausweis').includes('personalausweis-beantragen'));
    assert.ok(byAppointment('wohnung-anmelden').includes('wohnsitz-anmelden'));
    for (const id of ['kita-platz-beantragen', 'kita-betreuungsvertrag', 'kita-beitragsrueckstand']) {
      assert.deepEqual(services.find((s) => s.id === id)?.officeIds, ['kita-abteilung'], id);
    }
  });

  it('GET /api/v1/services lists the compact catalogue with a strong ETag', async () => {
    const response = await app.request('/api/v1/services', { headers: { Origin: ORIGIN } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('Cache-Control'), 'public, max-age=300');
    assert.match(response.headers.get('ETag') ?? '', /^"[A-Za-z0-9_-]{32}"$/);
    assert.equal(response.headers.get('Access-Control-Allow-Origin'), ORIGIN);
    assert.match(response.headers.get('Access-Control-Expose-Headers') ?? '', /ETag/);
    const { services } = await json<{ services: Json[] }>(response);
    assert.ok(services.length >= 150);
    const allowed = new Set(['id', 'leika', 'name', 'shortDescription', 'category', 'synonyms', 'officeIds', 'onlineServiceUrl', 'appointmentServiceId']);
    for (const s of services) {
      for (const key of Object.keys(s)) assert.ok(allowed.has(key), `${s.id}: unexpected ${key}`);
      assert.match(s.leika, /^\d{14}$/);
      assert.ok(s.name && s.shortDescription && s.category, s.id);
      assert.ok(s.synonyms.length > 0, `${s.id} has synonyms`);
      assert.ok(s.officeIds.length > 0, `${s.id} has an office`);
    }
    const perso = services.find((s) => s.id === 'personalausweis-beantragen')!;
    assert.deepEqual(perso.officeIds, ['buergerbuero']);
    assert.ok(perso.synonyms.includes('Perso'));
  });

  it('answers 304 to a matching If-None-Match and 200 to a stale one', async () => {
    for (const path of ['/api/v1/services', '/api/v1/services/categories', '/api/v1/services/wohnsitz-anmelden']) {
      const first = await app.request(path);
      const etag = first.headers.get('ETag')!;
      assert.ok(etag, path);
      const again = await app.request(path);
      assert.equal(again.headers.get('ETag'), etag, `${path}: the tag is stable`);

      const notModified = await app.request(path, { headers: { 'If-None-Match': etag, Origin: ORIGIN } });
      assert.equal(notModified.status, 304, path);
      assert.equal(await notModified.text(), '');
      assert.equal(notModified.headers.get('ETag'), etag);
      assert.equal(notModified.headers.get('Cache-Control'), 'public, max-age=300');
      assert.equal(notModified.headers.get('Access-Control-Allow-Origin'), ORIGIN, 'CORS survives the 304');
      assert.equal(notModified.headers.get('Content-Type'), null);
      assert.equal(notModified.headers.get('Content-Length'), null);

      assert.equal((await app.request(path, { headers: { 'If-None-Match': `"stale", W/${etag}` } })).status, 304, 'weak comparison, lists');
      assert.equal((await app.request(path, { headers: { 'If-None-Match': '*' } })).status, 304);
      assert.equal((await app.request(path, { headers: { 'If-None-Match': '"stale"' } })).status, 200);
    }
    const list = (await app.request('/api/v1/services')).headers.get('ETag');
    const detail = (await app.request('/api/v1/services/wohnsitz-anmelden')).headers.get('ETag');
    assert.notEqual(list, detail);
  });

  it('the ETag changes with the content', async () => {
    const path = '/api/v1/services/fundsache-abgeben';
    const before = (await app.request(path)).headers.get('ETag')!;
    const [row] = await db.query<{ processing_time: string | null }>("SELECT processing_time FROM services WHERE id = 'fundsache-abgeben'");
    await db.query("UPDATE services SET processing_time = 'sofort, auch samstags' WHERE id = 'fundsache-abgeben'");
    try {
      const changed = await app.request(path, { headers: { 'If-None-Match': before } });
      assert.equal(changed.status, 200);
      assert.notEqual(changed.headers.get('ETag'), before);
    } finally {
      await db.query("UPDATE services SET processing_time = $1 WHERE id = 'fundsache-abgeben'", [row?.processing_time ?? null]);
    }
    assert.equal((await app.request(path)).headers.get('ETag'), before);
  });

  it('GET /api/v1/services/{id} returns the full service with its offices', async () => {
    const response = await app.request('/api/v1/services/wohnsitz-anmelden');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('Cache-Control'), 'public, max-age=300');
    const service = await json<Json>(response);
    assert.equal(service['name'], 'Wohnsitz anmelden');
    assert.equal(service['category'], 'wohnen-umzug');
    assert.equal(service['categoryName'], 'Wohnen & Umzug');
    assert.equal(service['appointmentServiceId'], 'wohnung-anmelden');
    assert.deepEqual(service['appointmentService'], { id: 'wohnung-anmelden', name: 'Anmeldung einer Wohnung', durationMinutes: 15 });
    assert.match(service['lastUpdated'], /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(service['requiredDocuments'].length > 0);
    assert.ok(service['fees'].every((f: Json) => typeof f.label === 'string'));
    assert.ok(service['forms'].every((f: Json) => f.url.startsWith('https://www.musterstadt.example/')));
    assert.equal(service['offices'][0].id, 'buergerbuero');
    assert.equal(service['offices'][0].name, 'Bürgerbüro');
    assert.equal(service['offices'][0].address.city, 'Musterstadt');

    for (const s of SERVICES) {
      const detail = await json<Json>(await app.request(`/api/v1/services/${s.id}`));
      assert.deepEqual(detail['officeIds'], s.offices, s.id);
      assert.equal(detail['offices'].length, s.offices.length, `${s.id} offices expanded`);
    }
  });

  it('answers 404 for an unknown and 400 for a malformed id', async () => {
    const missing = await app.request('/api/v1/services/gibt-es-nicht');
    assert.equal(missing.status, 404);
    assert.equal(missing.headers.get('Content-Type'), 'application/problem+json');
    assert.equal(missing.headers.get('ETag'), null);
    const problem = await json(missing);
    assert.equal(problem['code'], 'not_found');
    assert.match(String(problem['detail']), /gibt-es-nicht/);

    for (const bad of ['Perso', 'a_b', 'x'.repeat(65)]) {
      const response = await app.request(`/api/v1/services/${bad}`);
      assert.equal(response.status, 400, bad);
      assert.equal((await json(response))['code'], 'validation');
    }
  });

  it('GET /api/v1/services/categories counts the services per life situation', async () => {
    const response = await app.request('/api/v1/services/categories');
    assert.equal(response.status, 200);
    const { categories } = await json<{ categories: Json[] }>(response);
    assert.equal(categories[0]?.id, 'ausweise-dokumente');
    assert.ok(categories.every((c) => typeof c.name === 'string' && c.serviceCount > 0));
    const total = categories.reduce((sum, c) => sum + c.serviceCount, 0);
    assert.equal(total, SERVICES.length);
    const familie = categories.find((c) => c.id === 'familie-kinder')!;
    assert.equal(familie.name, 'Familie & Kinder');
    assert.equal(familie.serviceCount, SERVICES.filter((s) => s.category === 'familie-kinder').length);
  });

  it('allows If-None-Match in CORS preflights', async () => {
    const preflight = await app.request('/api/v1/services', {
      method: 'OPTIONS',
      headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'if-none-match' },
    });
    assert.match(preflight.headers.get('Access-Control-Allow-Headers') ?? '', /If-None-Match/i);
  });

  it('seeding again changes nothing', async () => {
    const { seed } = await import('../src/seed/seed.js');
    assert.deepEqual(await seed(db), []);
  });
});
