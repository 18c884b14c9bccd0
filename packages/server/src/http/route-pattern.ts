import type { Context } from 'hono';
import { matchedRoutes, routePath } from 'hono/route';

/**
 * The route pattern a request matched (`/api/v1/offices/:id`), used wherever a request is
 * described in logs or stored. Never the raw URL: paths and query strings can carry tokens,
 * e-mail addresses or search terms.
 *
 * Prefers the endpoint the URL addresses even when a middleware answered first (a 429 is
 * still logged as the route it was aimed at); falls back to the middleware pattern that
 * answered (a static mount such as `/cdn/*`); null when nothing but the 404 handler replied.
 */
export function routePattern(c: Context): string | null {
  const endpoint = matchedRoutes(c).findLast((route) => route.method !== 'ALL');
  if (endpoint) return endpoint.path;
  return c.res.status === 404 ? null : routePath(c) || null;
}
