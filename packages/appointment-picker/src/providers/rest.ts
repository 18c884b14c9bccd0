import { newIdempotencyKey, s, type CallOptions, type HttpClient } from '@muni-widgets/core';
import type {
  Appointment,
  AppointmentOffice,
  AppointmentProvider,
  AppointmentService,
  BookingDetails,
  BotChallenge,
  DayAvailability,
  Rescheduled,
  Reservation,
  ServiceRequest,
  Slot,
  SubmitResult,
} from '../provider.js';
import type { CivilDate } from '../calendar/civil-date.js';
import * as schema from './rest-schemas.js';

const BASE = 'v1/appointments';

/** "kita-anmeldung:2,kita-vertrag:1", the API's compact form of a service list. */
function servicesParam(services: ServiceRequest[]): string {
  return services.map((r) => `${r.serviceId}:${r.count}`).join(',');
}

/**
 * The reference server's open widget API (OpenAPI at /api/openapi.json). Any
 * backend that implements that document works with this provider.
 */
export class RestAppointmentProvider implements AppointmentProvider {
  /** One Idempotency-Key per slot a citizen tries to hold, so a retry after a lost answer gets the same hold. */
  private readonly reserveKeys = new Map<string, string>();

  constructor(private readonly client: HttpClient) {}

  async services({ signal }: CallOptions = {}): Promise<AppointmentService[]> {
    return (await this.client.get(`${BASE}/services`, { schema: schema.servicesResponse, ...(signal ? { signal } : {}) })).services;
  }

  async offices({ signal }: CallOptions = {}): Promise<AppointmentOffice[]> {
    return (await this.client.get(`${BASE}/offices`, { schema: schema.officesResponse, ...(signal ? { signal } : {}) })).offices;
  }

  async availability(query: { services: ServiceRequest[]; officeId?: string; from: CivilDate; to: CivilDate }, { signal }: CallOptions = {}): Promise<DayAvailability[]> {
    const result = await this.client.get(`${BASE}/availability`, {
      schema: schema.daysResponse,
      query: { services: servicesParam(query.services), office: query.officeId, from: query.from, to: query.to },
      ...(signal ? { signal } : {}),
    });
    return result.days;
  }

  async slots(query: { services: ServiceRequest[]; officeId?: string; date: CivilDate }, { signal }: CallOptions = {}): Promise<Slot[]> {
    const result = await this.client.get(`${BASE}/slots`, {
      schema: schema.slotsResponse,
      query: { services: servicesParam(query.services), office: query.officeId, date: query.date },
      ...(signal ? { signal } : {}),
    });
    return result.slots;
  }

  async reserve(query: { services: ServiceRequest[]; slot: Slot }): Promise<Reservation> {
    const key = `${query.slot.id}|${servicesParam(query.services)}`;
    if (!this.reserveKeys.has(key)) this.reserveKeys.set(key, newIdempotencyKey());
    const reservation = await this.client.post(
      `${BASE}/reservations`,
      { services: query.services, slotId: query.slot.id },
      { schema: schema.reservation, idempotencyKey: this.reserveKeys.get(key)! },
    );
    this.reserveKeys.delete(key);
    return reservation;
  }

  async extend(reservation: Reservation): Promise<Reservation> {
    const { expiresAt, extensionsLeft } = await this.client.post(`${BASE}/reservations/${encodeURIComponent(reservation.id)}/extend`, { secret: reservation.secret }, { schema: schema.extendResponse });
    return { ...reservation, expiresAt, extensionsLeft };
  }

  async release(reservation: Reservation): Promise<void> {
    await this.client.delete(`${BASE}/reservations/${encodeURIComponent(reservation.id)}`, { body: { secret: reservation.secret }, schema: s.nothing });
  }

  botChallenge(): Promise<BotChallenge> {
    return this.client.get('v1/bot-challenge', { schema: s.anyObject });
  }

  submit(reservation: Reservation, details: BookingDetails): Promise<SubmitResult> {
    return this.client.post(
      `${BASE}/reservations/${encodeURIComponent(reservation.id)}/booking`,
      { secret: reservation.secret, ...details },
      // One booking per hold: a retry after a timeout replays the first answer instead of booking again.
      { schema: schema.submitResponse, idempotencyKey: `booking-${reservation.id}` },
    );
  }

  activate(token: string): Promise<Appointment> {
    return this.client.post(`${BASE}/activate`, { token }, { schema: schema.appointment });
  }

  appointment(managementToken: string): Promise<Appointment> {
    return this.client.get(`${BASE}/manage/${encodeURIComponent(managementToken)}`, { schema: schema.appointment });
  }

  async cancel(managementToken: string): Promise<void> {
    await this.client.post(`${BASE}/manage/${encodeURIComponent(managementToken)}/cancel`, {}, { schema: s.nothing });
  }

  async reschedule(managementToken: string, reservation: Reservation): Promise<Rescheduled> {
    const appointment = await this.client.post(
      `${BASE}/manage/${encodeURIComponent(managementToken)}/reschedule`,
      { reservationId: reservation.id, secret: reservation.secret },
      { schema: schema.appointment },
    );
    return { appointment };
  }
}
