import { format as formatWithPattern } from 'date-fns';
import { de, enGB } from 'date-fns/locale';
import { TZDate } from '@date-fns/tz';
import type { Locale } from './locale.js';
import { intlTag } from './locale.js';

/** Offices keep German time; every date a citizen sees is in this zone unless told otherwise. */
export const OFFICE_TIME_ZONE = 'Europe/Berlin';

const DATE_FNS_LOCALES = { de, en: enGB } as const;

export interface ZoneOptions {
  locale: Locale;
  timeZone?: string;
}

/** Formats an instant with a date-fns pattern, as a clock in `timeZone` shows it. */
export function formatInZone(instant: Date | number | string, pattern: string, { locale, timeZone = OFFICE_TIME_ZONE }: ZoneOptions): string {
  const date = new TZDate(new Date(instant).getTime(), timeZone);
  return formatWithPattern(date, pattern, { locale: DATE_FNS_LOCALES[locale] });
}

/** "Dienstag, 3. Dezember 2026" / "Tuesday, 3 December 2026". */
export function formatLongDate(instant: Date | number | string, options: ZoneOptions): string {
  return formatInZone(instant, options.locale === 'de' ? 'EEEE, d. MMMM yyyy' : 'EEEE, d MMMM yyyy', options);
}

/** "9:30 Uhr" / "09:30". */
export function formatTime(instant: Date | number | string, options: ZoneOptions): string {
  return options.locale === 'de' ? `${formatInZone(instant, 'H:mm', options)} Uhr` : formatInZone(instant, 'HH:mm', options);
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

/**
 * True when the two zones show different clocks at `at`. Comparing names
 * would flag "Europe/Vienna" although it always agrees with Berlin.
 */
export function zonesDiffer(a: string, b: string, at: Date = new Date()): boolean {
  return new TZDate(at.getTime(), a).getTimezoneOffset() !== new TZDate(at.getTime(), b).getTimezoneOffset();
}
