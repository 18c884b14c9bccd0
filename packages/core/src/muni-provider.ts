import { LitElement, css, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { ContextConsumer, ContextProvider } from '@lit/context';
import { muniConfigContext, type MuniConfig, type Theme } from './config-context.js';
import type { Locale } from './i18n/locale.js';
import { localeConverter, themeConverter } from './locale-attribute.js';

/**
 * One configuration for every muni widget inside it: backend, language, time
 * zone and theme. A widget's own attributes win; a provider inside another
 * provider inherits what it does not set itself.
 *
 * @slot - Any content, including muni widgets at any depth.
 */
export class MuniProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** Base URL of the widget API for all widgets inside. */
  @property({ attribute: 'backend-url' }) backendUrl: string | undefined;

  /** "de" (default) or "en". */
  @property({ converter: localeConverter }) locale: Locale | undefined;

  /** IANA time zone of the offices. Default Europe/Berlin. */
  @property({ attribute: 'time-zone' }) timeZone: string | undefined;

  /** "light" (default), "dark" or "auto". */
  @property({ converter: themeConverter }) theme: Theme | undefined;

  private readonly provider = new ContextProvider(this, { context: muniConfigContext, initialValue: {} });
  private readonly outer = new ContextConsumer(this, {
    context: muniConfigContext,
    subscribe: true,
    callback: () => this.requestUpdate(),
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const outer: MuniConfig = this.outer.value ?? {};
    const own: MuniConfig = {};
    if (this.backendUrl) own.backendUrl = this.backendUrl;
    if (this.locale) own.locale = this.locale;
    if (this.timeZone) own.timeZone = this.timeZone;
    if (this.theme) own.theme = this.theme;
    // A new object on every change: consumers compare by identity.
    this.provider.setValue({ ...outer, ...own });
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
