/**
 * The office API's key check: `Authorization: Bearer <FOUND_ITEMS_API_KEY>` (see
 * http/api-key.ts). Without a configured key (production without FOUND_ITEMS_API_KEY) the
 * office API answers 503.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/app-env.js';
import { apiKeyAuth } from '../http/api-key.js';

export const OFFICE_SECURITY_SCHEME = 'FundbueroApiKey';

export function officeApiKey(apiKey: string | undefined): MiddlewareHandler<AppEnv> {
  return apiKeyAuth({
    keys: [apiKey],
    realm: 'fundbuero',
    missing: 'Die Schnittstelle des Fundbüros ist nicht eingerichtet (FOUND_ITEMS_API_KEY fehlt).',
    unauthorized: 'Für diese Schnittstelle ist der API-Schlüssel des Fundbüros nötig.',
  });
}
