/**
 * Assembles the HTTP application from its dependencies. No I/O happens here or at import time:
 * the caller opens the database (and migrates it) and decides where to listen, so tests can
 * drive the app in-process with `app.request()`.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import type { AppEnv } from './http/app-env.js';
import { clientAddress } from './http/client-address.js';
import { apiCors } from './http/cors.js';
import { errorHandler, notFoundHandler } from './http/errors.js';
import { idempotency } from './http/idempotency.js';
import { ProblemError } from './http/problem.js';
import { rateLimit } from './http/rate-limit.js';
import { requestLog } from './http/request-log.js';
import { securityHeaders } from './http/security-headers.js';
import { mountStaticFiles, type StaticMount } from './http/static-files.js';
import { createMetrics, METRICS_PATH } from './http/metrics.js';
import { validationHook } from './http/validation.js';
import { createJsonLogger, type Logger } from './logger.js';
import { mountApiDocs } from './routes/api-docs.js';
import { mountRoutes } from './routes/index.js';
import { altchaProtection } from './bot-protection/altcha.js';
import { paymentPlatformResolver } from './payments/resolve.js';
import { inProcessQueueEvents, type QueueEvents } from './queue/events.js';
import { QueueLive } from './queue/live.js';
import type { FetchLike } from './payments/xbezahldienste-client.js';
import { systemClock, type Clock } from './time.js';

export interface AppDeps {
  config: Config;
  /** Open and migrated. */
  db: Database;
  /** Defaults to JSON lines on stdout at `config.logLevel`. */
  logger?: Logger;
  clock?: Clock;
  /** Directories served next to the API, e.g. the demo page at "/" and bundles at "/cdn/". */
  staticMounts?: readonly StaticMount[];
  /** The server's own base URL once it listens, so the payment sandbox is called over HTTP. */
  selfUrl?: () => string | undefined;
  /** `fetch` for the payment platform; tests use it to simulate timeouts and failures. */
  paymentFetch?: FetchLike;
  /** Change signals of the call system; defaults to in-process (one instance). */
  queueEvents?: QueueEvents;
}

export type App = OpenAPIHono<AppEnv>;

export function createApp(deps: AppDeps): App {
  const { config, db } = deps;
  const logger = deps.logger ?? createJsonLogger({ level: config.logLevel });
  const clock = deps.clock ?? systemClock;

  const queueEvents = deps.queueEvents ?? inProcessQueueEvents(logger);
  const app: App = new OpenAPIHono<AppEnv>({ defaultHook: validationHook(() => app.openAPIRegistry.definitions) });

  // Order matters: the request id and the log wrap everything, including rejections below.
  app.use('*', requestId(), requestLog(logger), securityHeaders());
  const metrics = config.metricsApiKey ? createMetrics(db, config.metricsApiKey) : undefined;
  if (metrics) app.use('*', metrics.count);
  app.use(
    '*',
    bodyLimit({
      maxSize: config.maxBodyBytes,
      onError: () => {
        throw new ProblemError('payload_too_large', `Der Anfrageinhalt ist größer als ${config.maxBodyBytes} Bytes.`);
      },
    }),
  );
  app.use('/api/*', apiCors(config.corsOrigins));
  // Everything but static files, pages outside /api included (the sandbox's pay page, the dev outbox).
  if (config.rateLimit.enabled) app.use('*', rateLimit(config.rateLimit, (c) => clientAddress(c, config.rateLimit.trustProxyHops)));
  if (metrics) app.get(METRICS_PATH, metrics.serve);

  mountRoutes(app, {
    config,
    db,
    logger,
    clock,
    idempotent: idempotency({ db, clock, ttlHours: config.idempotencyTtlHours }),
    botProtection: altchaProtection({ db, ...(config.botProtection.secret ? { secret: config.botProtection.secret } : {}) }),
    paymentPlatform: paymentPlatformResolver({
      config: config.payments,
      ...(deps.selfUrl ? { selfUrl: deps.selfUrl } : {}),
      ...(deps.paymentFetch ? { fetch: deps.paymentFetch } : {}),
      inProcess: (input, init) => Promise.resolve(app.request(input, init)),
    }),
    queueEvents,
    queueLive: new QueueLive({ db, events: queueEvents, clock, logger }),
  });
  mountApiDocs(app, config);
  mountStaticFiles(app, deps.staticMounts ?? []);

  app.onError(errorHandler(logger));
  app.notFound(notFoundHandler);
  return app;
}
