import { LitElement, html, nothing, type CSSResultGroup, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { ContextConsumer } from '@lit/context';
import { muniConfigContext, type MuniConfig, type Theme } from './config-context.js';
import { DEFAULT_LOCALE, toLocale, type Locale } from './i18n/locale.js';
import { translator, type Catalog, type Translate } from './i18n/translate.js';
import type { Catalogs } from './i18n/catalogs.js';
import { coreMessages, type CoreMessages } from './i18n/core-messages.js';
import { OFFICE_TIME_ZONE } from './i18n/format.js';
import { LiveAnnouncer } from './controllers/live-announcer.js';
import { MediaQueryController } from './controllers/media-query.js';
import { localeConverter, themeConverter, validTimeZone } from './locale-attribute.js';
import { providerArrival } from './provider-on-demand.js';
import { tokens } from './styles/tokens.js';
import { base } from './styles/base.js';
import { partStyles } from './styles/parts.js';

declare global {
  interface HTMLElementEventMap {
    /** Every widget reports a failed request this way; it shows the message itself. */
    'muni-error': CustomEvent<{ kind: string; code?: string }>;
  }
}

/**
 * The base of every muni widget: it resolves configuration (own attributes
 * over `<muni-provider>` over defaults), owns the live announcer, and refuses
 * to render a half-working widget when no backend is configured.
 *
 * @cssprop --muni-color-primary - Buttons, links, selection. Default #0a4f8f.
 * @cssprop --muni-color-on-primary - Text on primary. Default #ffffff.
 * @cssprop --muni-color-text - Body text. Default #1b1b1b.
 * @cssprop --muni-color-text-muted - Hints and secondary text. Default #545454.
 * @cssprop --muni-color-background - Widget background. Default #ffffff.
 * @cssprop --muni-color-surface - Panels and notices. Default #f3f5f7.
 * @cssprop --muni-color-border - Input and panel borders. Default #767676.
 * @cssprop --muni-color-error - Errors. Default #b3261e.
 * @cssprop --muni-color-success - Confirmations. Default #1e6b34.
 * @cssprop --muni-color-warning - Warnings. Default #8a5300.
 * @cssprop --muni-color-focus - Focus ring. Default #0a4f8f.
 * @cssprop --muni-font-family - Default: the system UI font.
 * @cssprop --muni-font-size - Base size. Default 1rem.
 * @cssprop --muni-radius - Corner radius. Default 0.375rem.
 * @cssprop --muni-spacing - Base spacing unit. Default 1rem.
 * @cssprop --muni-focus-ring-width - Default 3px.
 * @csspart base - The widget's outer wrapper.
 * @csspart button - Every button.
 * @csspart field - A label, hint, error and input group.
 * @csspart label - A field's label.
 * @csspart input - A text input or textarea.
 * @csspart error - A field's error message.
 * @csspart notice - Status, warning and error boxes.
 * @csspart loading - The loading indicator.
 */
export abstract class MuniElement<M extends Catalog = CoreMessages> extends LitElement {
  static override styles: CSSResultGroup = [tokens, base, partStyles];

  /** Base URL of the widget API, e.g. "https://termine.musterstadt.de/api". Overrides `<muni-provider>`. */
  @property({ attribute: 'backend-url' }) backendUrl: string | undefined;

  /** "de" (default) or "en". Overrides `<muni-provider>` and the page's `lang`. */
  @property({ converter: localeConverter }) locale: Locale | undefined;

  /** IANA time zone of the office. Default Europe/Berlin. */
  @property({ attribute: 'time-zone' }) timeZone: string | undefined;

  /** "light" (default), "dark" or "auto" (follows the device). */
  @property({ converter: themeConverter }) theme: Theme | undefined;

  /** What the closest `<muni-provider>` says; it updates the widget when that changes. */
  private readonly config = new ContextConsumer(this, { context: muniConfigContext, subscribe: true });
  protected readonly announcer = new LiveAnnouncer(this);
  private readonly prefersDark = new MediaQueryController(this, '(prefers-color-scheme: dark)');
  /** Set while a `<muni-provider>` around the widget is being defined (see provider-on-demand.ts). */
  private providerArriving: Promise<void> | undefined;
  /** Set while a language's texts are on their way (see Catalogs). */
  private textsArriving: Promise<void> | undefined;
  private hasShownContent = false;
  /** The editor's notice for a widget without backend, loaded when first needed. */
  private unconfigured: ((locale: Locale, backendUrl: string | undefined) => TemplateResult) | undefined;

  protected get inherited(): MuniConfig | undefined {
    return this.config.value;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.providerArriving ??= providerArrival(this)?.then(() => {
      this.providerArriving = undefined;
      // Asking again the way the consumer asks on connecting: the provider can answer now.
      this.config.hostConnected();
      this.requestUpdate();
    });
  }

  get effectiveLocale(): Locale {
    const pageLang = toLocale(this.closest('[lang]')?.getAttribute('lang'));
    return this.locale ?? this.inherited?.locale ?? pageLang ?? DEFAULT_LOCALE;
  }

  get effectiveBackendUrl(): string | undefined {
    return this.backendUrl || this.inherited?.backendUrl || undefined;
  }

  get effectiveTimeZone(): string {
    return validTimeZone(this.timeZone) ?? validTimeZone(this.inherited?.timeZone) ?? OFFICE_TIME_ZONE;
  }

  get effectiveTheme(): 'light' | 'dark' {
    const theme = this.theme ?? this.inherited?.theme ?? 'light';
    return theme === 'auto' ? (this.prefersDark.matches ? 'dark' : 'light') : theme;
  }

  /** The widget's own texts (core's come with every widget). */
  protected abstract readonly messages: Catalogs<M>;

  /** The widget's texts in its language. */
  get t(): Translate<M> {
    return translator(this.messages, this.effectiveLocale);
  }

  /** Core messages in the widget's language. */
  get coreT(): Translate<CoreMessages> {
    return translator(coreMessages, this.effectiveLocale);
  }

  /** Widgets that can run without a server (an in-memory provider) return false. */
  protected get needsBackend(): boolean {
    return true;
  }

  /**
   * False too while a `<muni-provider>` around the widget is loading: its settings are not known yet.
   * Every backend's API (this server's, ZMS's /…/api/citizen) lies under /api: a backend-url
   * without it, the commonest slip, gets the editor's notice instead of a failing request.
   */
  protected get configured(): boolean {
    return !this.providerArriving && (!this.needsBackend || /\/api(\/|$)/.test(this.effectiveBackendUrl ?? ''));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Theme tokens key off the host attribute so `::part` rules from the page still apply.
    this.dataset['theme'] = this.effectiveTheme;
  }

  /** Every catalog the widget renders with; a widget with texts in a lazy part adds them. */
  protected get catalogs(): Catalogs<Catalog>[] {
    return [coreMessages, this.messages as Catalogs<Catalog>];
  }

  protected override render(): TemplateResult {
    const locale = this.effectiveLocale;
    const missing = this.providerArriving ? [] : this.catalogs.filter((c) => !c.has(locale));
    if (missing.length) {
      this.textsArriving ??= Promise.all(missing.map((c) => c.load(locale))).then(() => {
        this.textsArriving = undefined;
        this.requestUpdate();
      });
    }
    // The first content waits for the provider (it may set language and backend) and the texts,
    // so nothing appears half-translated. Later, a change of language shows German for the moment
    // its texts take rather than blanking the widget. One template throughout, so the live
    // regions stay the same elements from the first paint on.
    const waiting = !this.hasShownContent && (this.providerArriving !== undefined || missing.length > 0);
    this.hasShownContent ||= !waiting;
    return html`<div class="root" part="base" lang=${locale} aria-busy=${waiting ? 'true' : nothing}>
      ${waiting ? nothing : this.configured ? this.renderWidget() : this.renderUnconfigured()} ${this.announcer.render()}
    </div>`;
  }

  /** Also waits for the provider and the texts, so `await el.updateComplete` means "rendered as configured". */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    while (this.providerArriving ?? this.textsArriving) {
      await (this.providerArriving ?? this.textsArriving);
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  /** The widget's own content; called only when it is configured. */
  protected abstract renderWidget(): TemplateResult;

  private renderUnconfigured(): TemplateResult | undefined {
    this.textsArriving ??= this.unconfigured
      ? undefined
      : import('./unconfigured-notice.js').then((m) => {
          this.unconfigured = m.unconfiguredNotice(this.localName);
          this.textsArriving = undefined;
          this.requestUpdate();
        });
    return this.unconfigured?.(this.effectiveLocale, this.effectiveBackendUrl);
  }

  /** Dispatches a typed event the host page can listen to: it bubbles out of the shadow root. */
  protected emit<K extends keyof HTMLElementEventMap>(
    type: K,
    detail: HTMLElementEventMap[K] extends CustomEvent<infer D> ? D : never,
  ): boolean {
    return this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: true }));
  }

  /** Focus to a form field by id, as the error summary's links move it. */
  protected readonly focusField = (id: string): void => this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(id)}`)?.focus();

  /** Moves focus on purpose after a step, once the new content is rendered. */
  protected async focusAfterRender(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }
}
