/**
 * The office API's key check: `Authorization: Bearer <FOUND_ITEMS_API_KEY>`, compared in
 * constant time (both sides hashed first, so even the length leaks nothing). Without a
 * configured key (production without FOUND_ITEMS_API_KEY) the office API answers 503.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/app-env.js';
import { ProblemError } from '../http/problem.js';

export const OFFICE_SECURITY_SCHEME = 'FundbueroApiKey';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

export function officeApiKey(apiKey: string | undefined): MiddlewareHandler<AppEnv> {
  const expected = apiKey ? digest(apiKey) : undefined;
  return async (c, next) => {
    if (!expected) throw new ProblemError('unavailable', 'Die Schnittstelle des Fundbüros ist nicht eingerichtet (FOUND_ITEMS_API_KEY fehlt).');
    const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('Authorization') ?? '');
    if (!match || !timingSafeEqual(digest(match[1]!), expected)) {
      throw new ProblemError('unauthorized', 'Für diese Schnittstelle ist der API-Schlüssel des Fundbüros nötig.', {
        headers: { 'WWW-Authenticate': 'Bearer realm="fundbuero"' },
      });
    }
    await next();
  };
}
