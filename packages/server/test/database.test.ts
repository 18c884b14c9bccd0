import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { Database } from '../src/db/database.js';
import { describeForEachStore } from './support/stores.js';

describeForEachStore('database seam', (store) => {
  let db: Database;
  before(async () => {
    db = await store.openReady();
  });

  // On PGlite the outer query used to wait for the transaction, which waited for the query:
  // the request hung, and every later request with it.
  it('refuses a query on the database from inside its own transaction, at once', { timeout: 5000 }, async () => {
    await assert.rejects(
      db.transaction(async () => db.query('SELECT 1')),
      /inside a transaction/,
    );
    await assert.rejects(
      db.transaction(async () => db.transaction(async (inner) => inner.query('SELECT 1'))),
      /inside a transaction/,
    );
    assert.deepEqual(await db.query('SELECT 1 AS one'), [{ one: 1 }], 'the database still answers');
  });

  it('lets work started inside a transaction use the database once it has ended', { timeout: 5000 }, async () => {
    let later: Promise<unknown> | undefined;
    await db.transaction(async (tx) => {
      await tx.query('SELECT 1');
      later = new Promise((resolve) => setTimeout(resolve, 20)).then(() => db.query('SELECT 2 AS two'));
    });
    assert.deepEqual(await later, [{ two: 2 }]);
  });

  it('runs transactions of concurrent requests side by side', { timeout: 5000 }, async () => {
    const rows = await Promise.all([1, 2, 3].map((n) => db.transaction((tx) => tx.query<{ n: number }>('SELECT $1::int AS n', [n]))));
    assert.deepEqual(rows.flat(), [{ n: 1 }, { n: 2 }, { n: 3 }]);
  });
});
