import { ApiError, HttpClient, s, type Schema } from '@muni-widgets/core';
import type { CallOptions, ServiceProvider } from '../provider.js';
import type { CityContact, OpeningException, ServiceCatalog, ServiceDetail, ServiceOffice } from '../model.js';

/**
 * What the file-based catalog adapters (DLDB export, XZuFi XML) share: the whole catalog is
 * one or a few documents, loaded once, validated, mapped and kept for the lifetime of
 * the provider. Each adapter only says how to load and how to map.
 */
export interface StaticCatalogOptions {
  /**
   * Client to load with (timeout, retries, validation). Relative document URLs resolve
   * against the page, not against the client's base URL.
   */
  client?: HttpClient;
  /** For a client made here when none is given. */
  fetch?: typeof fetch;
  /**
   * Closing days the exports do not carry in a usable form (public holidays, a staff day),
   * added to every office's exceptions.
   */
  holidays?: OpeningException[];
  /** Where citizens turn when the catalog has no answer; neither export names the town's own contact. */
  contact?: CityContact;
}

/** A mapped catalog: the summaries up front, details built on first request. */
export interface LoadedCatalog {
  catalog: ServiceCatalog;
  detail(id: string): ServiceDetail | undefined;
}

/** Ids arrive as numbers in one export and as numeric strings in the next; both become strings. */
export const idString: Schema<string> = (value, path = '') => {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw new s.SchemaError(path, 'an id (string or number)');
};

/** Free text that an export may leave out as "", null or even `false`; absent or empty becomes undefined. */
export const looseText: Schema<string | undefined> = (value, path = '') => {
  if (value === undefined || value === null || value === false || value === '') return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw new s.SchemaError(path, 'a string');
};

/** An ISO date-time or date, kept as the date ("2025-03-14T09:12:00+01:00" -> "2025-03-14"). */
export function isoDay(value: string | undefined): string | undefined {
  return value && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : undefined;
}

/**
 * A link the widget may put into an `href`: absolute http(s) only. A catalog entry with
 * `javascript:` or a relative path that would resolve against the host page is dropped.
 */
export function httpUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Drops keys whose value is undefined, so a mapped object holds only what the source said. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** The page-relative URL as an absolute one, so it means the same whatever client loads it. */
export function absolute(url: string): string {
  return new URL(url, globalThis.document?.baseURI ?? globalThis.location?.href).href;
}

/** Resolves with `promise` unless the caller's signal aborts first; the shared load goes on. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(new ApiError('aborted'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new ApiError('aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => (signal.removeEventListener('abort', onAbort), resolve(value)),
      (error: unknown) => (signal.removeEventListener('abort', onAbort), reject(error)),
    );
  });
}

/** Anything a mapper throws on data that passed the schema is still data the widget cannot read. */
function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError('malformed', { cause: error, message: error instanceof Error ? error.message : String(error) });
}

/**
 * Load-once, map-once provider base. Concurrent calls share one load; a caller that aborts
 * stops waiting without cancelling the load for the others; a failed load is forgotten so the
 * next call (the citizen's retry) loads again.
 */
export abstract class StaticCatalogProvider implements ServiceProvider {
  protected readonly client: HttpClient;
  private readonly holidays: OpeningException[];
  private readonly contact: CityContact | undefined;
  private loading: Promise<LoadedCatalog> | undefined;
  private readonly details = new Map<string, ServiceDetail | undefined>();

  constructor(options: StaticCatalogOptions) {
    this.client = options.client ?? new HttpClient({ baseUrl: absolute('.'), ...(options.fetch ? { fetch: options.fetch } : {}) });
    this.holidays = options.holidays ?? [];
    this.contact = options.contact;
  }

  /** Loads the adapter's documents and maps them; called once per successful load. */
  protected abstract load(): Promise<LoadedCatalog>;

  /** Loads one JSON document through the client, checked against `schema`. */
  protected fetchDocument<T>(url: string, schema: Schema<T>): Promise<T> {
    return this.client.get(absolute(url), { schema });
  }

  /** Loads one file in another format (XML, a list of files) as text; the adapter reads it. */
  protected fetchText(url: string): Promise<string> {
    return this.client.getText(absolute(url), { schema: s.string });
  }

  async catalog(options?: CallOptions): Promise<ServiceCatalog> {
    const { catalog } = await untilAborted(this.loaded(), options?.signal);
    return this.contact ? { ...catalog, contact: this.contact } : catalog;
  }

  async service(id: string, options?: CallOptions): Promise<ServiceDetail | undefined> {
    const loaded = await untilAborted(this.loaded(), options?.signal);
    if (!this.details.has(id)) {
      let detail: ServiceDetail | undefined;
      try {
        detail = loaded.detail(id);
      } catch (error) {
        throw asApiError(error);
      }
      this.details.set(id, detail && this.withHolidays(detail));
    }
    return this.details.get(id);
  }

  private loaded(): Promise<LoadedCatalog> {
    if (!this.loading) {
      const pending: Promise<LoadedCatalog> = this.load().catch((error: unknown) => {
        if (this.loading === pending) this.loading = undefined;
        throw asApiError(error);
      });
      this.loading = pending;
    }
    return this.loading;
  }

  private withHolidays(detail: ServiceDetail): ServiceDetail {
    if (this.holidays.length === 0) return detail;
    const offices: ServiceOffice[] = detail.offices.map((office) => ({
      ...office,
      // The office's own exceptions first: a special opening on a holiday wins.
      exceptions: [...(office.exceptions ?? []), ...this.holidays],
    }));
    return { ...detail, offices };
  }
}

/** Categories with their service counts, sorted by name, from (category id, name) pairs. */
export function countCategories(entries: Array<{ id: string; name: string }>): ServiceCatalog['categories'] {
  const byId = new Map<string, { id: string; name: string; serviceCount: number }>();
  for (const { id, name } of entries) {
    const entry = byId.get(id) ?? { id, name, serviceCount: 0 };
    entry.serviceCount++;
    byId.set(id, entry);
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'de'));
}
