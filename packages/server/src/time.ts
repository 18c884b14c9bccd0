/**
 * Calendar dates as `YYYY-MM-DD` strings. Municipal data is about days in Europe/Berlin, not
 * instants; plain strings avoid the classic bug of a JS Date shifting a day across time zones.
 * Arithmetic goes through UTC midnight, where every day has exactly 24 hours.
 */

/** Source of "now"; injected so tests can move time instead of waiting. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

export type IsoDate = string;

/** Where the town is: office hours, holidays and "today" are all in this zone. */
export const TOWN_TIME_ZONE = 'Europe/Berlin';

const MS_PER_DAY = 86_400_000;

export function toIsoDate(utcMidnight: Date): IsoDate {
  return utcMidnight.toISOString().slice(0, 10);
}

export function fromIsoDate(date: IsoDate): Date {
  return new Date(`${date}T00:00:00Z`);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return toIsoDate(new Date(fromIsoDate(date).getTime() + days * MS_PER_DAY));
}

/** Whole days from `from` to `to`; negative when `to` is earlier. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((fromIsoDate(to).getTime() - fromIsoDate(from).getTime()) / MS_PER_DAY);
}

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date an instant falls on in `timeZone` (e.g. today in Musterstadt). */
export function isoDateInTimeZone(instant: Date, timeZone: string): IsoDate {
  // Creating a DateTimeFormat costs far more than using one; requests ask for "today" often.
  let format = dateFormatters.get(timeZone);
  if (!format) dateFormatters.set(timeZone, (format = new Intl.DateTimeFormat('en', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  const parts = format.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}
