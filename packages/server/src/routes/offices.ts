import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Queryable } from '../db/database.js';
import type { AppEnv } from '../http/app-env.js';
import { problemResponses, ProblemError } from '../http/problem.js';
import { API_TAGS } from '../openapi/document.js';
import { isoDateInTimeZone, TOWN_TIME_ZONE, type IsoDate } from '../time.js';
import { cacheFor, IsoDateSchema, TimeOfDaySchema } from './common.js';
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
export type Office = z.infer<typeof OfficeSchema>;

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

/**
 * Offices with their hours and the exceptions not yet over on `today`; all offices, or the one
 * with `id`. Three queries for any number of offices, assembled here.
 */
export async function loadOffices(db: Queryable, filter: { id?: string; today: IsoDate }): Promise<Office[]> {
  const id = filter.id ?? null;
  const [offices, hours, exceptions] = await Promise.all([
    db.query<{
      id: string;
      name: string;
      description: string;
      building: string;
      street: string;
      postal_code: string;
      city: string;
      room: string | null;
      phone: string;
      email: string;
      step_free_access: boolean;
      accessible_toilet: boolean;
      induction_loop: boolean;
      accessible_parking: boolean;
      accessibility_notes: string;
    }>(
      `SELECT id, name, description, building, street, postal_code, city, room, phone, email,
              step_free_access, accessible_toilet, induction_loop, accessible_parking, accessibility_notes
         FROM offices
        WHERE $1::text IS NULL OR id = $1
        ORDER BY sort_order, name`,
      [id],
    ),
    db.query<{ office_id: string; weekday: number; opens: string; closes: string }>(
      `SELECT office_id, weekday, to_char(opens, 'HH24:MI') AS opens, to_char(closes, 'HH24:MI') AS closes
         FROM office_opening_hours
        WHERE $1::text IS NULL OR office_id = $1
        ORDER BY weekday, opens`,
      [id],
    ),
    db.query<{
      id: string;
      office_id: string;
      starts_on: string;
      ends_on: string;
      reason: string;
      opens: string | null;
      closes: string | null;
    }>(
      `SELECT e.id::text AS id, e.office_id, to_char(e.starts_on, 'YYYY-MM-DD') AS starts_on,
              to_char(e.ends_on, 'YYYY-MM-DD') AS ends_on, e.reason,
              to_char(h.opens, 'HH24:MI') AS opens, to_char(h.closes, 'HH24:MI') AS closes
         FROM office_exceptions e
         LEFT JOIN office_exception_hours h ON h.exception_id = e.id
        WHERE e.ends_on >= $2::date AND ($1::text IS NULL OR e.office_id = $1)
        ORDER BY e.starts_on, e.id, h.opens`,
      [id, filter.today],
    ),
  ]);

  return offices.map((office) => {
    const officeExceptions = new Map<string, Office['exceptions'][number]>();
    for (const row of exceptions.filter((e) => e.office_id === office.id)) {
      const exception = officeExceptions.get(row.id) ?? {
        from: row.starts_on,
        to: row.ends_on,
        reason: row.reason,
        closed: true,
        intervals: [],
      };
      if (row.opens !== null && row.closes !== null) {
        exception.intervals.push({ opens: row.opens, closes: row.closes });
        exception.closed = false;
      }
      officeExceptions.set(row.id, exception);
    }
    return {
      id: office.id,
      name: office.name,
      description: office.description,
      address: {
        building: office.building,
        street: office.street,
        postalCode: office.postal_code,
        city: office.city,
        room: office.room,
      },
      phone: office.phone,
      email: office.email,
      accessibility: {
        stepFreeAccess: office.step_free_access,
        accessibleToilet: office.accessible_toilet,
        inductionLoop: office.induction_loop,
        accessibleParking: office.accessible_parking,
        notes: office.accessibility_notes,
      },
      openingHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
        weekday,
        intervals: hours
          .filter((h) => h.office_id === office.id && h.weekday === weekday)
          .map(({ opens, closes }) => ({ opens, closes })),
      })),
      exceptions: [...officeExceptions.values()],
    };
  });
}
