import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Tracks a media query and re-renders the host when it flips (dark mode, reduced motion, …). */
export class MediaQueryController implements ReactiveController {
  matches = false;
  private list: MediaQueryList | undefined;
  private readonly onChange = (event: MediaQueryListEvent) => {
    this.matches = event.matches;
    this.host.requestUpdate();
  };

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly query: string,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.list = globalThis.matchMedia?.(this.query);
    this.matches = this.list?.matches ?? false;
    this.list?.addEventListener('change', this.onChange);
  }

  hostDisconnected(): void {
    this.list?.removeEventListener('change', this.onChange);
  }
}
