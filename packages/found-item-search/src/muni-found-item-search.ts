import { html, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  BackendCalls,
  FragmentRoute,
  type ApiError,
  LatestOnly,
  MuniElement,
  Reload,
  fieldStyles,
  viewStyles,
  clientOf,
  dayInZone,
  loading,
  newIdempotencyKey,
  returnUrl,
  solveBotChallenge,
} from '@muni-widgets/core';
import type { ClaimReceipt, FoundItem, FoundItemCategory, FoundItemColour, FoundItemProvider, LossReport, LossReportReceipt, SearchFilters, SearchPage } from './provider.js';
import { RestFoundItemProvider } from './providers/rest.js';
import { cleanFilters, routeOf, START, viewOf, type View } from './filters.js';
import { validateClaim, validateReport, validateSearch, fieldIdFor, type ClaimInput, type ReportInput } from './validation.js';
import { renderSearch } from './views/search.js';
import { renderItemView } from './views/item.js';
import { renderClaimView } from './views/claim.js';
import { renderReportView } from './views/loss-report.js';
import { renderManageView } from './views/manage.js';
import type { FoundActions, FoundContext } from './views/context.js';
import { foundMessages, type FoundMessages } from './i18n/messages.js';
import { foundStyles } from './styles.js';

declare global {
  interface HTMLElementEventMap {
    'muni-found-item-claimed': CustomEvent<{ reference: string; foundItem: string }>;
    'muni-loss-reported': CustomEvent<{ reference: string; expiresAt: string; matches: number }>;
  }
}

const EMPTY_CLAIM: ClaimInput = { name: '', email: '', phone: '', features: '', lostOn: '', lostPlace: '', consent: false };
const EMPTY_REPORT: ReportInput = { category: '', colour: '', brand: '', description: '', lostOn: '', lostPlace: '', name: '', email: '', phone: '', consent: false };

/**
 * Search the lost-and-found office's register, say "Das gehört mir" for a find, and report a
 * loss that is matched against every find handed in later. Filters live in the URL fragment,
 * so Back and shared links work; the links in the office's mails open a find or the loss report.
 *
 * @fires muni-found-item-claimed - A claim was stored; detail: `{ reference, foundItem }`.
 * @fires muni-loss-reported - A loss report was stored; detail: `{ reference, expiresAt, matches }`.
 * @fires muni-error - A request failed; detail: `{ kind, code }`. The widget shows the message itself.
 * @csspart search - The search form.
 * @csspart results - The list of finds.
 * @csspart item - One find.
 * @csspart claim-button - "Das gehört mir".
 * @csspart pagination - The page buttons.
 * @csspart pickup - Pickup information after a claim.
 * @csspart report-button - "Verlust melden".
 */
export class MuniFoundItemSearch extends MuniElement<FoundMessages> {
  static override styles = [...(MuniElement.styles as []), fieldStyles, viewStyles, foundStyles];

  /** Finds per page, 1–100. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  /** A provider object set from script (tests, stories, a city's own adapter); wins over the REST API. */
  @property({ attribute: false }) provider: FoundItemProvider | undefined;

  @state() private view: View = START;
  @state() private categories: FoundItemCategory[] = [];
  @state() private colours: FoundItemColour[] = [];
  /** What the search form shows; applied to the results only on "Suchen". */
  @state() private draft: SearchFilters = {};
  @state() private results: SearchPage | undefined;
  @state() private item: FoundItem | undefined;
  @state() private claimInput: ClaimInput = { ...EMPTY_CLAIM };
  @state() private reportInput: ReportInput = { ...EMPTY_REPORT };
  @state() private fieldErrors: Record<string, string> = {};
  @state() private claimReceipt: ClaimReceipt | undefined;
  @state() private reportReceipt: LossReportReceipt | undefined;
  @state() private managed: LossReport | undefined;
  @state() private manageState: 'view' | 'confirm-delete' | 'deleted' = 'view';
  @state() private renewed = false;
  /** The report was just confirmed through the link in its first mail. */
  @state() private activated = false;
  @state() private solving = false;
  @state() private ready = false;

  private active: FoundItemProvider | undefined;
  private manageToken: string | undefined;
  /** The body, Idempotency-Key and proof of the last form sent: a retry repeats exactly that request. */
  private submission: { body: string; key: string; proof?: string } | undefined;
  private readonly requests = new LatestOnly(this);
  private readonly calls = new BackendCalls(this);
  private readonly reload = new Reload(
    this,
    () => (this.configured ? [this.effectiveBackendUrl, this.effectiveLocale, this.provider] : undefined),
    (signal) => this.start(signal),
  );

  protected readonly messages = foundMessages;

  private get busy(): boolean {
    return this.calls.busy;
  }

  private get error(): ApiError | undefined {
    return this.calls.error;
  }

  /** Today on the office's calendar, for date limits. */
  private get today(): string {
    return dayInZone(Date.now(), this.effectiveTimeZone);
  }

  protected override get needsBackend(): boolean {
    return this.provider === undefined;
  }

  private get backend(): FoundItemProvider {
    return this.active!;
  }

  /**
   * Only the widget's own part of the fragment matters, city pages are full of in-page links; a
   * loss report opened from a mail has no part any more, so nothing else moves it.
   */
  private readonly route = new FragmentRoute(this, 'muni-found-item', () => {
    if (this.ready) void this.show(viewOf(this.route.route), this.matches(':focus-within') ? '#view-heading' : undefined);
  });

  /** A link to `view` that keeps the rest of the page's fragment. */
  private viewHref(view: View): string {
    return this.route.href(routeOf(view));
  }

  /** `signal` ends when an input changes: then another start has taken over. */
  private async start(signal: AbortSignal): Promise<void> {
    this.active = this.provider ?? new RestFoundItemProvider(clientOf(this));
    const loaded = await this.calls.run(async () => {
      const lists = await Promise.all([this.backend.categories({ signal }), this.backend.colours({ signal })]);
      signal.throwIfAborted();
      [this.categories, this.colours] = lists;
    }, () => this.reload.again());
    if (!loaded) return;
    this.ready = true;
    await this.show(viewOf(this.route.route));
  }

  /** A step the citizen takes: it goes into the history, so Back returns here. */
  private async navigate(view: View, focus: string | null = '#view-heading'): Promise<void> {
    this.route.go(routeOf(view), true);
    await this.show(view, focus);
  }

  /** Renders `view`, loading what it needs; `focus` is where focus goes once it is there. */
  private async show(view: View, focus?: string | null): Promise<void> {
    this.requests.cancel();
    this.view = view;
    this.calls.clear();
    this.fieldErrors = {};
    let ok = true;
    switch (view.kind) {
      case 'search':
        this.draft = { ...view.filters };
        ok = await this.loadResults(view);
        break;
      case 'item':
      case 'claim':
        if (this.item?.reference !== view.reference) this.item = undefined;
        ok = await this.calls.run(async () => {
          this.item = await this.requests.run((signal) => this.backend.item(view.reference, { signal }));
        }, () => this.show(view, '#view-heading'), 'lookup');
        break;
      case 'report':
        break;
      case 'activate':
      case 'manage':
        // The token is read once and taken out of the address bar: it is a key to personal data.
        this.manageToken = view.token;
        this.route.go();
        this.manageState = 'view';
        this.renewed = false;
        this.activated = false;
        ok = await this.loadManaged(view.kind === 'activate');
        break;
    }
    if (focus && ok) await this.focusAfterRender(focus);
  }

  private async loadResults(view: Extract<View, { kind: 'search' }>): Promise<boolean> {
    const size = Math.min(100, Math.max(1, Math.round(this.pageSize) || 20));
    // Filters the citizen set can be wrong; the plain list, shown first, has nothing of theirs in it.
    const purpose = Object.keys(view.filters).length ? 'submit' : 'load';
    const ok = await this.calls.run(async () => {
      this.results = await this.requests.run((signal) => this.backend.search(view.filters, { page: view.page, pageSize: size }, { signal }));
    }, () => this.show(view, '#results-heading'), purpose);
    if (ok && this.results) this.announcer.announce(this.t('resultCount', { count: this.results.total }));
    if (!ok && this.error?.kind === 'validation') this.showFieldErrors(this.error);
    return ok;
  }

  /** `activate`: the link from the report's first mail, which confirms it (and then manages it). */
  private async loadManaged(activate = false): Promise<boolean> {
    const token = this.manageToken!;
    const ok = await this.calls.run(async () => {
      this.managed = activate ? await this.backend.activateLossReport(token) : await this.backend.lossReport(token);
    }, async () => {
      if (await this.loadManaged(activate)) await this.focusAfterRender('#view-heading');
    }, 'lookup');
    if (ok && activate) {
      this.activated = true;
      this.announcer.announce(this.t('reportActivatedTitle'));
    }
    return ok;
  }

  /* ---- search ---- */

  private async submitSearch(): Promise<void> {
    this.fieldErrors = validateSearch(this.draft, this.t);
    if (Object.keys(this.fieldErrors).length > 0) {
      await this.focusAfterRender('[part=error-summary]');
      return;
    }
    // Focus stays in the form: the count is announced, the results follow below.
    await this.navigate({ kind: 'search', filters: cleanFilters(this.draft), page: 1 }, null);
  }

  private async resetSearch(): Promise<void> {
    this.draft = {};
    await this.navigate(START, '#q');
  }

  private async goToPage(page: number): Promise<void> {
    if (this.view.kind !== 'search') return;
    await this.navigate({ kind: 'search', filters: this.view.filters, page }, '#results-heading');
  }

  /** Back to the last search (or the start), keeping its filters. */
  private async backToSearch(): Promise<void> {
    const last = this.lastSearch ?? START;
    await this.navigate(last, '#view-heading');
  }

  private get lastSearch(): View | undefined {
    if (this.results && this.view.kind !== 'search') {
      const filters = this.draft;
      return { kind: 'search', filters: cleanFilters(filters), page: this.results.page };
    }
    return undefined;
  }

  /* ---- claim ---- */

  private async openClaim(item: FoundItem): Promise<void> {
    this.item = item;
    if (this.claimReceipt?.foundItem.reference !== item.reference) this.claimReceipt = undefined;
    await this.navigate({ kind: 'claim', reference: item.reference });
  }

  private async sendClaim(): Promise<void> {
    const item = this.item;
    if (!item) return;
    this.fieldErrors = validateClaim(this.claimInput, this.today, this.t, this.coreT);
    if (Object.keys(this.fieldErrors).length > 0) {
      await this.focusAfterRender('[part=error-summary]');
      return;
    }
    const input = this.claimInput;
    const phone = input.phone.trim();
    const body = {
      contact: { name: input.name.trim(), email: input.email.trim(), ...(phone ? { phone } : {}) },
      identifyingFeatures: input.features.trim(),
      ...(input.lostOn ? { lostOn: input.lostOn } : {}),
      ...(input.lostPlace.trim() ? { lostPlace: input.lostPlace.trim() } : {}),
      consent: true as const,
    };
    const ok = await this.calls.run(async () => {
      const { key, botProof } = await this.prepare(body);
      const receipt = await this.backend.claim(item.reference, { ...body, ...(botProof ? { botProof } : {}) }, { idempotencyKey: key });
      this.submission = undefined;
      this.claimReceipt = receipt;
      this.claimInput = { ...EMPTY_CLAIM };
      this.emit('muni-found-item-claimed', { reference: receipt.reference, foundItem: item.reference });
    }, () => this.sendClaim(), 'submit');
    if (ok) await this.focusAfterRender('#view-heading');
    else await this.afterSendFailure();
  }

  /* ---- loss report ---- */

  private async openReport(): Promise<void> {
    if (this.reportReceipt) {
      this.reportReceipt = undefined;
      // A second report starts empty but keeps who is reporting.
      const { name, email, phone } = this.reportInput;
      this.reportInput = { ...EMPTY_REPORT, name, email, phone };
    }
    if (!this.reportInput.category && this.view.kind === 'search' && this.view.filters.category) {
      this.reportInput = { ...this.reportInput, category: this.view.filters.category, colour: this.view.filters.colour ?? '' };
    }
    await this.navigate({ kind: 'report' });
  }

  private async sendReport(): Promise<void> {
    this.fieldErrors = validateReport(this.reportInput, this.today, this.t, this.coreT);
    if (Object.keys(this.fieldErrors).length > 0) {
      await this.focusAfterRender('[part=error-summary]');
      return;
    }
    const r = this.reportInput;
    const phone = r.phone.trim();
    const body = {
      category: r.category,
      description: r.description.trim(),
      ...(r.colour ? { colour: r.colour } : {}),
      ...(r.brand.trim() ? { brand: r.brand.trim() } : {}),
      lostOn: r.lostOn,
      lostPlace: r.lostPlace.trim(),
      contact: { name: r.name.trim(), email: r.email.trim(), ...(phone ? { phone } : {}) },
      consent: true as const,
      returnUrl: returnUrl(),
    };
    const ok = await this.calls.run(async () => {
      const { key, botProof } = await this.prepare(body);
      const receipt = await this.backend.reportLoss({ ...body, ...(botProof ? { botProof } : {}) }, { idempotencyKey: key });
      this.submission = undefined;
      this.reportReceipt = receipt;
      this.emit('muni-loss-reported', { reference: receipt.reference, expiresAt: receipt.expiresAt, matches: receipt.matches.length });
    }, () => this.sendReport(), 'submit');
    if (ok) await this.focusAfterRender('#view-heading');
    else await this.afterSendFailure();
  }

  /** The same body again gets the same Idempotency-Key and proof: the server answers a repeat with the first answer. */
  private async prepare(body: object): Promise<{ key: string; botProof?: string }> {
    const text = JSON.stringify(body);
    if (this.submission?.body !== text) this.submission = { body: text, key: newIdempotencyKey() };
    const submission = this.submission;
    if (this.backend.botChallenge && !submission.proof) {
      this.solving = true;
      this.announcer.announce(this.t('solving'));
      try {
        submission.proof = await solveBotChallenge(await this.backend.botChallenge());
      } finally {
        this.solving = false;
      }
    }
    return { key: submission.key, ...(submission.proof ? { botProof: submission.proof } : {}) };
  }

  private async afterSendFailure(): Promise<void> {
    const error = this.error;
    if (!error) return;
    // A rejected proof (expired, used) is solved afresh next time, with a new key.
    if (error.fieldErrors.some((e) => e.field === 'botProof')) this.submission = undefined;
    if (error.kind === 'validation' && this.showFieldErrors(error)) await this.focusAfterRender('[part=error-summary]');
  }

  /** The server's complaints next to the fields they concern; true when there were such fields. */
  private showFieldErrors(error: ApiError): boolean {
    const errors: Record<string, string> = {};
    for (const e of error.fieldErrors) {
      const id = fieldIdFor(e.field);
      if (id) errors[id] = e.message || this.coreT('errorValidation');
    }
    if (Object.keys(errors).length === 0) return false;
    this.fieldErrors = errors;
    this.calls.clear();
    return true;
  }

  /* ---- manage ---- */

  private async renewReport(): Promise<void> {
    const token = this.manageToken;
    if (!token) return;
    const ok = await this.calls.run(async () => {
      this.managed = await this.backend.renewLossReport(token);
      this.renewed = true;
    }, () => this.renewReport(), 'submit');
    if (ok && this.managed) this.announcer.announce(this.t('renewedUntil', { date: this.instantText(this.managed.expiresAt) }));
  }

  private async askDelete(confirming: boolean): Promise<void> {
    this.manageState = confirming ? 'confirm-delete' : 'view';
    await this.focusAfterRender(confirming ? '#confirm-delete-title' : '#delete-button');
  }

  private async deleteReport(): Promise<void> {
    const token = this.manageToken;
    if (!token) return;
    const ok = await this.calls.run(async () => {
      await this.backend.deleteLossReport(token);
      this.manageToken = undefined;
      this.managed = undefined;
      this.manageState = 'deleted';
    }, () => this.deleteReport(), 'submit');
    if (ok) await this.focusAfterRender('#view-heading');
  }

  /* ---- formatting for the views ---- */

  /** A calendar date ("2026-04-05") as "Sonntag, 5. April 2026". */
  private readonly dateText = (isoDate: string): string =>
    new Intl.DateTimeFormat(this.effectiveLocale === 'de' ? 'de-DE' : 'en-GB', {
      timeZone: 'UTC',
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    }).format(new Date(`${isoDate}T12:00:00Z`));

  /** An instant on the office's calendar. */
  private readonly instantText = (instant: string): string => this.dateText(dayInZone(instant, this.effectiveTimeZone));

  /** What the views read; they change the widget only through its callbacks. */
  private get viewContext(): FoundContext {
    return {
      t: this.t,
      coreT: this.coreT,
      locale: this.effectiveLocale,
      busy: this.busy,
      error: this.error,
      solving: this.solving,
      fieldErrors: this.fieldErrors,
      categories: this.categories,
      colours: this.colours,
      draft: this.draft,
      results: this.results,
      item: this.item,
      claimInput: this.claimInput,
      claimReceipt: this.claimReceipt,
      reportInput: this.reportInput,
      reportReceipt: this.reportReceipt,
      managed: this.managed,
      manageState: this.manageState,
      renewed: this.renewed,
      activated: this.activated,
      dateText: this.dateText,
      instantText: this.instantText,
      focusField: this.focusField,
      viewHref: (view) => this.viewHref(view),
      act: (action: keyof FoundActions, ...args: unknown[]) => void (this[action] as (...a: unknown[]) => Promise<void>)(...args),
      renderError: () => this.calls.renderError(this.coreT),
      setDraft: (key, value) => (this.draft = { ...this.draft, [key]: value }),
      setClaim: (key, value) => (this.claimInput = { ...this.claimInput, [key]: value }),
      setReport: (key, value) => (this.reportInput = { ...this.reportInput, [key]: value }),
    };
  }

  private renderView(): TemplateResult {
    const context = this.viewContext;
    switch (this.view.kind) {
      case 'search':
        return renderSearch(context);
      case 'item':
        return renderItemView(context, this.view.reference);
      case 'claim':
        return renderClaimView(context, this.view.reference);
      case 'report':
        return renderReportView(context);
      case 'activate':
      case 'manage':
        return renderManageView(context);
    }
  }

  protected override renderWidget(): TemplateResult {
    if (!this.ready) return html`<div class="found views">${this.error ? this.calls.renderError(this.coreT) : loading(this.t('loading'))}</div>`;
    return html`<div class="found views">${this.renderView()}</div>`;
  }
}
