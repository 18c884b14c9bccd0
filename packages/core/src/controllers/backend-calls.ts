import { nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { toApiError, type ApiError } from '../http/errors.js';
import type { Translate } from '../i18n/translate.js';
import type { CoreMessages } from '../i18n/core-messages.js';
import { errorState } from '../parts/notices.js';

/**
 * Backend calls as a citizen experiences them: a busy state while any is running, one German
 * (or English) message when one fails, and a retry that repeats the citizen's whole action.
 * Calls never touch form state, so nothing typed is lost; a call cancelled because a newer one
 * replaced it shows nothing. Failures are also reported to the page as `muni-error`.
 */
export class BackendCalls implements ReactiveController {
  error: ApiError | undefined;
  private pending = 0;
  private again: (() => Promise<unknown>) | undefined;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  /** Several calls can overlap (a month loading while a day's times load). */
  get busy(): boolean {
    return this.pending > 0;
  }

  /** Runs `action`; resolves to whether it succeeded. `again` is what the retry button repeats. */
  async run(action: () => Promise<void>, again: () => Promise<unknown>): Promise<boolean> {
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
      const detail = { kind: apiError.kind, ...(apiError.code ? { code: apiError.code } : {}) };
      this.host.dispatchEvent(new CustomEvent('muni-error', { detail, bubbles: true, composed: true }));
      return false;
    } finally {
      this.pending--;
      this.host.requestUpdate();
    }
  }

  async retryLast(): Promise<void> {
    const again = this.again;
    this.clear();
    if (again) await again();
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
    return this.error ? errorState(t, this.error, () => void this.retryLast()) : nothing;
  }
}
