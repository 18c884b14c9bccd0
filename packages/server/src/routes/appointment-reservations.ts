/**
 * Reservations: a slot held for a citizen for hold_minutes while the booking form is filled in.
 * Creating one is all-or-nothing against `slot_claims` (see appointments/reservations.ts).
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { invalid } from '../appointments/catalog.js';
import { extendReservation, holdSlot, releaseReservation } from '../appointments/holds.js';
import { toSlot } from '../appointments/slots.js';
import { formatZoned } from '../appointments/zoned-time.js';
import type { AppEnv } from '../http/app-env.js';
import { IdempotencyKeyHeaders } from '../http/idempotency.js';
import { problemResponses } from '../http/problem.js';
import { API_TAGS } from '../openapi/document.js';
import { TOWN_TIME_ZONE } from '../time.js';
import { SlotSchema } from './appointment-schemas.js';
import type { RouteDeps } from './deps.js';

const TAG = API_TAGS.appointments.name;

const ServiceRequestSchema = z
  .object({
    serviceId: z.string().min(1).max(64).openapi({ example: 'kita-anmeldung' }),
    count: z.number().int().min(1).max(20).openapi({ example: 2 }),
  })
  .openapi('ServiceRequest');

const SecretSchema = z.string().min(20).max(100).openapi({ description: 'Das Geheimnis aus der Reservierung' });

const ReservationSchema = z
  .object({
    id: z.uuid(),
    secret: SecretSchema.openapi({ description: 'Nur in dieser Antwort; beweist, dass die Reservierung dem Aufrufer gehört' }),
    slot: SlotSchema,
    expiresAt: z.string().openapi({ format: 'date-time', description: 'Bis dahin ist die Zeit gehalten', example: '2026-12-01T10:10:00+01:00' }),
    extensionsLeft: z
      .number()
      .int()
      .min(0)
      .openapi({ description: 'Wie oft die Reservierung noch verlängert werden kann (APPOINTMENT_HOLD_EXTENSIONS, mindestens 10 je Reservierung)', example: 10 }),
  })
  .openapi('Reservation');

const ExtendedReservationSchema = ReservationSchema.omit({ secret: true }).openapi('ExtendedReservation');

const ReservationIdParams = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' }, example: '0b7d8f0e-6a43-4d2b-9f5e-2f4a1c3b5d6e' }),
});

const holdRoute = (idempotent: MiddlewareHandler<AppEnv>) =>
  createRoute({
  method: 'post',
  path: '/appointments/reservations',
  operationId: 'createAppointmentReservation',
  tags: [TAG],
  summary: 'Eine freie Zeit reservieren',
  description:
    'Hält die Zeit für die Dauer der Reservierung (hold_minutes des Amtes). Zwei Anfragen auf dieselbe letzte freie ' +
    'Zeit: genau eine erhält sie, die andere 409 `slot_taken`.',
  middleware: [idempotent] as const,
  request: {
    headers: IdempotencyKeyHeaders,
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z
            .object({
              services: z.array(ServiceRequestSchema).min(1).max(10),
              slotId: z.string().min(1).max(200).openapi({ description: 'Die `id` einer Zeit aus /appointments/slots' }),
            })
            .strict(),
        },
      },
    },
  },
  responses: {
    201: { description: 'Reserviert', content: { 'application/json': { schema: ReservationSchema } } },
    ...problemResponses('validation', 'slot_taken', 'idempotency_conflict', 'idempotency_in_progress'),
  },
});

const extendRoute = createRoute({
  method: 'post',
  path: '/appointments/reservations/{id}/extend',
  operationId: 'extendAppointmentReservation',
  tags: [TAG],
  summary: 'Eine Reservierung verlängern',
  description:
    'Hält die Zeit ab jetzt wieder hold_minutes lang, höchstens APPOINTMENT_HOLD_EXTENSIONS-mal (409 `hold_extension_limit`). ' +
    'Eine abgelaufene Reservierung wird ebenso verlängert, solange niemand die Zeit inzwischen reserviert hat (sonst 409 `slot_taken`) ' +
    'und sie noch buchbar ist (sonst 410 `gone`).',
  request: {
    params: ReservationIdParams,
    body: { required: true, content: { 'application/json': { schema: z.object({ secret: SecretSchema }).strict() } } },
  },
  responses: {
    200: { description: 'Verlängert', content: { 'application/json': { schema: ExtendedReservationSchema } } },
    ...problemResponses('validation', 'forbidden', 'not_found', 'conflict', 'hold_extension_limit', 'slot_taken', 'gone'),
  },
});

const releaseRoute = createRoute({
  method: 'delete',
  path: '/appointments/reservations/{id}',
  operationId: 'releaseAppointmentReservation',
  tags: [TAG],
  summary: 'Eine Reservierung freigeben',
  description: 'Das Geheimnis steht in der Kopfzeile `Reservation-Secret` oder im Inhalt `{ "secret": … }`.',
  request: {
    params: ReservationIdParams,
    headers: z.object({ 'Reservation-Secret': SecretSchema.optional() }),
    body: { required: false, content: { 'application/json': { schema: z.object({ secret: SecretSchema }).strict() } } },
  },
  responses: {
    204: { description: 'Freigegeben' },
    ...problemResponses('validation', 'forbidden', 'not_found', 'conflict'),
  },
});

export function reservationRoutes({ config, db, clock, idempotent }: RouteDeps) {
  return new OpenAPIHono<AppEnv>()
    .openapi(holdRoute(idempotent), async (c) => {
      const hold = await holdSlot(db, c.req.valid('json'), clock());
      return c.json(
        { id: hold.id, secret: hold.secret, slot: toSlot(hold.slot), expiresAt: formatZoned(hold.expiresAt, TOWN_TIME_ZONE), extensionsLeft: config.holdExtensions },
        201,
      );
    })
    .openapi(extendRoute, async (c) => {
      const { id } = c.req.valid('param');
      const { secret } = c.req.valid('json');
      const result = await extendReservation(db, { id, secret }, { maxExtensions: config.holdExtensions, now: clock() });
      const start = new Date(result.reservation.starts_at);
      return c.json(
        {
          id,
          slot: toSlot({ officeId: result.reservation.office_id, start, end: new Date(result.reservation.ends_at) }),
          expiresAt: formatZoned(result.expiresAt, TOWN_TIME_ZONE),
          extensionsLeft: result.extensionsLeft,
        },
        200,
      );
    })
    .openapi(releaseRoute, async (c) => {
      const { id } = c.req.valid('param');
      let secret = c.req.header('Reservation-Secret');
      if (secret === undefined) {
        const body = (await c.req.json().catch(() => undefined)) as { secret?: unknown } | undefined;
        if (typeof body?.secret === 'string') secret = body.secret;
      }
      if (secret === undefined) {
        throw invalid('secret', 'required', 'Das Geheimnis der Reservierung fehlt (Kopfzeile Reservation-Secret oder Inhalt).');
      }
      await releaseReservation(db, { id, secret });
      return c.body(null, 204);
    });
}
