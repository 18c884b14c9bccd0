import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import type { App } from '../src/app.js';
import type { Database } from '../src/db/database.js';
import { json, testApp } from './support/app.js';
import { describeForEachStore } from './support/stores.js';

type Json = Record<string, any>;

/** What the widget does: fetch a challenge, solve it in the browser, send it base64-encoded. */
async function solvedProof(app: App): Promise<string> {
  const challenge = await json<Json>(await app.request('/api/v1/bot-challenge'));
  const solution = await solveChallenge({ challenge: challenge as never, deriveKey });
  assert.ok(solution, 'the challenge is solvable');
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

describeForEachStore('bot protection on bookings', (store) => {
  let db: Database;
  let app: App;

  before(async () => {
    db = await store.openReady();
    await db.query('DELETE FROM office_exceptions');
    app = testApp(db, { env: { CORS_ORIGINS: 'https://www.musterstadt.example' } });
  });

  const book = async (proof: string | undefined) => {
    const slots = await json<Json>(await app.request('/api/v1/appointments/slots?services=kita-anmeldung&date=2027-01-05'));
    const slot = (slots['slots'] as Json[]).find(() => true);
    assert.ok(slot, 'a free slot exists');
    const reserved = await app.request('/api/v1/appointments/reservations', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ services: [{ serviceId: 'kita-anmeldung', count: 1 }], slotId: slot['id'] }),
    });
    const reservation = await json<Json>(reserved);
    const response = await app.request(`/api/v1/appointments/reservations/${reservation['id']}/booking`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        secret: reservation['secret'],
        contact: { name: 'Erika Mustermann', email: 'erika@example.org' },
        fields: { child_birth_date: '2024-03-01', child_name: 'Max' },
        consent: true,
        returnUrl: 'https://www.musterstadt.example/kita',
        ...(proof === undefined ? {} : { botProof: proof }),
      }),
    });
    return { status: response.status, body: await json<Json>(response) };
  };

  it('hands out signed challenges that expire and are never cached', async () => {
    const response = await app.request('/api/v1/bot-challenge');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('Cache-Control'), 'no-store');
    const challenge = await json<Json>(response);
    assert.equal(challenge['parameters']['algorithm'], 'SHA-256');
    assert.ok(challenge['parameters']['expiresAt'] > Date.now() / 1000);
    assert.match(challenge['signature'], /^[0-9a-f]{64}$/);
  });

  it('refuses a booking without a proof, with a message at the field', async () => {
    const { status, body } = await book(undefined);
    assert.equal(status, 400);
    assert.equal(body['errors'][0]['field'], 'botProof');
    assert.equal(body['errors'][0]['code'], 'bot_check_failed');
  });

  it('accepts a solved challenge once, and only once', async () => {
    const proof = await solvedProof(app);
    assert.equal((await book(proof)).status, 202);
    const again = await book(proof);
    assert.equal(again.status, 400);
    assert.match(again.body['detail'], /schon verwendet/);
  });

  it('refuses a forged solution and garbage', async () => {
    const proof = JSON.parse(Buffer.from(await solvedProof(app), 'base64').toString()) as Json;
    proof['solution']['counter'] += 1;
    assert.equal((await book(Buffer.from(JSON.stringify(proof)).toString('base64'))).status, 400);
    assert.equal((await book('not base64 json')).status, 400);
  });

  it('shares its signing secret between instances on one database', async () => {
    const other = testApp(db, { env: { CORS_ORIGINS: 'https://www.musterstadt.example' } });
    assert.equal((await book(await solvedProof(other))).status, 202);
  });
});
