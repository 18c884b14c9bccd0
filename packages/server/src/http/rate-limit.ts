/**
 * Token-bucket rate limiting per client address and route group.
 *
 * The buckets live in this process: with N instances behind a load balancer a client gets up
 * to N times the configured rate. That is accepted for a reference server; a shared limiter
 * (e.g. in the reverse proxy) is the tool for stricter needs.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { TokenBucketPolicy } from '../config.js';
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

export function rateLimit(limiter: TokenBucketLimiter, clientOf: (c: Context<AppEnv>) => string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const result = limiter.take(clientOf(c));
    if (!result.allowed) {
      throw new ProblemError(
        'rate_limited',
        `Zu viele Anfragen in kurzer Zeit. Bitte versuchen Sie es in ${result.retryAfterSeconds} Sekunden erneut.`,
        { headers: { 'Retry-After': String(result.retryAfterSeconds) } },
      );
    }
    await next();
  };
}

const READ_METHODS = new Set(['GET', 'HEAD']);

/**
 * The default groups: reads are cheap and plentiful, writes (bookings, reports, payments) are
 * limited more tightly. A route needing its own budget adds `rateLimit(...)` as route middleware.
 */
export function rateLimitReadsAndWrites(
  policies: { read: TokenBucketPolicy; write: TokenBucketPolicy },
  clientOf: (c: Context<AppEnv>) => string,
): MiddlewareHandler<AppEnv> {
  const reads = rateLimit(new TokenBucketLimiter(policies.read), clientOf);
  const writes = rateLimit(new TokenBucketLimiter(policies.write), clientOf);
  return (c, next) => (READ_METHODS.has(c.req.method) ? reads(c, next) : writes(c, next));
}
