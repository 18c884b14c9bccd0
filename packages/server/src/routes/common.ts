/** Schemas and helpers shared by several resource files. */
import { z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';

/** A real calendar day (no 2024-02-30) in the years PostgreSQL and the town's calendar handle alike. */
export const IsoDateSchema = z.iso
  .date()
  .refine((value) => value >= '1900-01-01' && value <= '2999-12-31', {
    message: 'Erwartet wird ein Datum zwischen 1900 und 2999.',
    params: { code: 'out_of_range' },
  })
  .openapi({ description: 'Kalenderdatum JJJJ-MM-TT (1900–2999)', example: '2026-04-05' });

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
