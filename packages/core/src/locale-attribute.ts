import type { ComplexAttributeConverter } from 'lit';
import { toLocale, type Locale } from './i18n/locale.js';
import type { Theme } from './config-context.js';

/** `locale="en-GB"` and `locale="EN"` both mean English; anything unsupported means "not set". */
export const localeConverter: ComplexAttributeConverter<Locale | undefined> = {
  fromAttribute: (value) => toLocale(value),
  toAttribute: (value) => value,
};

export const themeConverter: ComplexAttributeConverter<Theme | undefined> = {
  fromAttribute: (value) => (value === 'light' || value === 'dark' || value === 'auto' ? value : undefined),
  toAttribute: (value) => value,
};

/** An IANA zone the browser knows, or undefined, so a typo cannot turn every date into "Invalid Date". */
export function validTimeZone(zone: string | undefined): string | undefined {
  if (!zone) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return undefined;
  }
}
