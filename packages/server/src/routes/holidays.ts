import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { FIRST_SUPPORTED_YEAR, germanHolidaysBetween, LAST_SUPPORTED_YEAR, STATE_CODES } from '../holidays/german-holidays.js';
import { townState } from '../holidays/town-state.js';
import type { AppEnv } from '../http/app-env.js';
import { problemResponses } from '../http/problem.js';
import { API_TAGS } from '../openapi/document.js';
import { daysBetween } from '../time.js';
import { cacheFor } from './common.js';
import { IsoDateSchema } from '../shared/calendar-date.js';
import type { RouteDeps } from './deps.js';

/** A little over a year, so a calendar can always ask for "this month to the same month next year". */
const MAX_HOLIDAY_RANGE_DAYS = 400;

const HolidayQuery = z
  .object({
    from: IsoDateSchema.openapi({ param: { name: 'from', in: 'query' }, description: 'Erster Tag (einschließlich)' }),
    to: IsoDateSchema.openapi({ param: { name: 'to', in: 'query' }, description: 'Letzter Tag (einschließlich)' }),
  })
  .superRefine(({ from, to }, ctx) => {
    // zod runs this even when a date failed its format check; those already have an error.
    if (!IsoDateSchema.safeParse(from).success || !IsoDateSchema.safeParse(to).success) return;
    for (const [field, date] of [['from', from], ['to', to]] as const) {
      const year = Number(date.slice(0, 4));
      if (year < FIRST_SUPPORTED_YEAR || year > LAST_SUPPORTED_YEAR) {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `Feiertage gibt es für die Jahre ${FIRST_SUPPORTED_YEAR} bis ${LAST_SUPPORTED_YEAR}.`,
          params: { code: 'out_of_range' },
        });
        return;
      }
    }
    // Both ends count: 2026-01-01 to 2026-01-01 is one day.
    const days = daysBetween(from, to) + 1;
    if (days < 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: '„to“ darf nicht vor „from“ liegen.',
        params: { code: 'before_from' },
      });
    } else if (days > MAX_HOLIDAY_RANGE_DAYS) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `Der Zeitraum darf höchstens ${MAX_HOLIDAY_RANGE_DAYS} Tage umfassen.`,
        params: { code: 'range_too_long' },
      });
    }
  });

const HolidaysSchema = z
  .object({
    stateCode: z.enum(STATE_CODES).nullable().openapi({ description: 'ISO 3166-2 des Bundeslandes aus dem Stadtprofil; null ohne Stadtprofil (dann nur die bundesweiten Feiertage)' }),
    from: IsoDateSchema,
    to: IsoDateSchema,
    items: z.array(
      z
        .object({
          date: IsoDateSchema,
          id: z.string().openapi({ description: 'Stabiler Schlüssel zum Übersetzen', example: 'fronleichnam' }),
          name: z.string().openapi({ example: 'Fronleichnam' }),
        })
        .openapi('Holiday'),
    ),
  })
  .openapi('Holidays');

const listHolidays = createRoute({
  method: 'get',
  path: '/holidays',
  operationId: 'listHolidays',
  tags: [API_TAGS.holidays.name],
  summary: 'Gesetzliche Feiertage in einem Zeitraum',
  description: `Berechnet für das Bundesland des Stadtprofils (alle 16 Länder). Zeitraum höchstens ${MAX_HOLIDAY_RANGE_DAYS} Tage.`,
  // A function of the query and the town's Land, which an import may change: an hour at most.
  middleware: [cacheFor(3_600)] as const,
  request: { query: HolidayQuery },
  responses: {
    200: { description: 'Feiertage, nach Datum sortiert', content: { 'application/json': { schema: HolidaysSchema } } },
    ...problemResponses('validation'),
  },
});

export function holidayRoutes({ db }: RouteDeps) {
  return new OpenAPIHono<AppEnv>().openapi(listHolidays, async (c) => {
    const { from, to } = c.req.valid('query');
    const stateCode = await townState(db);
    return c.json({ stateCode: stateCode ?? null, from, to, items: germanHolidaysBetween(from, to, stateCode) }, 200);
  });
}
