import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { createServiceIndex } from '@muni-widgets/service-finder/search';
import type { App } from '../src/app.js';
import type { Database } from '../src/db/database.js';
import { json, manualClock, testApp } from './support/app.js';
import { describeForEachStore } from './support/stores.js';

type Json = Record<string, any>;
const SEARCH = '/api/v1/services/search';

describeForEachStore('service search', (store) => {
  let db: Database;
  let app: App;
  before(async () => {
    db = await store.openReady();
    app = testApp(db);
  });

  const ids = async (query: string, limit?: number) => {
    const params = new URLSearchParams({ q: query, ...(limit ? { limit: String(limit) } : {}) });
    const response = await app.request(`${SEARCH}?${params}`);
    assert.equal(response.status, 200, query);
    return (await json<{ services: Json[] }>(response)).services.map((s) => s.id as string);
  };

  it('answers ranked service summaries, not the detail of a service called "search"', async () => {
    const response = await app.request(`${SEARCH}?q=Perso`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('Cache-Control'), 'public, max-age=300');
    assert.ok(response.headers.get('ETag'));
    const { services } = await json<{ services: Json[] }>(response);
    assert.equal(services[0]?.id, 'personalausweis-beantragen');
    assert.ok(services.length > 1 && services.length <= 10, `${services.length} hits`);
    const allowed = new Set(['id', 'leika', 'name', 'shortDescription', 'category', 'synonyms', 'officeIds', 'onlineServiceUrl', 'appointmentServiceId']);
    for (const s of services) for (const key of Object.keys(s)) assert.ok(allowed.has(key), `${s.id}: unexpected ${key}`);
  });

  it('folds umlauts and ß, tolerates typos and completes the last word', async () => {
    const reference = await ids('Führungszeugnis');
    assert.equal(reference[0], 'fuehrungszeugnis-beantragen');
    assert.deepEqual(await ids('Fuehrungszeugnis'), reference);
    assert.deepEqual(await ids('FÜHRUNGSZEUGNIS'), reference);
    assert.equal((await ids('Fuhrungszeugnis'))[0], 'fuehrungszeugnis-beantragen');
    assert.equal((await ids('Strassenfest'))[0], 'veranstaltung-anmelden');
    assert.equal((await ids('Persnalausweis'))[0], 'personalausweis-beantragen');
    assert.equal((await ids('gewer'))[0], 'gewerbe-anmelden');
    assert.equal((await ids('  Wohnsitz   anmelden  '))[0], 'wohnsitz-anmelden');
  });

  it('honours limit and answers an empty list when nothing matches', async () => {
    assert.equal((await ids('an', 3)).length, 3);
    assert.equal((await ids('a', 50)).length, 0, 'one letter completes nothing');
    assert.deepEqual(await ids('Raumschiff Enterprise'), []);
    // A word the catalogue does not know must not hide what the others find (issue 17).
    assert.deepEqual(await ids('Perso xyzzy', 3), await ids('Perso', 3), 'an unknown word is left out');
  });

  it('ranks like the browser module over GET /services', async () => {
    const { services } = await json<{ services: Json[] }>(await app.request('/api/v1/services'));
    const { categories } = await json<{ categories: Json[] }>(await app.request('/api/v1/services/categories'));
    const index = createServiceIndex(services as any[], { categoryNames: Object.fromEntries(categories.map((c) => [c.id, c.name])) });
    for (const query of ['Perso', 'Ummelden', 'Kita-Platz', 'Hund', 'Urkunde', 'anmel', 'Steuer', 'Familie']) {
      assert.deepEqual(await ids(query, 20), index.search(query, { limit: 20 }).map((hit) => hit.service.id), query);
    }
  });

  it('answers 400 problems to bad input, never 5xx', async () => {
    const bad = ['', '?q=', '?q=%20%20', `?q=${'x'.repeat(101)}`, '?q=Perso&limit=0', '?q=Perso&limit=51', '?q=Perso&limit=abc', '?q=Perso&limit=2.5', '?limit=5'];
    for (const query of bad) {
      const response = await app.request(`${SEARCH}${query}`);
      assert.equal(response.status, 400, query);
      assert.equal(response.headers.get('Content-Type'), 'application/problem+json', query);
      assert.equal((await json(response))['code'], 'validation', query);
    }
    const odd = ['%00', '%F0%9F%90%B6%20Hund', '%E2%80%AE', encodeURIComponent('ß'.repeat(100)), encodeURIComponent('-- ; DROP TABLE services'), '%25%25%25', encodeURIComponent('a '.repeat(50))];
    for (const q of odd) {
      const response = await app.request(`${SEARCH}?q=${q}`);
      assert.ok(response.status === 200 || response.status === 400, `${q}: ${response.status}`);
    }
  });

  it('rebuilds the index once it is older than the cache lifetime', async () => {
    const clock = manualClock('2026-03-02T09:00:00Z');
    const timed = testApp(db, { clock });
    const search = async (q: string) => (await json<{ services: Json[] }>(await timed.request(`${SEARCH}?q=${q}`))).services.map((s) => s.id);
    assert.deepEqual(await search('Schnellausweis'), []);
    const [row] = await db.query<{ synonyms: string[] }>("SELECT synonyms FROM services WHERE id = 'vorlaeufiger-personalausweis'");
    await db.query("UPDATE services SET synonyms = synonyms || '[\"Schnellausweis\"]'::jsonb WHERE id = 'vorlaeufiger-personalausweis'");
    try {
      clock.advance(299_000);
      assert.deepEqual(await search('Schnellausweis'), [], 'still the cached index');
      clock.advance(2_000);
      assert.deepEqual(await search('Schnellausweis'), ['vorlaeufiger-personalausweis']);
    } finally {
      await db.query("UPDATE services SET synonyms = $1::jsonb WHERE id = 'vorlaeufiger-personalausweis'", [JSON.stringify(row!.synonyms)]);
    }
  });
});
