import type { SearchFilters } from './provider.js';

/**
 * Where the widget is, kept in the page's URL fragment so Back works and a search can be shared:
 * `#muni-found-item=search:q=Börse&category=geldboerse&page=2`, `item:F-2026-00123`,
 * `claim:F-2026-00123`, `report`, `activate:<token>` (the confirmation link in a new loss
 * report's first mail) and `manage:<token>` (the link in later mails; the widget takes either
 * token out of the address bar once read). Other keys in the fragment (the
 * page's, other widgets') are left alone. The fragment never reaches the city's web server.
 */
export type View =
  | { kind: 'search'; filters: SearchFilters; page: number }
  | { kind: 'item'; reference: string }
  | { kind: 'claim'; reference: string }
  | { kind: 'report' }
  | { kind: 'activate' | 'manage'; token: string };

export const FRAGMENT_KEY = 'muni-found-item';

const FILTER_KEYS = ['q', 'category', 'colour', 'from', 'to', 'place'] as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_PAGE = 10_000;

export const START: View = { kind: 'search', filters: {}, page: 1 };

/** Filters without empty values, trimmed, with dates that are dates: what is sent and what is encoded. */
export function cleanFilters(filters: SearchFilters): SearchFilters {
  const clean: SearchFilters = {};
  for (const key of FILTER_KEYS) {
    const value = filters[key]?.trim().slice(0, key === 'q' ? 200 : 100);
    if (!value) continue;
    if ((key === 'from' || key === 'to') && !ISO_DATE.test(value)) continue;
    clean[key] = value;
  }
  return clean;
}

export function encodeFilters(filters: SearchFilters, page = 1): string {
  const params = new URLSearchParams(cleanFilters(filters) as Record<string, string>);
  if (page > 1) params.set('page', String(page));
  return params.toString();
}

export function decodeFilters(text: string): { filters: SearchFilters; page: number } {
  const params = new URLSearchParams(text);
  const filters: SearchFilters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  const page = Number(params.get('page') ?? 1);
  return { filters: cleanFilters(filters), page: Number.isInteger(page) && page >= 1 && page <= MAX_PAGE ? page : 1 };
}

export function readView(hash: string): View {
  const value = new URLSearchParams(hash.replace(/^#/, '')).get(FRAGMENT_KEY);
  if (!value) return START;
  const colon = value.indexOf(':');
  const kind = colon < 0 ? value : value.slice(0, colon);
  const arg = colon < 0 ? '' : value.slice(colon + 1).trim();
  if (kind === 'report') return { kind };
  if ((kind === 'item' || kind === 'claim') && arg) return { kind, reference: arg.slice(0, 40) };
  if ((kind === 'manage' || kind === 'activate') && arg) return { kind, token: arg };
  if (kind === 'search') return { kind, ...decodeFilters(arg) };
  return START;
}

function encode(view: View): string {
  switch (view.kind) {
    case 'search':
      return `search:${encodeFilters(view.filters, view.page)}`;
    case 'report':
      return 'report';
    case 'activate':
    case 'manage':
      return `${view.kind}:${view.token}`;
    default:
      return `${view.kind}:${view.reference}`;
  }
}

/** The fragment for `view`, keeping whatever else the page holds in `currentHash`. */
export function hashFor(view: View, currentHash: string): string {
  const params = new URLSearchParams(currentHash.replace(/^#/, ''));
  params.set(FRAGMENT_KEY, encode(view));
  return `#${params.toString()}`;
}

/** The fragment without the widget's part (used once a management token has been read). */
export function hashWithout(currentHash: string): string {
  const params = new URLSearchParams(currentHash.replace(/^#/, ''));
  params.delete(FRAGMENT_KEY);
  const rest = params.toString();
  return rest ? `#${rest}` : '';
}

export function sameView(a: View, b: View): boolean {
  return encode(a) === encode(b);
}
