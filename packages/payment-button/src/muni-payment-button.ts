import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { BackendCalls, MuniElement, Reload, readRoute, setRoute, button, formatMoney, loading, notice, returnUrl, type Catalog, type Catalogs } from '@muni-widgets/core';
import type { Payment, PaymentProvider, PaymentRequest, PaymentSummary } from './provider.js';
import type { Outcome } from './i18n/outcome-de.js';
import { requestProblems, type RequestProblem } from './payment-request.js';
import { PaymentSession } from './payment-session.js';
import { paymentMessages, type PaymentMessages } from './i18n/messages.js';
import { paymentStyles } from './styles.js';

type OutcomeModule = typeof import('./views/outcome.js');

/**
 * The one explicit state machine: idle → creating → redirecting → (pay page) → checking →
 * paid | failed | cancelled | expired | pending, plus `open` when the citizen comes back without
 * finishing, and `alreadyPaid` / `elsewhere` when another browser's payment holds the
 * Kassenzeichen. A failed request leaves the state where it was and shows an error with a retry.
 */
export type PaymentState = 'idle' | 'creating' | 'redirecting' | 'checking' | Outcome;

/** While the platform has not decided, ask again this often, this many times, then leave it to the citizen. */
const PENDING_RECHECK_MS = 4000;
const PENDING_RECHECKS = 5;

declare global {
  interface HTMLElementEventMap {
    'muni-payment-started': CustomEvent<{ paymentId: string; amountCents: number; reference: string }>;
    'muni-payment-completed': CustomEvent<{ paymentId: string; amountCents: number; reference: string; transactionReference?: string }>;
    'muni-payment-failed': CustomEvent<{ paymentId: string; reference: string; status: 'failed' | 'expired' }>;
    'muni-payment-cancelled': CustomEvent<{ paymentId: string; reference: string }>;
  }
}

/**
 * Pay a fee through the city's payment platform: the backend creates the payment, the citizen
 * pays on the platform's page in the same tab, and on return the backend is asked for the outcome.
 *
 * @fires muni-payment-started - Leaving for the pay page; detail: `{ paymentId, amountCents, reference }`.
 * @fires muni-payment-completed - Paid; detail: `{ paymentId, amountCents, reference, transactionReference }`.
 * @fires muni-payment-failed - detail: `{ paymentId, reference, status }` (`failed` or `expired`).
 * @fires muni-payment-cancelled - The citizen cancelled on the pay page; detail: `{ paymentId, reference }`.
 * @fires muni-error - A request failed; detail: `{ kind, code }`. The widget shows the message itself.
 * @csspart receipt - The receipt after payment.
 */
export class MuniPaymentButton extends MuniElement<PaymentMessages> {
  static override styles = [...(MuniElement.styles as []), paymentStyles];

  /** Amount in euro cents, e.g. "2500" for 25,00 €. */
  @property() amount: string | undefined;

  /** Only "EUR". */
  @property() currency = 'EUR';

  /** Booking text on the citizen's statement: at most 27 characters (letters, digits, space, / ? : ( ) . , ' + -). */
  @property() purpose: string | undefined;

  /** Kassenzeichen: 1–36 characters A–Z, a–z, 0–9 and -. */
  @property() reference: string | undefined;

  /** Longer text for the pay page, at most 250 characters. */
  @property() description: string | undefined;

  /** A provider object set from script (tests, stories, a city's own backend); wins over the REST API. */
  @property({ attribute: false }) provider: PaymentProvider | undefined;

  @state() state: PaymentState = 'idle';
  @state() payment: Payment | PaymentSummary | undefined;
  @state() private lookedUpNothing = false;
  /** The outcome and receipt, loaded with the first status request (see views/outcome.ts). */
  @state() private view: OutcomeModule | undefined;
  private viewLoading: Promise<OutcomeModule> | undefined;
  /** The payment and outcome last reported to the host page, so each is reported once. */
  private settled = '';
  /** What the web editor must fix, once its module is loaded (see views/misconfigured.ts). */
  @state() private misconfigured: TemplateResult | undefined;

  private readonly calls = new BackendCalls(this);
  protected readonly reload = new Reload(
    this,
    () => (this.configured ? [this.effectiveBackendUrl, this.effectiveLocale, this.provider, this.amount, this.currency, this.purpose, this.reference, this.description] : undefined),
    (signal) => this.resume(signal),
  );
  private rechecks = 0;
  private recheckTimer: ReturnType<typeof setTimeout> | undefined;

  protected readonly messages = paymentMessages;

  protected override get catalogs(): Catalogs<Catalog>[] {
    return [...super.catalogs, ...(this.view ? [this.view.outcomeMessages] : [])];
  }

  protected override get needsBackend(): boolean {
    return this.provider === undefined;
  }

  /**
   * The REST provider and the HTTP client behind it load with the first call: the button's
   * first render needs no network code, and most visitors never press it.
   */
  private async backend(): Promise<PaymentProvider> {
    if (this.provider) return this.provider;
    const { restProviderFor } = await import('./providers/rest.js');
    return restProviderFor(this);
  }

  get problems(): RequestProblem[] {
    return requestProblems({ amount: this.amount, currency: this.currency, purpose: this.purpose, reference: this.reference, description: this.description });
  }

  private get request(): PaymentRequest {
    return {
      amountCents: Number(this.amount),
      currency: 'EUR',
      purpose: this.purpose!.trim(),
      reference: this.reference!.trim(),
      ...(this.description ? { description: this.description } : {}),
      returnUrl: returnUrl(),
    };
  }

  private get session(): PaymentSession {
    const r = this.request;
    return new PaymentSession({ reference: r.reference, amountCents: r.amountCents, purpose: r.purpose });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.recheckTimer);
  }

  /**
   * Back from the pay page, or reloaded: the payment this page already started is looked up,
   * so the citizen sees its outcome and never starts a second one.
   */
  private async resume(signal: AbortSignal): Promise<void> {
    const problems = this.problems;
    if (problems.length) {
      this.misconfigured = (await import('./views/misconfigured.js')).misconfiguredNotice(problems, this.effectiveLocale);
      return;
    }
    // The platform sends the citizen back with `#muni-payment=<id>`. The id only says which payment
    // to ask about; its outcome always comes from the server, never from the URL. Read once, on
    // arrival: the button has no route to follow, so it needs no FragmentRoute listening.
    const returned = /^[A-Za-z0-9-]{1,64}$/.exec(readRoute(location.hash, 'muni-payment')?.kind ?? '')?.[0];
    const id = returned ?? this.session.read()?.paymentId;
    if (!id) return;
    await this.check(id, returned !== undefined, false, signal);
  }

  async pay(): Promise<void> {
    if (this.state === 'creating' || this.state === 'redirecting' || this.problems.length) return;
    const session = this.session;
    this.state = 'creating';
    this.lookedUpNothing = false;
    this.announcer.announce(this.t('creating'));
    await this.calls.run(
      async () => {
        const payment = await (await this.backend()).create(this.request, session.key());
        if (!('id' in payment)) {
          // Paid before, or open in another browser: nothing was created, the next attempt is new.
          session.forget();
          return this.show(payment);
        }
        session.remember(payment.id);
        this.payment = payment;
        if (payment.status === 'redirect' && payment.payUrl) {
          this.state = 'redirecting';
          this.emit('muni-payment-started', { paymentId: payment.id, amountCents: payment.amountCents, reference: payment.reference });
          location.assign(payment.payUrl);
        } else {
          // The key was used before (a reload after paying): show that payment, do not pay again.
          await this.settle(payment, true);
        }
      },
      () => this.pay(),
    );
    if (this.calls.error) this.state = 'idle';
  }

  /**
   * Asks the server for the outcome; `fromReturn` marks the citizen's arrival from the pay page.
   * A recheck of a pending payment runs `quietly`: the outcome stays on screen meanwhile.
   * `signal` ends when the button's inputs change: the answer is then for another payment.
   */
  private async check(id: string, fromReturn: boolean, quietly = false, signal?: AbortSignal): Promise<void> {
    if (!quietly) this.state = 'checking';
    this.preloadView();
    await this.calls.run(
      async () => {
        const payment = await (await this.backend()).status(id, { signal });
        signal?.throwIfAborted();
        // Handled: a reload or a shared link does not ask again.
        if (fromReturn) setRoute('muni-payment');
        // A link from another page's payment, or one this button does not sell: not ours to show.
        if (!payment || payment.reference !== this.request.reference || payment.amountCents !== this.request.amountCents) {
          this.state = 'idle';
          return;
        }
        this.session.remember(payment.id);
        await this.settle(payment, fromReturn);
      },
      () => this.check(id, fromReturn, quietly),
    );
  }

  /** Finds the newest payment for the Kassenzeichen: for a citizen whose tab closed on the way back. */
  async lookUp(): Promise<void> {
    this.state = 'checking';
    this.lookedUpNothing = false;
    this.preloadView();
    await this.calls.run(
      async () => {
        const [latest] = await (await this.backend()).byReference(this.request.reference);
        if (!latest) {
          this.state = 'idle';
          this.lookedUpNothing = true;
          this.announcer.announce(this.t('nothingFound'));
          await this.focusAfterRender('#status-heading');
          return;
        }
        await this.show(latest);
      },
      () => this.lookUp(),
    );
  }

  /**
   * The outcome view with its texts in the widget's language; `view` is set only when both are
   * there, so the widget never renders an outcome without its words. A failed load is tried
   * again on the next call.
   */
  private loadView(): Promise<OutcomeModule> {
    this.viewLoading ??= import('./views/outcome.js').then(async (view) => {
      await view.outcomeMessages.load(this.effectiveLocale);
      return (this.view = view);
    });
    this.viewLoading.catch(() => (this.viewLoading = undefined));
    return this.viewLoading;
  }

  /** Loads the view alongside the status request rather than after it; settle() reports a failure. */
  private preloadView(): void {
    this.loadView().catch(() => undefined);
  }

  private async settle(payment: Payment, announce: boolean): Promise<void> {
    clearTimeout(this.recheckTimer);
    const outcome = payment.status === 'redirect' ? 'open' : payment.status;
    const news = this.settled !== `${payment.id}:${outcome}`;
    this.settled = `${payment.id}:${outcome}`;
    this.payment = payment;
    // The host page and the session learn the outcome even if the view cannot load.
    const detail = { paymentId: payment.id, reference: payment.reference };
    if (news && outcome === 'paid') this.emit('muni-payment-completed', { ...detail, amountCents: payment.amountCents, ...(payment.transactionReference ? { transactionReference: payment.transactionReference } : {}) });
    if (news && (outcome === 'failed' || outcome === 'expired')) this.emit('muni-payment-failed', { ...detail, status: outcome });
    if (news && outcome === 'cancelled') this.emit('muni-payment-cancelled', detail);
    if (outcome === 'failed' || outcome === 'cancelled' || outcome === 'expired') this.session.forget();
    if (outcome === 'pending' && this.rechecks < PENDING_RECHECKS) {
      this.rechecks++;
      this.recheckTimer = setTimeout(() => void this.check(payment.id, false, true), PENDING_RECHECK_MS);
    }
    const view = await this.loadView();
    this.state = outcome;
    if (announce || news) {
      this.announcer.announce(view.outcomeTitle(outcome, this.effectiveLocale), outcome === 'failed' ? 'assertive' : 'polite');
      await this.focusAfterRender('#status-heading');
    }
  }

  /** Another browser's payment: shown and announced, never reported as this page's own. */
  private async show(summary: PaymentSummary): Promise<void> {
    const view = await this.loadView();
    this.payment = summary;
    this.state = view.summaryOutcome(summary);
    this.announcer.announce(view.outcomeTitle(this.state, this.effectiveLocale));
    await this.focusAfterRender('#status-heading');
  }

  /** After a failed, cancelled or expired payment: a new, separate attempt. */
  private async startOver(): Promise<void> {
    this.payment = undefined;
    this.rechecks = 0;
    this.state = 'idle';
    await this.pay();
  }

  private money(cents: number): string {
    return formatMoney(cents, 'EUR', this.effectiveLocale);
  }

  private renderSummary(): TemplateResult {
    const t = this.t;
    return html`<dl class="facts">
      <div><dt>${t('amount')}</dt><dd>${this.money(Number(this.amount))}</dd></div>
      <div><dt>${t('purpose')}</dt><dd>${this.purpose}</dd></div>
      <div><dt>${t('reference')}</dt><dd>${this.reference}</dd></div>
    </dl>`;
  }

  protected override renderWidget(): TemplateResult {
    const t = this.t;
    if (this.problems.length) return this.misconfigured ?? html``;
    const error = this.calls.renderError(this.coreT);
    switch (this.state) {
      case 'checking':
        return html`${error}${this.calls.error ? nothing : loading(t('checking'))}`;
      case 'redirecting':
        return html`${notice({ variant: 'info', role: 'status', title: t('redirecting'), body: html`<a href=${(this.payment as Payment).payUrl!}>${t('redirectingLink')}</a>` })}`;
      case 'idle':
      case 'creating': {
        const busy = this.state === 'creating';
        return html`${error}
          ${this.lookedUpNothing ? notice({ variant: 'info', title: t('nothingFound'), headingId: 'status-heading' }) : nothing}
          ${this.renderSummary()}
          <div class="actions">
            ${button({ label: busy ? t('creating') : t('pay', { amount: this.money(Number(this.amount)) }), busy, onClick: () => void this.pay(), part: 'pay-button', describedBy: 'pay-hint' })}
            ${button({ label: t('lookUp'), variant: 'link', disabled: busy, onClick: () => void this.lookUp(), part: 'lookup-button' })}
          </div>
          <p class="muted" id="pay-hint">${t('payHint')}</p>`;
      }
      default:
        return html`${error}${this.view!.renderOutcome({
          outcome: this.state,
          payment: this.payment!,
          locale: this.effectiveLocale,
          timeZone: this.effectiveTimeZone,
          t,
          money: (cents) => this.money(cents),
          summary: this.renderSummary(),
          payAgain: () => void this.startOver(),
          checkAgain: () => void ('id' in this.payment! ? this.check(this.payment.id, false) : this.lookUp()),
        })}`;
    }
  }
}
