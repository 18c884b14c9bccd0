/** Schemas and helpers shared by several resource files. */
import { z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';

export const TimeOfDaySchema = z
  .string()
  .regex(/^([01]\d|2[0-4]):[0-5]\d$/)
  .openapi({ description: 'Uhrzeit HH:MM in Europe/Berlin', example: '08:00' });

/**
 * Lets browsers and proxies reuse successful answers for `seconds`; errors stay uncached
 * (problem responses carry `no-store`).
 */
export function cacheFor(seconds: number): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (c.res.status === 200) c.header('Cache-Control', `public, max-age=${seconds}`);
  };
}
