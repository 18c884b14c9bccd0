/**
 * Bearer API keys for staff endpoints (Fundbüro, call system): `Authorization: Bearer <key>`,
 * compared in constant time (both sides hashed first, so even the length leaks nothing). With
 * no key configured (production without the variable) the endpoints answer 503.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.js';
import { ProblemError } from './problem.js';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

export interface ApiKeyOptions {
  /** Accepted keys; unset entries are ignored. None set: 503. */
  keys: ReadonlyArray<string | undefined>;
  /** `WWW-Authenticate` realm. */
  realm: string;
  /** German detail of the 503 when no key is configured. */
  missing: string;
  /** German detail of the 401. */
  unauthorized: string;
}

/** True when the request carries one of `keys`; never throws. */
export function hasApiKey(c: Context, keys: ReadonlyArray<string | undefined>): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('Authorization') ?? '');
  if (!match) return false;
  const given = digest(match[1]!);
  // Every key is compared, so the time taken does not tell which one matched.
  let found = false;
  for (const key of keys) if (key && timingSafeEqual(given, digest(key))) found = true;
  return found;
}

/** Throws the 503 / 401 problem unless the request carries one of the keys. */
export function requireApiKey(c: Context, options: ApiKeyOptions): void {
  if (!options.keys.some(Boolean)) throw new ProblemError('unavailable', options.missing);
  if (!hasApiKey(c, options.keys)) {
    throw new ProblemError('unauthorized', options.unauthorized, { headers: { 'WWW-Authenticate': `Bearer realm="${options.realm}"` } });
  }
}

export function apiKeyAuth(options: ApiKeyOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    requireApiKey(c, options);
    await next();
  };
}
