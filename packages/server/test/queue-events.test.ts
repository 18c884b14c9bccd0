import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { before, it } from 'node:test';
import type { App } from '../src/app.js';
import { DEV_QUEUE_KIOSK_API_KEY, DEV_QUEUE_STAFF_API_KEY } from '../src/config.js';
import type { Database } from '../src/db/database.js';
import { inProcessQueueEvents } from '../src/queue/events.js';
import { QueueLive, type LiveSink } from '../src/queue/live.js';
import { json, manualClock, testApp } from './support/app.js';
import { silentLogger } from './support/logs.js';
import { serverProcesses } from './support/server-process.js';
import { sseReader } from './support/sse.js';
import { describeForEachStore } from './support/stores.js';

type Json = Record<string, any>;
const OFFICE = 'buergerbuero';
const STAFF = { Authorization: `Bearer ${DEV_QUEUE_STAFF_API_KEY}` };
const KIOSK = { Authorization: `Bearer ${DEV_QUEUE_KIOSK_API_KEY}` };
/** The issue's promise: a call reaches the screens within a second. */
const WITHIN = 1_000;

type Fetch = (path: string, init?: RequestInit) => Promise<Response>;

async function issue(fetchIt: Fetch, group = 'A'): Promise<Json> {
  const response = await fetchIt(`/api/v1/queue/${OFFICE}/tickets`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...KIOSK },
    body: JSON.stringify({ group }),
  });
  assert.equal(response.status, 201, await response.clone().text());
  return json(response);
}

async function callNext(fetchIt: Fetch, counter: number): Promise<Json> {
  const response = await fetchIt(`/api/v1/queue/${OFFICE}/counters/${counter}/call-next`, { method: 'POST', headers: STAFF });
  assert.equal(response.status, 200, await response.clone().text());
  return json(response);
}

const viaApp =
  (app: App): Fetch =>
  (path, init) =>
    Promise.resolve(app.request(path, init));

describeForEachStore('queue live events (SSE)', (store) => {
  let db: Database;
  before(async () => {
    db = await store.openReady();
  });

  it('sends retry, the state on connect, then each call and the new state', async () => {
    const app = testApp(db, { clock: manualClock('2030-04-01T09:00:00+02:00') });
    const response = await app.request(`/api/v1/queue/${OFFICE}/events`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('Content-Type') ?? '', /^text\/event-stream/);
    assert.equal(response.headers.get('Cache-Control'), 'no-store');
    const stream = sseReader(response);
    try {
      assert.equal((await stream.next()).retry, 3000);
      const initial = await stream.next();
      assert.equal(initial.event, 'state');
      const state = JSON.parse(initial.data) as Json;
      assert.equal(initial.id, String(state['version']));
      assert.equal(state['officeId'], OFFICE);

      const ticket = await issue(viaApp(app));
      const afterIssue = JSON.parse((await stream.until('state', WITHIN)).data) as Json;
      assert.equal(afterIssue['groups'].find((g: Json) => g.code === 'A').waiting, 1);

      const called = await callNext(viaApp(app), 2);
      assert.equal(called['called'], ticket['number']);
      const call = await stream.next(WITHIN);
      assert.equal(call.event, 'call');
      assert.equal(call.id, String(called['version']));
      assert.deepEqual(
        (({ ticket: t, counter, counterName, recall }) => ({ t, counter, counterName, recall }))(JSON.parse(call.data)),
        { t: ticket['number'], counter: 2, counterName: 'Platz 2', recall: false },
      );
      const next = await stream.next(WITHIN);
      assert.equal(next.event, 'state');
      assert.equal(JSON.parse(next.data)['calls'][0].ticket, ticket['number']);
    } finally {
      await stream.close();
    }
  });

  it('follows one number: position while waiting, counter when called', async () => {
    const app = testApp(db, { clock: manualClock('2030-04-02T09:00:00+02:00') });
    const first = await issue(viaApp(app), 'M');
    const mine = await issue(viaApp(app), 'M');
    const bad = await app.request(`/api/v1/queue/${OFFICE}/events?number=${mine['number']}&code=${mine['code'] === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA'}`);
    assert.equal(bad.status, 404);
    assert.equal((await app.request(`/api/v1/queue/${OFFICE}/events?number=${mine['number']}`)).status, 400);

    const stream = sseReader(await app.request(`/api/v1/queue/${OFFICE}/events?number=${mine['number']}&code=${mine['code']}`));
    try {
      const waiting = JSON.parse((await stream.until('ticket')).data) as Json;
      assert.deepEqual([waiting['status'], waiting['ahead']], ['waiting', 1]);
      assert.equal((await callNext(viaApp(app), 4))['called'], first['number']);
      const next = JSON.parse((await stream.until('ticket', WITHIN)).data) as Json;
      assert.deepEqual([next['status'], next['ahead'], next['estimatedWaitMinutes']], ['waiting', 0, 0]);
      assert.equal((await callNext(viaApp(app), 3))['called'], mine['number']);
      const called = JSON.parse((await stream.until('ticket', WITHIN)).data) as Json;
      assert.deepEqual([called['status'], called['counter'], called['counterName']], ['called', 3, 'Platz 3']);
    } finally {
      await stream.close();
    }
  });

  it('replays the calls missed since Last-Event-ID before the state', async () => {
    const app = testApp(db, { clock: manualClock('2030-04-03T09:00:00+02:00') });
    const before = (await json<Json>(await app.request(`/api/v1/queue/${OFFICE}`)))['version'] as number;
    const a = await issue(viaApp(app));
    const b = await issue(viaApp(app));
    await callNext(viaApp(app), 1);
    await callNext(viaApp(app), 2);
    const stream = sseReader(await app.request(`/api/v1/queue/${OFFICE}/events`, { headers: { 'Last-Event-ID': String(before) } }));
    try {
      await stream.next(); // retry
      const events = [await stream.next(), await stream.next(), await stream.next()];
      assert.deepEqual(
        events.map((e) => [e.event, e.event === 'call' ? JSON.parse(e.data).ticket : '']),
        [
          ['call', a['number']],
          ['call', b['number']],
          ['state', ''],
        ],
      );
    } finally {
      await stream.close();
    }
  });

  it('lets 200 phones behind one address watch with the default limits, and caps open streams per address', async () => {
    const app = testApp(db, { env: { RATE_LIMIT_ENABLED: 'true' } });
    const phones: Response[] = [];
    for (let i = 0; i < 200; i++) {
      // Every app.request comes from the same (unknown) address, like a town hall's guest Wi-Fi.
      assert.equal((await app.request(`/api/v1/queue/${OFFICE}`)).status, 200);
      const stream = await app.request(`/api/v1/queue/${OFFICE}/events`);
      assert.equal(stream.status, 200, await (stream.ok ? '' : stream.text()));
      phones.push(stream);
    }
    await Promise.all(phones.map((phone) => phone.body!.cancel()));

    const capped = testApp(db, { env: { RATE_LIMIT_ENABLED: 'true', RATE_LIMIT_STREAMS_PER_ADDRESS: '2' } });
    const open = () => capped.request(`/api/v1/queue/${OFFICE}/events`);
    const [first, second] = [await open(), await open()];
    assert.deepEqual([first.status, second.status], [200, 200]);
    const refused = await open();
    assert.equal(refused.status, 429);
    assert.equal(refused.headers.get('Retry-After'), '10');
    assert.equal((await json(refused))['code'], 'rate_limited');
    // A closed stream frees its place.
    await first.body!.cancel();
    const again = await open();
    assert.equal(again.status, 200);
    await Promise.all([second.body!.cancel(), again.body!.cancel()]);
  });

  it('sends heartbeats, drops clients that disconnect, and closes every stream on shutdown', async () => {
    const events = inProcessQueueEvents();
    const live = new QueueLive({ db, events, clock: () => new Date(), logger: silentLogger, heartbeatMs: 50 });
    const chunks: string[] = [];
    let closed = 0;
    const sink: LiveSink = { write: (chunk) => (chunks.push(new TextDecoder().decode(chunk)), true), close: () => void (closed += 1) };
    const disconnect = live.connect(OFFICE, sink);
    const other = live.connect(OFFICE, { write: () => true, close: () => void (closed += 10) });
    assert.equal(live.clientCount, 2);
    await sleep(300);
    assert.ok(chunks.some((c) => c.startsWith('event: state')));
    assert.ok(chunks.some((c) => c.startsWith('event: heartbeat\ndata: {"version":')));
    disconnect();
    assert.equal(live.clientCount, 1);
    await events.close();
    assert.equal(closed, 10);
    assert.equal(live.clientCount, 0);
    other();
  });
});

describeForEachStore('queue events across server processes', (store) => {
  const processes = serverProcesses();

  it(
    'a call made through one process reaches the SSE clients of both within a second (LISTEN/NOTIFY)',
    { skip: store.kind === 'pglite' ? 'PGlite lives inside one process; this needs PostgreSQL' : false, timeout: 60_000 },
    async () => {
      await store.openReady();
      const config = await store.prepare();
      assert.equal(config.kind, 'postgres');
      const [a, b] = await Promise.all([processes.start(config.url), processes.start(config.url)]);
      const on = (server: { url: string }): Fetch => (path, init) => fetch(`${server.url}${path}`, init);

      const ticket = await issue(on(a), 'S');
      const displayB = sseReader(await fetch(`${b.url}/api/v1/queue/${OFFICE}/events`));
      const displayA = sseReader(await fetch(`${a.url}/api/v1/queue/${OFFICE}/events`));
      const mine = sseReader(await fetch(`${b.url}/api/v1/queue/${OFFICE}/events?number=${ticket['number']}&code=${ticket['code']}`));
      try {
        await displayB.until('state');
        await displayA.until('state');
        assert.equal(JSON.parse((await mine.until('ticket')).data).status, 'waiting');
        // Platz 6 calls S; call until this ticket comes (seeded numbers of today may be ahead).
        let called: Json;
        const started = Date.now();
        do called = await callNext(on(a), 6);
        while (called['called'] !== ticket['number'] && called['called'] !== null);
        assert.equal(called['called'], ticket['number']);
        const seenB = JSON.parse((await waitForCall(displayB, ticket['number'])).data) as Json;
        const seenA = JSON.parse((await waitForCall(displayA, ticket['number'])).data) as Json;
        assert.equal(seenB['counterName'], 'Platz 6');
        assert.equal(seenA['counterName'], 'Platz 6');
        let view: Json;
        do view = JSON.parse((await mine.until('ticket', WITHIN)).data) as Json;
        while (view['status'] === 'waiting');
        assert.deepEqual([view['status'], view['counter']], ['called', 6]);
        assert.ok(Date.now() - started < 10_000);
      } finally {
        await Promise.all([displayA.close(), displayB.close(), mine.close()]);
      }
    },
  );
});

async function waitForCall(stream: ReturnType<typeof sseReader>, number: string) {
  for (;;) {
    const call = await stream.until('call', WITHIN);
    if (JSON.parse(call.data).ticket === number) return call;
  }
}
