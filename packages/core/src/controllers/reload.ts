import type { ReactiveControllerHost } from 'lit';
import { LatestOnly } from '../http/latest.js';

/**
 * Loads what a widget shows, and loads it again whenever one of its inputs changes. Every input
 * is compared on its own, a provider by identity, so no input can be forgotten in a hand-built
 * key. A newer load aborts the older one's signal; the load checks `signal` after each wait
 * (`signal.throwIfAborted()`), so a late answer for old inputs never reaches the screen.
 * A load still running when the element leaves the page (a live subscription always is) is
 * aborted and runs again when the element comes back.
 */
export class Reload extends LatestOnly {
  private inputs: readonly unknown[] | undefined;

  constructor(
    host: ReactiveControllerHost,
    /** Everything the load depends on; undefined while it cannot run (no backend configured yet). */
    private readonly read: () => readonly unknown[] | undefined,
    private readonly load: (signal: AbortSignal) => Promise<unknown>,
  ) {
    super(host);
  }

  hostUpdate(): void {
    const inputs = this.read();
    const before = this.inputs;
    if (inputs === before || (inputs && before?.length === inputs.length && inputs.every((input, i) => input === before[i]))) return;
    this.inputs = inputs;
    if (inputs) void this.again();
    else this.cancel();
  }

  /** Loads again for the same inputs (a retry, a restart), superseding the running load. */
  again(): Promise<unknown> {
    return this.run(this.load);
  }

  override hostDisconnected(): void {
    if (!this.controller) return;
    super.hostDisconnected();
    this.inputs = undefined;
  }
}
