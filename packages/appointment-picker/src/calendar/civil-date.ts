import { UTCDate } from '@date-fns/utc';
import { dayInZone } from '@muni-widgets/core';

/**
 * A calendar day as the office sees it, "2026-12-03", with no time and no
 * zone. Day arithmetic runs on UTC midnights (date-fns on a UTCDate),
 * where no daylight-saving switch can turn "one day later" into 23 hours.
 */
export type CivilDate = string;

export function toUtcDate(day: CivilDate): UTCDate {
  const [y, m, d] = day.split('-').map(Number);
  return new UTCDate(y!, m! - 1, d!);
}

export function fromUtcDate(date: Date): CivilDate {
  return dayInZone(date, 'UTC');
}

/** The office's calendar day at an instant, e.g. today in Berlin for a citizen in New York. */
export function civilDateAt(instant: Date | number, timeZone: string): CivilDate {
  return dayInZone(instant, timeZone);
}

export function isCivilDate(value: unknown): value is CivilDate {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && fromUtcDate(toUtcDate(value)) === value;
}
