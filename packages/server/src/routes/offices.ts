import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../http/app-env.js';
import { problemResponses, ProblemError } from '../http/problem.js';
import { API_TAGS } from '../openapi/document.js';
import { isoDateInTimeZone, TOWN_TIME_ZONE } from '../time.js';
import { loadOffices } from '../town/offices.js';
import { cacheFor, TimeOfDaySchema } from './common.js';
import { IsoDateSchema } from '../shared/calendar-date.js';
import type { RouteDeps } from './deps.js';

const OFFICE_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const TimeIntervalSchema = z.object({ opens: TimeOfDaySchema, closes: TimeOfDaySchema }).openapi('TimeInterval');

export const OfficeSchema = z
  .object({
    id: z.string().openapi({ description: 'Stabiler Schlüssel', example: 'buergerbuero' }),
    name: z.string().openapi({ example: 'Bürgerbüro' }),
    description: z.string(),
    address: z
      .object({
        building: z.string().openapi({ example: 'Rathaus' }),
        street: z.string().openapi({ example: 'Rathausplatz 1' }),
        postalCode: z.string().openapi({ example: '12345' }),
        city: z.string().openapi({ example: 'Musterstadt' }),
        room: z.string().nullable().openapi({ example: 'Erdgeschoss, Raum E.04' }),
      })
      .openapi('OfficeAddress'),
    phone: z.string(),
    email: z.string(),
    accessibility: z
      .object({
        stepFreeAccess: z.boolean().openapi({ description: 'Stufenloser Zugang zu den Räumen des Amtes' }),
        accessibleToilet: z.boolean(),
        inductionLoop: z.boolean().openapi({ description: 'Induktionsschleife für Hörgeräte' }),
        accessibleParking: z.boolean().openapi({ description: 'Behindertenparkplatz in der Nähe' }),
        notes: z.string().openapi({ description: 'Hinweise in Worten, z. B. wo der stufenlose Eingang ist' }),
      })
      .openapi('Accessibility'),
    openingHours: z
      .array(
        z.object({
          weekday: z.number().int().min(1).max(7).openapi({ description: 'ISO 8601: 1 = Montag … 7 = Sonntag' }),
          intervals: z.array(TimeIntervalSchema).openapi({ description: 'Leer: an diesem Tag geschlossen' }),
        }),
      )
      .openapi({ description: 'Regelmäßige Öffnungszeiten, immer sieben Einträge (Montag bis Sonntag)' }),
    exceptions: z
      .array(
        z
          .object({
            from: IsoDateSchema,
            to: IsoDateSchema,
            reason: z.string().openapi({ example: 'Heiligabend' }),
            closed: z.boolean(),
            intervals: z.array(TimeIntervalSchema).openapi({ description: 'Sonderöffnungszeiten; leer, wenn geschlossen' }),
          })
          .openapi('OpeningException'),
      )
      .openapi({ description: 'Abweichungen ab heute: Schließtage und Sonderöffnungszeiten. Feiertage siehe /holidays.' }),
  })
  .openapi('Office');

const OfficeIdParams = z.object({
  id: z
    .string()
    .max(64)
    .regex(OFFICE_ID_PATTERN)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'buergerbuero' }),
});

const listOffices = createRoute({
  method: 'get',
  path: '/offices',
  operationId: 'listOffices',
  tags: [API_TAGS.offices.name],
  summary: 'Alle Ämter',
  middleware: [cacheFor(300)] as const,
  responses: {
    200: {
      description: 'Ämter in Anzeigereihenfolge',
      content: { 'application/json': { schema: z.object({ items: z.array(OfficeSchema) }) } },
    },
  },
});

const getOffice = createRoute({
  method: 'get',
  path: '/offices/{id}',
  operationId: 'getOffice',
  tags: [API_TAGS.offices.name],
  summary: 'Ein Amt',
  middleware: [cacheFor(300)] as const,
  request: { params: OfficeIdParams },
  responses: {
    200: { description: 'Das Amt', content: { 'application/json': { schema: OfficeSchema } } },
    ...problemResponses('validation', 'not_found'),
  },
});

export function officeRoutes({ db, clock }: RouteDeps) {
  const today = () => isoDateInTimeZone(clock(), TOWN_TIME_ZONE);
  return new OpenAPIHono<AppEnv>()
    .openapi(listOffices, async (c) => c.json({ items: await loadOffices(db, { today: today() }) }, 200))
    .openapi(getOffice, async (c) => {
      const { id } = c.req.valid('param');
      const [office] = await loadOffices(db, { id, today: today() });
      if (!office) throw new ProblemError('not_found', `Ein Amt mit der Kennung „${id}“ gibt es nicht.`);
      return c.json(office, 200);
    });
}
