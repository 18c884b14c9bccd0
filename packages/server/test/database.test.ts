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

  it('runs the statements a transaction starts at once one after another, without a driver warning', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
    process.on('warning', onWarning);
    try {
      const db = await store.open();
      const rows = await db.transaction((tx) =>
        Promise.all([
          tx.query<{ n: number }>('SELECT 1 AS n FROM pg_sleep(0.05)'),
          tx.query<{ n: number }>('SELECT 2 AS n'),
          tx.query<{ n: number }>('SELECT 3 AS n'),
        ]),
      );
      assert.deepEqual(rows.map(([row]) => row!.n), [1, 2, 3]);
      // Warnings are emitted on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
      assert.deepEqual(warnings, []);
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('keeps running later statements after one of them failed', async () => {
    const db = await store.open();
    const [failed, after] = await db.transaction(async (tx) => {
      await tx.query('SAVEPOINT probe');
      const outcome = await Promise.allSettled([tx.query('SELECT no_such_column FROM pg_class'), tx.query('ROLLBACK TO SAVEPOINT probe')]);
      return [outcome[0].status, (await tx.query<{ n: number }>('SELECT 4 AS n'))[0]!.n] as const;
    });
    assert.equal(failed, 'rejected');
    assert.equal(after, 4);
  });
});
