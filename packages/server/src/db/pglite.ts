import { mkdir } from 'node:fs/promises';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { PGLITE_IN_MEMORY } from '../config.js';
import { assertOutsideTransaction, withinTransaction, type Database, type Queryable } from './database.js';

/**
 * Opens (and on first use creates) an embedded PostgreSQL in `dataDir`, or a throw-away one for
 * `memory://`. PGlite has a single connection and queues queries and transactions itself, so
 * concurrent requests in this process are serialised rather than run in parallel.
 */
export async function openPglite(dataDir: string): Promise<Database> {
  if (dataDir !== PGLITE_IN_MEMORY) await mkdir(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir);
  return {
    kind: 'pglite',
    ...queryable(pglite, assertOutsideTransaction),
    transaction(fn) {
      assertOutsideTransaction();
      return withinTransaction(() => pglite.transaction((tx) => fn(queryable(tx))));
    },
    close: () => pglite.close(),
  };
}

function queryable(target: PGlite | Transaction, check = () => {}): Queryable {
  return {
    async query<Row extends object>(sql: string, params: readonly unknown[] = []) {
      check();
      return (await target.query<Row>(sql, [...params])).rows;
    },
    async exec(sql: string) {
      check();
      await target.exec(sql);
    },
  };
}
