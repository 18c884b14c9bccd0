import { ApiError, s, type FieldError, type HttpClient, type Problem, type Schema } from '@muni-widgets/core';
import type {
  Appointment,
  AppointmentOffice,
  AppointmentProvider,
  AppointmentService,
  AppointmentStatus,
  BookingDetails,
  DayAvailability,
  DetailField,
  Reservation,
  ServiceRequest,
  Slot,
  SubmitResult,
} from '../provider.js';
import type { CivilDate } from '../calendar/civil-date.js';

/**
 * Provider for the citizen API of the open-source ZMS (it-at-m/eappointment,
 * folder `zmscitizenapi`), as run by Munich and Berlin. Base URL of the client:
 * the citizen API root, e.g. `https://stadt.example/buergeransicht/api/citizen`.
 *
 * Shapes follow the API's own controller tests (zmscitizenapi/tests/.../Controllers/**):
 * bodies are unwrapped JSON (no meta/data envelope, unlike the stale swagger.yaml),
 * ids are integers, `timestamp` is unix seconds (a string in ThinnedProcess),
 * errors are `{ errors: [{ errorCode, errorMessage, statusCode }] }`.
 *
 * Tokens: ZMS mails links that carry `processId` and `authKey`; this provider's
 * activation and management token is the pair as `"<processId>:<authKey>"`.
 *
 * Bot protection: ZMS runs its own captcha (ALTCHA/FriendlyCaptcha via
 * /captcha-challenge/ and /captcha-verify/) and wants the resulting token at
 * *reserve* time, while this interface asks for a bot proof at *submit* time.
 * So `botChallenge` stays undefined; a page whose ZMS scope requires a captcha
 * passes `captchaToken` in the options.
 */
export interface ZmsProviderOptions {
  client: HttpClient;
  /**
   * Minutes a reservation is held when the response's scope does not say
   * (`scope.reservationDuration`). ZMS configures this per scope; 15 is a
   * conservative guess, not a value read from the ZMS sources.
   */
  reservationMinutes?: number;
  /** Minutes one slot lasts when the office does not send `slotTimeInMinutes`. */
  slotMinutes?: number;
  /** Supplies ZMS's captcha token for reserve-appointment, when the scope requires one. */
  captchaToken?: () => Promise<string | undefined>;
  now?: () => number;
}

// ---------------------------------------------------------------- response schemas

/** ZMS sends ids and timestamps sometimes as numbers, sometimes as numeric strings. */
const numeric: Schema<number> = (value, path = '') => {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) throw new s.SchemaError(path, 'a number or numeric string');
  return n;
};

const contactSchema = s.object({
  street: s.optional(s.string),
  streetNumber: s.optional(s.string),
  postalCode: s.optional(s.string),
  city: s.optional(s.string),
});

const scopeSchema = s.object({
  id: s.optional(numeric),
  provider: s.optional(
    s.object({
      id: s.optional(numeric),
      name: s.optional(s.string),
      displayName: s.optional(s.string),
      contact: s.optional(contactSchema),
    }),
  ),
  telephoneActivated: s.optional(s.boolean),
  telephoneRequired: s.optional(s.boolean),
  customTextfieldActivated: s.optional(s.boolean),
  customTextfieldRequired: s.optional(s.boolean),
  customTextfieldLabel: s.optional(s.string),
  customTextfield2Activated: s.optional(s.boolean),
  customTextfield2Required: s.optional(s.boolean),
  customTextfield2Label: s.optional(s.string),
  reservationDuration: s.optional(numeric),
  activationDuration: s.optional(numeric),
});
type ZmsScope = s.Infer<typeof scopeSchema>;

const officesAndServicesSchema = s.object({
  offices: s.array(
    s.object({
      id: numeric,
      name: s.string,
      slotTimeInMinutes: s.optional(numeric),
      scope: s.optional(scopeSchema),
    }),
  ),
  services: s.array(s.object({ id: numeric, name: s.string, maxQuantity: s.optional(numeric) })),
  relations: s.array(
    s.object({
      officeId: numeric,
      serviceId: numeric,
      slots: s.optional(numeric),
      public: s.optional(s.boolean),
      maxQuantity: s.optional(numeric),
    }),
  ),
});
type OfficesAndServices = s.Infer<typeof officesAndServicesSchema>;

const calendarSchema = s.object({
  availableDays: s.array(
    s.object({
      date: s.string,
      offices: s.array(s.object({ officeId: numeric, appointments: s.array(numeric) })),
    }),
  ),
});

const processSchema = s.object({
  processId: numeric,
  authKey: s.string,
  timestamp: numeric,
  officeId: s.optional(numeric),
  status: s.optional(s.string),
  serviceId: s.optional(numeric),
  serviceName: s.optional(s.string),
  serviceCount: s.optional(numeric),
  scope: s.optional(scopeSchema),
});
type ZmsProcess = s.Infer<typeof processSchema>;

// ---------------------------------------------------------------- errors

type Operation = 'read' | 'reserve' | 'release' | 'submit' | 'activate' | 'appointment' | 'cancel';

/** ZMS errorCode -> the field the widget shows the complaint at. */
const FIELD_BY_CODE: Record<string, string> = {
  invalidFamilyName: 'name',
  invalidEmail: 'email',
  emailIsRequired: 'email',
  tooManyAppointmentsWithSameMail: 'email',
  invalidTelephone: 'phone',
  telephoneIsRequired: 'phone',
  invalidCustomTextfield: 'customTextfield',
  invalidCustomTextfield2: 'customTextfield2',
};

/** ZMS errorCode -> our kind and code. Codes not listed keep the kind their HTTP status gives. */
const BY_CODE: Record<string, [ApiError['kind'], string]> = {
  appointmentNotAvailable: ['conflict', 'slot_taken'],
  processAlreadyExists: ['conflict', 'slot_taken'],
  appointmentNotFound: ['not_found', 'appointment_not_found'],
  // A wrong key looks like a missing appointment: the link is simply not valid.
  authKeyMismatch: ['not_found', 'appointment_not_found'],
  processNotReservedAnymore: ['conflict', 'reservation_expired'],
  processNotPreconfirmedAnymore: ['not_found', 'activation_expired'],
  appointmentCanNotBeCanceled: ['conflict', 'not_cancellable'],
  processAlreadyCalled: ['conflict', 'not_cancellable'],
  captchaVerificationFailed: ['validation', 'bot_check_failed'],
  captchaVerificationError: ['validation', 'bot_check_failed'],
};

/**
 * Translates a ZMS error into our terms. ZMS says what happened in
 * `errors[].errorCode` of the response body; when a proxy or an older ZMS
 * sends no code, the HTTP status plus the operation decides, which the
 * ErrorMessages table of zmscitizenapi makes unambiguous enough:
 * a 404 from reserve-appointment is `appointmentNotAvailable`, a 409 while
 * submitting is `processNotReservedAnymore`, a 406 on cancel `appointmentCanNotBeCanceled`.
 */
/** `{ errors: [{ errorCode, errorMessage }] }`, read defensively. */
function zmsErrorEntries(body: unknown): Array<{ code: string; message: string }> {
  const errors = (body as { errors?: unknown } | undefined)?.errors;
  if (!Array.isArray(errors)) return [];
  return errors
    .filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null)
    .map((e) => ({ code: String(e['errorCode'] ?? ''), message: String(e['errorMessage'] ?? '') }))
    .filter((e) => e.code !== '');
}

function mapZmsError(error: unknown, operation: Operation): unknown {
  if (!(error instanceof ApiError) || error.status === undefined) return error;
  const entries = zmsErrorEntries(error.body);
  const codes = [error.problem?.code, ...entries.map((e) => e.code)].filter((c): c is string => !!c);
  const fieldErrors: FieldError[] = entries
    .filter((e) => FIELD_BY_CODE[e.code])
    .map((e) => ({ field: FIELD_BY_CODE[e.code]!, code: e.code, message: e.message }));
  const known = codes.map((c) => BY_CODE[c]).find((m) => m);
  let kind = error.kind;
  let code = codes[0];
  if (known) [kind, code] = known;
  else if (fieldErrors.length) [kind, code] = ['validation', 'validation'];
  else if (codes.length === 0) {
    const status = error.status;
    if (operation === 'reserve' && status === 404) [kind, code] = ['conflict', 'slot_taken'];
    else if (operation === 'submit' && status === 409) [kind, code] = ['conflict', 'reservation_expired'];
    else if (operation === 'activate' && status === 409) [kind, code] = ['not_found', 'activation_expired'];
    else if (operation === 'cancel' && status === 406) [kind, code] = ['conflict', 'not_cancellable'];
    else if (operation !== 'read' && (status === 404 || status === 406)) [kind, code] = ['not_found', 'appointment_not_found'];
  }
  const problem: Problem = { ...error.problem, status: error.status };
  if (code) problem.code = code;
  if (fieldErrors.length) problem.errors = fieldErrors;
  else delete problem.errors;
  return new ApiError(kind, { status: error.status, problem, cause: error, message: entries.find((e) => e.message)?.message ?? error.message });
}

// ---------------------------------------------------------------- provider

export function zmsToken(processId: number | string, authKey: string): string {
  return `${processId}:${authKey}`;
}

function parseToken(token: string): { processId: number; authKey: string } {
  const match = /^(\d+):([A-Za-z0-9]+)$/.exec(token.trim());
  if (!match) throw new ApiError('not_found', { problem: { code: 'appointment_not_found', detail: 'Der Link ist ungültig.' } });
  return { processId: Number(match[1]), authKey: match[2]! };
}

const iso = (unixSeconds: number) => new Date(unixSeconds * 1000).toISOString();
/** ThinnedProcess.status -> ours: reserved and preconfirmed are both still waiting for the citizen. */
const STATUS: Record<string, AppointmentStatus> = {
  reserved: 'pending',
  preconfirmed: 'pending',
  confirmed: 'confirmed',
  deleted: 'cancelled',
  canceled: 'cancelled',
  cancelled: 'cancelled',
};

export class ZmsAppointmentProvider implements AppointmentProvider {
  private readonly client: HttpClient;
  private readonly reservationMs: number;
  private readonly slotMinutes: number;
  private readonly now: () => number;
  private catalog: Promise<OfficesAndServices> | undefined;

  constructor(private readonly options: ZmsProviderOptions) {
    this.client = options.client;
    this.reservationMs = (options.reservationMinutes ?? 15) * 60_000;
    this.slotMinutes = options.slotMinutes ?? 10;
    this.now = options.now ?? Date.now;
  }

  async services(signal?: AbortSignal): Promise<AppointmentService[]> {
    const data = await this.load(signal);
    return data.services.map((service) => {
      const relations = data.relations.filter((r) => r.serviceId === service.id && r.public !== false);
      const offices = relations.map((r) => data.offices.find((o) => o.id === r.officeId)).filter((o) => o !== undefined);
      return {
        id: String(service.id),
        name: service.name,
        durationMinutes: this.duration(data, service.id),
        // ZMS caps the count per service (maxQuantity); a relation may lower it for one office.
        maxCount: service.maxQuantity ?? 1,
        officeIds: relations.map((r) => String(r.officeId)),
        fields: customFields(offices.map((o) => o.scope)),
      };
    });
  }

  async offices(signal?: AbortSignal): Promise<AppointmentOffice[]> {
    const data = await this.load(signal);
    return data.offices.map((o) => toOffice(o.id, o.name, o.scope));
  }

  async availability(
    query: { services: ServiceRequest[]; officeId?: string; from: CivilDate; to: CivilDate },
    signal?: AbortSignal,
  ): Promise<DayAvailability[]> {
    const days = await this.calendar(query.services, query.officeId, query.from, query.to, signal);
    // Real counts: /available-calendar/ lists every free start time per office and day.
    return days
      .map((day) => ({ date: day.date, free: day.offices.reduce((sum, o) => sum + o.appointments.length, 0) }))
      .filter((d) => d.free > 0);
  }

  async slots(query: { services: ServiceRequest[]; officeId?: string; date: CivilDate }, signal?: AbortSignal): Promise<Slot[]> {
    const [days, data] = await Promise.all([this.calendar(query.services, query.officeId, query.date, query.date, signal), this.load(signal)]);
    const slots: Slot[] = [];
    for (const day of days.filter((d) => d.date === query.date)) {
      for (const office of day.offices) {
        const minutes = query.services.reduce((sum, r) => sum + this.duration(data, Number(r.serviceId), office.officeId) * r.count, 0);
        for (const ts of office.appointments) slots.push(this.slot(office.officeId, ts, minutes));
      }
    }
    return slots.sort((a, b) => a.start.localeCompare(b.start) || a.officeId.localeCompare(b.officeId));
  }

  async reserve(query: { services: ServiceRequest[]; slot: Slot }): Promise<Reservation> {
    const { officeId, timestamp } = parseSlotId(query.slot.id);
    const captchaToken = await this.options.captchaToken?.();
    const body = {
      officeId,
      serviceId: query.services.map((r) => Number(r.serviceId)),
      serviceCount: query.services.map((r) => r.count),
      timestamp,
      ...(captchaToken ? { captchaToken } : {}),
    };
    const process = await this.call('reserve', () => this.client.post('reserve-appointment/', body, { schema: processSchema }));
    const minutes = process.scope?.reservationDuration;
    return {
      id: String(process.processId),
      secret: process.authKey,
      slot: { ...query.slot },
      expiresAt: new Date(this.now() + (minutes ? minutes * 60_000 : this.reservationMs)).toISOString(),
    };
  }

  /**
   * ZMS cannot prolong a reservation. This checks it is still held and returns
   * it unchanged, so the widget keeps counting down to the real end.
   */
  async extend(reservation: Reservation): Promise<Reservation> {
    const process = await this.read(reservation.id, reservation.secret, 'submit');
    if (process.status !== 'reserved') throw new ApiError('conflict', { problem: { code: 'reservation_expired' } });
    return { ...reservation };
  }

  /** cancel-appointment also deletes reserved processes; gone already counts as released. */
  async release(reservation: Reservation): Promise<void> {
    try {
      await this.post('release', 'cancel-appointment/', { processId: Number(reservation.id), authKey: reservation.secret });
    } catch (error) {
      if (!(error instanceof ApiError && error.kind === 'not_found')) throw error;
    }
  }

  async submit(reservation: Reservation, details: BookingDetails): Promise<SubmitResult> {
    if (!details.consent) {
      // ZMS has no consent field; the widget's consent is checked here instead.
      throw new ApiError('validation', {
        problem: { code: 'validation', errors: [{ field: 'consent', code: 'required', message: 'Zustimmung fehlt' }] },
      });
    }
    const ids = { processId: Number(reservation.id), authKey: reservation.secret };
    await this.post('submit', 'update-appointment/', {
      ...ids,
      familyName: details.contact.name,
      email: details.contact.email,
      ...(details.contact.phone ? { telephone: details.contact.phone } : {}),
      ...pick(details.fields, 'customTextfield', 'customTextfield2'),
    });
    // preconfirm: ZMS sends the activation mail with its own link (processId + authKey).
    const process = await this.post('submit', 'preconfirm-appointment/', ids);
    const minutes = process.scope?.activationDuration;
    return { kind: 'activation-sent', ...(minutes ? { expiresAt: new Date(this.now() + minutes * 60_000).toISOString() } : {}) };
  }

  async activate(token: string): Promise<Appointment> {
    const ids = parseToken(token);
    return this.toAppointment(await this.post('activate', 'confirm-appointment/', ids));
  }

  async appointment(managementToken: string): Promise<Appointment> {
    const { processId, authKey } = parseToken(managementToken);
    return this.toAppointment(await this.read(String(processId), authKey, 'appointment'));
  }

  async cancel(managementToken: string): Promise<void> {
    await this.post('cancel', 'cancel-appointment/', parseToken(managementToken));
  }

  /**
   * ZMS has no move: the new reservation gets the old contact data
   * (update-appointment), is preconfirmed and confirmed, and only then the old
   * appointment is cancelled — so a failure leaves the citizen with at least one.
   * ZMS mails for each step it takes (activation, confirmation, cancellation).
   */
  async reschedule(managementToken: string, reservation: Reservation): Promise<Appointment> {
    const old = parseToken(managementToken);
    const current = await this.call('appointment', () =>
      this.client.get('appointment/', { schema: contactProcessSchema, query: { processId: old.processId, authKey: old.authKey } }),
    );
    const ids = { processId: Number(reservation.id), authKey: reservation.secret };
    await this.post('submit', 'update-appointment/', {
      ...ids,
      familyName: current.familyName ?? '',
      email: current.email ?? '',
      ...(current.telephone ? { telephone: current.telephone } : {}),
      ...(current.customTextfield ? { customTextfield: current.customTextfield } : {}),
      ...(current.customTextfield2 ? { customTextfield2: current.customTextfield2 } : {}),
    });
    await this.post('submit', 'preconfirm-appointment/', ids);
    const moved = await this.toAppointment(await this.post('activate', 'confirm-appointment/', ids));
    await this.post('cancel', 'cancel-appointment/', old);
    return moved;
  }

  // ---------------------------------------------------------------- helpers

  private load(signal?: AbortSignal): Promise<OfficesAndServices> {
    this.catalog ??= this.call('read', () => this.client.get('offices-and-services/', { schema: officesAndServicesSchema, ...(signal ? { signal } : {}) }));
    this.catalog.catch(() => (this.catalog = undefined));
    return this.catalog;
  }

  private async calendar(services: ServiceRequest[], officeId: string | undefined, from: CivilDate, to: CivilDate, signal?: AbortSignal) {
    const data = await this.load(signal);
    const serviceIds = services.map((r) => Number(r.serviceId));
    // Without a chosen office, ask for every office that offers all requested services.
    const officeIds = officeId
      ? [Number(officeId)]
      : data.offices.map((o) => o.id).filter((id) => serviceIds.every((sid) => data.relations.some((r) => r.officeId === id && r.serviceId === sid)));
    if (officeIds.length === 0) return [];
    try {
      const result = await this.client.get('available-calendar/', {
        schema: calendarSchema,
        query: {
          startDate: from,
          endDate: to,
          officeIds: officeIds.join(','),
          serviceIds: serviceIds.join(','),
          serviceCounts: services.map((r) => r.count).join(','),
        },
        ...(signal ? { signal } : {}),
      });
      return result.availableDays;
    } catch (error) {
      // Older ZMS versions answer "no days" with 404 noAppointmentForThisDay.
      if (error instanceof ApiError && error.status === 404) return [];
      throw mapZmsError(error, 'read');
    }
  }

  /** Minutes for one unit of a service: ZMS plans `slots` (per office relation) × the office's slot time. */
  private duration(data: OfficesAndServices, serviceId: number, officeId?: number): number {
    const relations = data.relations.filter((r) => r.serviceId === serviceId && (officeId === undefined || r.officeId === officeId));
    const minutes = relations.map((r) => (r.slots ?? 1) * (data.offices.find((o) => o.id === r.officeId)?.slotTimeInMinutes ?? this.slotMinutes));
    return minutes.length ? Math.max(...minutes) : this.slotMinutes;
  }

  private slot(officeId: number, timestamp: number, minutes: number): Slot {
    return { id: `${officeId}@${timestamp}`, start: iso(timestamp), end: iso(timestamp + minutes * 60), officeId: String(officeId) };
  }

  private read(processId: string, authKey: string, operation: Operation): Promise<ZmsProcess> {
    return this.call(operation, () => this.client.get('appointment/', { schema: processSchema, query: { processId: Number(processId), authKey } }));
  }

  private post(operation: Operation, path: string, body: Record<string, unknown>): Promise<ZmsProcess> {
    return this.call(operation, () => this.client.post(path, body, { schema: processSchema }));
  }

  private async call<T>(operation: Operation, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw mapZmsError(error, operation);
    }
  }

  private async toAppointment(process: ZmsProcess): Promise<Appointment> {
    const data = await this.load();
    const officeId = process.officeId || process.scope?.provider?.id || 0;
    const office = data.offices.find((o) => o.id === officeId);
    const serviceId = process.serviceId ?? 0;
    const count = process.serviceCount || 1;
    const name = process.serviceName ?? data.services.find((sv) => sv.id === serviceId)?.name ?? '';
    return {
      id: String(process.processId),
      status: STATUS[process.status ?? ''] ?? 'pending',
      services: serviceId ? [{ serviceId: String(serviceId), count, name }] : [],
      office: office ? toOffice(office.id, office.name, office.scope ?? process.scope) : toOffice(officeId, process.scope?.provider?.displayName ?? process.scope?.provider?.name ?? '', process.scope),
      slot: this.slot(officeId, process.timestamp, this.duration(data, serviceId, officeId) * count),
      managementToken: zmsToken(process.processId, process.authKey),
    };
  }
}

const contactProcessSchema = s.object({
  familyName: s.optional(s.string),
  email: s.optional(s.string),
  telephone: s.optional(s.string),
  customTextfield: s.optional(s.string),
  customTextfield2: s.optional(s.string),
});

function parseSlotId(id: string): { officeId: number; timestamp: number } {
  const match = /^(\d+)@(\d+)$/.exec(id);
  if (!match) throw new ApiError('validation', { problem: { code: 'invalid_slot', detail: `Not a ZMS slot: ${id}` } });
  return { officeId: Number(match[1]), timestamp: Number(match[2]) };
}

function pick(fields: Record<string, string>, ...keys: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of keys) if (fields[key]) out[key] = fields[key];
  return out;
}

function toOffice(id: number, name: string, scope: ZmsScope | undefined): AppointmentOffice {
  const contact = scope?.provider?.contact;
  return {
    id: String(id),
    name,
    street: [contact?.street, contact?.streetNumber].filter(Boolean).join(' '),
    postalCode: contact?.postalCode ?? '',
    city: contact?.city ?? '',
  };
}

/**
 * ZMS has no per-service detail fields; its offices (scopes) may switch on up to
 * two free text fields with their own labels. A service shows a field when one
 * of its offices uses it; required only if every such office requires it.
 */
function customFields(scopes: Array<ZmsScope | undefined>): DetailField[] {
  const fields: DetailField[] = [];
  for (const key of ['customTextfield', 'customTextfield2'] as const) {
    const using = scopes.filter((sc) => sc?.[`${key}Activated`]);
    if (!using.length) continue;
    fields.push({
      id: key,
      label: using.map((sc) => sc?.[`${key}Label`]).find((l) => l) ?? key,
      type: 'text',
      required: using.every((sc) => sc?.[`${key}Required`]),
    });
  }
  return fields;
}
