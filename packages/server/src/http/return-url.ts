import type { Context } from 'hono';
import type { Config } from '../config.js';
import { ProblemError } from './problem.js';
import { publicBaseUrl } from './public-url.js';

/**
 * Links in mails and the payment platform's way back may only lead to pages of allowed origins
 * (CORS_ORIGINS, PUBLIC_BASE_URL), so nobody can use the city's mails or payments to lead people
 * to foreign sites. The request's own origin comes from its Host header, which any script can
 * forge: trusted only on a development server, never where real citizens follow these links.
 * Credentials in the address (`https://user@…`) are refused: they make a link look like another site.
 */
export function checkReturnUrl(c: Context, returnUrl: string, config: Pick<Config, 'corsOrigins' | 'publicBaseUrl' | 'devMode'>): void {
  const invalid = (message: string, code = 'not_allowed') =>
    new ProblemError('validation', message, { errors: [{ field: 'returnUrl', code, message }] });
  if (!URL.canParse(returnUrl)) throw invalid('Die Rücksprungadresse ist keine gültige Adresse.', 'invalid_format');
  const url = new URL(returnUrl);
  const own = config.publicBaseUrl ?? (config.devMode ? publicBaseUrl(c, undefined) : undefined);
  const origins = new Set([...config.corsOrigins, ...(own ? [new URL(own).origin] : [])]);
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !origins.has(url.origin) || url.username || url.password) {
    throw invalid('Die Rücksprungadresse gehört zu keiner freigegebenen Website.');
  }
}
