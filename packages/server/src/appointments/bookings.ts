/**
 * Booked appointments: tokens, the appointment as clients see it, the German e-mails, and the
 * deletion of personal data after the appointment.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { routeLink } from '@muni-widgets/core/fragment';
import type { Queryable } from '../db/database.js';
import { parsed } from '../db/json.js';
import { enqueueMail } from '../mail/queue.js';
import type { Clock } from '../time.js';
import { TOWN_TIME_ZONE } from '../time.js';
import { loadCalendars, loadServices, type ServiceRequest } from './catalog.js';
import { toSlot, type Slot } from './slots.js';

function sealKey(activationToken: string): Buffer {
  return createHash('sha256').update(`muni-widgets:management-token-seal:${activationToken}`, 'utf8').digest();
}

/** Encrypts the management token so that only the holder of the activation token can read it again. */
export function sealManagementToken(managementToken: string, activationToken: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealKey(activationToken), iv);
  const data = Buffer.concat([cipher.update(managementToken, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64url')).join('.');
}

export function unsealManagementToken(sealed: string, activationToken: string): string {
  const [iv, tag, data] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
  const decipher = createDecipheriv('aes-256-gcm', sealKey(activationToken), iv!);
  decipher.setAuthTag(tag!);
  return Buffer.concat([decipher.update(data!), decipher.final()]).toString('utf8');
}

export interface AppointmentRow {
  id: string;
  status: 'pending' | 'confirmed' | 'cancelled';
  office_id: string;
  reservation_id: string | null;
  starts_at: Date | string;
  ends_at: Date | string;
  services: ServiceRequest[] | string;
  contact: Contact | string | null;
  fields: Record<string, string> | string | null;
  return_url: string;
  activation_expires_at: Date | string;
  management_token_sealed: string | null;
}

export interface Contact {
  name: string;
  email: string;
  phone?: string;
}

export const APPOINTMENT_COLUMNS = `id::text AS id, status, office_id, reservation_id::text AS reservation_id, starts_at, ends_at,
  services, contact, fields, return_url, activation_expires_at, management_token_sealed`;

export interface AppointmentView {
  id: string;
  status: AppointmentRow['status'];
  services: Array<ServiceRequest & { name: string }>;
  office: { id: string; name: string; street: string; postalCode: string; city: string; accessibility?: string };
  slot: Slot;
  managementToken?: string;
}

/** The appointment as the widget shows it. */
export async function appointmentView(db: Queryable, row: AppointmentRow, managementToken?: string): Promise<AppointmentView> {
  const [services, [calendar]] = await Promise.all([loadServices(db), loadCalendars(db, row.office_id)]);
  const start = new Date(row.starts_at);
  return {
    id: row.id,
    status: row.status,
    services: parsed(row.services).map((s) => ({ ...s, name: services.find((x) => x.id === s.serviceId)?.name ?? s.serviceId })),
    office: {
      id: row.office_id,
      name: calendar?.officeName ?? row.office_id,
      street: calendar?.street ?? '',
      postalCode: calendar?.postalCode ?? '',
      city: calendar?.city ?? '',
      ...(calendar?.accessibilityNotes ? { accessibility: calendar.accessibilityNotes } : {}),
    },
    slot: toSlot({ officeId: row.office_id, start, end: new Date(row.ends_at) }),
    ...(managementToken ? { managementToken } : {}),
  };
}

const DATE = new Intl.DateTimeFormat('de-DE', { timeZone: TOWN_TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const TIME = new Intl.DateTimeFormat('de-DE', { timeZone: TOWN_TIME_ZONE, hour: '2-digit', minute: '2-digit' });

/** "Montag, 1. Juni 2026, 09:00 bis 09:30 Uhr" in Europe/Berlin. */
export function germanWhen(start: Date, end: Date): string {
  return `${DATE.format(start)}, ${TIME.format(start)} bis ${TIME.format(end)} Uhr`;
}

/** The lines every appointment e-mail shares: what, when, where. */
export function appointmentSummary(view: AppointmentView): string {
  const what = view.services.map((s) => (s.count > 1 ? `${s.name} (${s.count} Personen)` : s.name)).join(', ');
  const where = `${view.office.name}, ${view.office.street}, ${view.office.postalCode} ${view.office.city}`;
  return [`Was:  ${what}`, `Wann: ${germanWhen(new Date(view.slot.start), new Date(view.slot.end))}`, `Wo:   ${where}`].join('\n');
}

/** The widget reads `#muni-appointment=<action>:<token>` from the page it is embedded in. */
export function widgetLink(returnUrl: string, action: 'activate' | 'manage', token: string): string {
  return routeLink(returnUrl, 'muni-appointment', { kind: action, arg: token });
}

/** Queues a mail about `row` in the change's own transaction: it goes out exactly when the change commits. */
export async function notify(tx: Queryable, row: AppointmentRow, now: Date, subject: string, lines: (summary: string) => string[]): Promise<void> {
  const contact = row.contact ? parsed<Contact>(row.contact) : undefined;
  if (!contact) return;
  const summary = appointmentSummary(await appointmentView(tx, row));
  await enqueueMail(tx, { to: contact.email, subject, text: [`Guten Tag ${contact.name},`, '', ...lines(summary)].join('\n') }, now);
}

/**
 * Deletes personal data (contact, details) of appointments that ended more than `retentionDays`
 * ago, and pending bookings whose activation expired (with their holds). Resolves to the number
 * of appointments touched. Run opportunistically, e.g. on each booking.
 */
export async function purgeExpiredAppointments(db: Queryable, clock: Clock, options: { retentionDays: number }): Promise<number> {
  const now = clock();
  const cutoff = new Date(now.getTime() - options.retentionDays * 86_400_000).toISOString();
  const scrubbed = await db.query(
    `UPDATE appointments SET contact = NULL, fields = NULL
      WHERE ends_at < $1 AND (contact IS NOT NULL OR fields IS NOT NULL) RETURNING id`,
    [cutoff],
  );
  const abandoned = await db.query<{ reservation_id: string | null }>(
    `DELETE FROM appointments WHERE status = 'pending' AND activation_expires_at <= $1 RETURNING reservation_id::text AS reservation_id`,
    [now.toISOString()],
  );
  const holds = abandoned.map((a) => a.reservation_id).filter((id): id is string => id !== null);
  if (holds.length > 0) await db.query('DELETE FROM appointment_reservations WHERE id = ANY ($1::uuid[])', [holds]);
  return scrubbed.length + abandoned.length;
}
