/**
 * Wall-clock times in a time zone (Europe/Berlin) to instants and back, with plain Intl. Office
 * hours are local times; slots are instants, returned as ISO 8601 with the local offset
 * (`2026-12-03T09:30:00+01:00`), so a slot on a daylight-saving weekend has the right offset.
 */
import { fromIsoDate, type IsoDate } from '../time.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function wallClock(instant: Date, timeZone: string) {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return parts as { year: number; month: number; day: number; hour: number; minute: number; second: number };
}

function intlOffsetMinutes(instant: Date, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

const QUARTER_HOUR_MS = 900_000;
/** Enough quarter hours for every slot of a few years; beyond it the cache starts afresh. */
const MAX_CACHED_QUARTERS = 200_000;
/** Offset per zone and quarter hour (epoch ms / 15 min), for quarters without an offset change inside. */
const quarterOffsets = new Map<string, Map<number, number>>();

/**
 * Offset of `timeZone` from UTC at `instant`, in minutes (Berlin: 60 in winter, 120 in summer).
 * Intl's formatToParts costs microseconds and a month of slots asks thousands of times, so the
 * offset is remembered per quarter hour; a quarter hour in which the offset changes (never in
 * Europe/Berlin, whose changes fall on the hour) is asked of Intl every time.
 */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const quarter = Math.floor(instant.getTime() / QUARTER_HOUR_MS);
  let offsets = quarterOffsets.get(timeZone);
  if (!offsets) quarterOffsets.set(timeZone, (offsets = new Map()));
  const known = offsets.get(quarter);
  if (known !== undefined) return known;
  const first = intlOffsetMinutes(new Date(quarter * QUARTER_HOUR_MS), timeZone);
  if (intlOffsetMinutes(new Date((quarter + 1) * QUARTER_HOUR_MS - 1), timeZone) !== first) return intlOffsetMinutes(instant, timeZone);
  if (offsets.size >= MAX_CACHED_QUARTERS) offsets.clear();
  offsets.set(quarter, first);
  return first;
}

/**
 * The instant at which the wall clock in `timeZone` shows `minuteOfDay` on `date`. A repeated
 * time (the hour clocks go back) resolves to the earlier instant; a time that does not exist (the
 * hour skipped in spring) to the instant the same number of minutes after the previous offset,
 * which callers can detect with `formatZoned`.
 */
export function zonedInstant(date: IsoDate, minuteOfDay: number, timeZone: string): Date {
  const wall = fromIsoDate(date).getTime() + minuteOfDay * 60_000;
  // The offsets a day before and after cover both sides of any transition near `wall`.
  const offsets = [offsetMinutes(new Date(wall - 86_400_000), timeZone), offsetMinutes(new Date(wall + 86_400_000), timeZone)];
  const valid = offsets
    .map((offset) => wall - offset * 60_000)
    .filter((instant) => instant + offsetMinutes(new Date(instant), timeZone) * 60_000 === wall);
  return new Date(valid.length > 0 ? Math.min(...valid) : wall - offsets[0]! * 60_000);
}

/** ISO 8601 with the local offset: `2026-03-30T08:00:00+02:00`. */
export function formatZoned(instant: Date, timeZone: string): string {
  const offset = offsetMinutes(instant, timeZone);
  // The wall clock is the instant shifted by the offset, read in UTC.
  const wall = new Date(Math.floor(instant.getTime() / 1000) * 1000 + offset * 60_000).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${wall}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** ISO weekday of a calendar date, 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  return ((fromIsoDate(date).getUTCDay() + 6) % 7) + 1;
}

/** "08:30" → 510. "24:00" → 1440. */
export function minutesOfDay(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h! * 60 + m!;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
