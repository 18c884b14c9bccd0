import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, it } from 'node:test';
import { newToken, tokenHash } from '../src/shared/tokens.js';
import { DEV_QUEUE_KIOSK_API_KEY, DEV_QUEUE_STAFF_API_KEY } from '../src/config.js';
import type { Database } from '../src/db/database.js';
import { ticketNumber } from '../src/queue/state.js';
import { isoDateInTimeZone, TOWN_TIME_ZONE } from '../src/time.js';
import { serverProcesses } from './support/server-process.js';
import { describeForEachStore } from './support/stores.js';

type Json = Record<string, any>;
const OFFICE = 'buergerbuero';
const TRIALS = 20;

/**
 * The call system through two real server processes on one PostgreSQL: a staff double-click
 * (two "call next" for one counter at the same moment, each through another instance) must
 * leave one number at that desk, and numbers drawn at once must stay distinct and gapless.
 */
describeForEachStore('call system across server processes', (store) => {
  const processes = serverProcesses();
  const skip = store.kind === 'pglite' ? 'PGlite lives inside one process; this needs PostgreSQL' : false;
  let db: Database;
  let urls: string[];

  before(async () => {
    if (skip) return;
    db = await store.openReady();
    const config = await store.prepare();
    assert.equal(config.kind, 'postgres');
    urls = (await Promise.all([processes.start(config.url), processes.start(config.url)])).map((server) => server.url);
  });

  const post = async (server: number, path: string, body?: Json, key = DEV_QUEUE_STAFF_API_KEY) => {
    const response = await fetch(`${urls[server]}/api/v1/queue/${OFFICE}${path}`, {
      method: 'POST',
      headers: { ...(key ? { Authorization: `Bearer ${key}` } : {}), ...(body ? { 'Content-Type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, body: (await response.json()) as Json };
  };
  const today = () => isoDateInTimeZone(new Date(), TOWN_TIME_ZONE);
  /** The numbers a counter is calling or serving now. */
  const atDesk = async (counter: number) =>
    (
      await db.query<{ group_code: string; seq: number }>(
        `SELECT group_code, seq FROM queue_tickets WHERE office_id = $1 AND service_day = $2 AND counter = $3 AND status IN ('called', 'serving') ORDER BY id`,
        [OFFICE, today(), counter],
      )
    ).map((t) => ticketNumber(t.group_code, t.seq));
  const doneAt = async (counter: number) =>
    (
      await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM queue_tickets WHERE office_id = $1 AND service_day = $2 AND counter = $3 AND status = 'done'`, [
        OFFICE,
        today(),
        counter,
      ])
    )[0]!.n;

  it(`${TRIALS} double-clicks on "call next" through two processes: one number per desk, and the next step finishes only it`, { skip, timeout: 120_000 }, async (t) => {
    const failures: string[] = [];
    for (let trial = 0; trial < TRIALS; trial++) {
      // Platz 3 and Platz 5 both call group A; the other desk must stay untouched.
      const [counter, other] = trial % 2 ? [3, 5] : [5, 3];
      for (let i = 0; i < 2; i++) assert.equal((await post(0, '/tickets', { group: 'A' }, DEV_QUEUE_KIOSK_API_KEY)).status, 201);
      const otherDesk = await atDesk(other);
      const clicks = await Promise.all([0, 1].map((server) => post(server, `/counters/${counter}/call-next`)));
      assert.deepEqual(
        clicks.map((click) => click.status),
        [200, 200],
      );
      const desk = await atDesk(counter);
      if (desk.length !== 1) {
        failures.push(`trial ${trial + 1}: Platz ${counter} has ${desk.join(', ')}`);
        continue;
      }
      // Half the trials finish with "done", half with the next "call next".
      const doneBefore = await doneAt(counter);
      if (trial % 4 < 2) {
        const done = await post(trial % 2, `/tickets/${desk[0]}/done`);
        assert.equal(done.status, 200);
      } else {
        const next = await post(trial % 2, `/counters/${counter}/call-next`);
        assert.equal(next.body['finished'], desk[0]);
      }
      const finished = (await doneAt(counter)) - doneBefore;
      if (finished !== 1) failures.push(`trial ${trial + 1}: finishing Platz ${counter} closed ${finished} numbers`);
      assert.deepEqual(await atDesk(other), otherDesk, `Platz ${other} is unaffected`);
    }
    t.diagnostic(`${failures.length} of ${TRIALS} trials left more than one number at a desk or finished more than one`);
    assert.deepEqual(failures, []);
  });

  it('a burst of 10 "call next" at one desk through two processes leaves one number there', { skip, timeout: 60_000 }, async () => {
    for (let i = 0; i < 10; i++) assert.equal((await post(0, '/tickets', { group: 'M' }, DEV_QUEUE_KIOSK_API_KEY)).status, 201);
    const clicks = await Promise.all(Array.from({ length: 10 }, (_, i) => post(i % 2, '/counters/4/call-next')));
    assert.ok(clicks.every((click) => click.status === 200));
    assert.equal((await atDesk(4)).length, 1, `Platz 4 has ${(await atDesk(4)).join(', ')}`);
    // Clicks that say which number the desk shows: one calls the next, the other nine change nothing.
    assert.equal((await post(0, '/tickets', { group: 'M' }, DEV_QUEUE_KIOSK_API_KEY)).status, 201);
    const [shown] = await atDesk(4);
    const guarded = await Promise.all(Array.from({ length: 10 }, (_, i) => post(i % 2, '/counters/4/call-next', { current: shown })));
    assert.deepEqual(guarded.map((click) => click.status).sort(), [200, ...Array<number>(9).fill(409)]);
    assert.equal(guarded.find((click) => click.status === 200)!.body['finished'], shown);
    assert.equal((await atDesk(4)).length, 1);
    // Recall at once through both: both succeed, each a recall of the same number.
    const recalls = await Promise.all([0, 1].map((server) => post(server, '/counters/4/recall')));
    assert.deepEqual(
      recalls.map((r) => r.body['called']),
      [...(await atDesk(4)), ...(await atDesk(4))],
    );
  });

  it('40 numbers drawn at once through two processes are distinct and gapless', { skip, timeout: 60_000 }, async () => {
    const drawn = await Promise.all(Array.from({ length: 40 }, (_, i) => post(i % 2, '/tickets', { group: 'S' }, DEV_QUEUE_KIOSK_API_KEY)));
    assert.ok(drawn.every((d) => d.status === 201), drawn.map((d) => d.status).join(','));
    const seqs = drawn.map((d) => Number(String(d.body['number']).slice(2))).sort((a, b) => a - b);
    assert.equal(new Set(seqs).size, 40);
    assert.equal(seqs.at(-1)! - seqs[0]!, 39);
  });

  it('an appointment checked in twice at once through two processes gets one number', { skip, timeout: 60_000 }, async () => {
    const token = newToken();
    const id = randomUUID();
    await db.query(
      `INSERT INTO appointments (id, status, office_id, starts_at, ends_at, services, return_url, activation_token_hash, activation_expires_at, management_token_hash, created_at, confirmed_at)
       VALUES ($1, 'confirmed', $2, now(), now() + interval '15 minutes', '[]', 'http://localhost/', $3, now(), $4, now(), now())`,
      [id, OFFICE, `activation-${id}`, tokenHash(token)],
    );
    const checkIns = await Promise.all([0, 1, 0, 1].map((server) => post(server, '/tickets', { appointmentManagementToken: token }, '')));
    assert.deepEqual(
      checkIns.map((c) => c.status),
      [201, 201, 201, 201],
    );
    assert.equal(new Set(checkIns.map((c) => c.body['number'])).size, 1);
  });
});
