/**
 * Token-bucket rate limiting per client address and route group.
 *
 * The buckets live in this process: with N instances behind a load balancer a client gets up
 * to N times the configured rate. That is accepted for a reference server; a shared limiter
 * (e.g. in the reverse proxy) is the tool for stricter needs.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { RateLimitPolicies, TokenBucketPolicy } from '../config.js';
import type { AppEnv } from './app-env.js';
import { ProblemError } from './problem.js';

/** Above this many tracked clients, buckets are swept so memory stays bounded under a flood. */
export const MAX_TRACKED_CLIENTS = 10_000;

export class TokenBucketLimiter {
  readonly #buckets = new Map<string, { tokens: number; updatedAt: number }>();
  readonly #refillPerMs: number;

  constructor(
    readonly policy: TokenBucketPolicy,
    private readonly now: () => number = Date.now,
  ) {
    this.#refillPerMs = policy.perMinute / 60_000;
  }

  /** How many clients have a bucket; bounded by MAX_TRACKED_CLIENTS. */
  get trackedClients(): number {
    return this.#buckets.size;
  }

  /** Takes a token for `client`; resolves to the seconds to wait when none is left. */
  take(client: string): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
    const now = this.now();
    const bucket = this.#buckets.get(client) ?? { tokens: this.policy.burst, updatedAt: now };
    bucket.tokens = this.#refilled(bucket, now);
    bucket.updatedAt = now;
    if (!this.#buckets.has(client)) {
      if (this.#buckets.size >= MAX_TRACKED_CLIENTS) this.#sweep(now);
      this.#buckets.set(client, bucket);
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.#refillPerMs / 1000)) };
  }

  #refilled(bucket: { tokens: number; updatedAt: number }, now: number): number {
    return Math.min(this.policy.burst, bucket.tokens + (now - bucket.updatedAt) * this.#refillPerMs);
  }

  /**
   * A full bucket is the same as no bucket, so those go first; then the least recently added.
   * Frees a tenth of the capacity at least, so a flood of new clients does not sweep on every
   * request.
   */
  #sweep(now: number): void {
    for (const [client, bucket] of this.#buckets) {
      if (this.#refilled(bucket, now) >= this.policy.burst) this.#buckets.delete(client);
    }
    for (const client of this.#buckets.keys()) {
      if (this.#buckets.size < MAX_TRACKED_CLIENTS * 0.9) break;
      this.#buckets.delete(client);
    }
  }
}

function limited(retryAfterSeconds: number, detail: string): ProblemError {
  return new ProblemError('rate_limited', detail, { headers: { 'Retry-After': String(retryAfterSeconds) } });
}

const tooMany = (seconds: number) => limited(seconds, `Zu viele Anfragen in kurzer Zeit. Bitte versuchen Sie es in ${seconds} Sekunden erneut.`);

/**
 * Budget classes. Many people share one address (a town hall's guest Wi-Fi, a company's NAT),
 * so cheap reads get a large budget; reads that compute (availability, search, challenges) a
 * smaller one; writes the smallest. Live streams are long-lived: what they cost is being open,
 * so they are capped by how many one address holds at once, not by a bucket.
 */
export type BudgetClass = Exclude<keyof RateLimitPolicies, 'streamsPerClient'>;
export type RateLimitClass = BudgetClass | 'stream' | 'static';

/** Pages the server renders outside /api (the payment sandbox, the dev outbox) and /metrics, whose key must not be guessed freely. */
const PAGES = /^\/(sandbox\/|dev\/|metrics$)/;
const STREAM = /^\/api\/v1\/queue\/[^/]+\/events$/;
const SEARCH = [
  /^\/api\/v1\/appointments\/(availability|slots)$/,
  /^\/api\/v1\/services\/search$/,
  /^\/api\/v1\/found-items$/,
  /^\/api\/v1\/bot-challenge$/,
  /^\/api\/(openapi\.json|docs)$/,
];
const READ_METHODS = new Set(['GET', 'HEAD']);

export function rateLimitClass(method: string, path: string): RateLimitClass {
  if (!READ_METHODS.has(method)) return 'write';
  if (path === '/api/health') return 'health';
  // Static files (the demo, widget bundles) cost a disk read: 200 phones loading a page's bundles
  // through one address must not be refused, so they are not limited.
  if (!path.startsWith('/api/')) return PAGES.test(path) ? 'page' : 'static';
  if (STREAM.test(path)) return 'stream';
  return SEARCH.some((pattern) => pattern.test(path)) ? 'search' : 'read';
}

/** Seconds a client refused a stream is asked to wait; EventSource gives up on a 429, the widget retries. */
export const STREAM_RETRY_AFTER_SECONDS = 10;

/** Counts the open streams per client; a slot is held until the response body ends or is cancelled. */
export class StreamCap {
  readonly #open = new Map<string, number>();
  constructor(readonly perClient: number) {}

  open(client: string): number {
    return this.#open.get(client) ?? 0;
  }

  /** Takes a slot; the returned release is safe to call more than once. */
  acquire(client: string): (() => void) | undefined {
    const open = this.open(client);
    if (open >= this.perClient) return undefined;
    this.#open.set(client, open + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = this.open(client) - 1;
      if (left > 0) this.#open.set(client, left);
      else this.#open.delete(client);
    };
  }
}

/** The same body, calling `end` once when it is read to its end, fails, or the client goes away. */
function untilBodyEnds(body: ReadableStream<Uint8Array>, end: () => void): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await reader.read();
        if (done) {
          end();
          controller.close();
        } else controller.enqueue(value);
      } catch (error) {
        end();
        controller.error(error);
      }
    },
    cancel(reason) {
      end();
      return reader.cancel(reason);
    },
  });
}

/**
 * One middleware for the whole app: a token bucket per client address and class, and the
 * stream cap. Preflights never get here (CORS answers them).
 */
export function rateLimit(policies: RateLimitPolicies, clientOf: (c: Context<AppEnv>) => string): MiddlewareHandler<AppEnv> {
  const buckets = Object.fromEntries(
    (['health', 'read', 'search', 'write', 'page'] as const).map((name) => [name, new TokenBucketLimiter(policies[name])]),
  ) as Record<BudgetClass, TokenBucketLimiter>;
  const streams = new StreamCap(policies.streamsPerClient);
  return async (c, next) => {
    const kind = rateLimitClass(c.req.method, c.req.path);
    const client = clientOf(c);
    if (kind === 'static') return next();
    if (kind !== 'stream') {
      const result = buckets[kind].take(client);
      if (!result.allowed) throw tooMany(result.retryAfterSeconds);
      return next();
    }
    const release = streams.acquire(client);
    if (!release) {
      throw limited(
        STREAM_RETRY_AFTER_SECONDS,
        `Von Ihrer Adresse sind schon ${policies.streamsPerClient} Live-Verbindungen offen. Bitte versuchen Sie es in ${STREAM_RETRY_AFTER_SECONDS} Sekunden erneut.`,
      );
    }
    try {
      await next();
    } catch (error) {
      release();
      throw error;
    }
    if (c.res.body && c.res.ok) c.res = new Response(untilBodyEnds(c.res.body, release), c.res);
    else release();
  };
}
