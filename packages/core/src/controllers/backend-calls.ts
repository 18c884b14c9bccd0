import { nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { toApiError, type ApiError, type CallPurpose } from '../http/errors.js';
import type { Translate } from '../i18n/translate.js';
import type { CoreMessages } from '../i18n/core-messages.js';
import { errorState } from '../parts/notices.js';

/** The first of these in the widget: a new retry button, the recovered content's heading, or its first control. */
const FOCUS = '[part=retry-button],[tabindex="-1"],input';

/**
 * Backend calls as a citizen experiences them: a busy state while any is running, one German
 * (or English) message when one fails, and a retry that repeats the citizen's whole action.
 * Calls never touch form state, so nothing typed is lost; a call cancelled because a newer one
 * replaced it shows nothing. Failures are also reported to the page as `muni-error`.
 */
export class BackendCalls implements ReactiveController {
  error: ApiError | undefined;
  /** What the failed call was for: it decides the message and whether a retry is offered. */
  purpose: CallPurpose | undefined;
  private pending = 0;
  private again: (() => Promise<unknown>) | undefined;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  /** Several calls can overlap (a month loading while a day's times load). */
  get busy(): boolean {
    return this.pending > 0;
  }

  /**
   * Runs `action`; resolves to whether it succeeded. `again` is what the retry button repeats;
   * `purpose` says whether the call sends what the citizen entered (see CallPurpose): a load unless it does.
   */
  async run(action: () => Promise<void>, again: () => Promise<unknown>, purpose: CallPurpose = 'load'): Promise<boolean> {
    this.pending++;
    this.error = undefined;
    this.again = again;
    this.host.requestUpdate();
    try {
      await action();
      if (this.again === again) this.again = undefined;
      return true;
    } catch (error) {
      const apiError = toApiError(error);
      if (apiError.kind === 'aborted') return false;
      this.error = apiError;
      this.purpose = purpose;
      const detail = { kind: apiError.kind, ...(apiError.code ? { code: apiError.code } : {}) };
      this.host.dispatchEvent(new CustomEvent('muni-error', { detail, bubbles: true, composed: true }));
      return false;
    } finally {
      this.pending--;
      this.host.requestUpdate();
    }
  }

  /**
   * Repeats the failed action. The retry button goes away with the message, so unless the action
   * put focus somewhere itself, focus goes on purpose (FOCUS), never to the page's body.
   */
  async retryLast(): Promise<void> {
    const again = this.again;
    this.clear();
    if (again) await again();
    await this.host.updateComplete;
    // Focus inside the widget makes the widget the document's active element: only lost focus moves.
    if (document.activeElement === document.body) this.host.shadowRoot?.querySelector<HTMLElement>(FOCUS)?.focus();
  }

  clear(): void {
    this.error = undefined;
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.again = undefined;
  }

  /** The error with its retry, where the widget shows it. */
  renderError(t: Translate<CoreMessages>): TemplateResult | typeof nothing {
    return this.error ? errorState(t, this.error, this.purpose!, () => void this.retryLast()) : nothing;
  }
}
