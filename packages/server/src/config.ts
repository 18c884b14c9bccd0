/**
 * Typed server configuration, read once from environment variables and validated up front so a
 * misconfigured instance refuses to start instead of failing on the first request.
 */
import { resolve } from 'node:path';
import { z } from 'zod';
import { LOG_LEVELS, type LogLevel } from './logger.js';

export const PGLITE_IN_MEMORY = 'memory://';

/** Office API key when FOUND_ITEMS_API_KEY is unset in development mode (seed scripts, local tests). */
export const DEV_FOUND_ITEMS_API_KEY = 'dev-fundbuero-musterstadt-nicht-produktiv';

/** Call-system keys when QUEUE_STAFF_API_KEY / QUEUE_KIOSK_API_KEY are unset in development mode. */
export const DEV_QUEUE_STAFF_API_KEY = 'dev-aufruf-personal-musterstadt-nicht-produktiv';
export const DEV_QUEUE_KIOSK_API_KEY = 'dev-aufruf-kiosk-musterstadt-nicht-produktiv';

/** Published in this repository, so worthless as secrets: refused outside development mode. */
const PUBLISHED_KEYS: ReadonlySet<string> = new Set([DEV_FOUND_ITEMS_API_KEY, DEV_QUEUE_STAFF_API_KEY, DEV_QUEUE_KIOSK_API_KEY]);

/**
 * Settings a production server needs, each of which an operator may instead turn off on
 * purpose with the value `off` (a city without a payment platform, without a call system...).
 * Unset is a mistake, `off` is a decision: only the first stops the start.
 */
export const OFF_SWITCHES = ['SMTP_URL', 'PAYMENT_PLATFORM_URL', 'CORS_ORIGINS', 'FOUND_ITEMS_API_KEY', 'QUEUE_STAFF_API_KEY', 'QUEUE_KIOSK_API_KEY'] as const;
export type OffSwitch = (typeof OFF_SWITCHES)[number];

export type DatabaseConfig =
  | { kind: 'pglite'; /** Absolute directory, or `memory://` for a throw-away database. */ dataDir: string }
  | { kind: 'postgres'; url: string; poolSize: number };

export interface TokenBucketPolicy {
  /** Requests a client may make at once before being slowed down. */
  burst: number;
  /** Sustained rate the bucket refills at. */
  perMinute: number;
}

/** Token buckets per request class, and the cap on live streams (see src/http/rate-limit.ts). */
export interface RateLimitPolicies {
  health: TokenBucketPolicy;
  read: TokenBucketPolicy;
  search: TokenBucketPolicy;
  write: TokenBucketPolicy;
  page: TokenBucketPolicy;
  /** Server-Sent Event streams one client address may hold open at once. */
  streamsPerClient: number;
}

export interface Config {
  /** MUNI_DEV_MODE: demo data, published keys, outbox and payment sandbox; never in production. */
  devMode: boolean;
  /** The settings of OFF_SWITCHES that were set to `off`. */
  switchedOff: ReadonlySet<OffSwitch>;
  /** PGLITE_IN_PRODUCTION: the operator accepts a single-process, in-process database outside development. */
  pgliteInProduction: boolean;
  host: string;
  /** 0 asks the operating system for a free port. */
  port: number;
  database: DatabaseConfig;
  /** Exact origins (scheme://host[:port]) whose pages may call the API from a browser. */
  corsOrigins: string[];
  /** Per client address and instance; the classes are explained in src/http/rate-limit.ts and the README. */
  rateLimit: RateLimitPolicies & {
    enabled: boolean;
    /** Reverse proxies in front of the server; their X-Forwarded-For entries are trusted. */
    trustProxyHops: number;
  };
  maxBodyBytes: number;
  mail: {
    from: string;
    smtpUrl?: string;
    /** SMTP_URL=off: this city sends no mails; queued ones are discarded, not kept. */
    off: boolean;
    devOutbox: boolean;
    outboxRetentionDays: number;
    /** How often each instance's worker looks for due mails. */
    pollIntervalMs: number;
    /** Deliveries per mail before it is given up (dead). */
    maxAttempts: number;
  };
  idempotencyTtlHours: number;
  /** Days after an appointment until its personal data (contact, details) is deleted. */
  appointmentRetentionDays: number;
  /** How often a citizen may extend a slot's hold (WCAG 2.2.1: at least 10). */
  holdExtensions: number;
  /** Lost and found (see README, "Lost and found"). */
  foundItems: {
    /** Bearer key of the office API; unset (no FOUND_ITEMS_API_KEY outside development mode): the office API answers 503. */
    apiKey?: string;
    /** Days a loss report is kept (and renewed by) before it and its contact data are deleted. */
    lossReportRetentionDays: number;
    /** Days after a find left the office until the personal data of its claims is deleted. */
    claimRetentionDays: number;
  };
  /** The call system (see README, "Call system"); unset keys (outside development mode): those endpoints answer 503. */
  queue: {
    /** Bearer key of the staff endpoints (call next, recall, done, no-show); also issues tickets. */
    staffApiKey?: string;
    /** Bearer key of the ticket kiosks: issues walk-in tickets, nothing else. */
    kioskApiKey?: string;
  };
  /** Proof-of-work (ALTCHA) on bookings; the secret is shared through the database unless set. */
  botProtection: { enabled: boolean; secret?: string };
  /** Absolute base for links that leave the request context (e-mails, OpenAPI servers). */
  publicBaseUrl?: string;
  /** The payment platform behind <muni-payment-button> (XBezahldienste), and the built-in sandbox. */
  payments: PaymentConfig;
  /** Bearer key of /metrics (Prometheus); unset: no /metrics. */
  metricsApiKey?: string;
  logLevel: LogLevel;
  shutdownTimeoutMs: number;
}

export interface PaymentConfig {
  /** Base URL of the XBezahldienste interface (before `/paymenttransaction`); unset: the built-in sandbox. */
  platformUrl?: string;
  originatorId: string;
  endpointId: string;
  credentials?: { user: string; password: string };
  /** Serve the sandbox platform (JSON API and pay page) under /sandbox. */
  sandbox: boolean;
  timeoutMs: number;
  /** A payment still open (INITIAL) this long after it was created counts as expired. */
  lifetimeMinutes: number;
  /**
   * Kassenzeichen that may be paid several times (donations, a course fee per participant):
   * exact values or prefixes ending in `*`. Every other one has at most one open or paid payment.
   */
  repeatableReferences: string[];
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

const flag = z
  .string()
  .trim()
  .toLowerCase()
  .refine((value) => ['true', 'false', '1', '0', 'on', 'off', 'yes', 'no'].includes(value), {
    message: 'expected one of true/false, on/off, yes/no, 1/0',
  })
  .transform((value) => ['true', '1', 'on', 'yes'].includes(value));

const integer = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, 'expected a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

const httpUrl = z
  .string()
  .trim()
  .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), {
    message: 'expected an absolute http(s) URL',
  });

const origin = z
  .string()
  .refine((value) => URL.canParse(value) && new URL(value).origin === value, {
    message: 'expected an origin like https://www.musterstadt.example (no path, no trailing slash)',
  });

/** `off` (see OFF_SWITCHES), or a value of `schema`. */
const orOff = <T extends z.ZodType>(schema: T) => z.union([z.string().trim().toLowerCase().pipe(z.literal('off')), schema]);

const envSchema = z.object({
  // The one switch for development conveniences. Not NODE_ENV, whose every value but
  // "production" used to mean development: a typo such as `prod` must not open a city's server.
  MUNI_DEV_MODE: flag.default(false),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  PORT: integer(0, 65535).default(8080),
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\//, 'expected a postgres:// or postgresql:// URL')
    .optional(),
  DATABASE_POOL_SIZE: integer(1, 1000).default(10),
  PGLITE_DATA_DIR: z.string().trim().min(1).default('.data/pglite'),
  PGLITE_IN_PRODUCTION: flag.default(false),
  CORS_ORIGINS: orOff(
    z
      .string()
      .transform((value) =>
      value
        .split(',')
        .map((entry) => entry.trim())
          .filter(Boolean),
      )
      .pipe(z.array(origin)),
  ).optional(),
  RATE_LIMIT_ENABLED: flag.default(true),
  // Defaults sized for ~200 phones behind one address (a town hall's guest Wi-Fi) watching the queue.
  RATE_LIMIT_READ_BURST: integer(1).default(600),
  RATE_LIMIT_READ_PER_MINUTE: integer(1).default(1200),
  RATE_LIMIT_SEARCH_BURST: integer(1).default(60),
  RATE_LIMIT_SEARCH_PER_MINUTE: integer(1).default(300),
  RATE_LIMIT_WRITE_BURST: integer(1).default(20),
  RATE_LIMIT_WRITE_PER_MINUTE: integer(1).default(60),
  RATE_LIMIT_PAGE_BURST: integer(1).default(120),
  RATE_LIMIT_PAGE_PER_MINUTE: integer(1).default(600),
  RATE_LIMIT_HEALTH_BURST: integer(1).default(30),
  RATE_LIMIT_HEALTH_PER_MINUTE: integer(1).default(120),
  RATE_LIMIT_STREAMS_PER_ADDRESS: integer(1).default(500),
  TRUST_PROXY_HOPS: integer(0, 10).default(0),
  MAX_BODY_BYTES: integer(1024).default(64 * 1024),
  SMTP_URL: orOff(z.string().trim().regex(/^smtps?:\/\//, 'expected an smtp:// or smtps:// URL, or off')).optional(),
  MAIL_FROM: z.string().trim().min(3).default('Stadt Musterstadt <noreply@musterstadt.example>'),
  DEV_OUTBOX: flag.optional(),
  OUTBOX_RETENTION_DAYS: integer(1).default(7),
  MAIL_POLL_INTERVAL_MS: integer(50, 60_000).default(1000),
  MAIL_MAX_ATTEMPTS: integer(1, 50).default(10),
  IDEMPOTENCY_TTL_HOURS: integer(1).default(24),
  APPOINTMENT_RETENTION_DAYS: integer(1, 3650).default(14),
  // WCAG 2.2.1 (Timing Adjustable) asks for at least ten extensions of a time limit.
  APPOINTMENT_HOLD_EXTENSIONS: integer(10, 100).default(10),
  FOUND_ITEMS_API_KEY: orOff(z.string().trim().min(24, 'at least 24 characters, or off')).optional(),
  LOSS_REPORT_RETENTION_DAYS: integer(1, 730).default(180),
  FOUND_ITEM_CLAIM_RETENTION_DAYS: integer(1, 3650).default(30),
  QUEUE_STAFF_API_KEY: orOff(z.string().trim().min(24, 'at least 24 characters, or off')).optional(),
  QUEUE_KIOSK_API_KEY: orOff(z.string().trim().min(24, 'at least 24 characters, or off')).optional(),
  BOT_PROTECTION: flag.default(true),
  BOT_PROTECTION_SECRET: z.string().min(32, 'at least 32 characters').optional(),
  PUBLIC_BASE_URL: httpUrl.optional(),
  PAYMENT_PLATFORM_URL: orOff(httpUrl).optional(),
  PAYMENT_ORIGINATOR_ID: z.string().trim().regex(/^[A-Za-z0-9._-]{1,64}$/, 'expected 1-64 characters A-Z, a-z, 0-9, . _ -').default('musterstadt'),
  PAYMENT_ENDPOINT_ID: z.string().trim().regex(/^[A-Za-z0-9._-]{1,64}$/, 'expected 1-64 characters A-Z, a-z, 0-9, . _ -').default('muni-widgets'),
  PAYMENT_PLATFORM_USER: z.string().min(1).optional(),
  PAYMENT_PLATFORM_PASSWORD: z.string().min(1).optional(),
  PAYMENT_SANDBOX: flag.optional(),
  PAYMENT_PLATFORM_TIMEOUT_MS: integer(100, 120_000).default(10_000),
  PAYMENT_LIFETIME_MINUTES: integer(5, 7 * 24 * 60).default(60),
  PAYMENT_REPEATABLE_REFERENCES: z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^[A-Za-z0-9-]{1,36}\*?$/, 'expected Kassenzeichen (A-Z, a-z, 0-9, -), or prefixes of them ending in *')))
    .default([]),
  METRICS_API_KEY: z.string().trim().min(24, 'at least 24 characters').optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  SHUTDOWN_TIMEOUT_MS: integer(0).default(10_000),
});

/**
 * Reads the configuration from `env` (normally `process.env`); relative paths resolve against
 * `cwd`. Empty variables count as unset, which is what `FOO= node main.js` usually means.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const e = parsed.data;
  if ((e.PAYMENT_PLATFORM_USER === undefined) !== (e.PAYMENT_PLATFORM_PASSWORD === undefined)) {
    throw new ConfigError(['PAYMENT_PLATFORM_USER / PAYMENT_PLATFORM_PASSWORD: set both or neither']);
  }
  const devMode = e.MUNI_DEV_MODE;
  if (!devMode) refuseDevelopmentSettings(e);
  const switchedOff = new Set(OFF_SWITCHES.filter((name) => e[name] === 'off'));
  const given = <K extends OffSwitch>(name: K) => (e[name] === 'off' ? undefined : (e[name] as Exclude<(typeof e)[K], 'off'>));
  const foundItemsApiKey = given('FOUND_ITEMS_API_KEY');
  const staffApiKey = given('QUEUE_STAFF_API_KEY');
  const kioskApiKey = given('QUEUE_KIOSK_API_KEY');
  const smtpUrl = given('SMTP_URL');
  const platformUrl = given('PAYMENT_PLATFORM_URL');
  const devKey = (key: string | undefined, name: OffSwitch, published: string) => key ?? (devMode && !switchedOff.has(name) ? published : undefined);
  return {
    devMode,
    switchedOff,
    pgliteInProduction: e.PGLITE_IN_PRODUCTION,
    host: e.HOST,
    port: e.PORT,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE }
      : {
          kind: 'pglite',
          dataDir: e.PGLITE_DATA_DIR === PGLITE_IN_MEMORY ? PGLITE_IN_MEMORY : resolve(cwd, e.PGLITE_DATA_DIR),
        },
    corsOrigins: given('CORS_ORIGINS') ?? [],
    rateLimit: {
      enabled: e.RATE_LIMIT_ENABLED,
      trustProxyHops: e.TRUST_PROXY_HOPS,
      read: { burst: e.RATE_LIMIT_READ_BURST, perMinute: e.RATE_LIMIT_READ_PER_MINUTE },
      search: { burst: e.RATE_LIMIT_SEARCH_BURST, perMinute: e.RATE_LIMIT_SEARCH_PER_MINUTE },
      write: { burst: e.RATE_LIMIT_WRITE_BURST, perMinute: e.RATE_LIMIT_WRITE_PER_MINUTE },
      page: { burst: e.RATE_LIMIT_PAGE_BURST, perMinute: e.RATE_LIMIT_PAGE_PER_MINUTE },
      health: { burst: e.RATE_LIMIT_HEALTH_BURST, perMinute: e.RATE_LIMIT_HEALTH_PER_MINUTE },
      streamsPerClient: e.RATE_LIMIT_STREAMS_PER_ADDRESS,
    },
    maxBodyBytes: e.MAX_BODY_BYTES,
    mail: {
      from: e.MAIL_FROM,
      ...(smtpUrl ? { smtpUrl } : {}),
      off: switchedOff.has('SMTP_URL'),
      // The outbox holds real addresses and message texts, served to anyone at /dev/outbox.
      devOutbox: devMode && (e.DEV_OUTBOX ?? true),
      outboxRetentionDays: e.OUTBOX_RETENTION_DAYS,
      pollIntervalMs: e.MAIL_POLL_INTERVAL_MS,
      maxAttempts: e.MAIL_MAX_ATTEMPTS,
    },
    idempotencyTtlHours: e.IDEMPOTENCY_TTL_HOURS,
    appointmentRetentionDays: e.APPOINTMENT_RETENTION_DAYS,
    holdExtensions: e.APPOINTMENT_HOLD_EXTENSIONS,
    foundItems: {
      ...optional('apiKey', devKey(foundItemsApiKey, 'FOUND_ITEMS_API_KEY', DEV_FOUND_ITEMS_API_KEY)),
      lossReportRetentionDays: e.LOSS_REPORT_RETENTION_DAYS,
      claimRetentionDays: e.FOUND_ITEM_CLAIM_RETENTION_DAYS,
    },
    queue: {
      ...optional('staffApiKey', devKey(staffApiKey, 'QUEUE_STAFF_API_KEY', DEV_QUEUE_STAFF_API_KEY)),
      ...optional('kioskApiKey', devKey(kioskApiKey, 'QUEUE_KIOSK_API_KEY', DEV_QUEUE_KIOSK_API_KEY)),
    },
    botProtection: { enabled: e.BOT_PROTECTION, ...(e.BOT_PROTECTION_SECRET ? { secret: e.BOT_PROTECTION_SECRET } : {}) },
    ...(e.PUBLIC_BASE_URL ? { publicBaseUrl: e.PUBLIC_BASE_URL.replace(/\/+$/, '') } : {}),
    payments: {
      ...(platformUrl ? { platformUrl: platformUrl.replace(/\/+$/, '') } : {}),
      originatorId: e.PAYMENT_ORIGINATOR_ID,
      endpointId: e.PAYMENT_ENDPOINT_ID,
      ...(e.PAYMENT_PLATFORM_USER && e.PAYMENT_PLATFORM_PASSWORD
        ? { credentials: { user: e.PAYMENT_PLATFORM_USER, password: e.PAYMENT_PLATFORM_PASSWORD } }
        : {}),
      // Anyone can "pay" on the sandbox's page.
      sandbox: devMode && !switchedOff.has('PAYMENT_PLATFORM_URL') && (e.PAYMENT_SANDBOX ?? true),
      timeoutMs: e.PAYMENT_PLATFORM_TIMEOUT_MS,
      lifetimeMinutes: e.PAYMENT_LIFETIME_MINUTES,
      repeatableReferences: e.PAYMENT_REPEATABLE_REFERENCES,
    },
    ...optional('metricsApiKey', e.METRICS_API_KEY),
    logLevel: e.LOG_LEVEL,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
  };
}

/** `{ [key]: value }` when the value is set, `{}` otherwise (exactOptionalPropertyTypes). */
function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]: string });
}

/**
 * Outside development mode, settings that only make sense there stop the start: silently
 * ignoring them would leave an operator believing the outbox or sandbox is on, and a published
 * key lets anyone call the office and staff APIs.
 */
function refuseDevelopmentSettings(e: z.infer<typeof envSchema>): void {
  const onlyInDevMode = 'only with MUNI_DEV_MODE=on (development, never in production)';
  const problems: string[] = [];
  if (e.DEV_OUTBOX) problems.push(`DEV_OUTBOX: the outbox shows every mail to anyone at /dev/outbox; ${onlyInDevMode}`);
  if (e.PAYMENT_SANDBOX) problems.push(`PAYMENT_SANDBOX: anyone can "pay" on the sandbox; ${onlyInDevMode}`);
  for (const name of ['FOUND_ITEMS_API_KEY', 'QUEUE_STAFF_API_KEY', 'QUEUE_KIOSK_API_KEY'] as const) {
    const key = e[name];
    if (key !== undefined && PUBLISHED_KEYS.has(key)) {
      problems.push(`${name}: this is the published development key; set a secret key of your own (the published one works ${onlyInDevMode})`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
}
