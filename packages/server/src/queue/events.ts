/**
 * "The queue of office X changed": the signal that makes every server instance push the new
 * state to its SSE clients. In one process (PGlite) an in-process bus; on PostgreSQL every
 * change is `NOTIFY muni_queue, '<officeId>'` and each instance LISTENs on a dedicated
 * connection, so a call made through one instance reaches the clients of all of them.
 *
 * The payload is only the office id: listeners read the state from the database, which is the
 * single source of truth, so a lost or duplicated notification costs a refresh, never a wrong
 * screen.
 */
import pg from 'pg';
import type { Database } from '../db/database.js';
import { describeError, type Logger } from '../logger.js';

export const QUEUE_CHANNEL = 'muni_queue';

/** Sent to listeners after the LISTEN connection was re-established: refresh everything. */
export const ALL_OFFICES = '*';

export interface QueueEventListener {
  /** The queue of `officeId` changed (or `ALL_OFFICES`: notifications may have been missed). */
  changed(officeId: string): void;
  /** The bus is closing (server shutdown): end the streams. */
  closed?(): void;
}

export interface QueueEvents {
  readonly kind: 'in-process' | 'postgres';
  /** After a committed change; resolves once the signal is sent (not delivered). */
  publish(officeId: string): Promise<void>;
  subscribe(listener: QueueEventListener): () => void;
  close(): Promise<void>;
}

class ListenerSet {
  private readonly listeners = new Set<QueueEventListener>();
  constructor(private readonly logger?: Logger) {}
  add(listener: QueueEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  changed(officeId: string): void {
    for (const listener of [...this.listeners]) {
      try {
        listener.changed(officeId);
      } catch (error) {
        this.logger?.error('queue listener failed', describeError(error));
      }
    }
  }
  closed(): void {
    for (const listener of [...this.listeners]) listener.closed?.();
    this.listeners.clear();
  }
}

/** One process: listeners run in a later microtask, as they would after a NOTIFY. */
export function inProcessQueueEvents(logger?: Logger): QueueEvents {
  const listeners = new ListenerSet(logger);
  return {
    kind: 'in-process',
    publish: async (officeId) => queueMicrotask(() => listeners.changed(officeId)),
    subscribe: (listener) => listeners.add(listener),
    close: async () => listeners.closed(),
  };
}

/**
 * LISTEN on a connection of its own (a pooled one would be handed to other queries), NOTIFY
 * through the pool. When the listening connection drops it reconnects with backoff and then
 * tells listeners to refresh everything, since notifications sent meanwhile are gone.
 */
export async function postgresQueueEvents(options: { url: string; db: Database; logger: Logger }): Promise<QueueEvents> {
  const { url, db, logger } = options;
  const listeners = new ListenerSet(logger);
  let client: pg.Client | undefined;
  let closing = false;
  let retryTimer: NodeJS.Timeout | undefined;
  let failures = 0;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    next.on('notification', (message) => {
      if (message.channel === QUEUE_CHANNEL && message.payload) listeners.changed(message.payload);
    });
    const lost = (error?: Error) => {
      if (client !== next) return;
      client = undefined;
      next.removeAllListeners('end');
      void next.end().catch(() => undefined);
      if (closing) return;
      logger.warn('queue LISTEN connection lost, reconnecting', error ? describeError(error) : {});
      schedule();
    };
    next.on('error', lost);
    next.on('end', () => lost());
    await next.connect();
    await next.query(`LISTEN ${QUEUE_CHANNEL}`);
    client = next;
  };

  const schedule = () => {
    const delay = Math.min(30_000, 500 * 2 ** failures);
    retryTimer = setTimeout(() => {
      connect().then(
        () => {
          failures = 0;
          logger.info('queue LISTEN connection restored');
          listeners.changed(ALL_OFFICES);
        },
        (error: Error) => {
          failures += 1;
          logger.warn('queue LISTEN reconnect failed', describeError(error));
          schedule();
        },
      );
    }, delay);
    retryTimer.unref();
  };

  await connect();
  return {
    kind: 'postgres',
    async publish(officeId) {
      await db.query('SELECT pg_notify($1, $2)', [QUEUE_CHANNEL, officeId]);
    },
    subscribe: (listener) => listeners.add(listener),
    async close() {
      closing = true;
      clearTimeout(retryTimer);
      listeners.closed();
      const current = client;
      client = undefined;
      await current?.end().catch(() => undefined);
    },
  };
}
