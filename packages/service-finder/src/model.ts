/**
 * One normalized service model for every catalog source: the reference server, a DLDB export,
 * XZuFi (PVOG) data. Adapters map their format onto it; the widget knows nothing else.
 */
import type { Loosen, Wire } from '@muni-widgets/core';

/** Catalog text is plain unless a source delivers markup; markup is sanitized before display. */
export type RichText = { format: 'text'; text: string } | { format: 'html'; html: string };

/**
 * What list, search and A–Z need, small enough to hold 10,000 of them in the browser: the open
 * widget API's shape (`leika` only when the source knows the federal catalogue key).
 */
export type ServiceSummary = Loosen<Wire<'ServiceSummary'>, 'leika'>;

export interface ServiceCategory {
  id: string;
  name: string;
  serviceCount: number;
}

export interface ServiceFee {
  label: string;
  amountCents?: number;
  minCents?: number;
  maxCents?: number;
}

export interface ServiceForm {
  title: string;
  url: string;
}

/** "09:00" in the office's time zone (Europe/Berlin). */
export type TimeOfDay = string;

export interface OpeningInterval {
  opens: TimeOfDay;
  closes: TimeOfDay;
}

/** ISO weekday 1 (Monday) … 7 (Sunday); no entry or no intervals: closed. */
export interface WeekdayHours {
  weekday: number;
  intervals: OpeningInterval[];
}

/** A day range that differs from the week: a closing day, a holiday, special hours. */
export interface OpeningException {
  /** ISO date, inclusive. */
  from: string;
  to: string;
  reason: string;
  /** Empty: closed. */
  intervals: OpeningInterval[];
}

export interface ServiceOffice {
  id: string;
  name: string;
  address: { building?: string; street: string; postalCode: string; city: string; room?: string };
  phone?: string;
  email?: string;
  /** Regular hours; absent when the source does not say (then no "open now" is shown). */
  openingHours?: WeekdayHours[];
  /** Closing days including public holidays, as far as the source knows them. */
  exceptions?: OpeningException[];
  accessibility?: OfficeAccessibility;
  /** Every listed hour needs an appointment ("nur mit Termin"): no walk-ins, so no "open now". */
  appointmentOnly?: boolean;
  /** The source's remarks on the hours (special days, qualifiers), as lines. */
  hoursNotes?: string[];
  /** Directions, payment, public transport, appointment hints: the source's own lines. */
  notes?: string[];
  website?: string;
  /** For this service: `false` when the office handles it but takes no booking for it. */
  bookable?: boolean;
  /** The source's own booking page for this service at this office. */
  bookingUrl?: string;
}

/** Facts the widget words in the citizen's language; `notes` is the source's own text. */
export interface OfficeAccessibility {
  stepFreeAccess?: boolean;
  accessibleToilet?: boolean;
  inductionLoop?: boolean;
  accessibleParking?: boolean;
  notes?: string;
}

export interface ServiceDetail extends ServiceSummary {
  categoryName?: string;
  description: RichText;
  prerequisites: string[];
  requiredDocuments: string[];
  fees: ServiceFee[];
  processingTime?: string;
  legalBasis?: string;
  forms: ServiceForm[];
  /** Further reading: information pages, publications, the links behind prerequisites and law. */
  links?: ServiceForm[];
  /** Which offices are responsible, in the source's words ("alle Bürgerämter"). */
  responsibility?: string;
  offices: ServiceOffice[];
  /** Offices the source names but does not describe (ids it cannot resolve). */
  unlistedOfficeCount?: number;
  /** Name and duration of the bookable appointment type, when there is one. */
  appointment?: { serviceId: string; name: string; durationMinutes?: number };
  /** The source's own booking page, offered when no appointment picker takes the booking. */
  bookingUrl?: string;
  /** ISO date. */
  lastUpdated?: string;
}

/** Where citizens turn when the catalog has no answer. */
export interface CityContact {
  name: string;
  phone?: string;
  email?: string;
  website?: string;
}

/** The whole catalog as the browser index needs it. */
export interface ServiceCatalog {
  services: ServiceSummary[];
  categories: ServiceCategory[];
  contact?: CityContact;
}
