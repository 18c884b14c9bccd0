import { ApiError, s, solveBotChallenge, type CallOptions, type FieldError, type HttpClient, type Locale, type Problem, type Schema } from '@muni-widgets/core';
import type {
  Appointment,
  AppointmentOffice,
  AppointmentProvider,
  AppointmentService,
  AppointmentStatus,
  BookingDetails,
  DayAvailability,
  DetailField,
  Rescheduled,
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
 * errors are `{ errors: [{ errorCode, errorMessage, statusCode, errorType }] }`
 * with English messages (Utils/ErrorMessages.php).
 *
 * Tokens: ZMS mails link to `<urlAppointments>#/appointment/confirm/<base64 {id, authKey}>`
 * (activation) and `#/appointment/<base64 …>` (management); the picker reads both
 * and hands the base64 part over as the token. This provider's own management token
 * is `"<processId>:<authKey>"`; both forms are accepted everywhere.
 *
 * Bot protection: an office whose scope has `captchaActivatedRequired` answers
 * /available-calendar/ and /reserve-appointment/ only with a `captchaToken`: a JWT
 * that /captcha-verify/ issues for a solved ALTCHA challenge from /captcha-challenge/,
 * bound to the citizen's IP and valid for a few minutes. The provider solves it
 * itself (core's proof-of-work solver), so `botChallenge` stays undefined.
 */
export interface ZmsProviderOptions {
  client: HttpClient;
  /** The language of the field complaints: ZMS itself only speaks English. */
  locale?: Locale;
  /**
   * Minutes a reservation is held when the response's scope does not say
   * (`scope.reservationDuration`). ZMS configures this per scope; 15 is a
   * conservative guess, not a value read from the ZMS sources.
   */
  reservationMinutes?: number;
  /** Minutes one slot lasts when the office does not send `slotTimeInMinutes`. */
  slotMinutes?: number;
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
  captchaActivatedRequired: s.optional(s.boolean),
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
  /** The further services of a multi-service appointment; `serviceId` is the main one. */
  subRequestCounts: s.optional(s.array(s.object({ id: numeric, name: s.optional(s.string), count: numeric }))),
  scope: s.optional(scopeSchema),
});
type ZmsProcess = s.Infer<typeof processSchema>;

const captchaVerifySchema = s.object({
  meta: s.object({ success: s.boolean }),
  token: s.optional(s.string),
});

// ---------------------------------------------------------------- errors

type Operation = 'read' | 'reserve' | 'release' | 'submit' | 'activate' | 'appointment' | 'cancel';

/**
 * ZMS errorCode -> the picker's field and what to say there. ZMS's messages are English
 * only and name its own parameters ("familyName should be …"), so the texts are ours;
 * they state ZMS's actual rules (ValidationService: phone `^\+?[0-9]\d{6,14}$`, no `+`
 * in e-mail addresses), which are stricter than the picker's own checks.
 */
const FIELD_BY_CODE: Record<string, { field: string; de: string; en: string }> = {
  invalidFamilyName: { field: 'contact.name', de: 'Bitte geben Sie Ihren Namen an.', en: 'Please enter your name.' },
  invalidEmail: {
    field: 'contact.email',
    de: 'Diese E-Mail-Adresse nimmt das Terminsystem nicht an (z. B. kein „+“ vor dem @).',
    en: 'The appointment system does not accept this e-mail address (e.g. no “+” before the @).',
  },
  emailIsRequired: { field: 'contact.email', de: 'Bitte geben Sie Ihre E-Mail-Adresse an.', en: 'Please enter your e-mail address.' },
  tooManyAppointmentsWithSameMail: {
    field: 'contact.email',
    de: 'Mit dieser E-Mail-Adresse sind schon so viele Termine gebucht, wie erlaubt sind. Bitte sagen Sie zuerst einen anderen ab.',
    en: 'This e-mail address already has as many appointments as allowed. Please cancel another one first.',
  },
  invalidTelephone: {
    field: 'contact.phone',
    de: 'Bitte geben Sie die Telefonnummer mit 7 bis 15 Ziffern an, gern mit + am Anfang.',
    en: 'Please enter the phone number with 7 to 15 digits, optionally starting with +.',
  },
  telephoneIsRequired: { field: 'contact.phone', de: 'Dieser Standort braucht Ihre Telefonnummer.', en: 'This office needs your phone number.' },
  invalidCustomTextfield: { field: 'fields.customTextfield', de: 'Bitte füllen Sie dieses Feld aus (höchstens 250 Zeichen).', en: 'Please fill in this field (at most 250 characters).' },
  invalidCustomTextfield2: { field: 'fields.customTextfield2', de: 'Bitte füllen Sie dieses Feld aus (höchstens 250 Zeichen).', en: 'Please fill in this field (at most 250 characters).' },
};

/** The captcha token was not sent, not accepted or too old: a fresh one may help once. */
const CAPTCHA_TOKEN_CODES = new Set(['captchaMissing', 'captchaInvalid', 'captchaExpired']);

/** ZMS errorCode -> our kind and code. Codes not listed keep the kind their HTTP status gives. */
const BY_CODE: Record<string, [ApiError['kind'], string]> = {
  appointmentNotAvailable: ['conflict', 'slot_taken'],
  processAlreadyExists: ['conflict', 'slot_taken'],
  appointmentNotFound: ['not_found', 'appointment_not_found'],
  // A wrong key looks like a missing appointment: the link is simply not valid.
  authKeyMismatch: ['not_found', 'appointment_not_found'],
  invalidAuthKey: ['not_found', 'appointment_not_found'],
  processNotReservedAnymore: ['conflict', 'reservation_expired'],
  processNotPreconfirmedAnymore: ['conflict', 'already_confirmed'],
  appointmentCanNotBeCanceled: ['conflict', 'not_cancellable'],
  processAlreadyCalled: ['conflict', 'not_cancellable'],
  captchaMissing: ['validation', 'bot_check_failed'],
  captchaInvalid: ['validation', 'bot_check_failed'],
  captchaExpired: ['validation', 'bot_check_failed'],
  captchaVerificationError: ['validation', 'bot_check_failed'],
  rateLimitExceeded: ['rate_limited', 'rate_limited'],
};

/** `{ errors: [{ errorCode, errorMessage }] }`, read defensively. */
function zmsErrorEntries(body: unknown): Array<{ code: string; message: string }> {
  const errors = (body as { errors?: unknown } | undefined)?.errors;
  if (!Array.isArray(errors)) return [];
  return errors
    .filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null)
    .map((e) => ({ code: String(e['errorCode'] ?? ''), message: String(e['errorMessage'] ?? '') }))
    .filter((e) => e.code !== '');
}

function zmsCodes(error: unknown): string[] {
  return error instanceof ApiError ? zmsErrorEntries(error.body).map((e) => e.code) : [];
}

/**
 * Translates a ZMS error into our terms. ZMS says what happened in
 * `errors[].errorCode`; the operation decides what it means for the citizen:
 * reserved processes that lapse are deleted by a cron job, so a held slot that
 * ran out answers 404 `appointmentNotFound` while submitting, not 409. When a
 * proxy sends no code, the HTTP status plus the operation decides.
 */
function mapZmsError(error: unknown, operation: Operation, locale: Locale): unknown {
  if (!(error instanceof ApiError) || error.status === undefined) return error;
  const entries = zmsErrorEntries(error.body);
  const codes = [error.problem?.code, ...entries.map((e) => e.code)].filter((c): c is string => !!c);
  const fieldErrors: FieldError[] = entries
    .filter((e) => FIELD_BY_CODE[e.code])
    .map((e) => ({ field: FIELD_BY_CODE[e.code]!.field, code: e.code, message: FIELD_BY_CODE[e.code]![locale === 'en' ? 'en' : 'de'] }));
  const known = codes.map((c) => BY_CODE[c]).find((m) => m);
  let kind = error.kind;
  let code = codes[0];
  if (known) [kind, code] = known;
  else if (fieldErrors.length) [kind, code] = ['validation', 'validation'];
  else if (codes.length === 0) {
    const status = error.status;
    if (operation === 'reserve' && status === 404) [kind, code] = ['conflict', 'slot_taken'];
    else if (operation === 'cancel' && status === 406) [kind, code] = ['conflict', 'not_cancellable'];
    else if (operation !== 'read' && (status === 404 || status === 406)) [kind, code] = ['not_found', 'appointment_not_found'];
  }
  if (operation === 'submit' && code === 'appointment_not_found') [kind, code] = ['conflict', 'reservation_expired'];
  const problem: Problem = { ...error.problem, status: error.status };
  if (code) problem.code = code;
  if (fieldErrors.length) problem.errors = fieldErrors;
  else delete problem.errors;
  return new ApiError(kind, { status: error.status, problem, cause: error, message: entries.find((e) => e.message)?.message ?? error.message });
}

// ---------------------------------------------------------------- tokens

export function zmsToken(processId: number | string, authKey: string): string {
  return `${processId}:${authKey}`;
}

/** ZMS's authKeys: 4 hex characters (older processes) or 64 (ValidationService::isValidAuthKey). */
const AUTH_KEY = /^(?:[0-9a-fA-F]{4}|[0-9a-fA-F]{64})$/;

/** Reads `processId:authKey` or the base64 JSON `{ id, authKey }` of ZMS's own mail links. */
function parseToken(token: string): { processId: number; authKey: string } {
  const trimmed = token.trim();
  const pair = /^(\d+):(\w+)$/.exec(trimmed);
  const ids = pair ? { id: pair[1], authKey: pair[2] } : decodeMailLink(trimmed);
  const processId = Number(ids?.id);
  const authKey = String(ids?.authKey ?? '');
  if (!Number.isInteger(processId) || processId <= 0 || !AUTH_KEY.test(authKey)) {
    throw new ApiError('not_found', { problem: { code: 'appointment_not_found', detail: 'Der Link ist ungültig.' } });
  }
  return { processId, authKey };
}

function decodeMailLink(value: string): { id?: unknown; authKey?: unknown } | undefined {
  try {
    // PHP's base64_encode; mail clients may have turned it URL-safe or dropped the padding.
    const decoded = JSON.parse(atob(value.replace(/-/g, '+').replace(/_/g, '/')));
    return typeof decoded === 'object' && decoded !== null ? decoded : undefined;
  } catch {
    return undefined;
  }
}

/** ZMS wants `+` and digits only; citizens type spaces, dashes, slashes and brackets. */
function zmsPhone(phone: string): string {
  return phone.replace(/[\s\-/().]/g, '');
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

/** ZMS issues captcha tokens for 300 s; asking anew a minute early covers slow clocks and slow citizens. */
const CAPTCHA_TOKEN_MS = 240_000;

export class ZmsAppointmentProvider implements AppointmentProvider {
  private readonly client: HttpClient;
  private readonly reservationMs: number;
  private readonly slotMinutes: number;
  private readonly locale: Locale;
  private readonly now: () => number;
  private catalog: Promise<OfficesAndServices> | undefined;
  private captchaToken: { value: Promise<string>; until: number } | undefined;
  /** Processes this provider confirmed: a release must never cancel one of them. */
  private readonly confirmed = new Set<string>();

  constructor(options: ZmsProviderOptions) {
    this.client = options.client;
    this.reservationMs = (options.reservationMinutes ?? 15) * 60_000;
    this.slotMinutes = options.slotMinutes ?? 10;
    this.locale = options.locale ?? 'de';
    this.now = options.now ?? Date.now;
  }

  async services({ signal }: CallOptions = {}): Promise<AppointmentService[]> {
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

  async offices({ signal }: CallOptions = {}): Promise<AppointmentOffice[]> {
    const data = await this.load(signal);
    return data.offices.map((o) => toOffice(o.id, o.name, o.scope));
  }

  async availability(
    query: { services: ServiceRequest[]; officeId?: string; from: CivilDate; to: CivilDate },
    { signal }: CallOptions = {},
  ): Promise<DayAvailability[]> {
    const days = await this.calendar(query.services, query.officeId, query.from, query.to, signal);
    // Real counts: /available-calendar/ lists every free start time per office and day.
    return days
      .map((day) => ({ date: day.date, free: day.offices.reduce((sum, o) => sum + o.appointments.length, 0) }))
      .filter((d) => d.free > 0);
  }

  async slots(query: { services: ServiceRequest[]; officeId?: string; date: CivilDate }, { signal }: CallOptions = {}): Promise<Slot[]> {
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
    const body = {
      officeId,
      serviceId: query.services.map((r) => Number(r.serviceId)),
      serviceCount: query.services.map((r) => r.count),
      timestamp,
    };
    const process = await this.call('reserve', () =>
      this.withCaptcha([officeId], (captchaToken) =>
        this.client.post('reserve-appointment/', { ...body, ...(captchaToken ? { captchaToken } : {}) }, { schema: processSchema }),
      ),
    );
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

  /**
   * cancel-appointment also deletes reserved processes; gone already counts as released.
   * A process this provider confirmed (a reschedule whose last step failed) is the
   * citizen's appointment now, not a hold: it is kept.
   */
  async release(reservation: Reservation): Promise<void> {
    if (this.confirmed.has(reservation.id)) return;
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
      ...(details.contact.phone ? { telephone: zmsPhone(details.contact.phone) } : {}),
      ...pick(details.fields, 'customTextfield', 'customTextfield2'),
    });
    // preconfirm: ZMS sends the activation mail with its own link (#/appointment/confirm/…).
    const process = await this.post('submit', 'preconfirm-appointment/', ids);
    const minutes = process.scope?.activationDuration;
    return { kind: 'activation-sent', ...(minutes ? { expiresAt: new Date(this.now() + minutes * 60_000).toISOString() } : {}) };
  }

  /**
   * Follows the activation link. A second click (or a mail scanner's first) finds the
   * process confirmed already: ZMS answers 409 processNotPreconfirmedAnymore, which
   * ZMS's own front end treats as success, and so does this provider.
   */
  async activate(token: string): Promise<Appointment> {
    const ids = parseToken(token);
    try {
      return await this.toAppointment(await this.post('activate', 'confirm-appointment/', ids));
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'already_confirmed')) throw error;
      const process = await this.read(String(ids.processId), ids.authKey, 'activate');
      if (process.status !== 'confirmed') throw error;
      return this.toAppointment(process);
    }
  }

  async appointment(managementToken: string): Promise<Appointment> {
    const { processId, authKey } = parseToken(managementToken);
    return this.toAppointment(await this.read(String(processId), authKey, 'appointment'));
  }

  async cancel(managementToken: string): Promise<void> {
    await this.post('cancel', 'cancel-appointment/', parseToken(managementToken));
  }

  /**
   * ZMS has no move. As ZMS's own front end does: the new reservation gets the old
   * contact data (update-appointment) and is confirmed directly (no preconfirm, so no
   * second activation mail); only then is the old appointment cancelled. Once the new
   * one is confirmed, nothing may undo it: if cancelling the old one fails, the citizen
   * keeps both (ZMS mailed the confirmation of the new one) rather than neither, and is told.
   */
  async reschedule(managementToken: string, reservation: Reservation): Promise<Rescheduled> {
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
    const confirmed = await this.post('activate', 'confirm-appointment/', ids);
    this.confirmed.add(reservation.id);
    const previousKept = await this.post('cancel', 'cancel-appointment/', old).then(
      () => false,
      () => true,
    );
    return { appointment: await this.toAppointment(confirmed), previousKept };
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
      const result = await this.withCaptcha(officeIds, (captchaToken) =>
        this.client.get('available-calendar/', {
          schema: calendarSchema,
          query: {
            startDate: from,
            endDate: to,
            officeIds: officeIds.join(','),
            serviceIds: serviceIds.join(','),
            serviceCounts: services.map((r) => r.count).join(','),
            captchaToken,
          },
          ...(signal ? { signal } : {}),
        }),
      );
      return result.availableDays;
    } catch (error) {
      // "No days" is 404 noAppointmentForThisDay (or noAppointmentForThisScope), not an error.
      if (error instanceof ApiError && error.status === 404) return [];
      throw mapZmsError(error, 'read', this.locale);
    }
  }

  /**
   * Runs a request that needs a captcha token when one of the offices asks for it
   * (`scope.captchaActivatedRequired`). When ZMS calls the token missing, invalid or
   * expired (it is bound to the IP, which can change on a phone; the office may have
   * switched its captcha on since the catalog was loaded), a fresh one is tried once.
   */
  private async withCaptcha<T>(officeIds: number[], run: (captchaToken: string | undefined) => Promise<T>): Promise<T> {
    const data = await this.load();
    const required = data.offices.some((o) => officeIds.includes(o.id) && o.scope?.captchaActivatedRequired);
    try {
      return await run(required ? await this.captcha() : undefined);
    } catch (error) {
      if (!zmsCodes(error).some((c) => CAPTCHA_TOKEN_CODES.has(c))) throw error;
      this.captchaToken = undefined;
      return run(await this.captcha());
    }
  }

  /** ALTCHA as ZMS runs it: challenge, proof of work in the browser, verify -> a JWT for a few minutes. */
  private captcha(): Promise<string> {
    if (this.captchaToken && this.captchaToken.until > this.now()) return this.captchaToken.value;
    const value = (async () => {
      const challenge = await this.client.get('captcha-challenge/', { schema: s.anyObject });
      const payload = await solveBotChallenge(challenge);
      const verified = await this.client.post('captcha-verify/', { payload }, { schema: captchaVerifySchema });
      if (!verified.meta.success || !verified.token) {
        throw new ApiError('validation', { problem: { code: 'bot_check_failed', detail: 'captcha-verify refused the solution' } });
      }
      return verified.token;
    })();
    this.captchaToken = { value, until: this.now() + CAPTCHA_TOKEN_MS };
    value.catch(() => (this.captchaToken = undefined));
    return value;
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
      throw mapZmsError(error, operation, this.locale);
    }
  }

  private async toAppointment(process: ZmsProcess): Promise<Appointment> {
    const data = await this.load();
    const officeId = process.officeId || process.scope?.provider?.id || 0;
    const office = data.offices.find((o) => o.id === officeId);
    const serviceName = (id: number, name?: string) => name ?? data.services.find((sv) => sv.id === id)?.name ?? '';
    const services = [
      ...(process.serviceId ? [{ serviceId: String(process.serviceId), count: process.serviceCount || 1, name: serviceName(process.serviceId, process.serviceName) }] : []),
      ...(process.subRequestCounts ?? []).map((sub) => ({ serviceId: String(sub.id), count: sub.count, name: serviceName(sub.id, sub.name) })),
    ];
    const minutes = services.reduce((sum, sv) => sum + this.duration(data, Number(sv.serviceId), officeId) * sv.count, 0);
    return {
      id: String(process.processId),
      status: STATUS[process.status ?? ''] ?? 'pending',
      services,
      office: office ? toOffice(office.id, office.name, office.scope ?? process.scope) : toOffice(officeId, process.scope?.provider?.displayName ?? process.scope?.provider?.name ?? '', process.scope),
      slot: this.slot(officeId, process.timestamp, minutes),
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
    ...(scope?.telephoneRequired ? { phoneRequired: true } : {}),
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
