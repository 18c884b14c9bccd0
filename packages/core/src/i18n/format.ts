import type { Locale } from './locale.js';
import { intlTag } from './locale.js';

/**
 * Display formatting goes through Intl.DateTimeFormat, not date-fns' format():
 * the browser already knows every zone and both languages, and format() with
 * its locales costs about 8 kB min+gzip per bundle (bench/date-formatting.mjs).
 * Date arithmetic stays with date-fns.
 */

/** Offices keep German time; every date a citizen sees is in this zone unless told otherwise. */
export const OFFICE_TIME_ZONE = 'Europe/Berlin';

export interface ZoneOptions {
  locale: Locale;
  timeZone?: string;
}

type Instant = Date | number | string;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Formatters are costly to build and rendering asks for the same few again and again. */
function formatter(tag: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = tag + JSON.stringify(options);
  let cached = formatters.get(key);
  if (!cached) formatters.set(key, (cached = new Intl.DateTimeFormat(tag, options)));
  return cached;
}

function format(instant: Instant, { locale, timeZone = OFFICE_TIME_ZONE }: ZoneOptions, options: Intl.DateTimeFormatOptions): string {
  return formatter(intlTag(locale), { ...options, timeZone }).format(new Date(instant));
}

/** "Donnerstag, 3. Dezember 2026" / "Thursday, 3 December 2026". */
export function formatLongDate(instant: Instant, options: ZoneOptions): string {
  return format(instant, options, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
}

/** "Donnerstag, 3. Dezember" / "Thursday, 3 December". */
export function formatDayName(instant: Instant, options: ZoneOptions): string {
  return format(instant, options, { weekday: 'long', day: 'numeric', month: 'long' });
}

/** "Dezember 2026" / "December 2026". */
export function formatMonthYear(instant: Instant, options: ZoneOptions): string {
  return format(instant, options, { month: 'long', year: 'numeric' });
}

/** "Do" / "Thu": column headers of a calendar. */
export function formatShortWeekday(instant: Instant, options: ZoneOptions): string {
  return format(instant, options, { weekday: 'short' }).replace(/\.$/, '');
}

/** "Donnerstag" / "Thursday". */
export function formatWeekday(instant: Instant, options: ZoneOptions): string {
  return format(instant, options, { weekday: 'long' });
}

/** "9:30 Uhr" / "09:30". */
export function formatTime(instant: Instant, options: ZoneOptions): string {
  const de = options.locale === 'de';
  const time = format(instant, options, { hour: de ? 'numeric' : '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return de ? `${time} Uhr` : time;
}

/** The hour (0–23) on the office's clock, e.g. to split morning from afternoon. */
export function hourInZone(instant: Instant, timeZone: string = OFFICE_TIME_ZONE): number {
  return Number(formatter('en-GB', { hour: 'numeric', hourCycle: 'h23', timeZone }).format(new Date(instant)));
}

/** "09:05" on the office's clock: what opening hours are compared with. */
export function clockTimeInZone(instant: Instant, timeZone: string = OFFICE_TIME_ZONE): string {
  return formatter('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(new Date(instant));
}

/** The calendar day ("2026-12-03") on the clock of `timeZone` at an instant. */
export function dayInZone(instant: Instant, timeZone: string = OFFICE_TIME_ZONE): string {
  const parts = formatter('en-GB', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).formatToParts(new Date(instant));
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Money arrives as integer cents so no float ever decides what a citizen pays. */
export function formatMoney(cents: number, currency: string, locale: Locale): string {
  return new Intl.NumberFormat(intlTag(locale), { style: 'currency', currency }).format(cents / 100);
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(intlTag(locale)).format(value);
}

/** The browser's own zone, to tell citizens abroad that times are German time. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** "GMT+01:00": a zone's offset from UTC at an instant. */
function offset(zone: string, at: Date): string {
  return formatter('en-GB', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')!.value;
}

/**
 * True when the two zones show different clocks at `at`. Comparing names
 * would flag "Europe/Vienna" although it always agrees with Berlin.
 */
export function zonesDiffer(a: string, b: string, at: Date = new Date()): boolean {
  return offset(a, at) !== offset(b, at);
}
