/**
 * A citizen's hold on a slot: created for hold_minutes while the booking form is filled in,
 * extended, released, and proven by the secret handed out once. Claims themselves are in
 * reservations.ts.
 */
import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../db/database.js';
import { parsed } from '../db/json.js';
import { ProblemError } from '../http/problem.js';
import { newToken, tokenHash, tokenMatches } from '../shared/tokens.js';
import { isoDateInTimeZone, TOWN_TIME_ZONE } from '../time.js';
import { invalid, loadCalendars, planRequest, type ServiceRequest } from './catalog.js';
import { claimUnits, extendHold, purgeStaleHolds, transactionWithRetry } from './reservations.js';
import { findSlots, parseSlotId, unitsOf, type CandidateSlot } from './slots.js';

export interface ReservationRow {
  id: string;
  office_id: string;
  starts_at: Date | string;
  ends_at: Date | string;
  secret_hash: string;
  expires_at: Date | string;
  extensions: number;
}

/**
 * Holds the slot `slotId` for `services` when it is still offered: all or nothing against the
 * claims, so of two requests for the last free time exactly one gets it (`slot_taken` for the other).
 */
export async function holdSlot(
  db: Database,
  request: { services: ServiceRequest[]; slotId: string },
  now: Date,
): Promise<{ id: string; secret: string; slot: CandidateSlot; expiresAt: Date }> {
  const slot = parseSlotId(request.slotId);
  if (!slot) throw invalid('slotId', 'invalid_format', 'Die Zeit ist unbekannt; bitte eine Zeit aus der Liste wählen.');
  const planned = await planRequest(db, request.services, slot.officeId);
  const calendar = planned.calendars[0]!;
  const date = isoDateInTimeZone(slot.start, TOWN_TIME_ZONE);
  const offered = (await findSlots(db, planned, { from: date, to: date }, now, { ignoreClaims: true })).get(date) ?? [];
  const candidate = offered.find((s) => s.start.getTime() === slot.start.getTime());
  if (!candidate) {
    throw invalid('slotId', 'not_bookable', 'Diese Zeit kann für die gewählten Dienstleistungen nicht (mehr) gebucht werden.');
  }
  const id = randomUUID();
  const secret = newToken();
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
        tokenHash(secret),
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
  return { id, secret, slot: candidate, expiresAt };
}

/** Extends the hold `id` (see extendHold) for the holder of `secret`. */
export async function extendReservation(
  db: Database,
  hold: { id: string; secret: string },
  options: { maxExtensions: number; now: Date },
): Promise<{ reservation: ReservationRow; expiresAt: Date; extensionsLeft: number }> {
  return transactionWithRetry(db, async (tx) => {
    const reservation = await ownReservation(tx, hold.id, hold.secret, { forUpdate: true });
    const [calendar] = await loadCalendars(tx, reservation.office_id);
    if (!calendar) throw new ProblemError('gone', 'Dieses Amt vergibt keine Termine mehr. Bitte wählen Sie einen anderen Standort.');
    return { reservation, ...(await extendHold(tx, reservation, calendar, options)) };
  });
}

/** Gives the held time free again, for the holder of `secret`. */
export async function releaseReservation(db: Database, hold: { id: string; secret: string }): Promise<void> {
  await db.transaction(async (tx) => {
    await ownReservation(tx, hold.id, hold.secret, { forUpdate: true });
    await deleteReservation(tx, hold.id);
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
  if (!tokenMatches(secret, reservation.secret_hash)) {
    throw new ProblemError('forbidden', 'Das Geheimnis passt nicht zu dieser Reservierung.');
  }
  // Asked only now, after the row lock: a second booking that waited for the first sees its appointment.
  const [booked] = await tx.query('SELECT 1 FROM appointments WHERE reservation_id = $1', [id]);
  if (booked) {
    throw new ProblemError('conflict', 'Für diese Reservierung wurde bereits ein Termin gebucht; bitte den Link aus der E-Mail verwenden.');
  }
  return reservation;
}

export async function reservedServices(tx: Queryable, id: string): Promise<ServiceRequest[]> {
  const [row] = await tx.query<{ services: ServiceRequest[] | string }>('SELECT services FROM appointment_reservations WHERE id = $1', [id]);
  return parsed(row!.services);
}

/** Keeps the hold `id` until `until` (a pending booking's activation); false when its claims are gone. */
export async function holdUntil(tx: Queryable, id: string, until: Date): Promise<boolean> {
  await tx.query('UPDATE appointment_reservations SET expires_at = $2 WHERE id = $1', [id, until.toISOString()]);
  const kept = await tx.query('UPDATE slot_claims SET expires_at = $2 WHERE reservation_id = $1 RETURNING counter', [id, until.toISOString()]);
  return kept.length > 0;
}

/** Makes the hold `id` permanent (a confirmed appointment); false when it ran out before `now`. */
export async function keepReservation(tx: Queryable, id: string, now: Date): Promise<boolean> {
  const kept = await tx.query(
    'UPDATE slot_claims SET expires_at = NULL WHERE reservation_id = $1 AND expires_at > $2 RETURNING counter',
    [id, now.toISOString()],
  );
  if (kept.length === 0) return false;
  await tx.query('UPDATE appointment_reservations SET expires_at = NULL WHERE id = $1', [id]);
  return true;
}

/** Deletes the reservation; its claims go with it (ON DELETE CASCADE). */
export async function deleteReservation(tx: Queryable, id: string): Promise<void> {
  await tx.query('DELETE FROM appointment_reservations WHERE id = $1', [id]);
}
