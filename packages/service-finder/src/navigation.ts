/**
 * Where the finder is, kept in the page's URL fragment so a view can be shared and Back works:
 * `#muni-service=service:<id>`, `category:<id>`, `az`, `search:<query>`, `start`. Other widgets' keys in
 * the same fragment (the appointment picker's) are left alone.
 */
export type View =
  | { kind: 'home' }
  | { kind: 'service'; id: string }
  | { kind: 'category'; id: string }
  | { kind: 'az' }
  | { kind: 'search'; query: string };

const KEY = 'muni-service';

export function readView(hash: string): View {
  const value = new URLSearchParams(hash.replace(/^#/, '')).get(KEY);
  if (!value) return { kind: 'home' };
  const colon = value.indexOf(':');
  const kind = colon < 0 ? value : value.slice(0, colon);
  const arg = colon < 0 ? '' : value.slice(colon + 1);
  if (kind === 'az') return { kind };
  if ((kind === 'service' || kind === 'category') && arg) return { kind, id: arg };
  if (kind === 'search' && arg.trim()) return { kind, query: arg };
  return { kind: 'home' };
}

function encode(view: View): string {
  switch (view.kind) {
    case 'home':
      // Explicit rather than an empty fragment: `href="#"` would scroll the city's page to the top.
      return 'start';
    case 'az':
      return 'az';
    case 'search':
      return `search:${view.query}`;
    default:
      return `${view.kind}:${view.id}`;
  }
}

/** The fragment for `view`, keeping whatever else the page holds in `currentHash`. */
export function hashFor(view: View, currentHash: string): string {
  const params = new URLSearchParams(currentHash.replace(/^#/, ''));
  params.set(KEY, encode(view));
  return `#${params.toString()}`;
}

export function sameView(a: View, b: View): boolean {
  return encode(a) === encode(b);
}
