import type { Locale } from './locale.js';
import type { Catalogs } from './catalogs.js';

/** A message is plain text or a function of typed parameters (plurals, names, dates). */
export type Message = string | ((params: never) => string);
export type Catalog = Record<string, Message>;

/**
 * The shape every other language must have: the same keys, and for function
 * messages the same parameters. Declaring `en` as `CatalogOf<typeof de>` makes
 * a missing key a compile error; `missingKeys` (catalogs.ts) catches it at run time too.
 */
export type CatalogOf<C extends Catalog> = { [K in keyof C]: C[K] extends string ? string : C[K] };

type Args<M> = M extends (params: infer P) => string ? [params: P] : [];

export type Translate<C extends Catalog> = <K extends keyof C>(key: K, ...args: Args<C[K]>) => string;

/** Texts in `locale` once loaded (see Catalogs.load), German before. */
export function translator<C extends Catalog>(catalogs: Catalogs<C>, locale: Locale): Translate<C> {
  const catalog = catalogs.get(locale);
  return (key, ...args) => {
    const message = catalog[key] as Message;
    return typeof message === 'function' ? (message as (p: unknown) => string)(args[0]) : message;
  };
}

/** Picks the plural form with Intl.PluralRules, so languages with other rules can be added. */
export function plural(locale: Locale, count: number, forms: { one: string; other: string }): string {
  const rule = new Intl.PluralRules(locale).select(count);
  return (rule === 'one' ? forms.one : forms.other).replace('#', new Intl.NumberFormat(locale).format(count));
}
