import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';

/**
 * CORS for the API: only origins on the allow-list get `Access-Control-Allow-Origin`, and
 * always their own origin, never `*`, so a response cached for one site is never reused for
 * another (`Vary: Origin`). No credentials: the API uses no cookies.
 */
export function apiCors(allowedOrigins: readonly string[]): MiddlewareHandler {
  const allowed = new Set(allowedOrigins);
  return cors({
    origin: (origin) => (allowed.has(origin) ? origin : null),
    allowMethods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowHeaders: ['Content-Type', 'Accept-Language', 'Idempotency-Key', 'Reservation-Secret', 'X-Request-Id', 'If-None-Match'],
    // Widgets read these: retry timing, support ids, whether an answer was replayed.
    exposeHeaders: ['Retry-After', 'X-Request-Id', 'Idempotency-Replayed', 'Location', 'ETag'],
    maxAge: 600,
  });
}
