import { s, type Loosen, type Schema, type Wire } from '@muni-widgets/core';
import type { ServiceSummary as Summary } from '../model.js';
type Office = Pick<Wire<'Office'>, 'id' | 'accessibility' | 'openingHours'> & { exceptions: Omit<Wire<'OpeningException'>, 'closed'>[] };

/** Response shapes of the open widget API's catalogue endpoints (see /api/openapi.json). */
const summaryShape = {
  id: s.string,
  leika: s.optional(s.string),
  name: s.string,
  shortDescription: s.string,
  category: s.string,
  synonyms: s.array(s.string),
  officeIds: s.array(s.string),
  onlineServiceUrl: s.optional(s.string),
  appointmentServiceId: s.optional(s.string),
};

export const servicesResponse: Schema<{ services: Summary[] }> = s.object({ services: s.array(s.object(summaryShape)) });

export const categoriesResponse: Schema<{ categories: Wire<'ServiceCategory'>[] }> = s.object({
  categories: s.array(s.object({ id: s.string, name: s.string, serviceCount: s.integer })),
});

export const town: Schema<Pick<Wire<'Town'>, 'officialName' | 'phone' | 'email' | 'website'>> = s.object({ officialName: s.string, phone: s.string, email: s.string, website: s.string });

const address = s.object({ building: s.string, street: s.string, postalCode: s.string, city: s.string, room: s.nullable(s.string) });

export const service: Schema<Loosen<Wire<'Service'>, 'leika'>> = s.object({
  ...summaryShape,
  categoryName: s.string,
  description: s.string,
  prerequisites: s.array(s.string),
  requiredDocuments: s.array(s.string),
  fees: s.array(s.object({ label: s.string, amountCents: s.optional(s.integer), minCents: s.optional(s.integer), maxCents: s.optional(s.integer) })),
  processingTime: s.nullable(s.string),
  legalBasis: s.nullable(s.string),
  forms: s.array(s.object({ title: s.string, url: s.string })),
  offices: s.array(s.object({ id: s.string, name: s.string, address, phone: s.string, email: s.string })),
  appointmentService: s.optional(s.object({ id: s.string, name: s.string, durationMinutes: s.integer })),
  lastUpdated: s.string,
});

const interval = s.object({ opens: s.string, closes: s.string });

export const office: Schema<Office> = s.object({
  id: s.string,
  accessibility: s.object({
    stepFreeAccess: s.boolean,
    accessibleToilet: s.boolean,
    inductionLoop: s.boolean,
    accessibleParking: s.boolean,
    notes: s.string,
  }),
  openingHours: s.array(s.object({ weekday: s.integer, intervals: s.array(interval) })),
  exceptions: s.array(s.object({ from: s.string, to: s.string, reason: s.string, intervals: s.array(interval) })),
});

export const holidays: Schema<{ items: Pick<Wire<'Holiday'>, 'date' | 'name'>[] }> = s.object({ items: s.array(s.object({ date: s.string, name: s.string })) });
