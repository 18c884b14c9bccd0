import { LOCALES, type Locale } from './locale.js';
import type { Catalog, CatalogOf } from './translate.js';

type Loaders<C extends Catalog> = Record<Exclude<Locale, 'de'>, () => Promise<CatalogOf<C>>>;

/**
 * One widget's texts in every language. German, the source of truth, ships in the bundle;
 * another language loads when a page first asks for it, so German pages (most of them)
 * never download English and an English page pays one small request before it renders.
 */
export class Catalogs<C extends Catalog> {
  private readonly ready: Partial<Record<Locale, Catalog>>;
  private readonly loading = new Map<Locale, Promise<void>>();

  constructor(
    readonly de: C,
    private readonly loaders: Loaders<C>,
  ) {
    this.ready = { de };
  }

  /** The catalog for `locale` if it has arrived; German until then. */
  get(locale: Locale): CatalogOf<C> {
    return (this.ready[locale] ?? this.de) as CatalogOf<C>;
  }

  has(locale: Locale): boolean {
    return this.ready[locale] !== undefined;
  }

  /**
   * Loads `locale` once. A chunk that cannot arrive (offline, a CDN hiccup) leaves German in
   * its place for this page view rather than no text at all.
   */
  load(locale: Locale): Promise<void> {
    if (this.has(locale)) return Promise.resolve();
    let pending = this.loading.get(locale);
    if (!pending) {
      pending = this.loaders[locale as Exclude<Locale, 'de'>]().then(
        (catalog) => void (this.ready[locale] = catalog),
        (error: unknown) => {
          console.warn(`muni-widgets: texts for "${locale}" could not be loaded; showing German.`, error);
          this.ready[locale] = this.de;
        },
      );
      this.loading.set(locale, pending);
    }
    return pending;
  }
}

/**
 * Keys that some language lacks or leaves empty, as "en.someKey"; a language that would not
 * load counts as "en.*". Loads every language, so it is meant for tests.
 */
export async function missingKeys(catalogs: Catalogs<Catalog>): Promise<string[]> {
  await Promise.all(LOCALES.map((l) => catalogs.load(l)));
  const all = new Set(LOCALES.flatMap((l) => Object.keys(catalogs.get(l))));
  const missing: string[] = [];
  for (const locale of LOCALES) {
    const catalog: Catalog = catalogs.get(locale);
    if (locale !== 'de' && catalog === catalogs.de) missing.push(`${locale}.*`);
    else for (const key of all) if (catalog[key] === undefined || catalog[key] === '') missing.push(`${locale}.${key}`);
  }
  return missing;
}
