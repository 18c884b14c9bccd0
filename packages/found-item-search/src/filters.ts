import type { Route } from '@muni-widgets/core';
import type { SearchFilters } from './provider.js';

/**
 * Where the widget is, kept under its key in the page's URL fragment (core's `FragmentRoute`) so
 * Back works and a search can be shared: `#muni-found-item=search:q%3DB%25C3%25B6rse%26page%3D2`
 * (the filters as a query string), `item:F-2026-00123`,
 * `claim:F-2026-00123`, `report`, `activate:<token>` (the confirmation link in a new loss
 * report's first mail) and `manage:<token>` (the link in later mails; the widget takes either
 * token out of the address bar once read).
 */
export type View =
  | { kind: 'search'; filters: SearchFilters; page: number }
  | { kind: 'item'; reference: string }
  | { kind: 'claim'; reference: string }
  | { kind: 'report' }
  | { kind: 'activate' | 'manage'; token: string };

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

export function viewOf(route: Route | undefined): View {
  const { kind, arg = '' } = route ?? {};
  const value = arg.trim();
  if (kind === 'report') return { kind };
  if ((kind === 'item' || kind === 'claim') && value) return { kind, reference: value.slice(0, 40) };
  if ((kind === 'manage' || kind === 'activate') && value) return { kind, token: value };
  if (kind === 'search') return { kind, ...decodeFilters(value) };
  return START;
}

export function routeOf(view: View): Route {
  switch (view.kind) {
    case 'search':
      return { kind: view.kind, arg: encodeFilters(view.filters, view.page) };
    case 'report':
      return view;
    case 'activate':
    case 'manage':
      return { kind: view.kind, arg: view.token };
    default:
      return { kind: view.kind, arg: view.reference };
  }
}
