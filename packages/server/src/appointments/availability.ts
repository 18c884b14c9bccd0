/**
 * Free times per day for a month view, the launch-day hot path: thousands of citizens ask for
 * the same few months at once. A computed answer is kept in memory and reused only while it is
 * certainly still right:
 * - no slot claim of its offices and nothing in the catalogue changed, in any process: the
 *   change counters in `availability_versions` (bumped by triggers in the writing transaction,
 *   see migration 016) are read with one query per request and must be the ones it was
 *   computed under;
 * - no time has come at which the counts change by themselves: a hold expiring, a free start
 *   moving inside the lead time, the day changing in Europe/Berlin.
 */
import type { Queryable } from '../db/database.js';
import { addDays, daysBetween, isoDateInTimeZone, TOWN_TIME_ZONE, type IsoDate } from '../time.js';
import { invalid, parseServicesParam, planRequest, type PlannedRequest } from './catalog.js';
import { bookableDates, findSlots } from './slots.js';
import { zonedInstant } from './zoned-time.js';

/** Longest range one availability query may cover: two months for a month view with overlap. */
export const MAX_AVAILABILITY_DAYS = 62;

export interface AvailabilityQuery {
  services: string;
  office?: string | undefined;
  from: IsoDate;
  to: IsoDate;
}

export interface FreeDay {
  date: IsoDate;
  free: number;
}

interface Answer {
  days: FreeDay[];
  /** The change counters it was computed under, for the catalogue and each of its offices. */
  versions: Map<string, number>;
  computedAt: number;
  validUntil: number;
}

/** Distinct queries kept; a month view asks for few, so this only stops junk from growing memory. */
const MAX_ANSWERS = 2_000;
const CATALOGUE = 'catalogue';

export function availabilityCache(): (db: Queryable, query: AvailabilityQuery, now: Date) => Promise<FreeDay[]> {
  const answers = new Map<string, Answer>();
  return async (db, query, now) => {
    const versions = await changeCounters(db);
    const key = JSON.stringify([query.services, query.office ?? null, query.from, query.to]);
    const known = answers.get(key);
    const t = now.getTime();
    if (known && known.computedAt <= t && t < known.validUntil && [...known.versions].every(([k, v]) => (versions.get(k) ?? 0) === v)) {
      return known.days;
    }
    const planned = await planRequest(db, parseServicesParam(query.services), query.office);
    checkRange(planned, query.from, query.to, now);
    const byDate = await findSlots(db, planned, { from: query.from, to: query.to }, now);
    const days = [...byDate].map(([date, found]) => ({ date, free: found.length }));
    const offices = planned.calendars.map((c) => c.officeId);
    // From here on the answer is tied to the counters read before computing it: a change
    // committed meanwhile has moved them on, so the answer is simply not reused.
    const validUntil = Math.min(
      nextMidnight(now),
      (await nextExpiry(db, offices, query, now)) ?? Infinity,
      ...planned.calendars.map((calendar) => {
        const first = [...byDate.values()].flat().find((slot) => slot.officeId === calendar.officeId);
        return first ? first.start.getTime() - calendar.leadMinutes * 60_000 : Infinity;
      }),
    );
    answers.delete(key);
    if (answers.size >= MAX_ANSWERS) answers.delete(answers.keys().next().value!);
    answers.set(key, {
      days,
      versions: new Map([CATALOGUE, ...offices].map((k) => [k, versions.get(k) ?? 0])),
      computedAt: t,
      validUntil,
    });
    return days;
  };
}

async function changeCounters(db: Queryable): Promise<Map<string, number>> {
  const rows = await db.query<{ key: string; version: string | number }>('SELECT key, version FROM availability_versions');
  return new Map(rows.map((r) => [r.key, Number(r.version)]));
}

/** When the first live hold of these offices in the range runs out, if any does. */
async function nextExpiry(db: Queryable, offices: string[], range: { from: IsoDate; to: IsoDate }, now: Date): Promise<number | undefined> {
  const [row] = await db.query<{ next: Date | string | null }>(
    `SELECT min(expires_at) AS next FROM slot_claims
      WHERE office_id = ANY ($1::text[]) AND unit_start >= $2 AND unit_start < $3 AND expires_at > $4`,
    [
      offices,
      zonedInstant(range.from, 0, TOWN_TIME_ZONE).toISOString(),
      zonedInstant(addDays(range.to, 1), 0, TOWN_TIME_ZONE).toISOString(),
      now.toISOString(),
    ],
  );
  return row?.next ? new Date(row.next).getTime() : undefined;
}

function nextMidnight(now: Date): number {
  return zonedInstant(addDays(isoDateInTimeZone(now, TOWN_TIME_ZONE), 1), 0, TOWN_TIME_ZONE).getTime();
}

/** 400 unless from…to lies between today and the furthest horizon and spans at most 62 days. */
export function checkRange(planned: PlannedRequest, from: IsoDate, to: IsoDate, now: Date, field?: string): void {
  const today = isoDateInTimeZone(now, TOWN_TIME_ZONE);
  const last = planned.calendars.map((cal) => bookableDates(cal, now).last).sort().at(-1)!;
  const format = (date: IsoDate) => date.split('-').reverse().join('.');
  if (to < from) throw invalid('to', 'too_small', '„to“ darf nicht vor „from“ liegen.');
  if (daysBetween(from, to) + 1 > MAX_AVAILABILITY_DAYS) {
    throw invalid('to', 'too_big', `Höchstens ${MAX_AVAILABILITY_DAYS} Tage je Anfrage.`);
  }
  if (from < today) {
    throw invalid(field ?? 'from', 'too_small', `Termine gibt es frühestens ab heute (${format(today)}).`);
  }
  if (to > last) {
    throw invalid(field ?? 'to', 'too_big', `Termine können höchstens bis ${format(last)} gebucht werden.`);
  }
}
