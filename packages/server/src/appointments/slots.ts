/**
 * Slot generation: weekly opening hours, minus closures and special hours (office exceptions),
 * minus NRW public holidays, cut into starts on the office's slot grid in Europe/Berlin, minus
 * what lead time and horizon exclude, minus starts where every counter has a live claim.
 */
import type { Queryable } from '../db/database.js';
import { germanHolidaysBetween } from '../holidays/german-holidays.js';
import { townState } from '../holidays/town-state.js';
import { loadOffices, type Office } from '../town/offices.js';
import { addDays, isoDateInTimeZone, TOWN_TIME_ZONE, type IsoDate } from '../time.js';
import { appointmentMinutes, type Calendar, type PlannedRequest } from './catalog.js';
import { formatZoned, isoWeekday, minutesOfDay, zonedInstant } from './zoned-time.js';

export interface Slot {
  /** Opaque to clients: `officeId|start`. */
  id: string;
  start: string;
  end: string;
  officeId: string;
}

export interface CandidateSlot {
  officeId: string;
  start: Date;
  end: Date;
}

/** Minutes of the day [opens, closes) the office is open on `date`. */
export function openingIntervals(office: Pick<Office, 'openingHours' | 'exceptions'>, date: IsoDate, holidays: ReadonlySet<IsoDate>) {
  // An exception the office entered for this very day (closure or special hours) wins, even on a
  // public holiday; otherwise holidays are closed and the weekly hours apply.
  const exception = office.exceptions.find((e) => e.from <= date && date <= e.to);
  const intervals = exception
    ? exception.intervals
    : holidays.has(date)
      ? []
      : (office.openingHours.find((d) => d.weekday === isoWeekday(date))?.intervals ?? []);
  return intervals.map(({ opens, closes }) => [minutesOfDay(opens), minutesOfDay(closes)] as const);
}

/** Every start on the slot grid where an appointment of `lengthMinutes` fits into one interval. */
export function candidateStarts(
  officeId: string,
  date: IsoDate,
  intervals: ReadonlyArray<readonly [number, number]>,
  slotMinutes: number,
  lengthMinutes: number,
): CandidateSlot[] {
  const slots: CandidateSlot[] = [];
  for (const [opens, closes] of intervals) {
    for (let minute = Math.ceil(opens / slotMinutes) * slotMinutes; minute + lengthMinutes <= closes; minute += slotMinutes) {
      const start = zonedInstant(date, minute, TOWN_TIME_ZONE);
      // The hour skipped when clocks go forward does not exist; no slot starts in it.
      if (formatZoned(start, TOWN_TIME_ZONE).slice(11, 16) !== hhmm(minute)) continue;
      slots.push({ officeId, start, end: new Date(start.getTime() + lengthMinutes * 60_000) });
    }
  }
  return slots;
}

/** The slot_minutes units an appointment from `start` to `end` covers. */
export function unitsOf(start: Date, end: Date, slotMinutes: number): Date[] {
  const units: Date[] = [];
  for (let t = start.getTime(); t < end.getTime(); t += slotMinutes * 60_000) units.push(new Date(t));
  return units;
}

export function slotId(officeId: string, start: Date): string {
  return `${officeId}|${formatZoned(start, TOWN_TIME_ZONE)}`;
}

export function parseSlotId(id: string): { officeId: string; start: Date } | undefined {
  const match = /^([a-z0-9]+(?:-[a-z0-9]+)*)\|(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2})$/.exec(id);
  if (!match) return undefined;
  const start = new Date(match[2]!);
  return Number.isNaN(start.getTime()) ? undefined : { officeId: match[1]!, start };
}

export function toSlot(candidate: CandidateSlot): Slot {
  return {
    id: slotId(candidate.officeId, candidate.start),
    start: formatZoned(candidate.start, TOWN_TIME_ZONE),
    end: formatZoned(candidate.end, TOWN_TIME_ZONE),
    officeId: candidate.officeId,
  };
}

/** The dates a calendar takes bookings on, seen at `now`: today up to today + horizon. */
export function bookableDates(calendar: Pick<Calendar, 'horizonDays'>, now: Date): { first: IsoDate; last: IsoDate } {
  const today = isoDateInTimeZone(now, TOWN_TIME_ZONE);
  return { first: today, last: addDays(today, calendar.horizonDays) };
}

/**
 * Slots from `from` to `to` (inclusive) for the planned request, by date, in start order (and
 * office order for equal starts). With `ignoreClaims` it lists what the calendar offers at all,
 * which is how a reservation checks that a slot id names a real slot.
 */
export async function findSlots(
  db: Queryable,
  plan: PlannedRequest,
  range: { from: IsoDate; to: IsoDate },
  now: Date,
  options: { ignoreClaims?: boolean } = {},
): Promise<Map<IsoDate, CandidateSlot[]>> {
  const byDate = new Map<IsoDate, CandidateSlot[]>();
  for (let date = range.from; date <= range.to; date = addDays(date, 1)) byDate.set(date, []);
  const today = isoDateInTimeZone(now, TOWN_TIME_ZONE);
  const holidays = new Set(germanHolidaysBetween(range.from, range.to, await townState(db)).map((h) => h.date));
  const offices = await loadOffices(db, { today });
  const rangeStart = zonedInstant(range.from, 0, TOWN_TIME_ZONE);
  const rangeEnd = zonedInstant(addDays(range.to, 1), 0, TOWN_TIME_ZONE);

  for (const calendar of plan.calendars) {
    const office = offices.find((o) => o.id === calendar.officeId);
    if (!office) continue;
    const length = appointmentMinutes(plan, calendar);
    const { last } = bookableDates(calendar, now);
    const earliest = now.getTime() + calendar.leadMinutes * 60_000;
    const claimed = options.ignoreClaims ? undefined : await liveClaims(db, calendar.officeId, rangeStart, rangeEnd, now);
    for (const [date, slots] of byDate) {
      if (date < today || date > last) continue;
      for (const candidate of candidateStarts(calendar.officeId, date, openingIntervals(office, date, holidays), calendar.slotMinutes, length)) {
        if (candidate.start.getTime() < earliest) continue;
        if (claimed && !hasFreeCounter(candidate, calendar, claimed)) continue;
        slots.push(candidate);
      }
    }
  }
  for (const slots of byDate.values()) {
    slots.sort((a, b) => a.start.getTime() - b.start.getTime() || indexOf(plan, a) - indexOf(plan, b));
  }
  return byDate;
}

function indexOf(plan: PlannedRequest, slot: CandidateSlot): number {
  return plan.calendars.findIndex((c) => c.officeId === slot.officeId);
}

/** Claimed unit starts (epoch ms) per counter, leaving out expired holds. */
async function liveClaims(db: Queryable, officeId: string, from: Date, to: Date, now: Date): Promise<Map<number, Set<number>>> {
  const rows = await db.query<{ counter: number; unit_start: Date | string }>(
    `SELECT counter, unit_start FROM slot_claims
      WHERE office_id = $1 AND unit_start >= $2 AND unit_start < $3 AND (expires_at IS NULL OR expires_at > $4)`,
    [officeId, from.toISOString(), to.toISOString(), now.toISOString()],
  );
  const claimed = new Map<number, Set<number>>();
  for (const row of rows) {
    let units = claimed.get(row.counter);
    if (!units) claimed.set(row.counter, (units = new Set()));
    units.add(new Date(row.unit_start).getTime());
  }
  return claimed;
}

function hasFreeCounter(slot: CandidateSlot, calendar: Calendar, claimed: Map<number, Set<number>>): boolean {
  const units = unitsOf(slot.start, slot.end, calendar.slotMinutes).map((u) => u.getTime());
  for (let counter = 1; counter <= calendar.counters; counter++) {
    const taken = claimed.get(counter);
    if (!taken || units.every((u) => !taken.has(u))) return true;
  }
  return false;
}

function hhmm(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}
