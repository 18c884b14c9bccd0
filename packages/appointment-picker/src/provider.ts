import type { BotChallenge, CallOptions, Contact } from '@muni-widgets/core';
import type { CivilDate } from './calendar/civil-date.js';

/** A bookable appointment type, e.g. "Anmeldung Kindertagesbetreuung". */
export interface AppointmentService {
  id: string;
  name: string;
  description?: string;
  /** Minutes for one person; the office plans `count` times this for several. */
  durationMinutes: number;
  /** How many people (children, applicants) one appointment may cover. */
  maxCount: number;
  officeIds: string[];
  /** Extra details this service needs, e.g. a child's date of birth. */
  fields: DetailField[];
}

export interface DetailField {
  id: string;
  label: string;
  type: 'text' | 'date' | 'tel' | 'email' | 'textarea';
  required: boolean;
  hint?: string;
  autocomplete?: string;
}

export interface AppointmentOffice {
  id: string;
  name: string;
  street: string;
  postalCode: string;
  city: string;
  accessibility?: string;
}

export interface ServiceRequest {
  serviceId: string;
  count: number;
}

export interface DayAvailability {
  date: CivilDate;
  /** Free slots that day for the requested services. */
  free: number;
}

export interface Slot {
  /** Opaque to the widget; each backend encodes what it needs to reserve this slot. */
  id: string;
  start: string;
  end: string;
  officeId: string;
}

/** A slot held for this citizen until `expiresAt`; `secret` proves it is theirs. */
export interface Reservation {
  id: string;
  secret: string;
  slot: Slot;
  expiresAt: string;
  /** How often the hold may still be extended; undefined when the backend does not say (ZMS). */
  extensionsLeft?: number;
}

export interface BookingDetails {
  contact: Contact;
  fields: Record<string, string>;
  consent: boolean;
  /** The solved proof-of-work challenge, when the backend asks for one. */
  botProof?: string;
  /** The page the citizen books on: activation and management links lead back here. */
  returnUrl: string;
}

export type AppointmentStatus = 'pending' | 'confirmed' | 'cancelled';

export interface Appointment {
  id: string;
  status: AppointmentStatus;
  services: Array<ServiceRequest & { name: string }>;
  office: AppointmentOffice;
  slot: Slot;
  /** Present once confirmed: the token behind the cancel and reschedule links. */
  managementToken?: string;
}

/** An ALTCHA proof-of-work challenge as the backend sends it (core solves it). */
export type { BotChallenge, CallOptions, Contact };

export type SubmitResult = { kind: 'activation-sent'; expiresAt?: string } | { kind: 'confirmed'; appointment: Appointment };

/**
 * What the picker needs from a backend. Implementations: REST (the reference
 * server's open widget API), ZMS (the citizen API of it-at-m/eappointment) and
 * in-memory (stories and tests). All methods throw `ApiError`.
 */
export interface AppointmentProvider {
  services(options?: CallOptions): Promise<AppointmentService[]>;
  offices(options?: CallOptions): Promise<AppointmentOffice[]>;
  availability(query: { services: ServiceRequest[]; officeId?: string; from: CivilDate; to: CivilDate }, options?: CallOptions): Promise<DayAvailability[]>;
  slots(query: { services: ServiceRequest[]; officeId?: string; date: CivilDate }, options?: CallOptions): Promise<Slot[]>;
  reserve(query: { services: ServiceRequest[]; slot: Slot }): Promise<Reservation>;
  /**
   * Holds the slot longer. Refusals by `ApiError.code`: `hold_extension_limit` (no extension
   * left), `slot_taken` (the hold ran out and someone else holds the time now); kind
   * `not_found` (or code `reservation_expired`) when the hold is over for good.
   */
  extend(reservation: Reservation): Promise<Reservation>;
  release(reservation: Reservation): Promise<void>;
  /** Undefined when the backend does its own bot protection. */
  botChallenge?(): Promise<BotChallenge>;
  submit(reservation: Reservation, details: BookingDetails): Promise<SubmitResult>;
  /** Follows the activation link from the e-mail. */
  activate(token: string): Promise<Appointment>;
  appointment(managementToken: string): Promise<Appointment>;
  cancel(managementToken: string): Promise<void>;
  /** Moves a confirmed appointment onto a newly reserved slot; the old one is released only after. */
  reschedule(managementToken: string, reservation: Reservation): Promise<Appointment>;
}
