import { ApiError, dayInZone, OFFICE_TIME_ZONE, type HttpClient, type Infer } from '@muni-widgets/core';
import { addDays } from '../iso-date.js';
import type { CallOptions, ServiceProvider } from '../provider.js';
import type { OpeningException, ServiceCatalog, ServiceDetail, ServiceOffice, ServiceSummary } from '../model.js';
import * as schema from './rest-schemas.js';

/** Holidays matter for "open now / opens at"; the page looks no further ahead than this. */
const HOLIDAY_WINDOW_DAYS = 14;

type Office = Infer<typeof schema.office>;

function signalOf(options?: CallOptions): { signal?: AbortSignal } {
  return options?.signal ? { signal: options.signal } : {};
}

/**
 * The reference server's open widget API (`/v1/services…`, `/v1/offices/{id}`, `/v1/holidays`,
 * `/v1/town`). Office hours and holidays are fetched per office page and kept for the
 * lifetime of the provider: they change far more rarely than a citizen browses.
 */
export class RestServiceProvider implements ServiceProvider {
  private readonly offices = new Map<string, Promise<Office>>();
  private holidays: Promise<OpeningException[]> | undefined;

  constructor(
    private readonly client: HttpClient,
    private readonly timeZone: string = OFFICE_TIME_ZONE,
  ) {}

  async catalog(options?: CallOptions): Promise<ServiceCatalog> {
    const [{ services }, { categories }, town] = await Promise.all([
      this.client.get('v1/services', { schema: schema.servicesResponse, ...signalOf(options) }),
      this.client.get('v1/services/categories', { schema: schema.categoriesResponse, ...signalOf(options) }),
      this.client.get('v1/town', { schema: schema.town, ...signalOf(options) }),
    ]);
    return {
      services,
      categories,
      contact: { name: town.officialName, phone: town.phone, email: town.email, website: town.website },
    };
  }

  async search(query: string, options?: CallOptions & { limit?: number }): Promise<ServiceSummary[]> {
    const result = await this.client.get('v1/services/search', {
      schema: schema.servicesResponse,
      query: { q: query, limit: options?.limit },
      ...signalOf(options),
    });
    return result.services;
  }

  async service(id: string, options?: CallOptions): Promise<ServiceDetail | undefined> {
    let raw: Infer<typeof schema.service>;
    try {
      raw = await this.client.get(`v1/services/${encodeURIComponent(id)}`, { schema: schema.service, ...signalOf(options) });
    } catch (error) {
      if (error instanceof ApiError && error.kind === 'not_found') return undefined;
      throw error;
    }
    const [details, holidays] = await Promise.all([Promise.all(raw.offices.map((o) => this.office(o.id))), this.holidayExceptions()]);
    const offices: ServiceOffice[] = raw.offices.map((o, i) => {
      const detail = details[i]!;
      return {
        id: o.id,
        name: o.name,
        address: { building: o.address.building, street: o.address.street, postalCode: o.address.postalCode, city: o.address.city, ...(o.address.room ? { room: o.address.room } : {}) },
        phone: o.phone,
        email: o.email,
        openingHours: detail.openingHours,
        // The office's own exceptions first: a special opening on a holiday wins.
        exceptions: [...detail.exceptions, ...holidays],
        accessibility: detail.accessibility,
      };
    });
    const { description, processingTime, legalBasis, appointmentService, categoryName, offices: _, ...rest } = raw;
    return {
      ...rest,
      categoryName,
      description: { format: 'text', text: description },
      offices,
      ...(processingTime ? { processingTime } : {}),
      ...(legalBasis ? { legalBasis } : {}),
      ...(appointmentService ? { appointment: { serviceId: appointmentService.id, name: appointmentService.name, durationMinutes: appointmentService.durationMinutes } } : {}),
    };
  }

  /** A failed load is forgotten, so the citizen's retry asks again. */
  private office(id: string): Promise<Office> {
    let pending = this.offices.get(id);
    if (!pending) {
      pending = this.client.get(`v1/offices/${encodeURIComponent(id)}`, { schema: schema.office });
      pending.catch(() => this.offices.delete(id));
      this.offices.set(id, pending);
    }
    return pending;
  }

  private holidayExceptions(): Promise<OpeningException[]> {
    if (!this.holidays) {
      const from = dayInZone(Date.now(), this.timeZone);
      const to = addDays(from, HOLIDAY_WINDOW_DAYS);
      const pending = this.client
        .get('v1/holidays', { schema: schema.holidays, query: { from, to } })
        .then(({ items }) => items.map((h) => ({ from: h.date, to: h.date, reason: h.name, intervals: [] })));
      pending.catch(() => (this.holidays = undefined));
      this.holidays = pending;
    }
    return this.holidays;
  }
}
