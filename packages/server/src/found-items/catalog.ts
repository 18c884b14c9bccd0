/**
 * Fixed vocabulary of the lost-and-found register: colours, the office that keeps the finds,
 * references, and the legal facts every answer repeats.
 */
import type { Queryable } from '../db/database.js';
import { ProblemError } from '../http/problem.js';
import { isoDateInTimeZone, TOWN_TIME_ZONE } from '../time.js';

/** Colours a find or loss report can have; ids are stable ASCII, names German. */
export const COLOURS = [
  { id: 'schwarz', name: 'schwarz' },
  { id: 'weiss', name: 'weiß' },
  { id: 'grau', name: 'grau' },
  { id: 'silber', name: 'silber' },
  { id: 'gold', name: 'gold' },
  { id: 'braun', name: 'braun' },
  { id: 'beige', name: 'beige' },
  { id: 'rot', name: 'rot' },
  { id: 'rosa', name: 'rosa' },
  { id: 'lila', name: 'lila' },
  { id: 'blau', name: 'blau' },
  { id: 'gruen', name: 'grün' },
  { id: 'gelb', name: 'gelb' },
  { id: 'orange', name: 'orange' },
  { id: 'bunt', name: 'bunt / mehrfarbig' },
] as const;
export type ColourId = (typeof COLOURS)[number]['id'];
export const COLOUR_IDS = COLOURS.map((c) => c.id) as [ColourId, ...ColourId[]];

export function colourName(id: string | null | undefined): string | undefined {
  return COLOURS.find((c) => c.id === id)?.name;
}

/** The office in `offices` that keeps the finds (address, hours, contact in pickup information). */
export const FOUND_ITEMS_OFFICE_ID = 'fundbuero';

/** BGB § 973: six months after the find was reported to the office, the finder may acquire it. */
export const RETENTION_MONTHS = 6;

export const REFERENCE_PATTERNS = {
  F: /^F-\d{4}-\d{5}$/,
  A: /^A-\d{4}-\d{5}$/,
  V: /^V-\d{4}-\d{5}$/,
} as const;

/**
 * The next reference of `kind` in the current year ("F-2026-00124"). The upsert locks the
 * counter row, so concurrent transactions on any number of server instances draw distinct numbers.
 */
export async function nextReference(tx: Queryable, kind: 'F' | 'A' | 'V', now: Date): Promise<string> {
  const year = Number(isoDateInTimeZone(now, TOWN_TIME_ZONE).slice(0, 4));
  const [row] = await tx.query<{ last: number }>(
    `INSERT INTO found_item_counters (kind, year, last) VALUES ($1, $2, 1)
     ON CONFLICT (kind, year) DO UPDATE SET last = found_item_counters.last + 1
     RETURNING last`,
    [kind, year],
  );
  return `${kind}-${year}-${String(row!.last).padStart(5, '0')}`;
}

/** Adds months in the calendar (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: Date, months: number): Date {
  const result = new Date(date.getTime());
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}

/** The German name of category `id`; a validation problem on `category` when there is none. */
export async function categoryName(db: Queryable, id: string): Promise<string> {
  const [row] = await db.query<{ name: string }>('SELECT name FROM found_item_categories WHERE id = $1', [id]);
  if (!row) {
    const message = `Eine Kategorie „${id}“ gibt es nicht; siehe /found-items/categories.`;
    throw new ProblemError('validation', message, { errors: [{ field: 'category', code: 'unknown', message }] });
  }
  return row.name;
}

/** Every category with the number of finds still waiting for their owner. */
export async function loadCategories(db: Queryable): Promise<Array<{ id: string; name: string; openCount: number }>> {
  const rows = await db.query<{ id: string; name: string; open_count: number }>(
    `SELECT c.id, c.name, (SELECT count(*) FROM found_items f WHERE f.category_id = c.id AND f.status = 'open')::int AS open_count
       FROM found_item_categories c ORDER BY c.sort_order, c.id`,
  );
  return rows.map((r) => ({ id: r.id, name: r.name, openCount: r.open_count }));
}
