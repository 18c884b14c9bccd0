/** Public API of @muni-widgets/server. */
export { createApp, type App, type AppDeps } from './app.js';
export { ConfigError, DEV_QUEUE_KIOSK_API_KEY, DEV_QUEUE_STAFF_API_KEY, loadConfig, type Config, type DatabaseConfig, type TokenBucketPolicy } from './config.js';
export type { Database, DatabaseKind, Queryable } from './db/database.js';
export { migrate } from './db/migrate.js';
export { openDatabase } from './db/open.js';
export type { AppEnv } from './http/app-env.js';
export { IdempotencyKeyHeaders, idempotency } from './http/idempotency.js';
export { ProblemError, type FieldError, type Problem, type ProblemCode } from './http/problem.js';
export type { StaticMount } from './http/static-files.js';
export { createJsonLogger, type LogFields, type Logger, type LogLevel } from './logger.js';
export { enqueueMail, type MailMessage } from './mail/queue.js';
export { MailWorker } from './mail/worker.js';
export type { RouteDeps } from './routes/deps.js';
export { seed } from './seed/seed.js';
export { startServer, type RunningServer, type StartServerOptions } from './server.js';
export type { Clock } from './time.js';
