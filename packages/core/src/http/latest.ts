import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ApiError } from './errors.js';

/**
 * Runs one request at a time for a purpose and aborts the stale one when a
 * new one starts: typing "Per", "Pers", "Perso" must never show the answer
 * for "Per" after the one for "Perso". The signal's reason is an `aborted`
 * ApiError, so `signal.throwIfAborted()` after a wait ends a stale call quietly.
 * Given a host, it also aborts when the element leaves the page.
 */
export class LatestOnly implements ReactiveController {
  protected controller: AbortController | undefined;

  constructor(host?: ReactiveControllerHost) {
    host?.addController(this);
  }

  run<T>(request: (signal: AbortSignal) => Promise<T>): Promise<T> {
    this.cancel();
    const controller = new AbortController();
    this.controller = controller;
    return request(controller.signal).finally(() => {
      if (this.controller === controller) this.controller = undefined;
    });
  }

  cancel(): void {
    this.controller?.abort(new ApiError('aborted'));
    this.controller = undefined;
  }

  hostDisconnected(): void {
    this.cancel();
  }
}
