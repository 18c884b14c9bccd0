import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { BackendCalls, LatestOnly, MuniElement, Reload, fieldStyles, button, clientOf, loading, returnUrl, solveBotChallenge, type ApiError } from '@muni-widgets/core';
import type {
  Appointment,
  AppointmentOffice,
  AppointmentProvider,
  AppointmentService,
  DayAvailability,
  DetailField,
  Reservation,
  ServiceRequest,
  Slot,
} from './provider.js';
import { RestAppointmentProvider } from './providers/rest.js';
import { MonthGrid } from './calendar/month-grid.js';
import { civilDateAt, type CivilDate } from './calendar/civil-date.js';
import { firstOfMonth, shiftMonths } from './calendar/month-model.js';
import { HoldTimer } from './hold-timer.js';
import { AppointmentRoute, readDeepLink } from './deep-link.js';
import { validateDetails } from './details-validation.js';
import { pickerMessages, type PickerMessages } from './i18n/messages.js';
import { pickerStyles } from './styles.js';
import { renderServiceStep } from './views/choose-service.js';
import { renderOfficeStep } from './views/choose-office.js';
import { renderSlotStep } from './views/choose-slot.js';
import { renderDetailsStep } from './views/details.js';
import { renderReviewStep } from './views/review.js';
import { renderOutcome } from './views/outcome.js';
import type { ContactInput, Step, StepActions, StepContext } from './views/context.js';

type PreviousKeptView = typeof import('./views/previous-kept.js');

/** Steps of the booking flow that show "Schritt n von m". */
const FLOW: Step[] = ['service', 'office', 'slot', 'details', 'review'];

declare global {
  interface HTMLElementEventMap {
    'muni-service-selected': CustomEvent<{ services: ServiceRequest[] }>;
    'muni-slot-reserved': CustomEvent<{ slot: Slot; expiresAt: string }>;
    'muni-appointment-booked': CustomEvent<{ slot: Slot; services: ServiceRequest[]; status: 'pending' | 'confirmed' }>;
    'muni-appointment-cancelled': CustomEvent<{ appointmentId: string }>;
    'muni-appointment-rescheduled': CustomEvent<{ appointmentId: string; slot: Slot }>;
  }
}

/**
 * Book, confirm, cancel and reschedule an appointment at a municipal office.
 *
 * @fires muni-service-selected - The citizen chose services; detail: `{ services }`.
 * @fires muni-slot-reserved - A slot is held; detail: `{ slot, expiresAt }`.
 * @fires muni-appointment-booked - Booking sent (pending activation) or confirmed; detail: `{ slot, services, status }`.
 * @fires muni-appointment-cancelled - detail: `{ appointmentId }`.
 * @fires muni-appointment-rescheduled - detail: `{ appointmentId, slot }`.
 * @fires muni-error - A request failed; detail: `{ kind, code }`. The widget shows the message itself.
 */
export class MuniAppointmentPicker extends MuniElement<PickerMessages> {
  static override styles = [...(MuniElement.styles as []), fieldStyles, pickerStyles];

  /** Preselects services by id, comma-separated, e.g. "kita-anmeldung". */
  @property() service: string | undefined;

  /** Preselects an office by id and offers only its services, e.g. on the Kita department's page. */
  @property() office: string | undefined;

  /** The backend's API: "rest" (the open widget API, default) or "zms". */
  @property() api: 'rest' | 'zms' = 'rest';

  /** Days ahead the calendar offers. */
  @property({ type: Number, attribute: 'horizon-days' }) horizonDays = 60;

  /** A provider object set from script (tests, stories, a city's own adapter); wins over `api`. */
  @property({ attribute: false }) provider: AppointmentProvider | undefined;

  @state() private step: Step = 'service';
  @state() private services: AppointmentService[] = [];
  @state() private offices: AppointmentOffice[] = [];
  @state() private counts: Record<string, number> = {};
  @state() private officeId: string | undefined;
  @state() private free = new Map<CivilDate, number>();
  @state() private day: CivilDate | undefined;
  @state() private daySlots: Slot[] = [];
  @state() private listView = false;
  @state() private reservation: Reservation | undefined;
  @state() private contact: ContactInput = { name: '', email: '', phone: '' };
  @state() private fields: Record<string, string> = {};
  @state() private consent = false;
  @state() private fieldErrors: Record<string, string> = {};
  @state() private notice: string | undefined;
  @state() private appointment: Appointment | undefined;
  @state() private managementToken: string | undefined;
  @state() private confirmingCancel = false;
  @state() private rescheduled = false;
  /** The appointment a reschedule could not cancel (see Rescheduled.previousKept): the citizen must be able to. */
  @state() private previousKept: { token: string; slot: Slot; view: PreviousKeptView } | undefined;
  @state() private solving = false;

  private reserving = false;
  /** The proof for the current hold: a retry must send the very same request, or the server cannot replay its answer. */
  private proof: { reservationId: string; value: string } | undefined;
  private active: AppointmentProvider | undefined;
  private readonly calls = new BackendCalls(this);
  private readonly reload = new Reload(
    this,
    () => (this.configured ? [this.effectiveBackendUrl, this.effectiveLocale, this.provider, this.api, this.office, this.service] : undefined),
    (signal) => this.start(signal),
  );
  private readonly availabilityRequests = new LatestOnly(this);
  private readonly slotRequests = new LatestOnly(this);

  private readonly grid = new MonthGrid(this, this.today, {
    onSelect: (day) => void this.chooseDay(day),
    onMonthChange: (month) => void this.loadMonth(month),
  });

  readonly hold = new HoldTimer(this, {
    onTwoMinutesLeft: () => this.announcer.announce(this.t('holdTwoMinutes'), 'assertive'),
    onExpired: () => this.holdExpired(),
  });

  protected readonly messages = pickerMessages;

  /** Requests in flight: several can overlap (a month loading while a day's times load). */
  private get busy(): boolean {
    return this.calls.busy;
  }

  private get error(): ApiError | undefined {
    return this.calls.error;
  }

  /** Today on the office's calendar. */
  private get today(): CivilDate {
    return civilDateAt(Date.now(), this.effectiveTimeZone);
  }

  private get lastBookableDay(): CivilDate {
    return civilDateAt(Date.now() + this.horizonDays * 86_400_000, this.effectiveTimeZone);
  }

  private get requests(): ServiceRequest[] {
    return Object.entries(this.counts)
      .filter(([, count]) => count > 0)
      .map(([serviceId, count]) => ({ serviceId, count }));
  }

  private get chosenServices(): AppointmentService[] {
    return this.services.filter((s) => (this.counts[s.id] ?? 0) > 0);
  }

  /** Offices that offer every chosen service. */
  private get eligibleOffices(): AppointmentOffice[] {
    const chosen = this.chosenServices;
    return this.offices.filter((o) => chosen.every((s) => s.officeIds.includes(o.id)));
  }

  private get flowPosition(): { step: number; total: number } | undefined {
    const steps = FLOW.filter((s) => s !== 'office' || this.eligibleOffices.length > 1);
    const index = steps.indexOf(this.step);
    return index < 0 ? undefined : { step: index + 1, total: steps.length };
  }

  private get officeQuery(): { officeId?: string } {
    return this.officeId ? { officeId: this.officeId } : {};
  }

  protected override get needsBackend(): boolean {
    return this.provider === undefined;
  }

  /** Set by `start()` before any other call: a script-set provider, or one chosen by `api`. */
  private get backend(): AppointmentProvider {
    return this.active!;
  }

  /** The ZMS adapter is loaded only when a page asks for it, so REST users never download it. */
  private async chooseProvider(): Promise<AppointmentProvider> {
    if (this.provider) return this.provider;
    if (this.api === 'zms') return new (await import('./providers/zms.js')).ZmsAppointmentProvider({ client: clientOf(this), locale: this.effectiveLocale });
    return new RestAppointmentProvider(clientOf(this));
  }

  /**
   * Only the picker's own links matter: city pages are full of in-page links
   * (skip links, tables of contents) that must not reset a booking under way.
   */
  private readonly route = new AppointmentRoute(this, 'muni-appointment', () => {
    const link = readDeepLink(this.route.route);
    if (link?.kind === 'activate' || link?.kind === 'manage') void this.reload.again();
    // Handed over from elsewhere on the page (the service finder's "Termin buchen"): go there.
    else if (link?.kind === 'service' && this.step === 'service') {
      this.scrollIntoView({ block: 'start' });
      void this.reload.again().then(() => this.focusAfterRender('#step-heading'));
    }
  });

  /** Entry point: a link from an e-mail, or a fresh booking; `signal` ends when an input changes. */
  private async start(signal: AbortSignal): Promise<void> {
    const again = () => this.reload.again();
    const ready = await this.calls.run(async () => {
      const active = await this.chooseProvider();
      signal.throwIfAborted();
      this.active = active;
    }, again);
    if (!ready) return;
    const link = readDeepLink(this.route.route);
    if (link?.kind === 'activate' || link?.kind === 'manage') {
      this.route.go();
      if (link.kind === 'activate') await this.activate(link.token);
      else await this.openManagement(link.token);
      return;
    }
    const preselected = link?.kind === 'service' ? link.ids : (this.service ?? '').split(',').filter(Boolean);
    await this.calls.run(async () => {
      const [services, offices] = await Promise.all([this.backend.services({ signal }), this.backend.offices({ signal })]);
      signal.throwIfAborted();
      // A department's page names its office: then only that office's services are offered.
      this.services = this.office ? services.filter((s) => s.officeIds.includes(this.office!)) : services;
      this.offices = offices;
      const counts: Record<string, number> = {};
      for (const id of preselected) if (services.some((s) => s.id === id)) counts[id] = 1;
      this.counts = counts;
      this.officeId = this.office && offices.some((o) => o.id === this.office) ? this.office : undefined;
    }, again);
  }

  /** Goes to a step and moves focus to its heading, so screen readers start there. */
  private async goTo(step: Step): Promise<void> {
    this.step = step;
    this.calls.clear();
    this.fieldErrors = {};
    await this.focusAfterRender('#step-heading');
  }

  /** Back to choosing services or office: the held slot no longer fits, so others get it at once. */
  private async backTo(step: 'service' | 'office'): Promise<void> {
    await this.releaseHold();
    await this.goTo(step);
  }

  /** Lets go of the held slot, best effort: if this fails, the hold simply expires on the server. */
  private async releaseHold(): Promise<void> {
    const reservation = this.reservation;
    this.reservation = undefined;
    this.hold.stop();
    if (reservation) await this.backend.release(reservation).catch(() => undefined);
  }

  private async submitServices(): Promise<void> {
    if (this.requests.length === 0) {
      this.fieldErrors = { services: this.t('chooseService') };
      await this.focusAfterRender('[part=error-summary]');
      return;
    }
    this.emit('muni-service-selected', { services: this.requests });
    const offices = this.eligibleOffices;
    if (offices.length === 1) this.officeId = offices[0]!.id;
    else if (this.officeId && !offices.some((o) => o.id === this.officeId)) this.officeId = undefined;
    await this.goTo(offices.length > 1 ? 'office' : 'slot');
    if (offices.length <= 1) await this.enterSlotStep();
  }

  private async submitOffice(): Promise<void> {
    await this.goTo('slot');
    await this.enterSlotStep();
  }

  private async enterSlotStep(): Promise<void> {
    this.day = undefined;
    this.daySlots = [];
    this.free = new Map();
    await this.loadMonth(this.grid.month);
  }

  private mergeFree(days: DayAvailability[]): void {
    const free = new Map(this.free);
    for (const d of days) free.set(d.date, d.free);
    this.free = free;
  }

  private async loadMonth(month: CivilDate): Promise<void> {
    if (this.step !== 'slot') return;
    const from = month < this.today ? this.today : month;
    const nextMonth = shiftMonths(firstOfMonth(month), 1);
    const monthEnd = civilDateAt(Date.parse(`${nextMonth}T12:00:00Z`) - 86_400_000, 'UTC');
    const to = monthEnd <= this.lastBookableDay ? monthEnd : this.lastBookableDay;
    if (from > to) return;
    const query = { services: this.requests, ...this.officeQuery, from, to };
    await this.calls.run(async () => {
      this.mergeFree(await this.availabilityRequests.run((signal) => this.backend.availability(query, { signal })));
    }, () => this.loadMonth(month));
  }

  /** Finds the first bookable day in the whole horizon, moves the calendar there and shows its times. */
  private async jumpToNextFree(): Promise<void> {
    let first: CivilDate | undefined;
    const query = { services: this.requests, ...this.officeQuery, from: this.today, to: this.lastBookableDay };
    const ok = await this.calls.run(async () => {
      const days = await this.availabilityRequests.run((signal) => this.backend.availability(query, { signal }));
      this.mergeFree(days);
      first = days.find((d) => d.free > 0)?.date;
    }, () => this.jumpToNextFree());
    if (!ok) return;
    if (!first) {
      this.showNotice(this.t('noneFree'));
      return;
    }
    await this.grid.moveTo(first, { min: this.today, max: this.lastBookableDay }, false);
    await this.chooseDay(first);
  }

  private async chooseDay(day: CivilDate): Promise<void> {
    this.day = day;
    this.grid.selected = day;
    this.daySlots = [];
    const query = { services: this.requests, ...this.officeQuery, date: day };
    const ok = await this.calls.run(async () => {
      const slots = await this.slotRequests.run((signal) => this.backend.slots(query, { signal }));
      // A later click on another day wins, however the answers arrive.
      if (this.day === day) this.daySlots = slots;
    }, () => this.chooseDay(day));
    if (ok && this.day === day) await this.focusAfterRender('#times-heading');
  }

  private async chooseSlot(slot: Slot): Promise<void> {
    if (this.reserving) return; // a double click must not hold two slots
    this.reserving = true;
    try {
      await this.reserveSlot(slot);
    } finally {
      this.reserving = false;
    }
  }

  private async reserveSlot(slot: Slot): Promise<void> {
    const previous = this.reservation;
    let reservation: Reservation | undefined;
    const ok = await this.calls.run(async () => {
      reservation = await this.backend.reserve({ services: this.requests, slot });
    }, () => this.chooseSlot(slot), 'submit');
    if (!ok) {
      if (this.error?.code === 'slot_taken') {
        this.calls.clear();
        this.daySlots = this.daySlots.filter((s) => s.id !== slot.id);
        this.showNotice(this.t('slotTaken'));
        await this.focusAfterRender('#times-heading');
      }
      return;
    }
    // Picking again lets go of the old hold at once, so others can have it.
    if (previous) void this.backend.release(previous).catch(() => undefined);
    this.reservation = reservation;
    this.notice = undefined;
    this.hold.start(reservation!.expiresAt);
    this.emit('muni-slot-reserved', { slot, expiresAt: reservation!.expiresAt });
    if (this.managementToken) await this.confirmReschedule();
    else await this.goTo('details');
  }

  private async extendHold(): Promise<void> {
    const reservation = this.reservation;
    if (!reservation) return;
    const ok = await this.calls.run(async () => {
      const extended = await this.backend.extend(reservation);
      this.reservation = extended;
      this.hold.start(extended.expiresAt);
      const left = extended.extensionsLeft;
      this.announcer.announce(left === undefined ? this.t('extended') : `${this.t('extended')} ${this.t('extensionsLeft', { count: left })}`);
    }, () => this.extendHold(), 'submit');
    // The button is gone with the last extension: focus goes to the sentence that says so.
    if (ok && this.reservation?.extensionsLeft === 0) await this.focusAfterRender('#hold-extensions');
    if (ok) return;
    // Refusals get their reason instead of the generic "changed in the meantime".
    const { code, kind } = this.error!;
    if (code === 'hold_extension_limit') {
      this.calls.clear();
      this.reservation = { ...reservation, extensionsLeft: 0 };
      this.showNotice(this.t('extendLimit'), 'assertive');
      await this.focusAfterRender('#hold-extensions');
    } else if (code === 'slot_taken') {
      this.calls.clear();
      this.loseHold(this.t('extendTaken'));
    } else if (kind === 'not_found' || code === 'reservation_expired') {
      this.calls.clear();
      this.loseHold(this.t('holdExpired'));
    }
  }

  private holdExpired(): void {
    this.loseHold(this.t('holdExpired'));
  }

  /** The hold is over: back to choosing a time, with what was typed kept. */
  private loseHold(reason: string): void {
    this.reservation = undefined;
    this.hold.stop();
    if (this.step !== 'details' && this.step !== 'review') return;
    this.showNotice(reason, 'assertive');
    void this.goTo('slot').then(() => this.enterSlotStep());
  }

  /** A visible notice, spoken once through the announcer (a region appearing with its text may go unread). */
  private showNotice(text: string, politeness: 'polite' | 'assertive' = 'polite'): void {
    this.notice = text;
    this.announcer.announce(text, politeness);
  }

  /** The extra details the chosen services ask for, each once. */
  private get detailFields(): DetailField[] {
    return this.chosenServices.flatMap((s) => s.fields).filter((f, i, all) => all.findIndex((o) => o.id === f.id) === i);
  }

  /** Whether the office of the held slot needs a phone number (see AppointmentOffice.phoneRequired). */
  private get phoneRequired(): boolean {
    return this.offices.find((o) => o.id === this.reservation?.slot.officeId)?.phoneRequired ?? false;
  }

  private async submitDetails(): Promise<void> {
    this.fieldErrors = validateDetails(this.contact, this.fields, this.detailFields, this.phoneRequired, this.t, this.coreT);
    if (Object.keys(this.fieldErrors).length > 0) {
      await this.focusAfterRender('[part=error-summary]');
      return;
    }
    await this.goTo('review');
  }

  private async send(): Promise<void> {
    if (!this.consent) {
      this.fieldErrors = { consent: this.t('consentRequired') };
      await this.focusAfterRender('[part=error-summary]');
      return;
    }
    const reservation = this.reservation;
    if (!reservation) return;
    const phone = this.contact.phone.trim();
    // Only what the chosen services ask for: a ticked-then-unticked service's answers stay here.
    const fields = Object.fromEntries(this.detailFields.filter((f) => this.fields[f.id]?.trim()).map((f) => [f.id, this.fields[f.id]!.trim()]));
    const details = {
      contact: { name: this.contact.name.trim(), email: this.contact.email.trim(), ...(phone ? { phone } : {}) },
      fields,
      consent: true,
      returnUrl: returnUrl(),
    };
    const ok = await this.calls.run(async () => {
      const botProof = await this.proveHuman(reservation);
      const result = await this.backend.submit(reservation, { ...details, ...(botProof ? { botProof } : {}) });
      this.hold.stop();
      this.reservation = undefined;
      if (result.kind === 'confirmed') {
        this.appointment = result.appointment;
        this.managementToken = result.appointment.managementToken;
      }
      this.emit('muni-appointment-booked', { slot: reservation.slot, services: this.requests, status: result.kind === 'confirmed' ? 'confirmed' : 'pending' });
      await this.goTo(result.kind === 'confirmed' ? 'confirmed' : 'sent');
    }, () => this.send(), 'submit');
    if (!ok && this.error?.kind === 'validation') {
      // A rejected proof (expired, already used) is solved afresh on the next try.
      if (this.error.fieldErrors.some((e) => e.field === 'botProof')) this.proof = undefined;
      await this.showServerFieldErrors(this.error);
    }
  }

  /** The backend's proof-of-work, when it asks for one; solving is announced, it can take a moment on old phones. */
  private async proveHuman(reservation: Reservation): Promise<string | undefined> {
    if (!this.backend.botChallenge) return undefined;
    if (this.proof?.reservationId === reservation.id) return this.proof.value;
    this.solving = true;
    this.announcer.announce(this.t('solving'));
    try {
      const challenge = await this.backend.botChallenge();
      const value = await solveBotChallenge(challenge);
      this.proof = { reservationId: reservation.id, value };
      return value;
    } finally {
      this.solving = false;
    }
  }

  /** Complaints about typed details go back to the details step, next to the fields they concern. */
  private async showServerFieldErrors(error: ApiError): Promise<void> {
    const errors: Record<string, string> = {};
    for (const e of error.fieldErrors) {
      if (e.field.startsWith('contact.')) errors[e.field.slice('contact.'.length)] = e.message;
      else if (e.field.startsWith('fields.')) errors[`field-${e.field.slice('fields.'.length)}`] = e.message;
    }
    if (Object.keys(errors).length === 0) return;
    await this.goTo('details');
    this.fieldErrors = errors;
    await this.focusAfterRender('[part=error-summary]');
  }

  private async activate(token: string): Promise<void> {
    this.step = 'activating';
    const ok = await this.calls.run(async () => {
      this.appointment = await this.backend.activate(token);
      this.managementToken = this.appointment.managementToken;
    }, () => this.activate(token), 'submit');
    if (ok) {
      this.emit('muni-appointment-booked', { slot: this.appointment!.slot, services: this.appointment!.services, status: 'confirmed' });
      await this.goTo('confirmed');
    } else if (this.error && !this.error.retryable) {
      await this.goTo('link-error');
    }
  }

  private async openManagement(token: string): Promise<void> {
    this.step = 'activating';
    this.managementToken = token;
    const ok = await this.calls.run(async () => {
      this.appointment = await this.backend.appointment(token);
    }, () => this.openManagement(token), 'lookup');
    if (ok) await this.goTo('manage');
    else if (this.error && !this.error.retryable) await this.goTo('link-error');
  }

  private async askCancel(open: boolean): Promise<void> {
    this.confirmingCancel = open;
    await this.focusAfterRender(open ? '#cancel-yes' : '#cancel-open');
  }

  private async cancelAppointment(): Promise<void> {
    const token = this.managementToken;
    if (!token) return;
    const ok = await this.calls.run(() => this.backend.cancel(token), () => this.cancelAppointment(), 'submit');
    if (!ok) return;
    this.confirmingCancel = false;
    this.emit('muni-appointment-cancelled', { appointmentId: this.appointment!.id });
    await this.goTo('cancelled');
  }

  /** Rescheduling walks the calendar again; reserving a slot then moves the appointment. */
  private async startReschedule(): Promise<void> {
    const appointment = this.appointment;
    if (!appointment) return;
    this.counts = Object.fromEntries(appointment.services.map((s) => [s.serviceId, s.count]));
    this.officeId = appointment.office.id;
    if (this.services.length === 0) {
      const ok = await this.calls.run(async () => {
        [this.services, this.offices] = await Promise.all([this.backend.services(), this.backend.offices()]);
      }, () => this.startReschedule());
      if (!ok) return;
    }
    await this.goTo('slot');
    await this.enterSlotStep();
  }

  private async confirmReschedule(): Promise<void> {
    const token = this.managementToken!;
    const reservation = this.reservation!;
    const previous = this.appointment!.slot;
    const ok = await this.calls.run(async () => {
      // Before anything moves: a failed load after the move could not be retried without moving again.
      const view = await import('./views/previous-kept.js');
      await view.previousKeptMessages.load(this.effectiveLocale);
      const moved = await this.backend.reschedule(token, reservation);
      this.appointment = moved.appointment;
      // A backend without a move (ZMS) books anew: the moved appointment has a token of its own.
      this.managementToken = moved.appointment.managementToken ?? token;
      this.previousKept = moved.previousKept ? { token, slot: previous, view } : undefined;
    }, () => this.confirmReschedule(), 'submit');
    if (!ok) {
      if (!this.error?.retryable) await this.releaseHold();
      return;
    }
    this.hold.stop();
    this.reservation = undefined;
    this.rescheduled = true;
    this.emit('muni-appointment-rescheduled', { appointmentId: this.appointment!.id, slot: this.appointment!.slot });
    await this.goTo('manage');
    if (this.previousKept) this.announcer.announce(this.previousKept.view.keptT(this.effectiveLocale)('title'), 'assertive');
  }

  private async cancelPrevious(): Promise<void> {
    const kept = this.previousKept;
    if (!kept) return;
    const ok = await this.calls.run(() => this.backend.cancel(kept.token), () => this.cancelPrevious(), 'submit');
    if (!ok) return;
    this.previousKept = undefined;
    this.showNotice(kept.view.keptT(this.effectiveLocale)('cancelled'));
    await this.focusAfterRender('#step-heading');
  }

  private async restart(): Promise<void> {
    this.appointment = undefined;
    this.managementToken = undefined;
    this.rescheduled = false;
    this.previousKept = undefined;
    this.consent = false;
    this.counts = {};
    await this.goTo('service');
    if (this.services.length === 0) await this.reload.again();
  }

  protected renderWidget(): TemplateResult {
    const t = this.t;
    const position = this.flowPosition;
    return html`<section class="picker" aria-labelledby="picker-title">
      <h2 id="picker-title" class="picker__title">${t('title')}</h2>
      ${position ? html`<p class="picker__progress muted">${t('stepOf', position)}</p>` : nothing}
      ${this.reservation && this.hold.running ? this.renderHold() : nothing}
      ${this.notice ? html`<div class="notice notice--warning"><p>${this.notice}</p></div>` : nothing}
      ${this.calls.renderError(this.coreT)}
      ${this.renderStep()}
    </section>`;
  }

  private renderHold(): TemplateResult {
    const t = this.t;
    const left = this.reservation!.extensionsLeft;
    return html`<div class="hold" part="hold">
      <p role="timer" aria-live="off" aria-atomic="true">${t('holdTimer', { time: this.hold.display })}</p>
      ${left === undefined ? nothing : html`<p id="hold-extensions" class="hold__extensions" tabindex="-1">${t('extensionsLeft', { count: left })}</p>`}
      ${left === 0
        ? nothing
        : button({ label: t('extend'), variant: 'secondary', busy: this.busy, describedBy: left === undefined ? undefined : 'hold-extensions', onClick: () => void this.extendHold() })}
    </div>`;
  }

  /** What the step views read; they change the picker only through its callbacks. */
  private get stepContext(): StepContext {
    const t = this.t;
    const locale = this.effectiveLocale;
    return {
      t,
      coreT: this.coreT,
      locale,
      timeZone: this.effectiveTimeZone,
      busy: this.busy,
      error: this.error,
      step: this.step,
      fieldErrors: this.fieldErrors,
      services: this.services,
      counts: this.counts,
      chosenServices: this.chosenServices,
      offices: this.offices,
      eligibleOffices: this.eligibleOffices,
      officeId: this.officeId,
      listView: this.listView,
      free: this.free,
      day: this.day,
      daySlots: this.daySlots,
      calendar: () => this.grid.render({ t, locale, free: this.free, min: this.today, max: this.lastBookableDay, busy: this.busy }),
      reservation: this.reservation,
      contact: this.contact,
      fields: this.fields,
      detailFields: this.detailFields,
      consent: this.consent,
      solving: this.solving,
      appointment: this.appointment,
      managementToken: this.managementToken,
      confirmingCancel: this.confirmingCancel,
      rescheduled: this.rescheduled,
      phoneRequired: this.phoneRequired,
      previousKept: this.previousKept,
      focusField: this.focusField,
      act: (action: keyof StepActions, ...args: unknown[]) => void (this[action] as (...a: unknown[]) => Promise<void>)(...args),
      setCount: (serviceId, count) => (this.counts = { ...this.counts, [serviceId]: count }),
      chooseOffice: (officeId) => (this.officeId = officeId),
      toggleList: () => (this.listView = !this.listView),
      setContact: (key, value) => (this.contact = { ...this.contact, [key]: value }),
      setField: (id, value) => (this.fields = { ...this.fields, [id]: value }),
      setConsent: (consent) => (this.consent = consent),
    };
  }

  private renderStep(): TemplateResult {
    if (this.busy && this.services.length === 0 && this.step === 'service') return loading(this.coreT('loading'));
    const context = this.stepContext;
    switch (this.step) {
      case 'service':
        return renderServiceStep(context);
      case 'office':
        return renderOfficeStep(context);
      case 'slot':
        return renderSlotStep(context);
      case 'details':
        return renderDetailsStep(context);
      case 'review':
        return renderReviewStep(context);
      default:
        return renderOutcome(context);
    }
  }
}
