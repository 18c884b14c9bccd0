import pg from 'pg';
import type { Logger } from '../logger.js';
import { describeError } from '../logger.js';
import { assertOutsideTransaction, withinTransaction, type Database, type Queryable } from './database.js';

/** Connects a pool to a PostgreSQL server. Connections open lazily, on the first query. */
export function openPostgres(url: string, poolSize: number, logger: Logger): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client losing its connection (server restart, failover) emits on the pool; without
  // a listener Node would treat it as an unhandled error and crash the process.
  pool.on('error', (error) => logger.error('postgres pool client failed', describeError(error)));

  return {
    kind: 'postgres',
    ...queryable(pool, assertOutsideTransaction),
    async transaction(fn) {
      assertOutsideTransaction();
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await withinTransaction(() => fn(oneAtATime(queryable(client))));
        await client.query('COMMIT');
        client.release();
        return result;
      } catch (error) {
        // A client whose ROLLBACK fails is in an unknown state: destroy it instead of pooling it.
        await client.query('ROLLBACK').then(
          () => client.release(),
          (rollbackError: Error) => client.release(rollbackError),
        );
        throw error;
      }
    },
    close: () => pool.end(),
  };
}

function queryable(target: pg.Pool | pg.PoolClient, check = () => {}): Queryable {
  return {
    async query<Row extends object>(sql: string, params: readonly unknown[] = []) {
      check();
      return (await target.query<Row & pg.QueryResultRow>(sql, [...params])).rows;
    },
    async exec(sql: string) {
      check();
      // Without parameters node-postgres uses the simple query protocol, which accepts scripts.
      await target.query(sql);
    },
  };
}

/**
 * A connection runs one statement at a time, but callers may start several at once
 * (`Promise.all` inside a transaction). They wait for their turn here: leaving the queueing to
 * node-postgres is deprecated (a warning at every start) and goes away in pg 9.
 */
function oneAtATime(target: Queryable): Queryable {
  let previous: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(run: () => Promise<T>): Promise<T> => {
    const result = previous.then(run, run);
    previous = result.catch(() => undefined);
    return result;
  };
  return {
    query: <Row extends object>(sql: string, params?: readonly unknown[]) => inTurn(() => target.query<Row>(sql, params)),
    exec: (sql: string) => inTurn(() => target.exec(sql)),
  };
}
