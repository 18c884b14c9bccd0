import { addDays, addMonths, addYears, endOfMonth, endOfWeek, startOfMonth, startOfWeek } from 'date-fns';
import { fromUtcDate, toUtcDate, type CivilDate } from './civil-date.js';

/** German and British calendars both start the week on Monday. */
const WEEK = { weekStartsOn: 1 } as const;

/** The weeks shown for a month: full Monday-to-Sunday rows, padded with neighbouring days. */
export function monthWeeks(month: CivilDate): CivilDate[][] {
  const first = startOfWeek(startOfMonth(toUtcDate(month)), WEEK);
  const last = endOfWeek(endOfMonth(toUtcDate(month)), WEEK);
  const weeks: CivilDate[][] = [];
  for (let day = first; day <= last; day = addDays(day, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, i) => fromUtcDate(addDays(day, i))));
  }
  return weeks;
}

export function sameMonth(a: CivilDate, b: CivilDate): boolean {
  return a.slice(0, 7) === b.slice(0, 7);
}

export function firstOfMonth(day: CivilDate): CivilDate {
  return `${day.slice(0, 7)}-01`;
}

export function shiftMonths(day: CivilDate, months: number): CivilDate {
  return fromUtcDate(addMonths(toUtcDate(day), months));
}

/**
 * Where a key moves focus in the date grid, following the WAI-ARIA APG date
 * picker: arrows by day and week, Home/End to the week's ends, PageUp/PageDown
 * by month and with Shift by year. Undefined for keys the grid does not own.
 */
export function moveByKey(day: CivilDate, key: string, shift = false): CivilDate | undefined {
  const date = toUtcDate(day);
  switch (key) {
    case 'ArrowLeft':
      return fromUtcDate(addDays(date, -1));
    case 'ArrowRight':
      return fromUtcDate(addDays(date, 1));
    case 'ArrowUp':
      return fromUtcDate(addDays(date, -7));
    case 'ArrowDown':
      return fromUtcDate(addDays(date, 7));
    case 'Home':
      return fromUtcDate(startOfWeek(date, WEEK));
    case 'End':
      return fromUtcDate(endOfWeek(date, WEEK));
    case 'PageUp':
      return fromUtcDate(shift ? addYears(date, -1) : addMonths(date, -1));
    case 'PageDown':
      return fromUtcDate(shift ? addYears(date, 1) : addMonths(date, 1));
    default:
      return undefined;
  }
}

/** Keeps focus inside the bookable window. */
export function clampDay(day: CivilDate, min: CivilDate, max: CivilDate): CivilDate {
  return day < min ? min : day > max ? max : day;
}
