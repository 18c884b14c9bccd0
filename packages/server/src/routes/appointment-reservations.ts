/**
 * Reservations: a slot held for a citizen for hold_minutes while the booking form is filled in.
 * Creating one is all-or-nothing against `slot_claims` (see appointments/reservations.ts).
 */
import { randomUUID } from 'node:crypto';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { loadCalendars, planRequest, invalid } from '../appointments/catalog.js';
import {
  claimUnits,
  extendHold,
  newSecret,
  purgeStaleHolds,
  secretMatches,
  transactionWithRetry,
} from '../appointments/reservations.js';
import { findSlots, parseSlotId, toSlot, unitsOf } from '../appointments/slots.js';
import { formatZoned } from '../appointments/zoned-time.js';
import type { Queryable } from '../db/database.js';
import type { AppEnv } from '../http/app-env.js';
import { IdempotencyKeyHeaders } from '../http/idempotency.js';
import { problemResponses, ProblemError } from '../http/problem.js';
import { API_TAGS } from '../openapi/document.js';
import { isoDateInTimeZone, TOWN_TIME_ZONE } from '../time.js';
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

const createReservation = (idempotent: MiddlewareHandler<AppEnv>) =>
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

const extendReservation = createRoute({
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

const releaseReservation = createRoute({
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

export interface ReservationRow {
  id: string;
  office_id: string;
  starts_at: Date | string;
  ends_at: Date | string;
  secret_hash: string;
  expires_at: Date | string;
  extensions: number;
}

export function reservationRoutes({ config, db, clock, idempotent }: RouteDeps) {
  return new OpenAPIHono<AppEnv>()
    .openapi(createReservation(idempotent), async (c) => {
      const body = c.req.valid('json');
      const now = clock();
      const slot = parseSlotId(body.slotId);
      if (!slot) throw invalid('slotId', 'invalid_format', 'Die Zeit ist unbekannt; bitte eine Zeit aus der Liste wählen.');
      const planned = await planRequest(db, body.services, slot.officeId);
      const calendar = planned.calendars[0]!;
      const date = isoDateInTimeZone(slot.start, TOWN_TIME_ZONE);
      const offered = (await findSlots(db, planned, { from: date, to: date }, now, { ignoreClaims: true })).get(date) ?? [];
      const candidate = offered.find((s) => s.start.getTime() === slot.start.getTime());
      if (!candidate) {
        throw invalid('slotId', 'not_bookable', 'Diese Zeit kann für die gewählten Dienstleistungen nicht (mehr) gebucht werden.');
      }
      const id = randomUUID();
      const { secret, hash } = newSecret();
      const expiresAt = new Date(now.getTime() + calendar.holdMinutes * 60_000);
      await purgeStaleHolds(db, now);
      await transactionWithRetry(db, async (tx) => {
        await tx.query(
          `INSERT INTO appointment_reservations (id, office_id, counter, starts_at, ends_at, services, secret_hash, expires_at, created_at)
           VALUES ($1, $2, 0, $3, $4, $5::jsonb, $6, $7, $8)`,
          [
            id,
            calendar.officeId,
            candidate.start.toISOString(),
            candidate.end.toISOString(),
            JSON.stringify(planned.services),
            hash,
            expiresAt.toISOString(),
            now.toISOString(),
          ],
        );
        const counter = await claimUnits(tx, {
          officeId: calendar.officeId,
          counters: calendar.counters,
          units: unitsOf(candidate.start, candidate.end, calendar.slotMinutes),
          reservationId: id,
          expiresAt,
          now,
        });
        if (counter === undefined) {
          throw new ProblemError('slot_taken', 'Diese Zeit wurde gerade vergeben. Bitte eine andere Zeit wählen.');
        }
        await tx.query('UPDATE appointment_reservations SET counter = $2 WHERE id = $1', [id, counter]);
      });
      return c.json(
        { id, secret, slot: toSlot(candidate), expiresAt: formatZoned(expiresAt, TOWN_TIME_ZONE), extensionsLeft: config.holdExtensions },
        201,
      );
    })
    .openapi(extendReservation, async (c) => {
      const { id } = c.req.valid('param');
      const { secret } = c.req.valid('json');
      const now = clock();
      const result = await transactionWithRetry(db, async (tx) => {
        const reservation = await ownReservation(tx, id, secret, { forUpdate: true });
        const [calendar] = await loadCalendars(tx, reservation.office_id);
        if (!calendar) throw new ProblemError('gone', 'Dieses Amt vergibt keine Termine mehr. Bitte wählen Sie einen anderen Standort.');
        return { reservation, ...(await extendHold(tx, reservation, calendar, { maxExtensions: config.holdExtensions, now })) };
      });
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
    .openapi(releaseReservation, async (c) => {
      const { id } = c.req.valid('param');
      let secret = c.req.header('Reservation-Secret');
      if (secret === undefined) {
        const body = (await c.req.json().catch(() => undefined)) as { secret?: unknown } | undefined;
        if (typeof body?.secret === 'string') secret = body.secret;
      }
      if (secret === undefined) {
        throw invalid('secret', 'required', 'Das Geheimnis der Reservierung fehlt (Kopfzeile Reservation-Secret oder Inhalt).');
      }
      const given = secret;
      await db.transaction(async (tx) => {
        await ownReservation(tx, id, given, { forUpdate: true });
        // Its claims go with it (ON DELETE CASCADE).
        await tx.query('DELETE FROM appointment_reservations WHERE id = $1', [id]);
      });
      return c.body(null, 204);
    });
}

/** The reservation `id` if `secret` is its secret: 404 when there is none, 403 when the secret is wrong. */
export async function ownReservation(tx: Queryable, id: string, secret: string, options: { forUpdate?: boolean } = {}): Promise<ReservationRow> {
  const [reservation] = await tx.query<ReservationRow>(
    `SELECT id::text AS id, office_id, starts_at, ends_at, secret_hash, expires_at, extensions
       FROM appointment_reservations r WHERE id = $1 ${options.forUpdate ? 'FOR UPDATE' : ''}`,
    [id],
  );
  if (!reservation) throw new ProblemError('not_found', 'Diese Reservierung gibt es nicht (mehr).');
  if (!secretMatches(secret, reservation.secret_hash)) {
    throw new ProblemError('forbidden', 'Das Geheimnis passt nicht zu dieser Reservierung.');
  }
  // Asked only now, after the row lock: a second booking that waited for the first sees its appointment.
  const [booked] = await tx.query('SELECT 1 FROM appointments WHERE reservation_id = $1', [id]);
  if (booked) {
    throw new ProblemError('conflict', 'Für diese Reservierung wurde bereits ein Termin gebucht; bitte den Link aus der E-Mail verwenden.');
  }
  return reservation;
}
