import type { ReactiveController, ReactiveControllerHost } from 'lit';

const TWO_MINUTES = 120_000;

export interface HoldTimerCallbacks {
  onTwoMinutesLeft: () => void;
  onExpired: () => void;
  now?: () => number;
}

/**
 * Counts down a reservation hold once a second. Screen readers hear it only
 * twice, at two minutes left and at expiry, through the host's announcer:
 * the visible timer itself has role="timer", which is not live.
 */
export class HoldTimer implements ReactiveController {
  private expiresAt = 0;
  private interval: ReturnType<typeof setInterval> | undefined;
  private warned = false;
  remainingMs = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly callbacks: HoldTimerCallbacks,
  ) {
    host.addController(this);
  }

  get running(): boolean {
    return this.interval !== undefined;
  }

  /** "9:05": minutes and seconds left. */
  get display(): string {
    const seconds = Math.ceil(this.remainingMs / 1000);
    return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  }

  start(expiresAt: string): void {
    clearInterval(this.interval);
    this.expiresAt = Date.parse(expiresAt);
    this.warned = this.expiresAt - this.now() <= TWO_MINUTES;
    this.interval = setInterval(() => this.tick(), 1000);
    this.tick();
  }

  stop(): void {
    clearInterval(this.interval);
    this.interval = undefined;
    this.expiresAt = 0;
  }

  /** An element moved in the page (a CMS tab, an accordion) keeps counting where it left off. */
  hostConnected(): void {
    if (this.expiresAt > 0 && this.remainingMs > 0 && !this.running) {
      this.interval = setInterval(() => this.tick(), 1000);
      this.tick();
    }
  }

  hostDisconnected(): void {
    clearInterval(this.interval);
    this.interval = undefined;
  }

  private now(): number {
    return (this.callbacks.now ?? Date.now)();
  }

  private tick(): void {
    this.remainingMs = Math.max(0, this.expiresAt - this.now());
    if (!this.warned && this.remainingMs <= TWO_MINUTES) {
      this.warned = true;
      this.callbacks.onTwoMinutesLeft();
    }
    if (this.remainingMs === 0) {
      this.stop();
      this.callbacks.onExpired();
    }
    this.host.requestUpdate();
  }
}
