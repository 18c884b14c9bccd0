import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeForEachStore } from './support/stores.js';

describeForEachStore('database seam', (store) => {
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
