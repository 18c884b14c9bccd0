import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { readRoute, writeRoute, type FragmentKey, type Route } from '../fragment.js';

/** Told to every route on the page when one writes: history.pushState fires no hashchange. */
const WRITTEN = 'muni-fragment';

/** This page without its fragment: where mails and the pay platform lead the citizen back to. */
export const returnUrl = (): string => location.href.split('#')[0]!;

/**
 * Puts `route` under `key` into the address bar (none: removes the key), keeping the rest of the
 * fragment. `push` for a step the citizen takes, so Back returns to it; without, the current
 * entry changes (a token read once, a reset).
 */
export function setRoute(key: FragmentKey, route?: Route, push = false): void {
  const hash = writeRoute(location.hash, key, route);
  if (hash !== location.hash) history[push ? 'pushState' : 'replaceState'](history.state, '', hash || returnUrl());
  dispatchEvent(new Event(WRITTEN));
}

/**
 * A widget's route in the page's URL fragment, read and written only under its own key. `changed`
 * runs only when that key changes under the widget (Back, Forward, a link); other widgets write
 * their own keys, which must not move it. The host re-renders on every change of the fragment,
 * though: its links carry the whole fragment, and a stale one would undo another widget's step.
 */
export class FragmentRoute implements ReactiveController {
  private seen: string | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    readonly key: FragmentKey,
    private readonly changed?: () => void,
  ) {
    host.addController(this);
  }

  get route(): Route | undefined {
    return readRoute(location.hash, this.key);
  }

  /** A link to `route` that keeps the rest of the fragment. */
  href(route: Route): string {
    return writeRoute(location.hash, this.key, route);
  }

  /** See `setRoute`. */
  go(route?: Route, push?: boolean): void {
    setRoute(this.key, route, push);
    this.seen = JSON.stringify(this.route);
  }

  hostConnected(): void {
    this.seen = JSON.stringify(this.route);
    addEventListener('hashchange', this);
    addEventListener(WRITTEN, this);
  }

  hostDisconnected(): void {
    removeEventListener('hashchange', this);
    removeEventListener(WRITTEN, this);
  }

  /** The controller is its own listener; a write by another route never touches this key. */
  handleEvent(event: Event): void {
    this.host.requestUpdate();
    const seen = this.seen;
    this.seen = JSON.stringify(this.route);
    if (event.type !== WRITTEN && this.seen !== seen) this.changed?.();
  }
}
