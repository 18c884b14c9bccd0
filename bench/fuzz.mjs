// Fuzzes every operation of the OpenAPI document (packages/server/test/support/fuzz.ts) with
// N requests each, on PGlite in memory and, when DATABASE_URL is set, on PostgreSQL in a fresh
// schema; prints per store a table: operation, requests, 2xx, 4xx, 5xx, and the broken rules.
// Run: npx tsc -b packages/server/tsconfig.build.json && [DATABASE_URL=postgres://…] node bench/fuzz.mjs [casesPerOperation] [pglite|postgres]
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createApp, loadConfig, migrate, openDatabase, seed } from '@muni-widgets/server';
import { FUZZ_ENV, fuzzApp, fuzzKnownValues } from '../packages/server/dist/test/support/fuzz.js';

const CASES = Number(process.argv[2] ?? 1000);
const silent = { debug() {}, info() {}, warn() {}, error() {} };

async function run(label, databaseConfig, cleanUp = async () => {}) {
  const db = await openDatabase(databaseConfig, silent);
  try {
    await migrate(db);
    await seed(db);
    const config = loadConfig({ PGLITE_DATA_DIR: 'memory://', LOG_LEVEL: 'silent', RATE_LIMIT_ENABLED: 'false', ...FUZZ_ENV });
    const app = createApp({ config, db, logger: silent });
    const started = performance.now();
    console.log(`\n${label}, ${CASES} requests per operation\n| operation | requests | 2xx | 4xx | 5xx |\n|---|---:|---:|---:|---:|`);
    const { tallies, failures } = await fuzzApp(app, {
      casesPerOperation: CASES,
      known: await fuzzKnownValues(app),
      onOperation: (t) => console.log(`| ${t.operation} | ${t.requests} | ${t['2xx']} | ${t['4xx']} | ${t['5xx']} |`),
    });
    const seconds = (performance.now() - started) / 1000;
    const sum = (key) => tallies.reduce((n, t) => n + t[key], 0);
    console.log(`| **all** | ${sum('requests')} | ${sum('2xx')} | ${sum('4xx')} | ${sum('5xx')} |\n${tallies.length} operations in ${seconds.toFixed(0)} s`);
    for (const failure of failures) console.log(`BROKEN ${failure}`);
  } finally {
    await db.close();
    await cleanUp();
  }
}

const only = process.argv[3]; // 'pglite' or 'postgres' to run one store
if (only !== 'postgres') await run('PGlite', { kind: 'pglite', dataDir: 'memory://' });
const url = process.env.DATABASE_URL;
if (url && only !== 'pglite') {
  const schema = `fuzz_${randomBytes(6).toString('hex')}`;
  const admin = async (sql) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  await admin(`CREATE SCHEMA ${schema}`);
  const scoped = new URL(url);
  scoped.searchParams.set('options', `-c search_path=${schema}`);
  await run('PostgreSQL', { kind: 'postgres', url: scoped.toString(), poolSize: 5 }, () => admin(`DROP SCHEMA ${schema} CASCADE`));
}
