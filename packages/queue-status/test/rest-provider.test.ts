import { expect } from '@open-wc/testing';
import type { ConnectionStatus, QueueUpdate } from '../src/provider.js';
import { RestQueueProvider, type EventSourceLike } from '../src/providers/rest.js';
import { call, queueState } from './queue-fixtures.js';

/** An EventSource stand-in the test scripts: open, events, errors. */
class ScriptedSource implements EventSourceLike {
  readyState = 0;
  onopen: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  closed = false;
  private listeners = new Map<string, Array<(event: MessageEvent<string>) => void>>();
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
  open() {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }
  emit(type: string, data: unknown) {
    this.emitRaw(type, JSON.stringify(data));
  }
  emitRaw(type: string, data: string) {
    for (const listener of this.listeners.get(type) ?? []) listener(new MessageEvent(type, { data }));
  }
  fail(closed: boolean) {
    this.readyState = closed ? 2 : 0;
    this.onerror?.(new Event('error'));
  }
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

function setUp(options: { fetchStatus?: number; staleAfterMs?: number } = {}) {
  const sources: ScriptedSource[] = [];
  const fetched: string[] = [];
  const provider = new RestQueueProvider('/api', {
    eventSource: (url) => {
      const source = new ScriptedSource(url);
      sources.push(source);
      return source;
    },
    fetch: (async (url: string) => {
      fetched.push(String(url));
      return new Response('{}', { status: options.fetchStatus ?? 503 });
    }) as typeof fetch,
    retryMs: 10,
    staleAfterMs: options.staleAfterMs ?? 60_000,
  });
  const updates: QueueUpdate[] = [];
  const statuses: ConnectionStatus[] = [];
  return { provider, sources, fetched, updates, statuses };
}

describe('RestQueueProvider (Server-Sent Events)', () => {
  it('connects to the events URL, delivers states with the calls before them and the followed ticket', () => {
    const { provider, sources, updates, statuses } = setUp();
    const stop = provider.subscribe('buergerbuero', (u) => updates.push(u), (s) => statuses.push(s), { ticket: { number: 'A-042', code: 'K7M2P9' } });
    expect(sources).to.have.length(1);
    expect(new URL(sources[0]!.url).pathname + new URL(sources[0]!.url).search).to.equal('/api/v1/queue/buergerbuero/events?number=A-042&code=K7M2P9');
    sources[0]!.open();
    expect(statuses.at(-1)).to.include({ connected: true, stale: false });
    sources[0]!.emit('state', queueState());
    sources[0]!.emit('call', call('A-018', 2, 11));
    sources[0]!.emit('state', queueState({ version: 11 }));
    sources[0]!.emit('ticket', { number: 'A-042', status: 'waiting', ahead: 3, estimatedWaitMinutes: 9 });
    sources[0]!.emit('state', { nonsense: true });
    expect(updates.map((u) => [u.state.version, u.calls.map((c) => c.ticket), u.ticket?.ahead])).to.deep.equal([
      [10, [], undefined],
      [11, ['A-018'], undefined],
      [11, [], 3],
    ]);
    stop();
    expect(sources[0]!.closed).to.equal(true);
  });

  it('goes stale on an error, renews a closed connection with backoff, and is fresh again with the next event', async () => {
    const { provider, sources, statuses, fetched } = setUp();
    const stop = provider.subscribe('buergerbuero', () => undefined, (s) => statuses.push(s));
    sources[0]!.open();
    sources[0]!.emit('state', queueState());
    // A dropped connection EventSource retries itself: stale, but no new source from us.
    sources[0]!.fail(false);
    expect(statuses.at(-1)).to.include({ connected: false, stale: true });
    expect(sources).to.have.length(1);
    sources[0]!.open();
    expect(statuses.at(-1)).to.include({ connected: true, stale: false });
    // An HTTP error closes it for good: probe, then a new one after a short delay.
    sources[0]!.fail(true);
    await wait(100);
    expect(fetched[0]).to.match(/\/api\/v1\/queue\/buergerbuero$/);
    expect(sources).to.have.length(2);
    sources[1]!.open();
    sources[1]!.emit('heartbeat', { version: 10 });
    expect(statuses.at(-1)).to.include({ connected: true, stale: false });
    stop();
  });

  it('notices a silent connection (no heartbeat) and replaces it', async () => {
    const { provider, sources, statuses } = setUp({ staleAfterMs: 60 });
    const stop = provider.subscribe('buergerbuero', () => undefined, (s) => statuses.push(s));
    sources[0]!.open();
    await wait(250);
    expect(statuses.some((s) => s.stale)).to.equal(true);
    expect(sources[0]!.closed).to.equal(true);
    expect(sources.length).to.be.greaterThan(1);
    stop();
  });

  it('treats a connection that sends only garbage like a silent one: replaced, and fresh with the next good state', async () => {
    const { provider, sources, statuses, updates } = setUp({ staleAfterMs: 60 });
    const stop = provider.subscribe('buergerbuero', (u) => updates.push(u), (s) => statuses.push(s));
    sources[0]!.open();
    const garbage = ['{"waiting": "viele"', '<html><script>window.__pwned=1</script>', 'null', '[]', JSON.stringify({ ...queueState(), groups: 'x' })];
    for (let i = 0; i < 12; i++) {
      for (const g of garbage) for (const type of ['state', 'call', 'ticket']) sources[0]!.emitRaw(type, g);
      await wait(25);
    }
    expect(updates).to.deep.equal([]);
    expect(statuses.some((s) => s.stale)).to.equal(true);
    expect(sources[0]!.closed).to.equal(true);
    await wait(100);
    const fresh = sources[sources.length - 1]!;
    fresh.open();
    fresh.emit('state', queueState());
    expect(updates).to.have.length(1);
    expect(statuses.at(-1)).to.include({ connected: true, stale: false });
    expect((window as unknown as Record<string, unknown>)['__pwned']).to.equal(undefined);
    stop();
  });

  it('stops with office_not_found when the probe says 404', async () => {
    const { provider, sources, statuses } = setUp({ fetchStatus: 404 });
    const stop = provider.subscribe('rathaus', () => undefined, (s) => statuses.push(s));
    sources[0]!.fail(true);
    await wait(50);
    expect(statuses.at(-1)?.error).to.equal('office_not_found');
    expect(sources).to.have.length(1);
    stop();
  });
});
