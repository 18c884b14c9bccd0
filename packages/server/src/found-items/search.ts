/**
 * Public search in the register: open finds only, public fields only, newest first.
 *
 * Text matching runs on `search_text`, the folded public words stored with each find: every
 * word of the query (stemmed) must occur in it as a substring, so "börse" finds "Lederbörse"
 * and "schluessel" finds "Schlüssel". The filters and the order use the partial indexes on
 * open finds; the substring test scans the candidate rows, which stays in the low milliseconds
 * for the few thousand open finds a town holds (for far more, a pg_trgm GIN index on
 * search_text is the upgrade on PostgreSQL).
 */
import type { Queryable } from '../db/database.js';
import { FOUND_ITEM_STATUSES, PUBLIC_FOUND_ITEM_COLUMNS, publicFoundItem, type PublicFoundItem, type PublicFoundItemRow } from './public-projection.js';
import { queryWords } from '@muni-widgets/found-item-search/search-text';
import { likeLiteral } from './text.js';

export interface SearchFilter {
  q?: string | undefined;
  category?: string | undefined;
  colour?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  place?: string | undefined;
  page: number;
  pageSize: number;
}

export interface SearchResult {
  items: PublicFoundItem[];
  total: number;
}

export async function searchFoundItems(db: Queryable, filter: SearchFilter): Promise<SearchResult> {
  const params: unknown[] = [filter.category ?? null, filter.colour ?? null, filter.from ?? null, filter.to ?? null];
  const conditions = [
    `f.status = '${FOUND_ITEM_STATUSES[0]}'`,
    '($1::text IS NULL OR f.category_id = $1)',
    '($2::text IS NULL OR f.colour = $2)',
    '($3::date IS NULL OR f.found_on >= $3::date)',
    '($4::date IS NULL OR f.found_on <= $4::date)',
  ];
  for (const word of queryWords(filter.q)) {
    params.push(`%${likeLiteral(word)}%`);
    conditions.push(`f.search_text LIKE $${params.length} ESCAPE '\\'`);
  }
  for (const word of queryWords(filter.place)) {
    params.push(`%${likeLiteral(word)}%`);
    conditions.push(`f.place_text LIKE $${params.length} ESCAPE '\\'`);
  }
  const where = conditions.join(' AND ');
  const [countRow] = await db.query<{ total: number }>(`SELECT count(*)::int AS total FROM found_items f WHERE ${where}`, params);
  const total = countRow?.total ?? 0;
  const offset = (filter.page - 1) * filter.pageSize;
  if (offset >= total) return { items: [], total };
  const rows = await db.query<PublicFoundItemRow>(
    `SELECT ${PUBLIC_FOUND_ITEM_COLUMNS}
       FROM found_items f JOIN found_item_categories c ON c.id = f.category_id
      WHERE ${where}
      ORDER BY f.found_on DESC, f.registered_at DESC, f.id DESC
      LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, filter.pageSize, offset],
  );
  return { items: rows.map(publicFoundItem), total };
}

/** One find by reference, any status; undefined when there is none. */
export async function findPublicFoundItem(db: Queryable, reference: string): Promise<PublicFoundItem | undefined> {
  const [row] = await db.query<PublicFoundItemRow>(
    `SELECT ${PUBLIC_FOUND_ITEM_COLUMNS}
       FROM found_items f JOIN found_item_categories c ON c.id = f.category_id
      WHERE f.reference = $1`,
    [reference],
  );
  return row ? publicFoundItem(row) : undefined;
}
