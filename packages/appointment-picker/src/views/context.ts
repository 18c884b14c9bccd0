import type { TemplateResult } from 'lit';
import type { ApiError, CoreMessages, Locale, Translate } from '@muni-widgets/core';
import type { Appointment, AppointmentOffice, AppointmentService, DetailField, Reservation, Slot } from '../provider.js';
import type { CivilDate } from '../calendar/civil-date.js';
import type { PickerMessages } from '../i18n/messages.js';

export type Step = 'service' | 'office' | 'slot' | 'details' | 'review' | 'sent' | 'activating' | 'confirmed' | 'manage' | 'cancelled' | 'link-error';

export interface ContactInput {
  name: string;
  email: string;
  phone: string;
}

/** What the picker's step views read, and what they may ask the picker to do. */
export interface StepContext {
  t: Translate<PickerMessages>;
  coreT: Translate<CoreMessages>;
  locale: Locale;
  timeZone: string;
  busy: boolean;
  error: ApiError | undefined;
  step: Step;
  fieldErrors: Record<string, string>;
  services: AppointmentService[];
  counts: Record<string, number>;
  chosenServices: AppointmentService[];
  offices: AppointmentOffice[];
  /** Offices that offer every chosen service. */
  eligibleOffices: AppointmentOffice[];
  officeId: string | undefined;
  listView: boolean;
  free: Map<CivilDate, number>;
  day: CivilDate | undefined;
  daySlots: Slot[];
  /** The month grid, rendered only by the step that shows it. */
  calendar: () => TemplateResult;
  reservation: Reservation | undefined;
  contact: ContactInput;
  fields: Record<string, string>;
  detailFields: DetailField[];
  consent: boolean;
  solving: boolean;
  appointment: Appointment | undefined;
  managementToken: string | undefined;
  confirmingCancel: boolean;
  rescheduled: boolean;
  /** The office of the held slot needs a phone number (see AppointmentOffice.phoneRequired). */
  phoneRequired: boolean;
  /** The appointment a reschedule could not cancel, with the view (a chunk of its own) that offers to. */
  previousKept: { slot: Slot; view: typeof import('./previous-kept.js') } | undefined;

  focusField: (id: string) => void;
  /** The picker's actions, by name, with their arguments. */
  act: <A extends keyof StepActions>(action: A, ...args: StepActions[A]) => void;
  setCount: (serviceId: string, count: number) => void;
  chooseOffice: (officeId: string | undefined) => void;
  toggleList: () => void;
  setContact: (key: keyof ContactInput, value: string) => void;
  setField: (id: string, value: string) => void;
  setConsent: (consent: boolean) => void;
}

export interface StepActions {
  submitServices: [];
  submitOffice: [];
  jumpToNextFree: [];
  chooseDay: [day: CivilDate];
  chooseSlot: [slot: Slot];
  goTo: [step: Step];
  /** Back to choosing services or office: lets go of the held slot. */
  backTo: [step: 'service' | 'office'];
  submitDetails: [];
  send: [];
  restart: [];
  askCancel: [open: boolean];
  cancelAppointment: [];
  startReschedule: [];
  cancelPrevious: [];
}
