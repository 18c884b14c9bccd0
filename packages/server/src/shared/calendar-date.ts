import { z } from '@hono/zod-openapi';

/** A real calendar day (no 2024-02-30) in the years PostgreSQL and the town's calendar handle alike. */
export const IsoDateSchema = z.iso
  .date()
  .refine((value) => value >= '1900-01-01' && value <= '2999-12-31', {
    message: 'Erwartet wird ein Datum zwischen 1900 und 2999.',
    params: { code: 'out_of_range' },
  })
  .openapi({ description: 'Kalenderdatum JJJJ-MM-TT (1900–2999)', example: '2026-04-05' });
