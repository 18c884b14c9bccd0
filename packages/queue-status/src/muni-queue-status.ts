import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { FragmentRoute, MuniElement, Reload, fieldStyles, button, clockTimeInZone, dayInZone, formatTime, formatWeekday, loading, notice } from '@muni-widgets/core';
import type { ConnectionStatus, QueueCall, QueueProvider, QueueState, QueueTicket, QueueUpdate, TicketRef } from './provider.js';
import { RestQueueProvider } from './providers/rest.js';
import { parseTicketLink } from './ticket-link.js';
import { queueMessages, type QueueMessages } from './i18n/messages.js';
import { queueStyles } from './styles.js';
import type { FormState } from './views/my-number-form.js';

declare global {
  interface HTMLElementEventMap {
    'muni-queue-called': CustomEvent<{ ticket: string; counter: number; counterName: string }>;
  }
}

/**
 * Live state of an office's call system: per group how many wait and for how long, the last
 * calls with their counter, open or closed; "my number" with position and a notice when it is
 * called; and a waiting-room display mode. Updates arrive live (Server-Sent Events); when the
 * connection drops, the widget says how old what it shows is, and reconnects by itself.
 *
 * @fires muni-queue-called - The followed number was called; detail: `{ ticket, counter, counterName }`.
 * @csspart ticket - The "my number" panel.
 * @csspart calls - The list of last calls.
 * @csspart stale - The notice that the shown state is out of date.
 */
export class MuniQueueStatus extends MuniElement<QueueMessages> {
  static override styles = [...(MuniElement.styles as []), fieldStyles, queueStyles];

  /** Office id, e.g. "buergerbuero". */
  @property() office: string | undefined;

  /** Follow one number: "A-042.K7M2P9" (number and code, as in the link on the ticket). */
  @property() ticket: string | undefined;

  /** Waiting-room display: full screen, large type, high contrast, every call announced. */
  @property({ type: Boolean, reflect: true }) display = false;

  /** In display mode, also speak each call with the browser's speech synthesis. */
  @property({ type: Boolean }) speak = false;

  /** How many recent calls to list (default 5, on the display 8). */
  @property({ type: Number }) calls: number | undefined;

  /** A provider object set from script (tests, a city's own call system); wins over the REST API. */
  @property({ attribute: false }) provider: QueueProvider | undefined;

  @state() private update_: QueueUpdate | undefined;
  @state() private status: ConnectionStatus = { connected: false, stale: false };
  @state() private form: FormState = { number: '', code: '', numberError: '', codeError: '' };
  @state() private notifying = false;
  @state() private notifyDenied = false;

  /** The display mode's module, loaded on first use. */
  @state() private displayPart: typeof import('./views/display.js') | undefined;
  @state() private formPart: typeof import('./views/my-number-form.js') | undefined;

  protected readonly subscription = new Reload(
    this,
    () => (this.configured ? [this.effectiveBackendUrl, this.provider, this.office, this.followed?.number, this.followed?.code] : undefined),
    (signal) => this.subscribe(signal),
  );
  /** Where the state on screen comes from: a provider or backend URL, and the office. */
  private feed: unknown[] = [];
  private lastTicket: QueueTicket | undefined;
  /** The number from the form or the ticket's link (`#muni-queue=ticket:A-042.K7M2P9`); the `ticket` attribute wins. */
  private readonly link = new FragmentRoute(this, 'muni-queue');

  protected readonly messages = queueMessages;

  protected override get needsBackend(): boolean {
    return this.provider === undefined;
  }

  private get followed(): TicketRef | undefined {
    const { kind, arg } = this.link.route ?? {};
    return parseTicketLink(this.ticket) ?? (kind === 'ticket' ? parseTicketLink(arg) : undefined);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.display && !this.displayPart) void this.loadDisplay();
    if (!this.display && !this.followed && !this.formPart) void import('./views/my-number-form.js').then((part) => (this.formPart = part));
  }

  /** Follows the office (and the number) live until `signal` ends: an input changed, or the widget left the page. */
  private subscribe(signal: AbortSignal): Promise<void> {
    const ref = this.followed;
    const office = this.office;
    const source = this.provider ?? this.effectiveBackendUrl;
    // Another number at the same office keeps the office's state on screen until the new one arrives.
    const sameFeed = this.feed[0] === source && this.feed[1] === office;
    this.feed = [source, office];
    this.update_ = sameFeed && this.update_ ? { state: this.update_.state, calls: [] } : undefined;
    this.lastTicket = undefined;
    if (!office) return Promise.resolve();
    const provider = this.provider ?? new RestQueueProvider(this.effectiveBackendUrl!);
    const unsubscribe = provider.subscribe(office, (update) => this.receive(update), (status) => this.connection(status), ref ? { ticket: ref } : {});
    return new Promise((resolve) => signal.addEventListener('abort', () => resolve(unsubscribe())));
  }

  private receive(update: QueueUpdate): void {
    const t = this.t;
    this.update_ = update;
    if (this.display && update.calls.length) {
      const text = update.calls.map((c) => t('callSpoken', { ticket: c.ticket, counter: c.counterName })).join(' ');
      this.announcer.announce(text);
      if (this.speak) this.displayPart?.say(text, this.effectiveLocale);
    }
    const mine = update.ticket;
    const before = this.lastTicket;
    this.lastTicket = mine;
    if (!mine || !before) return;
    const recalled = update.calls.some((c) => c.recall && c.ticket === mine.number);
    if ((mine.status === 'called' && before.status !== 'called') || (mine.status === 'called' && recalled)) {
      const text = t('calledAnnouncement', { ticket: mine.number, counter: mine.counterName ?? '' });
      this.announcer.announce(text, 'assertive');
      this.alert(text, [300, 150, 300, 150, 300]);
      this.emit('muni-queue-called', { ticket: mine.number, counter: mine.counter ?? 0, counterName: mine.counterName ?? '' });
    } else if (mine.status === 'waiting' && mine.ahead === 0 && before.ahead !== 0) {
      this.announcer.announce(t('next'));
      this.alert(t('next'), [200]);
    }
  }

  private connection(status: ConnectionStatus): void {
    if (status.stale && !this.status.stale) this.announcer.announce(this.staleText(status));
    this.status = status;
  }

  private staleText(status: ConnectionStatus): string {
    const zone = { locale: this.effectiveLocale, timeZone: this.effectiveTimeZone };
    return this.t('stale', status.lastEventAt ? { time: formatTime(status.lastEventAt, zone) } : {});
  }

  /** Vibration and a system notification, only after the citizen asked for them. */
  private alert(text: string, pattern: number[]): void {
    if (!this.notifying) return;
    navigator.vibrate?.(pattern);
    if (typeof Notification !== 'undefined' && Notification.permission === 'granted' && document.visibilityState !== 'visible') {
      try {
        new Notification(this.update_?.state.officeName ?? '', { body: text, tag: 'muni-queue' });
      } catch {
        // Some mobile browsers allow notifications only through a service worker.
      }
    }
  }

  private async loadDisplay(): Promise<void> {
    const part = await import('./views/display.js');
    const root = this.renderRoot as ShadowRoot;
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, part.displayStyles.styleSheet!];
    this.displayPart = part;
  }

  private async toggleNotify(): Promise<void> {
    if (this.notifying) {
      this.notifying = false;
      return;
    }
    this.notifying = true;
    // Asked only now, after the press: never on page load.
    if (typeof Notification !== 'undefined' && Notification.permission === 'default') {
      this.notifyDenied = (await Notification.requestPermission()) === 'denied';
    } else {
      this.notifyDenied = typeof Notification !== 'undefined' && Notification.permission === 'denied';
    }
  }

  private submit(event: Event): void {
    event.preventDefault();
    const { form, ref } = this.formPart!.check(this.form, this.t);
    this.form = form;
    if (!ref) {
      void this.focusAfterRender(form.numberError ? '#queue-number' : '#queue-code');
      return;
    }
    // Steps the citizen takes, following a number and "Andere Nummer": Back returns to the one before.
    this.link.go({ kind: 'ticket', arg: `${ref.number}.${ref.code}` }, true);
    void this.focusAfterRender('#ticket-heading');
  }

  private forget(): void {
    this.ticket = undefined;
    this.link.go(undefined, true);
    void this.focusAfterRender('#queue-number');
  }

  private renderHours(s: QueueState): TemplateResult {
    const t = this.t;
    const de = this.effectiveLocale === 'de';
    const clock = (time: string) => (de ? `${time} Uhr` : time);
    const now = clockTimeInZone(Date.now(), this.effectiveTimeZone);
    const today = s.hours.intervals.length
      ? t('todayHours', { hours: clock(s.hours.intervals.map((i) => `${i.opens}–${i.closes}`).join(', ')) })
      : t('todayClosed');
    let headline: string;
    if (s.open) headline = t('openUntil', { time: clock(s.hours.intervals.find((i) => i.closes > now)?.closes ?? s.hours.intervals.at(-1)?.closes ?? '') });
    else {
      const next = s.nextOpening;
      const sameDay = next && next.date === dayInZone(Date.now(), this.effectiveTimeZone);
      const when = next ? `${sameDay ? '' : `${formatWeekday(`${next.date}T12:00:00Z`, { locale: this.effectiveLocale, timeZone: 'UTC' })}, `}${clock(next.opens)}` : '';
      headline = `${t('closed')}${when ? `. ${t('nextOpening', { when })}` : ''}`;
    }
    return html`<p class="hours"><strong class=${s.open ? 'open' : 'closed'}>${headline}</strong>
      <span class="muted">${today}${s.hours.note ? ` (${s.hours.note})` : ''}</span></p>`;
  }

  private renderCalls(calls: QueueCall[]): TemplateResult {
    const t = this.t;
    const shown = calls.slice(0, this.calls ?? (this.display ? 8 : 5));
    const zone = { locale: this.effectiveLocale, timeZone: this.effectiveTimeZone };
    return html`<h3 id="calls-heading">${t('lastCalls')}</h3>
      ${shown.length
        ? html`<ol class="calls" part="calls" aria-labelledby="calls-heading">
            ${shown.map(
              (c) =>
                html`<li>
                  <span class="call">${t('callTo', { ticket: c.ticket, counter: c.counterName })}</span>
                  <span class="muted">${formatTime(c.calledAt, zone)}${c.recall ? ` · ${t('recall')}` : ''}</span>
                </li>`,
            )}
          </ol>`
        : html`<p class="muted">${t('noCalls')}</p>`}`;
  }

  private renderGroups(s: QueueState): TemplateResult {
    const t = this.t;
    return html`<table class="groups">
      <thead>
        <tr><th scope="col">${t('group')}</th><th scope="col">${t('waiting')}</th><th scope="col">${t('waitTime')}</th></tr>
      </thead>
      <tbody>
        ${s.groups.map(
          (g) => html`<tr><th scope="row">${g.name}</th><td>${g.waiting}</td><td>${t('about', { minutes: g.estimatedWaitMinutes })}</td></tr>`,
        )}
      </tbody>
    </table>`;
  }

  private ticketText(ticket: QueueTicket): string {
    const t = this.t;
    const counter = ticket.counterName ?? '';
    switch (ticket.status) {
      case 'waiting':
        return ticket.ahead ? t('ahead', { ahead: ticket.ahead, minutes: ticket.estimatedWaitMinutes ?? 0 }) : t('next');
      case 'called':
        return t('called', { counter });
      case 'serving':
        return t('serving', { counter });
      case 'done':
        return t('done');
      default:
        return t('noShow');
    }
  }

  private renderTicket(ref: TicketRef, ticket: QueueTicket | undefined): TemplateResult {
    const t = this.t;
    const notFound = this.status.error === 'ticket_not_found';
    const active = ticket && (ticket.status === 'waiting' || ticket.status === 'called');
    return html`<section class="ticket ticket--${ticket?.status ?? 'unknown'}" part="ticket" aria-labelledby="ticket-heading">
      <h3 id="ticket-heading" tabindex="-1">${t('yourNumber')} <span class="number">${ref.number}</span></h3>
      ${notFound
        ? notice({ variant: 'error', title: t('ticketNotFound') })
        : ticket
          ? html`<p class="ticket-status">${this.ticketText(ticket)}</p>`
          : loading(t('loading'))}
      <div class="actions">
        ${active
          ? button({ label: this.notifying ? t('notifyOff') : t('notify'), variant: 'secondary', onClick: () => void this.toggleNotify(), part: 'notify-button', describedBy: this.notifying ? 'notify-hint' : undefined })
          : nothing}
        ${this.ticket ? nothing : button({ label: t('otherNumber'), variant: 'link', onClick: () => this.forget(), part: 'other-button' })}
      </div>
      ${this.notifying && active ? html`<p class="muted" id="notify-hint">${this.notifyDenied ? t('notifyDenied') : t('notifyOn')}</p>` : nothing}
    </section>`;
  }

  protected override renderWidget(): TemplateResult {
    const t = this.t;
    if (this.status.error === 'office_not_found') return notice({ variant: 'warning', title: t('officeNotFound') });
    const update = this.update_;
    const stale = this.status.stale ? html`<p class="stale" part="stale">${this.staleText(this.status)}</p>` : nothing;
    const ref = this.followed;
    if (!update) return html`${stale}${ref ? this.renderTicket(ref, undefined) : loading(t('loading'))}`;
    const s = update.state;
    if (this.display) {
      return this.displayPart
        ? html`<h2>${t('title', { office: s.officeName })}</h2>
            ${stale}${this.renderHours(s)}${this.displayPart.board(this.renderCalls(s.calls), this.renderGroups(s))}`
        : loading(t('loading'));
    }
    return html`<h2>${t('title', { office: s.officeName })}</h2>
      ${stale}${this.renderHours(s)}
      ${ref ? this.renderTicket(ref, update.ticket) : nothing} ${this.renderGroups(s)} ${this.renderCalls(s.calls)}
      ${ref || !this.formPart ? nothing : this.formPart.myNumberForm(t, this.form, (patch) => (this.form = { ...this.form, ...patch }), (e) => this.submit(e))}`;
  }
}
