// 1,000 concurrent SSE clients of <muni-queue-status> on one server instance (PGlite, in
// process): memory per client and delivery latency from "call next" to the `call` event at every
// client. Clients are raw HTTP streams in the same process, so their parsing is included in the
// latency (a pessimistic bound for the server alone).
// Run: npx tsc -b packages/server/tsconfig.build.json && node --expose-gc bench/queue-sse.mjs [clients] [rounds]
import { Agent, get } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEV_QUEUE_KIOSK_API_KEY, DEV_QUEUE_STAFF_API_KEY, loadConfig, startServer } from '@muni-widgets/server';

const CLIENTS = Number(process.argv[2] ?? 1000);
const ROUNDS = Number(process.argv[3] ?? 20);
const OFFICE = 'buergerbuero';

const server = await startServer({
  config: loadConfig({ MUNI_DEV_MODE: 'on', PORT: '0', HOST: '127.0.0.1', PGLITE_DATA_DIR: 'memory://', LOG_LEVEL: 'error', RATE_LIMIT_ENABLED: 'false' }),
});
const api = (path, init = {}) => fetch(`${server.url}/api/v1/queue/${OFFICE}${path}`, init);

const gc = () => globalThis.gc?.();
const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1);
const memory = () => {
  gc();
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heapUsed };
};

const agent = new Agent({ keepAlive: false, maxSockets: Infinity });
const waiters = new Set();
/** One SSE client: resolves `ready` on its first state; records when each call's ticket arrives. */
function client() {
  const seen = new Map();
  let buffer = '';
  let onReady;
  const ready = new Promise((resolve) => (onReady = resolve));
  const request = get(`${server.url}/api/v1/queue/${OFFICE}/events`, { agent }, (response) => {
    response.setEncoding('utf8');
    response.on('data', (chunk) => {
      buffer += chunk;
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (block.startsWith('event: state')) onReady();
        else if (block.startsWith('event: call')) {
          const ticket = /"ticket":"([^"]+)"/.exec(block)?.[1];
          if (ticket && !seen.has(ticket)) {
            seen.set(ticket, performance.now());
            for (const waiter of waiters) waiter();
          }
        }
      }
    });
  });
  request.on('error', () => undefined);
  return { seen, ready, close: () => request.destroy() };
}

const before = memory();
const started = performance.now();
const clients = Array.from({ length: CLIENTS }, client);
await Promise.all(clients.map((c) => c.ready));
const connectMs = performance.now() - started;
await sleep(200);
const connected = memory();

const latencies = [];
const rounds = [];
for (let round = 0; round < ROUNDS; round++) {
  const issued = await (
    await api('/tickets', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${DEV_QUEUE_KIOSK_API_KEY}` }, body: JSON.stringify({ group: 'S' }) })
  ).json();
  await sleep(50);
  let called;
  let t0;
  // Platz 6 calls S and M; numbers seeded for today may come first.
  do {
    t0 = performance.now();
    called = (await (await api('/counters/6/call-next', { method: 'POST', headers: { Authorization: `Bearer ${DEV_QUEUE_STAFF_API_KEY}` } })).json()).called;
  } while (called !== issued.number && called !== null);
  await new Promise((resolve) => {
    const check = () => {
      if (clients.every((c) => c.seen.has(called))) {
        waiters.delete(check);
        resolve();
      }
    };
    waiters.add(check);
    check();
  });
  const times = clients.map((c) => c.seen.get(called) - t0);
  latencies.push(...times);
  rounds.push(Math.max(...times));
}
const loaded = memory();

const sorted = latencies.sort((a, b) => a - b);
const pct = (p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(1);
console.log(`clients ${CLIENTS}, rounds ${ROUNDS} (one call each), PGlite in memory, Node ${process.version}${globalThis.gc ? '' : ' (run with --expose-gc for steadier memory numbers)'}`);
console.log(`connect all: ${connectMs.toFixed(0)} ms`);
console.log(`memory  rss ${mb(before.rss)} → ${mb(connected.rss)} MB (+${mb(connected.rss - before.rss)}), heap ${mb(before.heapUsed)} → ${mb(connected.heapUsed)} MB (+${mb(connected.heapUsed - before.heapUsed)}); per client ≈ ${((connected.rss - before.rss) / CLIENTS / 1024).toFixed(1)} KB rss, ${((connected.heapUsed - before.heapUsed) / CLIENTS / 1024).toFixed(1)} KB heap (clients included)`);
console.log(`after the rounds: rss ${mb(loaded.rss)} MB, heap ${mb(loaded.heapUsed)} MB`);
console.log(`delivery latency, call-next request sent → call event at a client (${sorted.length} deliveries): median ${pct(50)} ms, p95 ${pct(95)} ms, max ${sorted.at(-1).toFixed(1)} ms`);
console.log(`all ${CLIENTS} clients reached, per round: median ${[...rounds].sort((a, b) => a - b)[Math.floor(rounds.length / 2)].toFixed(1)} ms, max ${Math.max(...rounds).toFixed(1)} ms`);

for (const c of clients) c.close();
await server.close();
