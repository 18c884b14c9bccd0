import type { Route } from '@muni-widgets/core';

/**
 * Where the finder is, kept under its key in the page's URL fragment (core's `FragmentRoute`) so
 * a view can be shared and Back works: `#muni-service=service:<id>`, `category:<id>`, `az`,
 * `search:<query>`, `start`.
 */
export type View =
  | { kind: 'home' }
  | { kind: 'service'; id: string }
  | { kind: 'category'; id: string }
  | { kind: 'az' }
  | { kind: 'search'; query: string };

export function viewOf(route: Route | undefined): View {
  const { kind, arg = '' } = route ?? {};
  if (kind === 'az') return { kind };
  if ((kind === 'service' || kind === 'category') && arg) return { kind, id: arg };
  if (kind === 'search' && arg.trim()) return { kind, query: arg };
  return { kind: 'home' };
}

export function routeOf(view: View): Route {
  switch (view.kind) {
    case 'home':
      // Explicit rather than an empty fragment: `href="#"` would scroll the city's page to the top.
      return { kind: 'start' };
    case 'az':
      return view;
    case 'search':
      return { kind: view.kind, arg: view.query };
    default:
      return { kind: view.kind, arg: view.id };
  }
}
