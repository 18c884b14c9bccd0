import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { BackendCalls, FragmentRoute, LatestOnly, MuniElement, Reload, fieldStyles, viewStyles, button, clientOf, loading, notice, routeLink, writeRoute } from '@muni-widgets/core';
import type { ServiceProvider } from './provider.js';
import type { ServiceCatalog, ServiceDetail, ServiceSummary } from './model.js';
import { RestServiceProvider } from './providers/rest.js';
import { createServiceIndex, type ServiceIndex } from './search/index.js';
import { routeOf, viewOf, type View } from './navigation.js';
import { ComboboxController } from './combobox.js';
import { IdleReset } from './idle-reset.js';
import { sanitizedFragment } from './rich-text.js';
import { renderAz, renderCategory, renderHome, renderResults, type BrowseContext } from './views/browse.js';
import { renderServicePage } from './views/service-page.js';
import { finderMessages, type FinderMessages } from './i18n/messages.js';
import { finderStyles } from './styles.js';

/** Up to this size the whole catalog is indexed in the browser: instant, and it keeps working offline. */
const LOCAL_INDEX_LIMIT = 10_000;
const SUGGESTIONS = 8;
const RESULTS = 50;
/** Typing pauses shorter than this are not worth a request to the server. */
const SERVER_SEARCH_DELAY_MS = 200;
/** Announcing every keystroke's count would drown the citizen's own typing echo. */
const ANNOUNCE_DELAY_MS = 700;

declare global {
  interface HTMLElementEventMap {
    'muni-service-opened': CustomEvent<{ serviceId: string; name: string }>;
    'muni-appointment-requested': CustomEvent<{ serviceId: string; appointmentServiceId: string }>;
  }
}

/**
 * Find a municipal service, see what it takes, and act on it: apply online or book an appointment.
 *
 * @fires muni-service-opened - A service page was shown; detail: `{ serviceId, name }`.
 * @fires muni-appointment-requested - "Termin buchen" was pressed; detail: `{ serviceId, appointmentServiceId }`. Cancel it to handle the booking yourself.
 * @fires muni-error - A request failed; detail: `{ kind, code }`. The widget shows the message itself.
 * @csspart listbox - The search suggestions.
 * @csspart option - One suggestion.
 * @csspart service - The service page.
 * @csspart checklist - The required documents as a checklist.
 * @csspart office - A responsible office on the service page.
 * @csspart opening-state - "Jetzt geöffnet" / "Geschlossen".
 */
export class MuniServiceFinder extends MuniElement<FinderMessages> {
  static override styles = [...(MuniElement.styles as []), fieldStyles, viewStyles, finderStyles];

  /** Opens this service (id) when the URL names none, e.g. on a service's own CMS page. */
  @property() service: string | undefined;

  /**
   * Name of a query parameter that carries a search from the page's own search form, e.g. "q"
   * for `dienstleistungen.html?q=Ausweis`: the finder opens with its results.
   */
  @property({ attribute: 'query-param' }) queryParam: string | undefined;

  /** Town-hall terminal: large touch targets, reset after `idle-seconds`, no links that leave the page. */
  @property({ type: Boolean, reflect: true }) kiosk = false;

  /** Kiosk mode: seconds without a touch before the finder returns to its start. */
  @property({ type: Number, attribute: 'idle-seconds' }) idleSeconds = 120;

  /** The page with `<muni-appointment-picker>` for "Termin buchen"; without it, a picker on this page is used. */
  @property({ attribute: 'appointment-url' }) appointmentUrl: string | undefined;

  /** The catalog source: "rest" (the open widget API, default), "dldb" or "xzufi" (with `catalog-url`). */
  @property() api: 'rest' | 'dldb' | 'xzufi' = 'rest';

  /** For `api="dldb"`: `services_de.json`; for `"xzufi"`: an XZuFi 2.2 XML message, a feed's `index.txt` or our JSON form. */
  @property({ attribute: 'catalog-url' }) catalogUrl: string | undefined;

  /** For `api="dldb"`: `locations_de.json`, the offices with address, hours, accessibility; without it a service lists no offices. */
  @property({ attribute: 'locations-url' }) locationsUrl: string | undefined;

  /** For `api="dldb"`: `topic_de.json`, whose root topics become the categories; without it every service is in "Alle Leistungen". */
  @property({ attribute: 'topics-url' }) topicsUrl: string | undefined;

  /** A provider object set from script (tests, stories, a city's own adapter); wins over `api`. */
  @property({ attribute: false }) provider: ServiceProvider | undefined;

  @state() private catalog: ServiceCatalog | undefined;
  @state() private view: View = { kind: 'home' };
  @state() private query = '';
  @state() private results: readonly ServiceSummary[] = [];
  @state() private detail: ServiceDetail | undefined;
  @state() private richDescription: Node | undefined;

  private active: ServiceProvider | undefined;
  private index: ServiceIndex | undefined;
  /** Set once the first catalog load has ended, well or not: from then on the views follow the fragment. */
  private started = false;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private announceTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly calls = new BackendCalls(this);
  private readonly reload = new Reload(
    this,
    () =>
      this.configured
        ? [this.effectiveBackendUrl, this.effectiveLocale, this.effectiveTimeZone, this.provider, this.api, this.catalogUrl, this.locationsUrl, this.topicsUrl]
        : undefined,
    (signal) => this.start(signal),
  );
  private readonly suggestionRequests = new LatestOnly(this);
  private readonly pageRequests = new LatestOnly(this);

  private readonly combobox = new ComboboxController<ServiceSummary>(this, {
    id: 'search',
    key: (s) => s.id,
    renderOption: (s) => html`<span class="option__name">${s.name}</span>
      <span class="option__category muted">${this.categoryName(s.category)}</span>`,
    onChoose: (s) => {
      this.query = s.name;
      void this.navigate({ kind: 'service', id: s.id });
    },
    onSubmit: (text) => void this.submitSearch(text),
    onClear: () => this.typed(''),
  });

  private readonly idle = new IdleReset(this, {
    enabled: () => this.kiosk,
    seconds: () => this.idleSeconds,
    onIdle: () => void this.resetToStart(),
  });

  protected readonly messages = finderMessages;

  protected override get needsBackend(): boolean {
    return this.provider === undefined && this.api === 'rest';
  }

  /** Only the finder's own part of the fragment matters: the page and other widgets use it too. */
  private readonly route = new FragmentRoute(this, 'muni-service', () => {
    if (this.started) void this.show(viewOf(this.route.route), this.matches(':focus-within'));
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
    clearTimeout(this.announceTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('kiosk') || changed.has('idleSeconds')) this.idle.restart();
  }

  /** A DLDB or XZuFi export is only downloaded by pages that use one. */
  private async chooseProvider(): Promise<ServiceProvider> {
    if (this.provider) return this.provider;
    if (this.api === 'dldb') return new (await import('./providers/dldb.js')).DldbServiceProvider({
        servicesUrl: this.catalogUrl ?? '',
        locationsUrl: this.locationsUrl || undefined,
        topicsUrl: this.topicsUrl || undefined,
      });
    if (this.api === 'xzufi') return new (await import('./providers/xzufi.js')).XzufiServiceProvider({ url: this.catalogUrl ?? '', language: this.effectiveLocale });
    return new RestServiceProvider(clientOf(this), this.effectiveTimeZone);
  }

  /** `signal` ends when an input changes: then another start has taken over. */
  private async start(signal: AbortSignal): Promise<void> {
    this.active = this.catalog = this.index = undefined;
    const loaded = await this.calls.run(async () => {
      const active = await this.chooseProvider();
      signal.throwIfAborted();
      this.active = active;
      await this.loadCatalog(signal);
    }, () => this.reload.again());
    if (signal.aborted) return;
    this.started = true;
    if (loaded) await this.show(this.initialView(), false);
  }

  private async loadCatalog(signal?: AbortSignal): Promise<void> {
    const active = (this.active ??= await this.chooseProvider());
    const catalog = await active.catalog({ signal });
    signal?.throwIfAborted();
    this.index =
      catalog.services.length <= LOCAL_INDEX_LIMIT || !active.search
        ? createServiceIndex(catalog.services, { categoryNames: Object.fromEntries(catalog.categories.map((c) => [c.id, c.name])) })
        : undefined;
    this.catalog = catalog;
  }

  /** The fragment wins (a shared link, Back); then the page's search form; then the `service` attribute. */
  private initialView(): View {
    const route = this.route.route;
    if (route) return viewOf(route);
    const query = this.queryParam ? new URLSearchParams(location.search).get(this.queryParam)?.trim() : undefined;
    if (query) return { kind: 'search', query: query.slice(0, 100) };
    return this.service ? { kind: 'service', id: this.service } : { kind: 'home' };
  }

  /** A step the citizen takes: it goes into the history, so Back returns here. */
  private async navigate(view: View): Promise<void> {
    this.route.go(routeOf(view), true);
    await this.show(view, true);
  }

  /** Renders `view`; `focus` moves focus to its heading, for changes the citizen caused. */
  private async show(view: View, focus: boolean): Promise<void> {
    this.view = view;
    this.calls.clear();
    this.detail = undefined;
    this.richDescription = undefined;
    this.pageRequests.cancel();
    if (view.kind === 'search') {
      this.query = view.query;
      await this.loadResults(view.query);
    } else if (view.kind === 'service') {
      await this.loadService(view.id);
    } else if (!this.catalog) {
      await this.calls.run(() => this.loadCatalog(), () => this.show(view, true));
    }
    if (focus) await this.focusAfterRender('#view-heading');
  }

  private async loadResults(query: string): Promise<void> {
    // Without an index (the catalog failed to load, or is too large to index here) the server
    // searches; a retry repeats this search, so the query and its results come back, not the start.
    const found = await this.calls.run(async () => {
      const active = (this.active ??= await this.chooseProvider());
      // A provider without a server search can only search its catalog: that load is tried again.
      if (!this.index && !active.search) await this.loadCatalog();
      this.results = this.index
        ? this.index.search(query, { limit: RESULTS }).map((hit) => hit.service)
        : await this.pageRequests.run((signal) => active.search!(query, { signal, limit: RESULTS }));
    }, () => this.show({ kind: 'search', query }, true));
    if (found) this.announcer.announce(this.t('resultCount', { count: this.results.length }));
  }

  private async loadService(id: string): Promise<void> {
    let detail: ServiceDetail | undefined;
    const loaded = await this.calls.run(async () => {
      const active = (this.active ??= await this.chooseProvider());
      detail = await this.pageRequests.run((signal) => active.service(id, { signal }));
    }, () => this.show({ kind: 'service', id }, true));
    if (!loaded || !detail) return;
    this.detail = detail;
    this.emit('muni-service-opened', { serviceId: detail.id, name: detail.name });
    if (detail.description.format === 'html') {
      const holder = document.createElement('div');
      holder.append(await sanitizedFragment(detail.description.html, { linksAsText: this.kiosk }));
      if (this.detail === detail) this.richDescription = holder;
    }
  }

  private typed(value: string): void {
    this.query = value;
    clearTimeout(this.searchTimer);
    const text = value.trim();
    if (text.length < 2) {
      this.suggestionRequests.cancel();
      this.combobox.show([]);
      return;
    }
    if (this.index) {
      this.suggest(this.index.search(text, { limit: SUGGESTIONS }).map((hit) => hit.service));
      return;
    }
    const search = this.active?.search?.bind(this.active);
    if (!search) return; // no catalog and no server search yet: Enter still searches
    this.searchTimer = setTimeout(() => {
      this.suggestionRequests
        .run((signal) => search(text, { signal, limit: SUGGESTIONS }))
        .then((found) => this.suggest(found))
        // Suggestions are a convenience: Enter still searches, and shows any error there.
        .catch(() => this.suggest([]));
    }, SERVER_SEARCH_DELAY_MS);
  }

  private suggest(services: readonly ServiceSummary[]): void {
    this.combobox.show(services);
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => this.announcer.announce(this.t('suggestionCount', { count: services.length })), ANNOUNCE_DELAY_MS);
  }

  private async submitSearch(text: string): Promise<void> {
    const query = text.trim();
    if (!query) {
      await this.focusAfterRender('#search');
      return;
    }
    // Suggestions still on their way are moot once the citizen searches: no second request.
    clearTimeout(this.searchTimer);
    this.suggestionRequests.cancel();
    clearTimeout(this.announceTimer);
    await this.navigate({ kind: 'search', query });
  }

  private async resetToStart(): Promise<void> {
    this.query = '';
    this.combobox.show([]);
    this.route.go(routeOf({ kind: 'home' }));
    await this.show({ kind: 'home' }, false);
    this.scrollIntoView({ block: 'start' });
  }

  private categoryName(id: string): string {
    return this.catalog?.categories.find((c) => c.id === id)?.name ?? '';
  }

  /** "Termin buchen" needs somewhere to go: the picker's page, or a picker on this page. */
  private bookingTarget(): 'page' | 'here' | undefined {
    if (this.appointmentUrl) return 'page';
    return document.querySelector('muni-appointment-picker') ? 'here' : undefined;
  }

  private requestAppointment(detail: ServiceDetail, appointmentServiceId: string): void {
    if (!this.emit('muni-appointment-requested', { serviceId: detail.id, appointmentServiceId })) return;
    const target = this.bookingTarget();
    const appointment = { kind: 'service', arg: appointmentServiceId };
    if (target === 'page') {
      location.assign(routeLink(new URL(this.appointmentUrl!, document.baseURI).href, 'muni-appointment', appointment));
    } else if (target === 'here') {
      // Assigned, not pushed: the picker on this page hears it as a hashchange.
      location.hash = writeRoute(location.hash, 'muni-appointment', appointment);
    }
  }

  private get browseContext(): BrowseContext {
    return { t: this.t, locale: this.effectiveLocale, href: (view) => this.route.href(routeOf(view)), kiosk: this.kiosk };
  }

  private renderSearchBox(): TemplateResult {
    const t = this.t;
    const { activedescendant } = this.combobox.inputAttributes();
    return html`<div class="search no-print" role="search" aria-label=${t('searchLandmark')} part="search">
      <label class="field__label" for="search">${t('searchLabel')}</label>
      <span class="field__hint" id="search-hint">${t('searchHint')}</span>
      <div class="search__row">
        <div class="combobox">
          <input
            id="search"
            class="field__input"
            part="input"
            type="text"
            role="combobox"
            autocomplete="off"
            spellcheck="false"
            aria-autocomplete="list"
            aria-expanded=${this.combobox.expanded ? 'true' : 'false'}
            aria-controls=${this.combobox.listboxId}
            aria-activedescendant=${activedescendant}
            aria-describedby="search-hint"
            maxlength="100"
            .value=${live(this.query)}
            @input=${(e: Event) => this.typed((e.target as HTMLInputElement).value)}
            @keydown=${this.combobox.onKeydown}
            @blur=${this.combobox.onBlur}
          />
          ${this.combobox.renderListbox(t('suggestionsLabel'))}
        </div>
        ${button({ label: t('searchButton'), onClick: () => void this.submitSearch(this.query), part: 'search-button' })}
      </div>
    </div>`;
  }

  private renderView(): TemplateResult {
    const catalog = this.catalog;
    const ctx = this.browseContext;
    const view = this.view;
    if (view.kind === 'search') {
      return this.calls.busy ? loading(this.t('searching')) : renderResults(ctx, view.query, this.results, catalog?.contact);
    }
    if (view.kind === 'service') return this.renderService();
    if (!catalog) return loading(this.t('loadingCatalog'));
    switch (view.kind) {
      case 'home':
        return renderHome(ctx, catalog.categories);
      case 'az':
        return renderAz(ctx, catalog.services, (letter) => void this.focusAfterRender(`#letter-${letter === '#' ? 'other' : letter}`));
      case 'category': {
        const category = catalog.categories.find((c) => c.id === view.id);
        if (!category) return this.renderMissing();
        return renderCategory(ctx, category, catalog.services.filter((s) => s.category === view.id));
      }
    }
  }

  private renderService(): TemplateResult {
    const detail = this.detail;
    if (!detail) return this.calls.busy ? loading(this.t('loadingService')) : this.renderMissing();
    const t = this.t;
    const category = this.catalog?.categories.find((c) => c.id === detail.category);
    const appointmentId = detail.appointment?.serviceId ?? detail.appointmentServiceId;
    return renderServicePage({
      t,
      locale: this.effectiveLocale,
      timeZone: this.effectiveTimeZone,
      now: Date.now(),
      service: detail,
      richDescription: this.richDescription,
      kiosk: this.kiosk,
      back: category
        ? { href: this.route.href(routeOf({ kind: 'category', id: category.id })), label: t('backTo', { name: category.name }) }
        : { href: this.route.href(routeOf({ kind: 'home' })), label: t('backToStart') },
      onBook: appointmentId && this.bookingTarget() ? () => this.requestAppointment(detail, appointmentId) : undefined,
      onPrint: () => window.print(),
    });
  }

  private renderMissing(): TemplateResult {
    const t = this.t;
    return html`<h2 id="view-heading" tabindex="-1">${t('notFoundTitle')}</h2>
      ${notice({ variant: 'info', title: t('notFoundBody'), body: html`<a href=${this.route.href(routeOf({ kind: 'home' }))}>${t('backToStart')}</a>` })}`;
  }

  protected override renderWidget(): TemplateResult {
    const t = this.t;
    return html`<div class="finder views">
      ${this.renderSearchBox()}
      ${this.kiosk && this.view.kind !== 'home'
        ? html`<div class="no-print">${button({ label: t('restart'), variant: 'secondary', onClick: () => void this.resetToStart(), part: 'restart-button' })}</div>`
        : nothing}
      <div class="finder__view">
        ${this.calls.error
          ? this.calls.renderError(this.coreT)
          : this.started
            ? this.renderView()
            : loading(t('loadingCatalog'))}
      </div>
    </div>`;
  }
}
