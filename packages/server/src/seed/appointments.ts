import type { Queryable } from '../db/database.js';
import type { SeedStep } from './seed.js';

interface CalendarSeed {
  officeId: string;
  counters: number;
  slotMinutes: number;
  horizonDays: number;
  leadMinutes: number;
  holdMinutes: number;
}

export interface DetailFieldSeed {
  id: string;
  label: string;
  type: 'text' | 'date' | 'tel' | 'email' | 'textarea';
  required: boolean;
  hint?: string;
  autocomplete?: string;
}

interface ServiceSeed {
  id: string;
  name: string;
  description?: string;
  durationMinutes: number;
  maxCount: number;
  officeIds: string[];
  fields?: DetailFieldSeed[];
}

const CALENDARS: readonly CalendarSeed[] = [
  { officeId: 'kita-abteilung', counters: 2, slotMinutes: 15, horizonDays: 60, leadMinutes: 60, holdMinutes: 10 },
  { officeId: 'buergerbuero', counters: 4, slotMinutes: 15, horizonDays: 60, leadMinutes: 60, holdMinutes: 10 },
];

const SERVICES: readonly ServiceSeed[] = [
  {
    id: 'kita-anmeldung',
    name: 'Anmeldung Kindertagesbetreuung',
    description:
      'Anmeldung für einen Platz in einer Kindertageseinrichtung oder in der Kindertagespflege. ' +
      'Planen Sie je Kind 30 Minuten ein.',
    durationMinutes: 30,
    maxCount: 3,
    officeIds: ['kita-abteilung'],
    fields: [
      { id: 'child_birth_date', label: 'Geburtsdatum des Kindes', type: 'date', required: true, autocomplete: 'off' },
      { id: 'child_name', label: 'Name des Kindes', type: 'text', required: true, autocomplete: 'off' },
    ],
  },
  {
    id: 'kita-vertrag',
    name: 'Vertragsabschluss',
    description: 'Abschluss des Betreuungsvertrags für einen zugesagten Platz.',
    durationMinutes: 45,
    maxCount: 2,
    officeIds: ['kita-abteilung'],
  },
  {
    id: 'kita-zahlungsverzug',
    name: 'Klärung Zahlungsverzug',
    description: 'Gespräch über offene Elternbeiträge, Ratenzahlung oder Stundung.',
    durationMinutes: 20,
    maxCount: 1,
    officeIds: ['kita-abteilung'],
    fields: [{ id: 'customer_number', label: 'Kundennummer (falls bekannt)', type: 'text', required: false, hint: 'Sie steht auf dem Beitragsbescheid.' }],
  },
  {
    id: 'personalausweis',
    name: 'Personalausweis beantragen',
    description: 'Antrag auf einen neuen Personalausweis; bitte ein biometrisches Passfoto mitbringen.',
    durationMinutes: 15,
    maxCount: 4,
    officeIds: ['buergerbuero'],
  },
  {
    id: 'wohnung-anmelden',
    name: 'Anmeldung einer Wohnung',
    description: 'Anmeldung nach einem Umzug nach Musterstadt oder innerhalb der Stadt.',
    durationMinutes: 15,
    maxCount: 4,
    officeIds: ['buergerbuero'],
  },
];

export const appointmentCalendarsSeed: SeedStep = {
  table: 'appointment_calendars',
  async insert(tx: Queryable) {
    for (const c of CALENDARS) {
      await tx.query(
        `INSERT INTO appointment_calendars (office_id, counters, slot_minutes, horizon_days, lead_minutes, hold_minutes)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [c.officeId, c.counters, c.slotMinutes, c.horizonDays, c.leadMinutes, c.holdMinutes],
      );
    }
  },
};

export const appointmentServicesSeed: SeedStep = {
  table: 'appointment_services',
  async insert(tx: Queryable) {
    for (const [index, s] of SERVICES.entries()) {
      await tx.query(
        `INSERT INTO appointment_services (id, name, description, sort_order, duration_minutes, max_count, fields)
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)`,
        [s.id, s.name, s.description ?? null, index + 1, s.durationMinutes, s.maxCount, JSON.stringify(s.fields ?? [])],
      );
      for (const officeId of s.officeIds) {
        await tx.query('INSERT INTO appointment_service_offices (service_id, office_id) VALUES ($1, $2)', [s.id, officeId]);
      }
    }
  },
};
