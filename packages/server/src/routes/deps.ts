import type { MiddlewareHandler } from 'hono';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { AppEnv } from '../http/app-env.js';
import type { Logger } from '../logger.js';
import type { Clock } from '../time.js';
import type { BotProtection } from '../bot-protection/altcha.js';
import type { PaymentPlatformFor } from '../payments/resolve.js';
import type { QueueEvents } from '../queue/events.js';
import type { QueueLive } from '../queue/live.js';

/** Everything a route file may use; handed to each route factory by `createApp`. */
export interface RouteDeps {
  config: Config;
  db: Database;
  logger: Logger;
  clock: Clock;
  /** Route middleware for creating requests; see http/idempotency.ts. */
  idempotent: MiddlewareHandler<AppEnv>;
  /** Proof-of-work check for creating requests from citizens. */
  botProtection: BotProtection;
  /** The payment platform for a request (see payments/resolve.ts); undefined when none is set up. */
  paymentPlatform: PaymentPlatformFor;
  /** "The queue of office X changed", across instances (queue/events.ts). */
  queueEvents: QueueEvents;
  /** This instance's SSE clients of the call system. */
  queueLive: QueueLive;
}
