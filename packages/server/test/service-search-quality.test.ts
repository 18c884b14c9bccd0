/**
 * Search quality on real citizen queries (test/data/service-search-queries.json): every query
 * goes through the server endpoint over the seed catalogue; a query counts as a hit when all
 * its expected services are among the first three. Reports the misses and the hit rate and
 * fails below 95 %. The table's Berlin section runs the same ranking (the endpoint's index) over
 * Berlin's real service names, which have no keywords or descriptions, and fails below 90 %.
 * bench/service-search.mjs measures both for Fuse.js and MiniSearch.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { before, it } from 'node:test';
import { createServiceIndex } from '@muni-widgets/service-finder/search';
import type { App } from '../src/app.js';
import { SERVICES } from '../src/seed/services.js';
import { json, testApp } from './support/app.js';
import { describeForEachStore } from './support/stores.js';

interface CitizenQuery {
  query: string;
  expected: string[];
  kind: string;
}

const TABLE = new URL('../../../../test/data/service-search-queries.json', import.meta.url);
const MIN_HIT_RATE = 0.95;
const TOP = 3;

describeForEachStore('service search quality', (store) => {
  let app: App;
  let queries: CitizenQuery[];
  before(async () => {
    app = testApp(await store.openReady());
    queries = (JSON.parse(await readFile(TABLE, 'utf8')) as { queries: CitizenQuery[] }).queries;
  });

  it('the query table is large enough and names existing services', () => {
    assert.ok(queries.length >= 45, `${queries.length} queries`);
    const known = new Set(SERVICES.map((s) => s.id));
    for (const { query, expected } of queries) {
      assert.ok(expected.length > 0 && expected.length <= TOP, query);
      for (const id of expected) assert.ok(known.has(id), `${query}: unknown service ${id}`);
    }
    assert.equal(new Set(queries.map((q) => q.query)).size, queries.length, 'no query twice');
  });

  it(`finds the expected services in the top ${TOP} for at least ${MIN_HIT_RATE * 100} % of the queries`, async (t) => {
    const misses: string[] = [];
    for (const { query, expected, kind } of queries) {
      const response = await app.request(`/api/v1/services/search?${new URLSearchParams({ q: query, limit: String(TOP) })}`);
      assert.equal(response.status, 200, query);
      const found = (await json<{ services: Array<{ id: string }> }>(response)).services.map((s) => s.id);
      if (!expected.every((id) => found.includes(id))) {
        misses.push(`${query.padEnd(30)} ${kind.padEnd(11)} expected ${expected.join(', ')}; got ${found.join(', ') || '(nothing)'}`);
      }
    }
    const hits = queries.length - misses.length;
    const rate = hits / queries.length;
    if (misses.length > 0) {
      t.diagnostic(`misses (query, kind, expected; got):`);
      for (const miss of misses) t.diagnostic(`  ${miss}`);
    }
    t.diagnostic(`top-${TOP} hit rate: ${hits}/${queries.length} = ${(rate * 100).toFixed(1)} %`);
    assert.ok(rate >= MIN_HIT_RATE, `top-${TOP} hit rate ${(rate * 100).toFixed(1)} % is below ${MIN_HIT_RATE * 100} %:\n${misses.join('\n')}`);
  });
});

interface BerlinCatalog {
  topics: Array<{ id: string; name: string }>;
  services: Array<{ id: string; name: string; topic: string }>;
}

it('finds Berlin services by their real names in the top 3 for at least 90 % of the queries, also when one word names nothing', async (t) => {
  const table = JSON.parse(await readFile(TABLE, 'utf8')) as { berlin: { queries: CitizenQuery[] } };
  const berlin = JSON.parse(await readFile(new URL('../../../../test/data/berlin-dldb-services.json', import.meta.url), 'utf8')) as BerlinCatalog;
  const services = berlin.services.map((s) => ({ id: s.id, name: s.name, shortDescription: '', category: s.topic, synonyms: [], officeIds: [] }));
  const index = createServiceIndex(services, { categoryNames: Object.fromEntries(berlin.topics.map((c) => [c.id, c.name])) });
  const queries = table.berlin.queries;
  assert.ok(queries.length >= 30, `${queries.length} queries`);
  const known = new Set(services.map((s) => s.id));
  let first = 0;
  const misses: string[] = [];
  for (const { query, expected, kind } of queries) {
    for (const id of expected) assert.ok(known.has(id), `${query}: unknown service ${id}`);
    const found = index.search(query, { limit: TOP }).map((hit) => hit.service.id);
    assert.ok(found.length > 0, `${query}: no answer at all`);
    if (found[0] === expected[0]) first++;
    if (!expected.every((id) => found.includes(id))) misses.push(`${query.padEnd(40)} ${kind.padEnd(10)} expected ${expected.join(', ')}; got ${found.join(', ')}`);
  }
  for (const miss of misses) t.diagnostic(`  ${miss}`);
  const hits = queries.length - misses.length;
  t.diagnostic(`Berlin: top-1 ${first}/${queries.length}, top-${TOP} ${hits}/${queries.length}`);
  assert.ok(hits / queries.length >= 0.9, misses.join('\n'));
});
