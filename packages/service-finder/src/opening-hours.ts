import { clockTimeInZone, dayInZone } from '@muni-widgets/core';
import { addDays, isoWeekday } from './iso-date.js';
import type { OpeningException, OpeningInterval, ServiceOffice } from './model.js';

export type OpeningState =
  | { kind: 'open'; closes: string }
  /** `opens` is absent when the office does not open within the days looked ahead. */
  | { kind: 'closed'; reason?: string; opens?: { date: string; time: string } }
  | { kind: 'unknown' };

/** A holiday week plus a weekend: beyond that "opens on …" stops being helpful. */
const LOOK_AHEAD_DAYS = 10;

function exceptionOn(office: ServiceOffice, date: string): OpeningException | undefined {
  return office.exceptions?.find((e) => e.from <= date && date <= e.to);
}

/** The hours on one calendar day: an exception (holiday, closing day, special hours) wins over the week. */
export function intervalsOn(office: ServiceOffice, date: string): { intervals: OpeningInterval[]; reason?: string } {
  const exception = exceptionOn(office, date);
  const weekday = isoWeekday(date);
  const intervals = exception ? exception.intervals : (office.openingHours?.find((h) => h.weekday === weekday)?.intervals ?? []);
  const sorted = [...intervals].sort((a, b) => a.opens.localeCompare(b.opens));
  return exception ? { intervals: sorted, reason: exception.reason } : { intervals: sorted };
}

/**
 * "Open now, until 18:00" or "closed, opens Monday 08:00", on the office's clock (`timeZone`),
 * whatever the device's zone. Times are "HH:MM" strings, which compare correctly as text.
 */
export function openingState(office: ServiceOffice, now: number, timeZone: string): OpeningState {
  if (!office.openingHours?.length) return { kind: 'unknown' };
  const today = dayInZone(now, timeZone);
  const time = clockTimeInZone(now, timeZone);
  const { intervals, reason } = intervalsOn(office, today);
  const current = intervals.find((i) => i.opens <= time && time < i.closes);
  if (current) return { kind: 'open', closes: current.closes };
  const laterToday = intervals.find((i) => time < i.opens);
  const closed = (opens?: { date: string; time: string }) => ({ kind: 'closed' as const, ...(reason ? { reason } : {}), ...(opens ? { opens } : {}) });
  if (laterToday) return closed({ date: today, time: laterToday.opens });
  for (let offset = 1; offset <= LOOK_AHEAD_DAYS; offset++) {
    const date = addDays(today, offset);
    const first = intervalsOn(office, date).intervals[0];
    if (first) return closed({ date, time: first.opens });
  }
  return closed();
}
