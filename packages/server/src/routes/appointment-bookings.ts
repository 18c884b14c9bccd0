/**
 * Booking with double opt-in, and managing the appointment afterwards: the booking turns a hold
 * into a pending appointment and mails an activation link; following it confirms the
 * appointment and mails the management link (cancel, reschedule). Links lead back to the page
 * the citizen booked on (`returnUrl`), where the widget reads the token from the fragment.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { activateAppointment, bookReservation } from '../appointments/booking.js';
import { appointmentView, purgeExpiredAppointments } from '../appointments/bookings.js';
import { cancelAppointment, managedAppointment, rescheduleAppointment } from '../appointments/management.js';
import { formatZoned } from '../appointments/zoned-time.js';
import type { AppEnv } from '../http/app-env.js';
import { IdempotencyKeyHeaders } from '../http/idempotency.js';
import { problemResponses } from '../http/problem.js';
import { checkReturnUrl } from '../http/return-url.js';
import { multilineText } from '../http/safe-text.js';
import { onTheSide } from '../logger.js';
import { API_TAGS } from '../openapi/document.js';
import { TOKEN_PATTERN } from '../shared/tokens.js';
import { TOWN_TIME_ZONE } from '../time.js';
import { AppointmentOfficeSchema, SlotSchema } from './appointment-schemas.js';
import type { RouteDeps } from './deps.js';

const TAG = API_TAGS.appointments.name;

const TokenSchema = z.string().regex(TOKEN_PATTERN).openapi({ description: 'Token aus dem Link der E-Mail' });
const TokenParams = z.object({ token: TokenSchema.openapi({ param: { name: 'token', in: 'path' } }) });

const AppointmentSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(['pending', 'confirmed', 'cancelled']),
    services: z.array(z.object({ serviceId: z.string(), count: z.number().int(), name: z.string() })),
    office: AppointmentOfficeSchema,
    slot: SlotSchema,
    managementToken: z.string().optional().openapi({ description: 'Token für Absage und Verschiebung (Link in der E-Mail)' }),
  })
  .openapi('Appointment');

const BookingBody = z
  .object({
    secret: z.string().min(20).max(100),
    contact: z
      .object({
        name: z.string().trim().min(2).max(200),
        email: z.email().max(254),
        phone: z.string().trim().max(40).optional(),
      })
      .strict(),
    // Line breaks only for textarea fields; checkFields knows the types.
    fields: z.record(z.string().max(64), multilineText(z.string().max(1000))).default({}),
    consent: z.literal(true).openapi({ description: 'Einwilligung in die Verarbeitung der Angaben; muss true sein' }),
    returnUrl: z.url().max(2000).openapi({ description: 'Seite mit dem Widget; Ursprung muss erlaubt sein (CORS_ORIGINS oder dieser Server)' }),
    botProof: z
      .string()
      .max(5000)
      .optional()
      .openapi({ description: 'Gelöste Aufgabe von GET /api/v1/bot-challenge; Pflicht, solange BOT_PROTECTION an ist' }),
  })
  .strict();

const bookRoute = (idempotent: MiddlewareHandler<AppEnv>) =>
  createRoute({
    method: 'post',
    path: '/appointments/reservations/{id}/booking',
    operationId: 'bookAppointment',
    tags: [TAG],
    summary: 'Reservierte Zeit buchen (Bestätigung per E-Mail)',
    middleware: [idempotent] as const,
    request: {
      params: z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) }),
      headers: IdempotencyKeyHeaders,
      body: { required: true, content: { 'application/json': { schema: BookingBody } } },
    },
    responses: {
      202: {
        description: 'Gebucht; die E-Mail mit dem Aktivierungslink ist in der Warteschlange (auch wenn der Mailserver gerade nicht erreichbar ist)',
        content: {
          'application/json': {
            schema: z.object({ kind: z.literal('activation-sent'), expiresAt: z.string().openapi({ format: 'date-time' }) }).openapi('ActivationSent'),
          },
        },
      },
      ...problemResponses('validation', 'forbidden', 'not_found', 'conflict', 'gone', 'idempotency_conflict', 'idempotency_in_progress'),
    },
  });

const activateRoute = createRoute({
  method: 'post',
  path: '/appointments/activate',
  operationId: 'activateAppointment',
  tags: [TAG],
  summary: 'Termin bestätigen (Aktivierungslink)',
  request: { body: { required: true, content: { 'application/json': { schema: z.object({ token: TokenSchema }).strict() } } } },
  responses: {
    200: { description: 'Der bestätigte Termin', content: { 'application/json': { schema: AppointmentSchema } } },
    ...problemResponses('validation', 'not_found', 'gone'),
  },
});

const getManagedRoute = createRoute({
  method: 'get',
  path: '/appointments/manage/{token}',
  operationId: 'getManagedAppointment',
  tags: [TAG],
  summary: 'Termin anzeigen (Verwaltungslink)',
  request: { params: TokenParams },
  responses: {
    200: { description: 'Der Termin', content: { 'application/json': { schema: AppointmentSchema } } },
    ...problemResponses('validation', 'not_found'),
  },
});

const cancelRoute = createRoute({
  method: 'post',
  path: '/appointments/manage/{token}/cancel',
  operationId: 'cancelAppointment',
  tags: [TAG],
  summary: 'Termin absagen',
  request: { params: TokenParams },
  responses: {
    200: { description: 'Der abgesagte Termin', content: { 'application/json': { schema: AppointmentSchema } } },
    ...problemResponses('validation', 'not_found', 'conflict'),
  },
});

const rescheduleRoute = createRoute({
  method: 'post',
  path: '/appointments/manage/{token}/reschedule',
  operationId: 'rescheduleAppointment',
  tags: [TAG],
  summary: 'Termin verschieben',
  description: 'Auf eine zuvor reservierte neue Zeit; die alte Zeit wird erst danach freigegeben.',
  request: {
    params: TokenParams,
    body: {
      required: true,
      content: {
        'application/json': { schema: z.object({ reservationId: z.uuid(), secret: z.string().min(20).max(100) }).strict() },
      },
    },
  },
  responses: {
    200: { description: 'Der verschobene Termin', content: { 'application/json': { schema: AppointmentSchema } } },
    ...problemResponses('validation', 'forbidden', 'not_found', 'conflict', 'gone'),
  },
});

export function bookingRoutes({ db, clock, logger, config, idempotent, botProtection }: RouteDeps) {
  const purge = () => onTheSide(logger, 'appointment purge', purgeExpiredAppointments(db, clock, { retentionDays: config.appointmentRetentionDays }));

  return new OpenAPIHono<AppEnv>()
    .openapi(bookRoute(idempotent), async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const now = clock();
      checkReturnUrl(c, body.returnUrl, config);
      if (config.botProtection.enabled) await botProtection.verify(body.botProof);
      await purge();
      const expiresAt = await bookReservation(
        db,
        { reservationId: id, secret: body.secret, contact: body.contact, fields: body.fields, returnUrl: body.returnUrl },
        now,
      );
      return c.json({ kind: 'activation-sent' as const, expiresAt: formatZoned(expiresAt, TOWN_TIME_ZONE) }, 202);
    })
    .openapi(activateRoute, async (c) => {
      const { token } = c.req.valid('json');
      const outcome = await activateAppointment(db, token, clock());
      return c.json(await appointmentView(db, outcome.row, outcome.managementToken), 200);
    })
    .openapi(getManagedRoute, async (c) => {
      const { token } = c.req.valid('param');
      const row = await managedAppointment(db, token);
      return c.json(await appointmentView(db, row, token), 200);
    })
    .openapi(cancelRoute, async (c) => {
      const { token } = c.req.valid('param');
      const cancelled = await cancelAppointment(db, token, clock());
      return c.json(await appointmentView(db, cancelled, token), 200);
    })
    .openapi(rescheduleRoute, async (c) => {
      const { token } = c.req.valid('param');
      const moved = await rescheduleAppointment(db, token, c.req.valid('json'), clock());
      return c.json(await appointmentView(db, moved, token), 200);
    });
}
