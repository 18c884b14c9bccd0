/** Managing a confirmed appointment through the link in its mail: show, cancel, reschedule. */
import type { Database, Queryable } from '../db/database.js';
import { ProblemError } from '../http/problem.js';
import { tokenHash } from '../shared/tokens.js';
import { APPOINTMENT_COLUMNS, notify, widgetLink, type AppointmentRow } from './bookings.js';
import { deleteReservation, keepReservation, ownReservation, reservedServices } from './holds.js';
import { transactionWithRetry } from './reservations.js';

export async function managedAppointment(tx: Queryable, token: string, options: { forUpdate?: boolean } = {}): Promise<AppointmentRow> {
  const [row] = await tx.query<AppointmentRow>(
    `SELECT ${APPOINTMENT_COLUMNS} FROM appointments WHERE management_token_hash = $1 ${options.forUpdate ? 'FOR UPDATE' : ''}`,
    [tokenHash(token)],
  );
  if (!row) throw new ProblemError('not_found', 'Diesen Termin-Link gibt es nicht (mehr).');
  return row;
}

/** Cancels the appointment and frees its time; cancelling twice answers the cancelled appointment. */
/**
 * Cancel and reschedule touch the change counters of the offices involved (migration 016), so
 * two of them across the same offices in opposite order can deadlock: PostgreSQL ends one, and
 * it runs again.
 */
export async function cancelAppointment(db: Database, token: string, now: Date): Promise<AppointmentRow> {
  return transactionWithRetry(db, async (tx) => {
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
    if (row.reservation_id) await deleteReservation(tx, row.reservation_id);
    await notify(tx, cancelled!, now, 'Ihr Termin ist abgesagt', (summary) => ['Sie haben diesen Termin abgesagt:', '', summary]);
    return cancelled!;
  });
}

/** Moves the appointment to a time held beforehand (`reservationId`, `secret`); the old time is freed only after. */
export async function rescheduleAppointment(
  db: Database,
  token: string,
  target: { reservationId: string; secret: string },
  now: Date,
): Promise<AppointmentRow> {
  const { reservationId } = target;
  return transactionWithRetry(db, async (tx) => {
    const row = await managedAppointment(tx, token, { forUpdate: true });
    if (row.status !== 'confirmed') throw new ProblemError('conflict', 'Nur bestätigte Termine können verschoben werden.');
    const next = await ownReservation(tx, reservationId, target.secret, { forUpdate: true });
    const expired = () => new ProblemError('gone', 'Die Reservierung der neuen Zeit ist abgelaufen. Bitte erneut wählen.');
    if (new Date(next.expires_at).getTime() <= now.getTime()) throw expired();
    // New slot first: make its claims permanent; only then release the old one.
    if (!(await keepReservation(tx, reservationId, now))) throw expired();
    const services = await reservedServices(tx, reservationId);
    const old = row.reservation_id;
    const [updated] = await tx.query<AppointmentRow>(
      `UPDATE appointments SET reservation_id = $2, office_id = $3, starts_at = $4, ends_at = $5, services = $6::jsonb
        WHERE id = $1 RETURNING ${APPOINTMENT_COLUMNS}`,
      [row.id, reservationId, next.office_id, new Date(next.starts_at).toISOString(), new Date(next.ends_at).toISOString(), JSON.stringify(services)],
    );
    if (old) await deleteReservation(tx, old);
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
}
