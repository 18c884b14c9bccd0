/**
 * Bookable services and the calendars of the offices that take appointments, and the parsing of
 * a service request (`kita-anmeldung:2,kita-vertrag:1`) into something slots can be planned for.
 */
import type { Queryable } from '../db/database.js';
import { ProblemError } from '../http/problem.js';
import type { DetailFieldSeed } from '../seed/appointments.js';

export type DetailField = DetailFieldSeed;

export interface AppointmentService {
  id: string;
  name: string;
  description: string | null;
  durationMinutes: number;
  maxCount: number;
  officeIds: string[];
  fields: DetailField[];
}

export interface Calendar {
  officeId: string;
  officeName: string;
  street: string;
  postalCode: string;
  city: string;
  accessibilityNotes: string;
  counters: number;
  slotMinutes: number;
  horizonDays: number;
  leadMinutes: number;
  holdMinutes: number;
}

export interface ServiceRequest {
  serviceId: string;
  count: number;
}

/** What the citizen asked for, checked against the catalogue. */
export interface PlannedRequest {
  services: ServiceRequest[];
  /** Sum of duration × count, before rounding to an office's slot grid. */
  minutes: number;
  /** Offices that offer every requested service (and match `office` when given), in display order. */
  calendars: Calendar[];
}

export async function loadServices(db: Queryable): Promise<AppointmentService[]> {
  const [services, links] = await Promise.all([
    db.query<{
      id: string;
      name: string;
      description: string | null;
      duration_minutes: number;
      max_count: number;
      fields: DetailField[] | string;
    }>(
      `SELECT id, name, description, duration_minutes, max_count, fields
         FROM appointment_services ORDER BY sort_order, name`,
    ),
    db.query<{ service_id: string; office_id: string }>(
      `SELECT l.service_id, l.office_id
         FROM appointment_service_offices l JOIN offices o ON o.id = l.office_id
        ORDER BY o.sort_order, o.name`,
    ),
  ]);
  return services.map((s) => ({
    id: s.id,
    name: s.name,
    description: s.description,
    durationMinutes: s.duration_minutes,
    maxCount: s.max_count,
    officeIds: links.filter((l) => l.service_id === s.id).map((l) => l.office_id),
    fields: typeof s.fields === 'string' ? (JSON.parse(s.fields) as DetailField[]) : s.fields,
  }));
}

export async function loadCalendars(db: Queryable, officeId?: string): Promise<Calendar[]> {
  const rows = await db.query<{
    office_id: string;
    name: string;
    street: string;
    postal_code: string;
    city: string;
    accessibility_notes: string;
    counters: number;
    slot_minutes: number;
    horizon_days: number;
    lead_minutes: number;
    hold_minutes: number;
  }>(
    `SELECT c.office_id, o.name, o.street, o.postal_code, o.city, o.accessibility_notes, c.counters, c.slot_minutes,
            c.horizon_days, c.lead_minutes, c.hold_minutes
       FROM appointment_calendars c JOIN offices o ON o.id = c.office_id
      WHERE $1::text IS NULL OR c.office_id = $1
      ORDER BY o.sort_order, o.name`,
    [officeId ?? null],
  );
  return rows.map((r) => ({
    officeId: r.office_id,
    officeName: r.name,
    street: r.street,
    postalCode: r.postal_code,
    city: r.city,
    accessibilityNotes: r.accessibility_notes,
    counters: r.counters,
    slotMinutes: r.slot_minutes,
    horizonDays: r.horizon_days,
    leadMinutes: r.lead_minutes,
    holdMinutes: r.hold_minutes,
  }));
}

const SERVICE_ENTRY = /^([a-z0-9]+(?:-[a-z0-9]+)*)(?::(\d{1,2}))?$/;
const MAX_SERVICES_PER_REQUEST = 10;

/** `kita-anmeldung:2,kita-vertrag` → [{ serviceId: 'kita-anmeldung', count: 2 }, { …, count: 1 }]. */
export function parseServicesParam(value: string): ServiceRequest[] {
  const entries = value.split(',').map((entry) => entry.trim());
  const requests: ServiceRequest[] = [];
  for (const entry of entries) {
    const match = SERVICE_ENTRY.exec(entry);
    if (!match) {
      throw invalid(
        'services',
        'invalid_format',
        `„${entry.slice(0, 40)}“ ist keine gültige Angabe. Erwartet wird Kennung:Anzahl, z. B. kita-anmeldung:2.`,
      );
    }
    requests.push({ serviceId: match[1]!, count: match[2] === undefined ? 1 : Number(match[2]) });
  }
  return requests;
}

/**
 * Checks services and counts against the catalogue and finds the offices that offer all of
 * them. Throws 400 problems with German text for unknown services, counts out of range,
 * duplicates, services not offered together, and unknown or unsuitable offices.
 */
export async function planRequest(db: Queryable, requested: ServiceRequest[], officeId?: string): Promise<PlannedRequest> {
  if (requested.length === 0) throw invalid('services', 'required', 'Bitte mindestens eine Dienstleistung angeben.');
  if (requested.length > MAX_SERVICES_PER_REQUEST) {
    throw invalid('services', 'too_big', `Höchstens ${MAX_SERVICES_PER_REQUEST} Dienstleistungen je Termin.`);
  }
  const [catalogue, calendars] = await Promise.all([loadServices(db), loadCalendars(db)]);
  const seen = new Set<string>();
  let minutes = 0;
  let officeIds: Set<string> | undefined;
  for (const { serviceId, count } of requested) {
    const service = catalogue.find((s) => s.id === serviceId);
    if (!service) throw invalid('services', 'unknown', `Die Dienstleistung „${serviceId}“ gibt es nicht.`);
    if (seen.has(serviceId)) throw invalid('services', 'duplicate', `„${service.name}“ ist doppelt angegeben.`);
    seen.add(serviceId);
    if (!Number.isInteger(count) || count < 1 || count > service.maxCount) {
      const allowed = service.maxCount === 1 ? 'nur für eine Person' : `für 1 bis ${service.maxCount} Personen`;
      throw invalid('services', 'count_out_of_range', `„${service.name}“ kann ${allowed} gebucht werden, nicht für ${count}.`);
    }
    minutes += service.durationMinutes * count;
    officeIds = new Set(service.officeIds.filter((id) => !officeIds || officeIds.has(id)));
  }
  let candidates = calendars.filter((c) => officeIds!.has(c.officeId));
  if (candidates.length === 0) {
    throw invalid('services', 'not_combinable', 'Diese Dienstleistungen bietet kein Amt gemeinsam an; bitte getrennt buchen.');
  }
  if (officeId !== undefined) {
    if (!calendars.some((c) => c.officeId === officeId)) {
      throw invalid('office', 'unknown', `Das Amt „${officeId}“ gibt es nicht oder es vergibt keine Termine.`);
    }
    candidates = candidates.filter((c) => c.officeId === officeId);
    if (candidates.length === 0) {
      throw invalid('office', 'not_offered', `Das Amt „${officeId}“ bietet nicht alle gewählten Dienstleistungen an.`);
    }
  }
  return { services: requested, minutes, calendars: candidates };
}

/** Length of an appointment on a calendar: the service minutes rounded up to its slot grid. */
export function appointmentMinutes(plan: Pick<PlannedRequest, 'minutes'>, calendar: Pick<Calendar, 'slotMinutes'>): number {
  return Math.ceil(plan.minutes / calendar.slotMinutes) * calendar.slotMinutes;
}

export function invalid(field: string, code: string, message: string): ProblemError {
  return new ProblemError('validation', message, { errors: [{ field, code, message }] });
}
