import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

export type Politeness = 'polite' | 'assertive';

/** Milliseconds between emptying a region and filling it: long enough for screen readers to notice a repeat. */
const REANNOUNCE_DELAY = 100;

/**
 * Owns two live regions in the widget's shadow root and speaks status
 * changes through them. The regions are rendered from the first paint on,
 * because screen readers ignore live regions that appear together with
 * their text. The same message twice is read twice: the region is emptied,
 * then refilled after a short pause.
 */
export class LiveAnnouncer implements ReactiveController {
  private polite = '';
  private assertive = '';
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  announce(message: string, politeness: Politeness = 'polite'): void {
    clearTimeout(this.timer);
    this.polite = '';
    this.assertive = '';
    this.host.requestUpdate();
    this.timer = setTimeout(() => {
      if (politeness === 'polite') this.polite = message;
      else this.assertive = message;
      this.host.requestUpdate();
    }, REANNOUNCE_DELAY);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  render(): TemplateResult {
    return html`<div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-announcer="polite">${this.polite}</div>
      <div class="visually-hidden" aria-live="assertive" aria-atomic="true" data-announcer="assertive">${this.assertive}</div>`;
  }
}
