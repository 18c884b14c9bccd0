import { s, type Schema } from '@muni-widgets/core';
import type { Appointment, AppointmentOffice, AppointmentService, Reservation, Slot, SubmitResult } from '../provider.js';
import { isCivilDate, type CivilDate } from '../calendar/civil-date.js';

/** Response shapes of the open widget API's appointment endpoints (see /api/openapi.json). */
const field = s.object({
  id: s.string,
  label: s.string,
  type: s.literal('text', 'date', 'tel', 'email', 'textarea'),
  required: s.boolean,
  hint: s.optional(s.string),
  autocomplete: s.optional(s.string),
});

const service: Schema<AppointmentService> = s.object({
  id: s.string,
  name: s.string,
  description: s.optional(s.string),
  durationMinutes: s.integer,
  maxCount: s.integer,
  officeIds: s.array(s.string),
  fields: s.array(field),
});

const office: Schema<AppointmentOffice> = s.object({
  id: s.string,
  name: s.string,
  street: s.string,
  postalCode: s.string,
  city: s.string,
  accessibility: s.optional(s.string),
});

const slot: Schema<Slot> = s.object({ id: s.string, start: s.isoDate, end: s.isoDate, officeId: s.string });

export const reservation: Schema<Reservation> = s.object({ id: s.string, secret: s.string, slot, expiresAt: s.isoDate, extensionsLeft: s.optional(s.integer) });

export const appointment: Schema<Appointment> = s.object({
  id: s.string,
  status: s.literal('pending', 'confirmed', 'cancelled'),
  services: s.array(s.object({ serviceId: s.string, count: s.integer, name: s.string })),
  office,
  slot,
  managementToken: s.optional(s.string),
});

export const servicesResponse: Schema<{ services: AppointmentService[] }> = s.object({ services: s.array(service) });
export const officesResponse: Schema<{ offices: AppointmentOffice[] }> = s.object({ offices: s.array(office) });
/** A day the calendar can place: anything else is a broken answer, not a month without free days. */
const civilDate: Schema<CivilDate> = (value, path = '') => {
  if (!isCivilDate(value)) throw new s.SchemaError(path, 'a calendar day (YYYY-MM-DD)');
  return value;
};

export const daysResponse = s.object({ days: s.array(s.object({ date: civilDate, free: s.integer })) });
export const slotsResponse: Schema<{ slots: Slot[] }> = s.object({ slots: s.array(slot) });
export const extendResponse: Schema<Pick<Reservation, 'expiresAt' | 'extensionsLeft'>> = s.object({ expiresAt: s.isoDate, extensionsLeft: s.optional(s.integer) });
export const submitResponse: Schema<SubmitResult> = s.object({ kind: s.literal('activation-sent'), expiresAt: s.optional(s.isoDate) });
