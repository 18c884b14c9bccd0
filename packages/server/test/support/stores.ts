/**
 * Runs a suite against every store: PGlite in memory always, PostgreSQL when DATABASE_URL is
 * set. Each PostgreSQL suite gets its own schema (dropped afterwards), so runs and parallel
 * test files never see each other's tables.
 */
import { randomBytes } from 'node:crypto';
import { after, describe } from 'node:test';
import pg from 'pg';
import { PGLITE_IN_MEMORY, type DatabaseConfig } from '../../src/config.js';
import type { Database, DatabaseKind } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrate.js';
import { openDatabase } from '../../src/db/open.js';
import { seed } from '../../src/seed/seed.js';
import { silentLogger } from './logs.js';

export interface TestStore {
  kind: DatabaseKind;
  /** Connection settings for this suite's private database or schema, once it exists. */
  prepare(): Promise<DatabaseConfig>;
  /** Opens a connection to the suite's database; closed automatically after the suite. */
  open(): Promise<Database>;
  /** Opens, migrates and seeds. */
  openReady(): Promise<Database>;
}

const postgresUrl = process.env['DATABASE_URL'];

export function describeForEachStore(name: string, suite: (store: TestStore) => void): void {
  describe(`${name} [pglite]`, () => suite(pgliteStore()));
  describe(
    `${name} [postgres]`,
    { skip: postgresUrl ? false : 'DATABASE_URL is not set; PostgreSQL variant skipped' },
    () => suite(postgresStore(postgresUrl ?? '')),
  );
}

/**
 * PGlite is one connection per process: "another connection" to the suite's database is the
 * same instance, just as two requests in one server process share it.
 */
function pgliteStore(): TestStore {
  const config: DatabaseConfig = { kind: 'pglite', dataDir: PGLITE_IN_MEMORY };
  let shared: Promise<Database> | undefined;
  after(async () => {
    if (shared) await (await shared).close();
  });
  const open = () => (shared ??= openDatabase(config, silentLogger));
  return { kind: 'pglite', prepare: async () => config, open, openReady: () => ready(open()) };
}

function postgresStore(baseUrl: string): TestStore {
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const url = new URL(baseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const config: DatabaseConfig = { kind: 'postgres', url: url.toString(), poolSize: 20 };
  let created: Promise<void> | undefined;
  const admin = () => new pg.Client({ connectionString: baseUrl });
  const withAdmin = async (sql: string) => {
    const client = admin();
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  return postgresStoreWith(
    config,
    () => (created ??= withAdmin(`CREATE SCHEMA ${schema}`)),
    () => (created ? withAdmin(`DROP SCHEMA ${schema} CASCADE`) : Promise.resolve()),
  );
}

function postgresStoreWith(config: DatabaseConfig, prepare: () => Promise<void>, cleanUp: () => Promise<void>): TestStore {
  const opened: Database[] = [];
  after(async () => {
    await Promise.all(opened.map((db) => db.close()));
    await cleanUp();
  });
  const open = async () => {
    await prepare();
    const db = await openDatabase(config, silentLogger);
    opened.push(db);
    return db;
  };
  return {
    kind: 'postgres',
    prepare: async () => {
      await prepare();
      return config;
    },
    open,
    openReady: () => ready(open()),
  };
}

async function ready(opening: Promise<Database>): Promise<Database> {
  const db = await opening;
  await migrate(db);
  await seed(db);
  return db;
}
