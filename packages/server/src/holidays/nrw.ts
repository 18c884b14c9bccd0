/**
 * Public holidays of Nordrhein-Westfalen, computed rather than stored: the movable feasts hang
 * off Easter Sunday, the rest are fixed dates. Valid from 1995, the first year without Buß- und
 * Bettag as a holiday; earlier years would need the older rules.
 */
import { addDays, type IsoDate } from '../time.js';

export const FIRST_SUPPORTED_YEAR = 1995;
export const LAST_SUPPORTED_YEAR = 2199;

export interface Holiday {
  date: IsoDate;
  /** Stable key so clients can translate the name, e.g. "fronleichnam". */
  id: string;
  /** German name as used in the law (Feiertagsgesetz NRW). */
  name: string;
}

/** Easter Sunday in the Gregorian calendar (anonymous algorithm after Meeus, Jones, Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${pad(month)}-${pad(day)}`;
}

export function nrwHolidays(year: number): Holiday[] {
  if (!Number.isInteger(year) || year < FIRST_SUPPORTED_YEAR || year > LAST_SUPPORTED_YEAR) {
    throw new RangeError(`Holidays are computed for ${FIRST_SUPPORTED_YEAR}-${LAST_SUPPORTED_YEAR}, not ${year}`);
  }
  const easter = easterSunday(year);
  const fixed = (month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;
  const holidays: Holiday[] = [
    { date: fixed(1, 1), id: 'neujahr', name: 'Neujahr' },
    { date: addDays(easter, -2), id: 'karfreitag', name: 'Karfreitag' },
    { date: addDays(easter, 1), id: 'ostermontag', name: 'Ostermontag' },
    { date: fixed(5, 1), id: 'tag-der-arbeit', name: 'Tag der Arbeit' },
    { date: addDays(easter, 39), id: 'christi-himmelfahrt', name: 'Christi Himmelfahrt' },
    { date: addDays(easter, 50), id: 'pfingstmontag', name: 'Pfingstmontag' },
    { date: addDays(easter, 60), id: 'fronleichnam', name: 'Fronleichnam' },
    { date: fixed(10, 3), id: 'tag-der-deutschen-einheit', name: 'Tag der Deutschen Einheit' },
    { date: fixed(11, 1), id: 'allerheiligen', name: 'Allerheiligen' },
    { date: fixed(12, 25), id: 'erster-weihnachtstag', name: '1. Weihnachtstag' },
    { date: fixed(12, 26), id: 'zweiter-weihnachtstag', name: '2. Weihnachtstag' },
  ];
  // The 500th anniversary of the Reformation was a one-off holiday in every state.
  if (year === 2017) holidays.push({ date: fixed(10, 31), id: 'reformationstag', name: 'Reformationstag' });
  // Ascension Day can fall on 1 May (e.g. 2008), so order by date rather than by list position.
  return holidays.sort((x, y) => x.date.localeCompare(y.date));
}

/** Holidays from `from` to `to`, both inclusive. */
export function nrwHolidaysBetween(from: IsoDate, to: IsoDate): Holiday[] {
  const holidays: Holiday[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    holidays.push(...nrwHolidays(year).filter((holiday) => holiday.date >= from && holiday.date <= to));
  }
  return holidays;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
