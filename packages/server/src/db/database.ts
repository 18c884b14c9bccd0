import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The storage seam: routes, middleware and migrations talk to this interface only, so the same
 * code (and the same SQL) runs on the embedded PGlite and on a real PostgreSQL server.
 */

export type DatabaseKind = 'pglite' | 'postgres';

/** Something SQL can be sent to: the database itself or an open transaction. */
export interface Queryable {
  /** One statement with `$1`-style parameters; resolves to the result rows. */
  query<Row extends object = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** A script of several statements without parameters (migrations, seeds). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: DatabaseKind;
  /**
   * Runs `fn` inside BEGIN/COMMIT and rolls back when it throws. Inside `fn`, use only the
   * given `tx`: on PGlite every other query waits until the transaction ends, so a query on the
   * outer database would wait forever.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Resolves when the database answers a trivial query, rejects otherwise (health checks). */
export async function ping(db: Queryable): Promise<void> {
  await db.query('SELECT 1');
}

/**
 * Serialises work that must not run twice at once across every server instance sharing the
 * database (migrations, seeding). The lock is held until the surrounding transaction ends.
 */
export async function lockForTransaction(tx: Queryable, lock: AdvisoryLockId): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [lock]);
}

/** Advisory lock ids in use; one place so two features can never pick the same number by accident. */
export const AdvisoryLock = { migrate: 7_311_001, seed: 7_311_002 } as const;
export type AdvisoryLockId = (typeof AdvisoryLock)[keyof typeof AdvisoryLock];

const transactionScope = new AsyncLocalStorage<{ open: boolean }>();

/**
 * Runs a transaction body so that `assertOutsideTransaction` can tell. Work the body starts and
 * that outlives it (a woken worker, a timer) inherits the scope, so the scope closes with the body.
 */
export async function withinTransaction<T>(body: () => Promise<T>): Promise<T> {
  const scope = { open: true };
  try {
    return await transactionScope.run(scope, body);
  } finally {
    scope.open = false;
  }
}

/**
 * Refuses a query on the database, or a second transaction, from inside an open transaction: on
 * PGlite it would wait for that transaction forever and take every later request with it; on
 * PostgreSQL it would not see the transaction's own writes. Failing at once turns a hang into a
 * 500 that tests find.
 */
export function assertOutsideTransaction(): void {
  if (transactionScope.getStore()?.open) {
    throw new Error('query on the database from inside a transaction: use the transaction\'s own tx');
  }
}
