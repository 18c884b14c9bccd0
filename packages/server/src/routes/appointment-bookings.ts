/**
 * Booking with double opt-in, and managing the appointment afterwards: the booking turns a hold
 * into a pending appointment and mails an activation link; following it confirms the
 * appointment and mails the management link (cancel, reschedule). Links lead back to the page
 * the citizen booked on (`returnUrl`), where the widget reads the token from the fragment.
 */
import { randomUUID } from 'node:crypto';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import {
  APPOINTMENT_COLUMNS,
  appointmentSummary,
  appointmentView,
  newToken,
  parsed,
  purgeExpiredAppointments,
  sealManagementToken,
  TOKEN_PATTERN,
  tokenHash,
  unsealManagementToken,
  widgetLink,
  type AppointmentRow,
  type Contact,
} from '../appointments/bookings.js';
import { invalid, loadServices, type ServiceRequest } from '../appointments/catalog.js';
import { formatZoned } from '../appointments/zoned-time.js';
import type { Queryable } from '../db/database.js';
import type { AppEnv } from '../http/app-env.js';
import { IdempotencyKeyHeaders } from '../http/idempotency.js';
import type { FieldError } from '../http/problem.js';
import { problemResponses, ProblemError } from '../http/problem.js';
import { publicBaseUrl } from '../http/public-url.js';
import { enqueueMail } from '../mail/queue.js';
import { forbiddenCharacter, forbiddenCharacterMessage, multilineText } from '../http/safe-text.js';
import { IsoDateSchema } from './common.js';
import { API_TAGS } from '../openapi/document.js';
import { TOWN_TIME_ZONE } from '../time.js';
import { ownReservation } from './appointment-reservations.js';
import { AppointmentOfficeSchema, SlotSchema } from './appointment-schemas.js';
import type { RouteDeps } from './deps.js';

const TAG = API_TAGS.appointments.name;
/** How long the activation link works; the slot stays held that long. */
export const ACTIVATION_MINUTES = 60;

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
  const purge = () =>
    purgeExpiredAppointments(db, clock, { retentionDays: config.appointmentRetentionDays }).catch((error: unknown) =>
      logger.warn('appointment purge failed', { error: error instanceof Error ? error.name : 'unknown' }),
    );

  return new OpenAPIHono<AppEnv>()
    .openapi(bookRoute(idempotent), async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const now = clock();
      checkReturnUrl(c, body.returnUrl, config.corsOrigins, config.publicBaseUrl, config.mail.devOutbox);
      if (config.botProtection.enabled) await botProtection.verify(body.botProof);
      await purge();
      const activationToken = newToken();
      const activationExpires = new Date(now.getTime() + ACTIVATION_MINUTES * 60_000);
      const appointmentId = randomUUID();
      await db.transaction(async (tx) => {
        const reservation = await ownReservation(tx, id, body.secret, { forUpdate: true });
        if (new Date(reservation.expires_at).getTime() <= now.getTime()) {
          throw new ProblemError('gone', 'Die Reservierung ist abgelaufen. Bitte die Zeit erneut auswählen.');
        }
        const [servicesRow] = await tx.query<{ services: ServiceRequest[] | string }>(
          'SELECT services FROM appointment_reservations WHERE id = $1',
          [id],
        );
        const services = parsed(servicesRow!.services);
        await checkFields(tx, services, body.fields);
        await tx.query('UPDATE appointment_reservations SET expires_at = $2 WHERE id = $1', [id, activationExpires.toISOString()]);
        const kept = await tx.query('UPDATE slot_claims SET expires_at = $2 WHERE reservation_id = $1 RETURNING counter', [
          id,
          activationExpires.toISOString(),
        ]);
        if (kept.length === 0) throw new ProblemError('gone', 'Die Reservierung ist abgelaufen. Bitte die Zeit erneut auswählen.');
        const contact: Contact = { name: body.contact.name, email: body.contact.email, ...(body.contact.phone ? { phone: body.contact.phone } : {}) };
        const [inserted] = await tx.query<AppointmentRow>(
          `INSERT INTO appointments (id, status, office_id, reservation_id, starts_at, ends_at, services, contact, fields,
                                     return_url, activation_token_hash, activation_expires_at, created_at)
           VALUES ($1, 'pending', $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8::jsonb, $9, $10, $11, $12)
           RETURNING ${APPOINTMENT_COLUMNS}`,
          [
            appointmentId,
            reservation.office_id,
            id,
            new Date(reservation.starts_at).toISOString(),
            new Date(reservation.ends_at).toISOString(),
            JSON.stringify(services),
            JSON.stringify(contact),
            JSON.stringify(body.fields),
            body.returnUrl,
            tokenHash(activationToken),
            activationExpires.toISOString(),
            now.toISOString(),
          ],
        );
        const view = await appointmentView(tx, inserted!);
        // In the booking's transaction: the booking stands exactly when its mail is queued, whether or not mail is up.
        await enqueueMail(
          tx,
          {
            to: contact.email,
            subject: 'Bitte bestätigen Sie Ihren Termin',
            text: [
              `Guten Tag ${contact.name},`,
              '',
              'Sie haben diesen Termin gebucht:',
              '',
              appointmentSummary(view),
              '',
              `Der Termin gilt erst, wenn Sie ihn innerhalb von ${ACTIVATION_MINUTES} Minuten über diesen Link bestätigen:`,
              widgetLink(body.returnUrl, 'activate', activationToken),
              '',
              'Wenn Sie den Termin nicht gebucht haben, ignorieren Sie diese E-Mail; er verfällt dann von selbst.',
            ].join('\n'),
          },
          now,
        );
      });
      return c.json({ kind: 'activation-sent' as const, expiresAt: formatZoned(activationExpires, TOWN_TIME_ZONE) }, 202);
    })
    .openapi(activateRoute, async (c) => {
      const { token } = c.req.valid('json');
      const now = clock();
      const outcome = await db.transaction(async (tx) => {
        const [row] = await tx.query<AppointmentRow>(
          `SELECT ${APPOINTMENT_COLUMNS} FROM appointments WHERE activation_token_hash = $1 FOR UPDATE`,
          [tokenHash(token)],
        );
        if (!row) throw new ProblemError('not_found', 'Diesen Aktivierungslink gibt es nicht (mehr).');
        if (row.status !== 'pending') {
          const managementToken = row.management_token_sealed ? unsealManagementToken(row.management_token_sealed, token) : undefined;
          return { row, managementToken: row.status === 'confirmed' ? managementToken : undefined };
        }
        const expired = () => new ProblemError('gone', 'Der Aktivierungslink ist abgelaufen. Bitte buchen Sie erneut.');
        if (new Date(row.activation_expires_at).getTime() <= now.getTime() || !row.reservation_id) throw expired();
        const kept = await tx.query(
          'UPDATE slot_claims SET expires_at = NULL WHERE reservation_id = $1 AND expires_at > $2 RETURNING counter',
          [row.reservation_id, now.toISOString()],
        );
        if (kept.length === 0) throw expired();
        await tx.query('UPDATE appointment_reservations SET expires_at = NULL WHERE id = $1', [row.reservation_id]);
        const managementToken = newToken();
        const [confirmed] = await tx.query<AppointmentRow>(
          `UPDATE appointments SET status = 'confirmed', confirmed_at = $2, management_token_hash = $3, management_token_sealed = $4
            WHERE id = $1 RETURNING ${APPOINTMENT_COLUMNS}`,
          [row.id, now.toISOString(), tokenHash(managementToken), sealManagementToken(managementToken, token)],
        );
        await notify(tx, confirmed!, now, 'Ihr Termin ist bestätigt', (summary) => [
          'Ihr Termin ist bestätigt:',
          '',
          summary,
          '',
          'Absagen oder verschieben können Sie ihn über diesen Link:',
          widgetLink(confirmed!.return_url, 'manage', managementToken),
        ]);
        return { row: confirmed!, managementToken };
      });
      return c.json(await appointmentView(db, outcome.row, outcome.managementToken), 200);
    })
    .openapi(getManagedRoute, async (c) => {
      const { token } = c.req.valid('param');
      const row = await managedAppointment(db, token);
      return c.json(await appointmentView(db, row, token), 200);
    })
    .openapi(cancelRoute, async (c) => {
      const { token } = c.req.valid('param');
      const now = clock();
      const outcome = await db.transaction(async (tx) => {
        const row = await managedAppointment(tx, token, { forUpdate: true });
        if (row.status === 'cancelled') return row;
        if (new Date(row.starts_at).getTime() <= now.getTime()) {
          throw new ProblemError('conflict', 'Der Termin hat bereits begonnen und kann nicht mehr abgesagt werden.');
        }
        const [cancelled] = await tx.query<AppointmentRow>(
          `UPDATE appointments SET status = 'cancelled', cancelled_at = $2, reservation_id = NULL WHERE id = $1
           RETURNING ${APPOINTMENT_COLUMNS}`,
          [row.id, now.toISOString()],
        );
        // The claims go with the reservation (ON DELETE CASCADE).
        if (row.reservation_id) await tx.query('DELETE FROM appointment_reservations WHERE id = $1', [row.reservation_id]);
        await notify(tx, cancelled!, now, 'Ihr Termin ist abgesagt', (summary) => ['Sie haben diesen Termin abgesagt:', '', summary]);
        return cancelled!;
      });
      return c.json(await appointmentView(db, outcome, token), 200);
    })
    .openapi(rescheduleRoute, async (c) => {
      const { token } = c.req.valid('param');
      const { reservationId, secret } = c.req.valid('json');
      const now = clock();
      const moved = await db.transaction(async (tx) => {
        const row = await managedAppointment(tx, token, { forUpdate: true });
        if (row.status !== 'confirmed') throw new ProblemError('conflict', 'Nur bestätigte Termine können verschoben werden.');
        const next = await ownReservation(tx, reservationId, secret, { forUpdate: true });
        if (new Date(next.expires_at).getTime() <= now.getTime()) {
          throw new ProblemError('gone', 'Die Reservierung der neuen Zeit ist abgelaufen. Bitte erneut wählen.');
        }
        // New slot first: make its claims permanent; only then release the old one.
        const kept = await tx.query(
          'UPDATE slot_claims SET expires_at = NULL WHERE reservation_id = $1 AND expires_at > $2 RETURNING counter',
          [reservationId, now.toISOString()],
        );
        if (kept.length === 0) throw new ProblemError('gone', 'Die Reservierung der neuen Zeit ist abgelaufen. Bitte erneut wählen.');
        await tx.query('UPDATE appointment_reservations SET expires_at = NULL WHERE id = $1', [reservationId]);
        const [servicesRow] = await tx.query<{ services: ServiceRequest[] | string }>(
          'SELECT services FROM appointment_reservations WHERE id = $1',
          [reservationId],
        );
        const old = row.reservation_id;
        const [updated] = await tx.query<AppointmentRow>(
          `UPDATE appointments SET reservation_id = $2, office_id = $3, starts_at = $4, ends_at = $5, services = $6::jsonb
            WHERE id = $1 RETURNING ${APPOINTMENT_COLUMNS}`,
          [
            row.id,
            reservationId,
            next.office_id,
            new Date(next.starts_at).toISOString(),
            new Date(next.ends_at).toISOString(),
            JSON.stringify(parsed(servicesRow!.services)),
          ],
        );
        if (old) await tx.query('DELETE FROM appointment_reservations WHERE id = $1', [old]);
        await notify(tx, updated!, now, 'Ihr Termin wurde verschoben', (summary) => [
          'Ihr Termin wurde verschoben. Der neue Termin:',
          '',
          summary,
          '',
          'Absagen oder erneut verschieben können Sie ihn über diesen Link:',
          widgetLink(updated!.return_url, 'manage', token),
        ]);
        return updated!;
      });
      return c.json(await appointmentView(db, moved, token), 200);
    });
}

/** Queues a mail about `row` in the change's own transaction: it goes out exactly when the change commits. */
async function notify(tx: Queryable, row: AppointmentRow, now: Date, subject: string, lines: (summary: string) => string[]): Promise<void> {
  const contact = row.contact ? parsed<Contact>(row.contact) : undefined;
  if (!contact) return;
  const summary = appointmentSummary(await appointmentView(tx, row));
  await enqueueMail(tx, { to: contact.email, subject, text: [`Guten Tag ${contact.name},`, '', ...lines(summary)].join('\n') }, now);
}

async function managedAppointment(tx: Queryable, token: string, options: { forUpdate?: boolean } = {}): Promise<AppointmentRow> {
  const [row] = await tx.query<AppointmentRow>(
    `SELECT ${APPOINTMENT_COLUMNS} FROM appointments WHERE management_token_hash = $1 ${options.forUpdate ? 'FOR UPDATE' : ''}`,
    [tokenHash(token)],
  );
  if (!row) throw new ProblemError('not_found', 'Diesen Termin-Link gibt es nicht (mehr).');
  return row;
}

/** Links in mails may only lead to pages of allowed origins: no phishing through our mails. */
export function checkReturnUrl(c: Context, returnUrl: string, corsOrigins: string[], configuredBase: string | undefined, devServer: boolean): void {
  let url: URL;
  try {
    url = new URL(returnUrl);
  } catch {
    throw invalid('returnUrl', 'invalid_format', 'Die Rücksprungadresse ist keine gültige Adresse.');
  }
  // The request's own origin comes from its Host header, which any script can forge: trusted only
  // on a development server (the dev outbox is on), never where real citizens get these mails.
  const own = configuredBase ?? (devServer ? publicBaseUrl(c, undefined) : undefined);
  const allowed = new Set([...corsOrigins, ...(own ? [new URL(own).origin] : [])]);
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !allowed.has(url.origin)) {
    throw invalid('returnUrl', 'not_allowed', 'Die Rücksprungadresse gehört zu keiner freigegebenen Website.');
  }
}

/** Required detail fields present, no unknown ones, dates and e-mails well-formed; one error per field. */
async function checkFields(tx: Queryable, services: ServiceRequest[], values: Record<string, string>): Promise<void> {
  const catalogue = await loadServices(tx);
  const fields = services.flatMap((s) => catalogue.find((x) => x.id === s.serviceId)?.fields ?? []);
  const errors: FieldError[] = [];
  for (const field of fields) {
    const value = values[field.id]?.trim() ?? '';
    const at = `fields.${field.id}`;
    if (value === '') {
      if (field.required) errors.push({ field: at, code: 'required', message: `Bitte „${field.label}“ angeben.` });
      continue;
    }
    if (field.type === 'date' && !IsoDateSchema.safeParse(value).success) {
      errors.push({ field: at, code: 'invalid_format', message: `„${field.label}“ muss ein Datum (JJJJ-MM-TT) sein.` });
    }
    const unsafe = forbiddenCharacter(value, field.type === 'textarea');
    if (unsafe) errors.push({ field: at, code: 'invalid_characters', message: forbiddenCharacterMessage(unsafe) });
    if (field.type === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) {
      errors.push({ field: at, code: 'invalid_format', message: `„${field.label}“ muss eine E-Mail-Adresse sein.` });
    }
  }
  for (const key of Object.keys(values)) {
    if (!fields.some((f) => f.id === key)) {
      errors.push({ field: `fields.${key}`, code: 'unknown', message: `Die Angabe „${key.slice(0, 64)}“ gehört zu keiner gewählten Dienstleistung.` });
    }
  }
  if (errors.length > 0) {
    throw new ProblemError('validation', errors.length === 1 ? errors[0]!.message : 'Bitte die markierten Angaben prüfen.', { errors });
  }
}
