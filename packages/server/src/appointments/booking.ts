/**
 * Booking with double opt-in: the booking turns a hold into a pending appointment and mails an
 * activation link; following it confirms the appointment and mails the management link.
 */
import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../db/database.js';
import type { FieldError } from '../http/problem.js';
import { ProblemError } from '../http/problem.js';
import { forbiddenCharacter, forbiddenCharacterMessage } from '../http/safe-text.js';
import { enqueueMail } from '../mail/queue.js';
import { IsoDateSchema } from '../shared/calendar-date.js';
import { newToken, tokenHash } from '../shared/tokens.js';
import {
  APPOINTMENT_COLUMNS,
  appointmentSummary,
  appointmentView,
  notify,
  sealManagementToken,
  unsealManagementToken,
  widgetLink,
  type AppointmentRow,
  type Contact,
} from './bookings.js';
import { loadServices, type ServiceRequest } from './catalog.js';
import { holdUntil, keepReservation, ownReservation, reservedServices } from './holds.js';

/** How long the activation link works; the slot stays held that long. */
const ACTIVATION_MINUTES = 60;

export interface BookingRequest {
  reservationId: string;
  secret: string;
  contact: Contact;
  fields: Record<string, string>;
  /** Checked by the caller: a page of an allowed origin. */
  returnUrl: string;
}

/** Books the held time as a pending appointment and queues the activation mail; resolves to when the link expires. */
export async function bookReservation(db: Database, booking: BookingRequest, now: Date): Promise<Date> {
  const { reservationId: id } = booking;
  const activationToken = newToken();
  const activationExpires = new Date(now.getTime() + ACTIVATION_MINUTES * 60_000);
  const appointmentId = randomUUID();
  await db.transaction(async (tx) => {
    const reservation = await ownReservation(tx, id, booking.secret, { forUpdate: true });
    if (new Date(reservation.expires_at).getTime() <= now.getTime()) {
      throw new ProblemError('gone', 'Die Reservierung ist abgelaufen. Bitte die Zeit erneut auswählen.');
    }
    const services = await reservedServices(tx, id);
    await checkFields(tx, services, booking.fields);
    if (!(await holdUntil(tx, id, activationExpires))) {
      throw new ProblemError('gone', 'Die Reservierung ist abgelaufen. Bitte die Zeit erneut auswählen.');
    }
    const contact: Contact = { name: booking.contact.name, email: booking.contact.email, ...(booking.contact.phone ? { phone: booking.contact.phone } : {}) };
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
        JSON.stringify(booking.fields),
        booking.returnUrl,
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
          widgetLink(booking.returnUrl, 'activate', activationToken),
          '',
          'Wenn Sie den Termin nicht gebucht haben, ignorieren Sie diese E-Mail; er verfällt dann von selbst.',
        ].join('\n'),
      },
      now,
    );
  });
  return activationExpires;
}

/**
 * Confirms the pending appointment of the activation `token` and queues the management link.
 * Following the link again answers the same appointment (and its management token while it stands).
 */
export async function activateAppointment(db: Database, token: string, now: Date): Promise<{ row: AppointmentRow; managementToken: string | undefined }> {
  return db.transaction(async (tx) => {
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
    if (!(await keepReservation(tx, row.reservation_id, now))) throw expired();
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
