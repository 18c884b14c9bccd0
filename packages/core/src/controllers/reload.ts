import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Loads what a widget shows, and loads it again whenever one of its inputs changes. Every input
 * is compared on its own, a provider by identity, so no input can be forgotten in a hand-built
 * key. A newer load aborts the older one's signal; the load checks `signal` after each wait
 * (`signal.throwIfAborted()`), so a late answer for old inputs never reaches the screen.
 * A load still running when the element leaves the page (a live subscription always is) is
 * aborted and runs again when the element comes back.
 */
export class Reload implements ReactiveController {
  private inputs: readonly unknown[] | undefined;
  private running: AbortController | undefined;

  constructor(
    host: ReactiveControllerHost,
    /** Everything the load depends on; undefined while it cannot run (no backend configured yet). */
    private readonly read: () => readonly unknown[] | undefined,
    private readonly load: (signal: AbortSignal) => Promise<unknown>,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const inputs = this.read();
    const before = this.inputs;
    if (inputs === before || (inputs && before?.length === inputs.length && inputs.every((input, i) => Object.is(input, before[i])))) return;
    this.inputs = inputs;
    if (inputs) void this.again();
    else this.stop();
  }

  /** Loads again for the same inputs (a retry, a restart), superseding the running load. */
  again(): Promise<unknown> {
    this.stop();
    const running = (this.running = new AbortController());
    return this.load(running.signal).finally(() => {
      if (this.running === running) this.running = undefined;
    });
  }

  hostDisconnected(): void {
    if (!this.running) return;
    this.stop();
    this.inputs = undefined;
  }

  private stop(): void {
    this.running?.abort();
    this.running = undefined;
  }
}
