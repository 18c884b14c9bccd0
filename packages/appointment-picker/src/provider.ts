import type { BotChallenge, CallOptions, Contact, Loosen, Wire } from '@muni-widgets/core';
import type { CivilDate } from './calendar/civil-date.js';

/**
 * A bookable appointment type, e.g. "Anmeldung Kindertagesbetreuung": `durationMinutes` for one
 * person (the office plans `count` times this for several), `maxCount` people (children,
 * applicants) per appointment, `fields` the extra details it needs (a child's date of birth).
 */
export type AppointmentService = Wire<'AppointmentService'>;

export type DetailField = Wire<'AppointmentDetailField'>;

/**
 * `phoneRequired`: the office needs a telephone number with every booking (ZMS: the scope's
 * `telephoneRequired`); the form marks the field required from the start. E-mail is always
 * required: the activation and management links travel by mail.
 */
export type AppointmentOffice = Wire<'AppointmentOffice'> & { phoneRequired?: boolean };

export type ServiceRequest = Wire<'ServiceRequest'>;

export interface DayAvailability {
  date: CivilDate;
  /** Free slots that day for the requested services. */
  free: number;
}

/** `id` is opaque to the widget; each backend encodes what it needs to reserve this slot. */
export type Slot = Wire<'Slot'>;

/**
 * A slot held for this citizen until `expiresAt`; `secret` proves it is theirs. `extensionsLeft`:
 * how often the hold may still be extended, undefined when the backend does not say (ZMS).
 */
export type Reservation = Loosen<Wire<'Reservation'>, 'extensionsLeft'>;

export interface BookingDetails {
  contact: Contact;
  fields: Record<string, string>;
  consent: boolean;
  /** The solved proof-of-work challenge, when the backend asks for one. */
  botProof?: string;
  /** The page the citizen books on: activation and management links lead back here. */
  returnUrl: string;
}

export type AppointmentStatus = Wire<'Appointment'>['status'];

/** `managementToken`: present once confirmed, the token behind the cancel and reschedule links. */
export type Appointment = Wire<'Appointment'>;

/** An ALTCHA proof-of-work challenge as the backend sends it (core solves it). */
export type { BotChallenge, CallOptions, Contact };

/**
 * A moved appointment. `previousKept`: the backend could only book anew (ZMS) and the old
 * appointment could not be cancelled after the new one was confirmed, so both stand now.
 */
export interface Rescheduled {
  appointment: Appointment;
  previousKept?: boolean;
}

export type SubmitResult = Loosen<Wire<'ActivationSent'>, 'expiresAt'> | { kind: 'confirmed'; appointment: Appointment };

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
  reschedule(managementToken: string, reservation: Reservation): Promise<Rescheduled>;
}
