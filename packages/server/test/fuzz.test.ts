/**
 * Every operation of the OpenAPI document, fuzzed (see support/fuzz.ts): no answer may be a
 * 5xx, and every 4xx must be a problem with a German detail. Bot protection is off here so
 * bodies reach the handlers; one case shows the same behind a valid ALTCHA proof.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import type { App } from '../src/app.js';
import type { Database } from '../src/db/database.js';
import { json, testApp } from './support/app.js';
import { FUZZ_ENV, fuzzApp, fuzzKnownValues, type KnownValues } from './support/fuzz.js';
import { describeForEachStore } from './support/stores.js';

const CASES_PER_OPERATION = Number(process.env['FUZZ_CASES'] ?? 300);
// A new seed each run finds more over time; FUZZ_SEED replays a run that failed.
const SEED = Number(process.env['FUZZ_SEED'] ?? Math.floor(Math.random() * 2 ** 31));

describeForEachStore('fuzzing every operation of the OpenAPI document', (store) => {
  let db: Database;
  let app: App;
  let known: () => Promise<KnownValues>;
  before(async () => {
    db = await store.openReady();
    app = testApp(db, { env: FUZZ_ENV });
    known = await fuzzKnownValues(app);
  });

  const lossReport = async (target: App, extra: Record<string, unknown>) => {
    const { categories } = await json<{ categories: Array<{ id: string }> }>(await target.request('/api/v1/found-items/categories'));
    return target.request('/api/v1/loss-reports', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        category: categories[0]!.id,
        description: 'Schwarze Geldbörse mit Ausweis',
        lostOn: new Date().toISOString().slice(0, 10),
        lostPlace: 'Marktplatz',
        contact: { name: 'Erika Mustermann', email: 'erika@example.org' },
        consent: true,
        returnUrl: 'https://www.musterstadt.example/fundbuero',
        ...extra,
      }),
    });
  };
  const rejects = async (response: Response, field: string, code = 'invalid_characters') => {
    assert.equal(response.status, 400);
    assert.equal(response.headers.get('Content-Type'), 'application/problem+json');
    const problem = await json<{ detail: string; errors: Array<{ field: string; code: string }> }>(response);
    assert.deepEqual(problem.errors.map((e) => [e.field, e.code]), [[field, code]]);
    assert.match(problem.detail, new RegExp(field.replace(/[.*]/g, '\\$&')));
  };

  it('refuses NUL, lone surrogates and impossible dates with a 400 naming the field (were 500s)', async () => {
    await rejects(await lossReport(app, { brand: 'Le\u0000der' }), 'brand');
    await rejects(await lossReport(app, { contact: { name: 'ab\ud800', email: 'erika@example.org' } }), 'contact.name');
    await rejects(await lossReport(app, { lostPlace: 'Markt\nplatz' }), 'lostPlace');
    assert.equal((await lossReport(app, { description: 'Schwarze Geldbörse\nmit Ausweis' })).status, 202, 'multi-line field');

    const { id, secret, $keys } = await known();
    const { services } = await json<{ services: Array<{ fields: Array<{ id: string; type: string }> }> }>(await app.request('/api/v1/appointments/services'));
    const dateField = services[0]!.fields.find((f) => f.type === 'date' && $keys?.includes(f.id));
    const book = (body: Record<string, unknown>) =>
      app.request(`/api/v1/appointments/reservations/${id![0]}/booking`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ secret: secret![0], contact: { name: 'Erika', email: 'erika@example.org' }, fields: {}, consent: true, returnUrl: 'https://www.musterstadt.example/termine', ...body }),
      });
    await rejects(await book({ contact: { name: 'Erika\udc00', email: 'erika@example.org' } }), 'contact.name');
    await rejects(await book({ fields: { ['x\u0000']: 'a' } }), 'fields.x\u0000');
    if (dateField) {
      const response = await book({ fields: { [dateField.id]: '2024-02-30' } });
      assert.equal(response.status, 400);
      const problem = await json<{ errors: Array<{ field: string }> }>(response);
      assert.ok(problem.errors.some((e) => e.field === `fields.${dateField.id}`));
    }
  });

  it('refuses the same behind a valid ALTCHA proof', async () => {
    const guarded = testApp(db, { env: { ...FUZZ_ENV, BOT_PROTECTION: 'true' } });
    const challenge = await json(await guarded.request('/api/v1/bot-challenge'));
    const solution = await solveChallenge({ challenge: challenge as never, deriveKey });
    const botProof = Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
    await rejects(await lossReport(guarded, { brand: '\u0000', botProof }), 'brand');
  });

  it(`answers ${CASES_PER_OPERATION} broken requests per operation without a 5xx, each 4xx a German problem`, async (t) => {
    console.log(`fuzzing ${store.kind} with FUZZ_SEED=${SEED}`);
    t.diagnostic(`FUZZ_SEED=${SEED}`);
    const { tallies, failures } = await fuzzApp(app, { casesPerOperation: CASES_PER_OPERATION, known, seed: SEED });
    assert.deepEqual(failures, []);
    assert.ok(tallies.length >= 30, `${tallies.length} operations`);
    for (const tally of tallies) assert.equal(tally.requests, CASES_PER_OPERATION, tally.operation);
  });
});
