// Launch-day load on the reference server (issue #14), two parts:
// 1. Month availability next to /services/search, side by side, with autocannon against a server
//    process of its own: on PGlite (in that process), and on PostgreSQL when DATABASE_URL is set.
//    Each citizen-like request asks for one of several service/month combinations.
// 2. Booking rush (PostgreSQL only): simulated citizens, each availability → day → reserve →
//    book, spread over two server processes on one database; throughput, p95 per citizen, errors,
//    and a check in the database that no counter holds two appointments at once.
//
// SERVER_MAIN: another build's main.js to compare with (e.g. the code before a change).
// Run: npx tsc -b packages/server/tsconfig.build.json && \
//      DATABASE_URL=postgres://muni:muni@127.0.0.1:5432/muni_test node bench/server-load.mjs [seconds] [citizens]
// Both parts share the machine with autocannon and the citizens' own HTTP clients: the numbers
// are for comparing runs on one machine, not absolute capacities.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';

const SECONDS = Number(process.argv[2] ?? 10);
const CITIZENS = Number(process.argv[3] ?? 2000);
const CONNECTIONS = 50;
const RUSH_CONCURRENCY = 50;
const MAIN = process.env.SERVER_MAIN ?? fileURLToPath(new URL('../packages/server/dist/src/main.js', import.meta.url));
const databaseUrl = process.env.DATABASE_URL;

/** The bench's environment without DATABASE_URL, which would turn the PGlite run into PostgreSQL. */
const { DATABASE_URL: _, ...inherited } = process.env;

/** A server process with the demo town; `url` once it listens. */
function startServer(env) {
  const child = spawn(process.execPath, [MAIN], {
    env: { ...inherited, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error', MUNI_DEV_MODE: 'on', RATE_LIMIT_ENABLED: 'false', BOT_PROTECTION: 'false', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    child.stdout.on('data', (chunk) => {
      const match = /listening on (\S+)/.exec(String(chunk));
      if (match) resolve({ url: match[1], stop: () => new Promise((done) => (child.once('exit', done), child.kill('SIGINT'))) });
    });
  });
}

/** A fresh schema on the PostgreSQL server, so runs never see each other's bookings. */
async function freshSchema() {
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.toString(),
    admin,
    drop: async () => {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
    query: async (sql) => (await admin.query(`SET search_path = ${schema}; ${sql}`))[1].rows,
  };
}

const isoDate = (date) => date.toISOString().slice(0, 10);
const plusDays = (days) => isoDate(new Date(Date.now() + days * 86_400_000));

/** This month and next for three requests, as a month view asks for them (today onwards). */
function availabilityPaths() {
  const services = ['personalausweis', 'wohnung-anmelden:2', 'kita-anmeldung'];
  const months = [
    [plusDays(0), plusDays(30)],
    [plusDays(31), plusDays(59)],
  ];
  return services.flatMap((s) => months.map(([from, to]) => `/api/v1/appointments/availability?services=${s}&from=${from}&to=${to}`));
}
const SEARCH_PATHS = ['Perso', 'Wohnsitz ummelden', 'Hund', 'Führungszeugnis', 'Kita', 'Baugenehmigung'].map(
  (q) => `/api/v1/services/search?q=${encodeURIComponent(q)}`,
);

async function load(url, paths) {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: paths.map((path) => ({ method: 'GET', path })),
  });
  return {
    'req/s': Math.round(result.requests.average),
    'p50 ms': result.latency.p50,
    'p99 ms': result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

async function loadBothEndpoints(label, env) {
  const server = await startServer(env);
  try {
    // Warm up (JIT, first queries) before measuring.
    for (const path of [...availabilityPaths(), ...SEARCH_PATHS]) await (await fetch(server.url + path)).arrayBuffer();
    const search = await load(server.url, SEARCH_PATHS);
    const month = await load(server.url, availabilityPaths());
    console.log(`\n${label}: ${CONNECTIONS} connections, ${SECONDS} s each`);
    console.table({ '/services/search': search, 'month availability': month });
    console.log(`month availability / search throughput: ${((100 * month['req/s']) / search['req/s']).toFixed(0)} %`);
  } finally {
    await server.stop();
  }
}

// ---------------------------------------------------------------- booking rush

async function citizen(servers, index) {
  const server = servers[index % servers.length].url;
  const call = async (path, init) => {
    const response = await fetch(server + path, init);
    const body = await response.json();
    return { status: response.status, body };
  };
  const json = (body) => ({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const services = 'personalausweis';
  const month = await call(`/api/v1/appointments/availability?services=${services}&from=${plusDays(0)}&to=${plusDays(59)}`);
  if (month.status !== 200) return `availability ${month.status}`;
  for (let attempt = 0; attempt < 5; attempt++) {
    const days = month.body.days.filter((d) => d.free > 0);
    if (days.length === 0) return 'fully booked';
    const day = days[Math.floor(Math.random() * Math.min(days.length, 10))];
    const { status, body } = await call(`/api/v1/appointments/slots?services=${services}&date=${day.date}`);
    if (status !== 200) return `slots ${status}`;
    if (body.slots.length === 0) continue;
    const slot = body.slots[Math.floor(Math.random() * Math.min(body.slots.length, 8))];
    const reservation = await call('/api/v1/appointments/reservations', json({ services: [{ serviceId: 'personalausweis', count: 1 }], slotId: slot.id }));
    if (reservation.status === 409) continue;
    if (reservation.status !== 201) return `reserve ${reservation.status}`;
    const booking = await call(
      `/api/v1/appointments/reservations/${reservation.body.id}/booking`,
      json({ secret: reservation.body.secret, contact: { name: `Bürgerin ${index}`, email: `b${index}@example.org` }, consent: true, returnUrl: `${server}/termine` }),
    );
    return booking.status === 202 ? 'booked' : `book ${booking.status}`;
  }
  return 'gave up after 5 taken slots';
}

async function bookingRush() {
  const db = await freshSchema();
  const servers = [];
  try {
    servers.push(await startServer({ DATABASE_URL: db.url }));
    servers.push(await startServer({ DATABASE_URL: db.url }));
    const outcomes = new Map();
    const durations = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: RUSH_CONCURRENCY }, async () => {
        while (next < CITIZENS) {
          const index = next++;
          const t0 = performance.now();
          const outcome = await citizen(servers, index).catch((error) => `error ${error.message}`);
          durations.push(performance.now() - t0);
          outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    durations.sort((a, b) => a - b);
    // Units covered by more appointments than the office has counters would be a double booking.
    const [{ overbooked }] = await db.query(`
      SELECT count(*)::int AS overbooked FROM (
        SELECT a.office_id, unit, count(*) AS n, max(c.counters) AS counters
          FROM appointments a JOIN appointment_calendars c ON c.office_id = a.office_id,
               generate_series(a.starts_at, a.ends_at - interval '1 minute', make_interval(mins => c.slot_minutes)) AS unit
         WHERE a.status <> 'cancelled'
         GROUP BY a.office_id, unit HAVING count(*) > max(c.counters)) AS o`);
    const [{ appointments }] = await db.query('SELECT count(*)::int AS appointments FROM appointments');
    console.log(`\nBooking rush: ${CITIZENS} citizens, ${RUSH_CONCURRENCY} at a time, two server processes on one PostgreSQL`);
    console.table({
      rush: {
        'citizens/s': Math.round(CITIZENS / seconds),
        'p50 ms': Math.round(durations[Math.floor(durations.length * 0.5)]),
        'p95 ms': Math.round(durations[Math.floor(durations.length * 0.95)]),
        booked: outcomes.get('booked') ?? 0,
        'not booked': CITIZENS - (outcomes.get('booked') ?? 0),
        'appointments in DB': appointments,
        'double bookings': overbooked,
      },
    });
    const other = [...outcomes].filter(([k]) => k !== 'booked');
    if (other.length > 0) console.log('other outcomes:', Object.fromEntries(other));
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await db.drop();
  }
}

const part = process.env.BENCH_PART ?? 'all';
if (part !== 'rush') {
  await loadBothEndpoints('PGlite (in the server process)', { PGLITE_DATA_DIR: 'memory://' });
  if (databaseUrl) {
    const db = await freshSchema();
    try {
      await loadBothEndpoints('PostgreSQL', { DATABASE_URL: db.url });
    } finally {
      await db.drop();
    }
  } else console.log('\nDATABASE_URL not set: PostgreSQL load and booking rush skipped');
}
if (databaseUrl && part !== 'load') await bookingRush();
