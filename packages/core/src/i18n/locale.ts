export const LOCALES = ['de', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'de';

/** Maps any BCP 47 tag ("en-GB", "de-AT") onto a supported locale, German first. */
export function toLocale(tag: string | null | undefined): Locale | undefined {
  if (!tag) return undefined;
  const base = tag.trim().toLowerCase().split(/[-_]/)[0];
  return (LOCALES as readonly string[]).includes(base!) ? (base as Locale) : undefined;
}

/** The BCP 47 tag handed to Intl for a supported locale. */
export function intlTag(locale: Locale): string {
  return locale === 'de' ? 'de-DE' : 'en-GB';
}
