import { ApiError, type Problem } from '@muni-widgets/core';
import type {
  Appointment,
  AppointmentOffice,
  AppointmentProvider,
  AppointmentService,
  BookingDetails,
  DayAvailability,
  Rescheduled,
  Reservation,
  ServiceRequest,
  Slot,
  SubmitResult,
} from '../provider.js';
import type { CivilDate } from '../calendar/civil-date.js';
import { civilDateAt } from '../calendar/civil-date.js';

export interface MemoryData {
  services: AppointmentService[];
  offices: AppointmentOffice[];
  /** Every slot that exists; which are free follows from the holds and bookings. */
  slots: Slot[];
}

export interface MemoryOptions {
  holdMinutes?: number;
  /** How often a hold may be extended (the reference server's APPOINTMENT_HOLD_EXTENSIONS). */
  holdExtensions?: number;
  now?: () => number;
  /** Receives what the reference server would e-mail, so stories and tests can follow links. */
  onMail?: (mail: { kind: 'activation' | 'confirmation' | 'cancellation'; token: string }) => void;
}

interface Held {
  reservation: Reservation;
  services: ServiceRequest[];
}

interface Booked {
  appointment: Appointment;
  reservationId: string;
}

const fail = (kind: 'not_found' | 'conflict' | 'validation', code: string, detail: string, problem: Partial<Problem> = {}) =>
  new ApiError(kind, { problem: { code, detail, ...problem } });

/**
 * A complete backend in memory: holds expire, a slot is held or booked once,
 * activation and management work with tokens. For stories, tests and a
 * city's first look at the widget before its backend exists.
 */
export class MemoryAppointmentProvider implements AppointmentProvider {
  private readonly holds = new Map<string, Held>();
  private readonly activations = new Map<string, string>();
  private readonly appointments = new Map<string, Booked>();
  private readonly holdMs: number;
  private readonly holdExtensions: number;
  private readonly now: () => number;
  private sequence = 0;

  constructor(
    private readonly data: MemoryData,
    private readonly options: MemoryOptions = {},
  ) {
    this.holdMs = (options.holdMinutes ?? 10) * 60_000;
    this.holdExtensions = options.holdExtensions ?? 10;
    this.now = options.now ?? Date.now;
  }

  async services(): Promise<AppointmentService[]> {
    return structuredClone(this.data.services);
  }

  async offices(): Promise<AppointmentOffice[]> {
    return structuredClone(this.data.offices);
  }

  async availability(query: { services: ServiceRequest[]; officeId?: string; from: CivilDate; to: CivilDate }): Promise<DayAvailability[]> {
    const counts = new Map<CivilDate, number>();
    for (const slot of this.freeSlots(query.services, query.officeId)) {
      const day = civilDateAt(Date.parse(slot.start), 'Europe/Berlin');
      if (day >= query.from && day <= query.to) counts.set(day, (counts.get(day) ?? 0) + 1);
    }
    return [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([date, free]) => ({ date, free }));
  }

  async slots(query: { services: ServiceRequest[]; officeId?: string; date: CivilDate }): Promise<Slot[]> {
    return this.freeSlots(query.services, query.officeId).filter((s) => civilDateAt(Date.parse(s.start), 'Europe/Berlin') === query.date);
  }

  async reserve(query: { services: ServiceRequest[]; slot: Slot }): Promise<Reservation> {
    this.validate(query.services);
    if (!this.isFree(query.slot.id)) throw fail('conflict', 'slot_taken', 'Dieser Termin ist gerade vergeben worden.');
    const reservation: Reservation = {
      id: this.nextId('r'),
      secret: this.nextId('s'),
      slot: structuredClone(query.slot),
      expiresAt: new Date(this.now() + this.holdMs).toISOString(),
      extensionsLeft: this.holdExtensions,
    };
    this.holds.set(reservation.id, { reservation, services: structuredClone(query.services) });
    return structuredClone(reservation);
  }

  /** As the reference server: a hold that ran out is extended too while nobody else took its slot. */
  async extend(reservation: Reservation): Promise<Reservation> {
    const held = this.ownHold(reservation);
    if (held.reservation.extensionsLeft === 0) {
      throw fail('conflict', 'hold_extension_limit', `Die Reservierung wurde bereits ${this.holdExtensions}-mal verlängert; öfter ist es nicht möglich.`);
    }
    if (Date.parse(held.reservation.expiresAt) <= this.now()) {
      if (Date.parse(held.reservation.slot.start) <= this.now()) throw fail('not_found', 'reservation_expired', 'Die Reservierung ist abgelaufen.');
      if (!this.isFree(held.reservation.slot.id)) throw fail('conflict', 'slot_taken', 'Die Reservierung war abgelaufen, und die Zeit wurde inzwischen vergeben.');
    }
    held.reservation.expiresAt = new Date(this.now() + this.holdMs).toISOString();
    held.reservation.extensionsLeft = held.reservation.extensionsLeft! - 1;
    return structuredClone(held.reservation);
  }

  async release(reservation: Reservation): Promise<void> {
    if (this.holds.get(reservation.id)?.reservation.secret === reservation.secret) this.holds.delete(reservation.id);
  }

  async submit(reservation: Reservation, details: BookingDetails): Promise<SubmitResult> {
    const held = this.liveHold(reservation);
    if (!details.consent) throw fail('validation', 'validation', 'Bitte stimmen Sie der Datenverarbeitung zu.', { errors: [{ field: 'consent', code: 'required', message: 'Zustimmung fehlt' }] });
    const token = this.nextId('a');
    this.activations.set(token, reservation.id);
    // Pending bookings keep their hold for the activation window, as the server does.
    held.reservation.expiresAt = new Date(this.now() + 60 * 60_000).toISOString();
    this.options.onMail?.({ kind: 'activation', token });
    return { kind: 'activation-sent', expiresAt: held.reservation.expiresAt };
  }

  async activate(token: string): Promise<Appointment> {
    const existing = [...this.appointments.values()].find((b) => b.reservationId === this.activations.get(token));
    if (existing) return structuredClone(existing.appointment);
    const reservationId = this.activations.get(token);
    const held = reservationId ? this.holds.get(reservationId) : undefined;
    if (!held || Date.parse(held.reservation.expiresAt) <= this.now()) throw fail('not_found', 'activation_expired', 'Der Bestätigungslink ist abgelaufen.');
    const managementToken = this.nextId('m');
    const office = this.data.offices.find((o) => o.id === held.reservation.slot.officeId)!;
    const appointment: Appointment = {
      id: this.nextId('t'),
      status: 'confirmed',
      services: held.services.map((s) => ({ ...s, name: this.service(s.serviceId).name })),
      office: structuredClone(office),
      slot: structuredClone(held.reservation.slot),
      managementToken,
    };
    this.holds.delete(held.reservation.id);
    this.appointments.set(managementToken, { appointment, reservationId: held.reservation.id });
    this.options.onMail?.({ kind: 'confirmation', token: managementToken });
    return structuredClone(appointment);
  }

  async appointment(managementToken: string): Promise<Appointment> {
    return structuredClone(this.booked(managementToken).appointment);
  }

  async cancel(managementToken: string): Promise<void> {
    this.booked(managementToken).appointment.status = 'cancelled';
    this.options.onMail?.({ kind: 'cancellation', token: managementToken });
  }

  async reschedule(managementToken: string, reservation: Reservation): Promise<Rescheduled> {
    const booked = this.booked(managementToken);
    const held = this.liveHold(reservation);
    // The new slot is already held, so the old one can go in the same step.
    booked.appointment.slot = structuredClone(held.reservation.slot);
    this.holds.delete(reservation.id);
    return { appointment: structuredClone(booked.appointment) };
  }

  private freeSlots(services: ServiceRequest[], officeId?: string): Slot[] {
    this.validate(services);
    const offices = new Set(services.map((s) => this.service(s.serviceId).officeIds).reduce((a, b) => a.filter((id) => b.includes(id))));
    return this.data.slots.filter((s) => offices.has(s.officeId) && (!officeId || s.officeId === officeId) && Date.parse(s.start) > this.now() && this.isFree(s.id));
  }

  private isFree(slotId: string): boolean {
    const now = this.now();
    const held = [...this.holds.values()].some((h) => h.reservation.slot.id === slotId && Date.parse(h.reservation.expiresAt) > now);
    const booked = [...this.appointments.values()].some((b) => b.appointment.slot.id === slotId && b.appointment.status === 'confirmed');
    return !held && !booked;
  }

  private ownHold(reservation: Reservation): Held {
    const held = this.holds.get(reservation.id);
    if (!held || held.reservation.secret !== reservation.secret) throw fail('not_found', 'reservation_not_found', 'Diese Reservierung gibt es nicht.');
    return held;
  }

  private liveHold(reservation: Reservation): Held {
    const held = this.ownHold(reservation);
    if (Date.parse(held.reservation.expiresAt) <= this.now()) throw fail('not_found', 'reservation_expired', 'Die Reservierung ist abgelaufen.');
    return held;
  }

  private booked(managementToken: string): Booked {
    const booked = this.appointments.get(managementToken);
    if (!booked) throw fail('not_found', 'appointment_not_found', 'Diesen Termin gibt es nicht.');
    return booked;
  }

  private service(id: string): AppointmentService {
    const service = this.data.services.find((s) => s.id === id);
    if (!service) throw fail('validation', 'unknown_service', `Unbekannte Dienstleistung: ${id}`);
    return service;
  }

  private validate(services: ServiceRequest[]): void {
    for (const request of services) {
      const service = this.service(request.serviceId);
      if (request.count < 1 || request.count > service.maxCount) throw fail('validation', 'count_out_of_range', `Höchstens ${service.maxCount} Personen.`);
    }
  }

  private nextId(prefix: string): string {
    return `${prefix}-${++this.sequence}-${crypto.randomUUID()}`;
  }
}
