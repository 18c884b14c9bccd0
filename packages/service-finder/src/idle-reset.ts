import type { ReactiveController, ReactiveControllerHost } from 'lit';

const ACTIVITY = ['pointerdown', 'keydown', 'input', 'wheel'] as const;

/**
 * For a town-hall terminal: after `seconds` without a touch or key press inside the host, the
 * next visitor must not find the previous visitor's search. Only armed while `enabled()`.
 */
export class IdleReset implements ReactiveController {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: { enabled: () => boolean; seconds: () => number; onIdle: () => void },
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    for (const type of ACTIVITY) this.host.addEventListener(type, this.restart, { passive: true });
    this.restart();
  }

  hostDisconnected(): void {
    for (const type of ACTIVITY) this.host.removeEventListener(type, this.restart);
    clearTimeout(this.timer);
  }

  /** Called on activity, and by the host when kiosk mode or the idle time changes. */
  readonly restart = (): void => {
    clearTimeout(this.timer);
    if (!this.options.enabled()) return;
    this.timer = setTimeout(() => this.options.onIdle(), Math.max(1, this.options.seconds()) * 1000);
  };
}
