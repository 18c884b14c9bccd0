/**
 * Public holidays of the 16 German states (Länder), computed rather than stored: the movable
 * feasts hang off Easter Sunday, Buß- und Bettag off 23 November, the rest are fixed dates, each
 * with the states whose holiday law names it and the years it has done so. Valid from 1995, the
 * first year without Buß- und Bettag outside Saxony. Holidays of single towns or of Catholic
 * communities only (Augsburger Friedensfest, Mariä Himmelfahrt in Bavaria, Fronleichnam in parts
 * of Saxony and Thuringia) are the town's office exceptions, not state holidays.
 */
import { addDays, type IsoDate } from '../time.js';

export const FIRST_SUPPORTED_YEAR = 1995;
export const LAST_SUPPORTED_YEAR = 2199;

export interface Holiday {
  date: IsoDate;
  /** Stable key so clients can translate the name, e.g. "fronleichnam". */
  id: string;
  /** German name as used in the states' holiday laws. */
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

/** ISO 3166-2 codes of the 16 states. */
export const STATE_CODES = [
  'DE-BW', 'DE-BY', 'DE-BE', 'DE-BB', 'DE-HB', 'DE-HH', 'DE-HE', 'DE-MV',
  'DE-NI', 'DE-NW', 'DE-RP', 'DE-SL', 'DE-SN', 'DE-ST', 'DE-SH', 'DE-TH',
] as const;
export type StateCode = (typeof STATE_CODES)[number];

export function isStateCode(value: string): value is StateCode {
  return (STATE_CODES as readonly string[]).includes(value);
}

interface Rule {
  id: string;
  name: string;
  date(year: number, easter: IsoDate): IsoDate;
  /** Where it is a holiday; undefined: every state. */
  states?: readonly StateCode[];
  /** The years it is one (inclusive); default: every supported year. */
  since?: number;
  only?: readonly number[];
}

const fixed = (month: number, day: number) => (year: number) => `${year}-${pad(month)}-${pad(day)}`;
const easterPlus = (days: number) => (_year: number, easter: IsoDate) => addDays(easter, days);

const RULES: readonly Rule[] = [
  { id: 'neujahr', name: 'Neujahr', date: fixed(1, 1) },
  { id: 'heilige-drei-koenige', name: 'Heilige Drei Könige', date: fixed(1, 6), states: ['DE-BW', 'DE-BY', 'DE-ST'] },
  { id: 'frauentag', name: 'Internationaler Frauentag', date: fixed(3, 8), states: ['DE-BE'], since: 2019 },
  { id: 'frauentag', name: 'Internationaler Frauentag', date: fixed(3, 8), states: ['DE-MV'], since: 2023 },
  { id: 'karfreitag', name: 'Karfreitag', date: easterPlus(-2) },
  { id: 'ostersonntag', name: 'Ostersonntag', date: easterPlus(0), states: ['DE-BB'] },
  { id: 'ostermontag', name: 'Ostermontag', date: easterPlus(1) },
  { id: 'tag-der-arbeit', name: 'Tag der Arbeit', date: fixed(5, 1) },
  // The 75th and 80th anniversaries of the end of the war, by Berlin law for those years only.
  { id: 'tag-der-befreiung', name: 'Tag der Befreiung', date: fixed(5, 8), states: ['DE-BE'], only: [2020, 2025] },
  { id: 'christi-himmelfahrt', name: 'Christi Himmelfahrt', date: easterPlus(39) },
  { id: 'pfingstsonntag', name: 'Pfingstsonntag', date: easterPlus(49), states: ['DE-BB'] },
  { id: 'pfingstmontag', name: 'Pfingstmontag', date: easterPlus(50) },
  { id: 'fronleichnam', name: 'Fronleichnam', date: easterPlus(60), states: ['DE-BW', 'DE-BY', 'DE-HE', 'DE-NW', 'DE-RP', 'DE-SL'] },
  { id: 'mariae-himmelfahrt', name: 'Mariä Himmelfahrt', date: fixed(8, 15), states: ['DE-SL'] },
  { id: 'weltkindertag', name: 'Weltkindertag', date: fixed(9, 20), states: ['DE-TH'], since: 2019 },
  { id: 'tag-der-deutschen-einheit', name: 'Tag der Deutschen Einheit', date: fixed(10, 3) },
  { id: 'reformationstag', name: 'Reformationstag', date: fixed(10, 31), states: ['DE-BB', 'DE-MV', 'DE-SN', 'DE-ST', 'DE-TH'] },
  { id: 'reformationstag', name: 'Reformationstag', date: fixed(10, 31), states: ['DE-HB', 'DE-HH', 'DE-NI', 'DE-SH'], since: 2018 },
  // The 500th anniversary of the Reformation was a one-off holiday in every state.
  { id: 'reformationstag', name: 'Reformationstag', date: fixed(10, 31), states: ['DE-BW', 'DE-BY', 'DE-BE', 'DE-HB', 'DE-HH', 'DE-HE', 'DE-NI', 'DE-NW', 'DE-RP', 'DE-SL', 'DE-SH'], only: [2017] },
  { id: 'allerheiligen', name: 'Allerheiligen', date: fixed(11, 1), states: ['DE-BW', 'DE-BY', 'DE-NW', 'DE-RP', 'DE-SL'] },
  // The Wednesday before 23 November.
  { id: 'buss-und-bettag', name: 'Buß- und Bettag', date: (year) => addDays(`${year}-11-23`, -(((new Date(Date.UTC(year, 10, 23)).getUTCDay() + 4) % 7) || 7)), states: ['DE-SN'] },
  { id: 'erster-weihnachtstag', name: '1. Weihnachtstag', date: fixed(12, 25) },
  { id: 'zweiter-weihnachtstag', name: '2. Weihnachtstag', date: fixed(12, 26) },
];

/**
 * The holidays of `state` in `year`, by date; without a state (no town profile yet) those of
 * every state.
 */
export function germanHolidays(year: number, state?: StateCode): Holiday[] {
  if (!Number.isInteger(year) || year < FIRST_SUPPORTED_YEAR || year > LAST_SUPPORTED_YEAR) {
    throw new RangeError(`Holidays are computed for ${FIRST_SUPPORTED_YEAR}-${LAST_SUPPORTED_YEAR}, not ${year}`);
  }
  const easter = easterSunday(year);
  return (
    RULES.filter((rule) => (state === undefined ? rule.states === undefined : (rule.states?.includes(state) ?? true)))
      .filter((rule) => year >= (rule.since ?? FIRST_SUPPORTED_YEAR) && (rule.only?.includes(year) ?? true))
      .map(({ id, name, date }) => ({ date: date(year, easter), id, name }))
      // Ascension Day can fall on 1 May (e.g. 2008), so order by date rather than by list position.
      .sort((x, y) => x.date.localeCompare(y.date))
  );
}

/** Holidays from `from` to `to`, both inclusive. */
export function germanHolidaysBetween(from: IsoDate, to: IsoDate, state?: StateCode): Holiday[] {
  const holidays: Holiday[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    holidays.push(...germanHolidays(year, state).filter((holiday) => holiday.date >= from && holiday.date <= to));
  }
  return holidays;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
