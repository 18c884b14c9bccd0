/**
 * Holding slots without double booking. A reservation claims every slot_minutes unit of its
 * time on one counter; the primary key of `slot_claims` (office, counter, unit) lets only one
 * claim per unit exist, so two requests, or two server processes on one PostgreSQL, can never
 * both get the same counter at the same time. No in-process lock is involved.
 */
import type { Database, Queryable } from '../db/database.js';
import { ProblemError } from '../http/problem.js';
import type { Calendar } from './catalog.js';
import { unitsOf } from './slots.js';

/**
 * Claims `units` for `reservationId` on the first counter where all of them are free (expired
 * holds count as free and are removed), all or nothing. Resolves to the counter, or undefined
 * when every counter is taken. Must run inside a transaction: each counter is tried under a
 * savepoint so a partial claim is rolled back before the next counter is tried.
 */
export async function claimUnits(
  tx: Queryable,
  claim: { officeId: string; counters: number; units: Date[]; reservationId: string; expiresAt: Date | null; now: Date },
): Promise<number | undefined> {
  // Ascending order everywhere, so concurrent claimers lock rows in the same order.
  const units = claim.units.map((u) => u.toISOString()).sort();
  for (let counter = 1; counter <= claim.counters; counter++) {
    await tx.query('SAVEPOINT claim_counter');
    await tx.query(
      `DELETE FROM slot_claims
        WHERE office_id = $1 AND counter = $2 AND unit_start = ANY ($3::timestamptz[])
          AND expires_at IS NOT NULL AND expires_at <= $4`,
      [claim.officeId, counter, units, claim.now.toISOString()],
    );
    const inserted = await tx.query(
      `INSERT INTO slot_claims (office_id, counter, unit_start, reservation_id, expires_at)
       SELECT $1, $2, unit, $4, $5 FROM unnest($3::timestamptz[]) AS unit ORDER BY unit
       ON CONFLICT DO NOTHING
       RETURNING unit_start`,
      [claim.officeId, counter, units, claim.reservationId, claim.expiresAt?.toISOString() ?? null],
    );
    if (inserted.length === units.length) {
      await tx.query('RELEASE SAVEPOINT claim_counter');
      return counter;
    }
    await tx.query('ROLLBACK TO SAVEPOINT claim_counter');
    await tx.query('RELEASE SAVEPOINT claim_counter');
  }
  return undefined;
}

/** What extending needs of a hold (a locked `appointment_reservations` row). */
export interface HeldReservation {
  id: string;
  starts_at: Date | string;
  ends_at: Date | string;
  expires_at: Date | string;
  extensions: number;
}

/**
 * Extends a hold by the office's hold_minutes, at most `maxExtensions` times. A hold that ran
 * out is extended too while its time is still free and bookable (its units are claimed afresh),
 * so a citizen who missed the countdown keeps the slot unless someone else took it meanwhile.
 * Must run inside a transaction that locked the reservation row.
 */
export async function extendHold(
  tx: Queryable,
  hold: HeldReservation,
  calendar: Calendar,
  options: { maxExtensions: number; now: Date },
): Promise<{ expiresAt: Date; extensionsLeft: number }> {
  const { maxExtensions, now } = options;
  if (hold.extensions >= maxExtensions) {
    throw new ProblemError(
      'hold_extension_limit',
      `Die Reservierung wurde bereits ${maxExtensions}-mal verlängert; öfter ist es nicht möglich. Bitte senden Sie Ihre Anfrage jetzt ab oder wählen Sie die Zeit danach erneut.`,
    );
  }
  const expiresAt = new Date(now.getTime() + calendar.holdMinutes * 60_000);
  if (new Date(hold.expires_at).getTime() > now.getTime()) {
    await tx.query('UPDATE slot_claims SET expires_at = $2 WHERE reservation_id = $1', [hold.id, expiresAt.toISOString()]);
  } else {
    const start = new Date(hold.starts_at);
    if (start.getTime() < now.getTime() + calendar.leadMinutes * 60_000) {
      throw new ProblemError('gone', 'Die Reservierung ist abgelaufen, und diese Zeit kann nicht mehr gebucht werden. Bitte wählen Sie eine andere Zeit.');
    }
    // Its old claims (perhaps on another counter) go first, so none of them can come back to life.
    await tx.query('DELETE FROM slot_claims WHERE reservation_id = $1', [hold.id]);
    const counter = await claimUnits(tx, {
      officeId: calendar.officeId,
      counters: calendar.counters,
      units: unitsOf(start, new Date(hold.ends_at), calendar.slotMinutes),
      reservationId: hold.id,
      expiresAt,
      now,
    });
    if (counter === undefined) {
      throw new ProblemError('slot_taken', 'Die Reservierung war abgelaufen, und die Zeit wurde inzwischen vergeben. Bitte wählen Sie eine andere Zeit.');
    }
    await tx.query('UPDATE appointment_reservations SET counter = $2 WHERE id = $1', [hold.id, counter]);
  }
  await tx.query('UPDATE appointment_reservations SET expires_at = $2, extensions = extensions + 1 WHERE id = $1', [hold.id, expiresAt.toISOString()]);
  return { expiresAt, extensionsLeft: maxExtensions - hold.extensions - 1 };
}

/** PostgreSQL errors after which the whole transaction may simply be run again. */
const RETRYABLE = new Set(['40001', '40P01']);

/** Runs `fn` in a transaction, again (up to 3 times) after a deadlock or serialization failure. */
export async function transactionWithRetry<T>(db: Database, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(fn);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (attempt >= 3 || typeof code !== 'string' || !RETRYABLE.has(code)) throw error;
    }
  }
}

/** Holds that expired this long ago are deleted, with their claims. */
const STALE_HOLD_MS = 24 * 3_600_000;

/**
 * Deletes holds (and their claims) that expired more than a day ago; run opportunistically.
 * Holds of confirmed appointments have no expiry and stay.
 */
export async function purgeStaleHolds(db: Queryable, now: Date): Promise<void> {
  await db.query('DELETE FROM appointment_reservations WHERE expires_at < $1', [new Date(now.getTime() - STALE_HOLD_MS).toISOString()]);
}
