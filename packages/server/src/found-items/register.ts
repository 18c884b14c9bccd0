/**
 * The office's side of the register: adding and changing finds with their held-back details,
 * and the full record the office (never the public) reads.
 */
import { foldLoosely } from '@muni-widgets/core/text';
import type { Database, Queryable } from '../db/database.js';
import { parsed } from '../db/json.js';
import { ProblemError } from '../http/problem.js';
import { categoryName, colourName, nextReference, type ColourId } from './catalog.js';
import { notifyMatchingReports } from './match-notifications.js';
import { candidateReports, MIN_SCORE, scoreMatch } from './matching.js';
import { publicFoundItem, type FoundItemStatus, type PublicFoundItem } from './public-projection.js';

export interface HeldBack {
  contents?: string | null | undefined;
  cashCents?: number | null | undefined;
  serialNumber?: string | null | undefined;
  documentNames?: string | null | undefined;
  valueCents?: number | null | undefined;
  notes?: string | null | undefined;
}

export interface FoundItemInput {
  category: string;
  colour?: ColourId | null | undefined;
  brand?: string | null | undefined;
  brandPublic?: boolean | undefined;
  description: string;
  foundOn: string;
  foundPlace: string;
  status?: FoundItemStatus | undefined;
  heldBack?: HeldBack | undefined;
}

/** All columns of a find, for the office. */
export interface FoundItemRow {
  id: string;
  reference: string;
  category_id: string;
  category_name: string;
  colour: string | null;
  brand: string | null;
  brand_public: boolean;
  description: string;
  found_on: string;
  found_place: string;
  status: FoundItemStatus;
  contents: string | null;
  cash_cents: number | null;
  serial_number: string | null;
  document_names: string | null;
  value_cents: number | null;
  internal_notes: string | null;
  registered_at: Date;
  updated_at: Date;
  closed_at: Date | null;
}

const OFFICE_COLUMNS = `f.id::text AS id, f.reference, f.category_id, c.name AS category_name, f.colour, f.brand, f.brand_public,
  f.description, to_char(f.found_on, 'YYYY-MM-DD') AS found_on, f.found_place, f.status, f.contents, f.cash_cents,
  f.serial_number, f.document_names, f.value_cents, f.internal_notes, f.registered_at, f.updated_at, f.closed_at`;

export async function loadFoundItemRow(db: Queryable, reference: string, options: { forUpdate?: boolean } = {}): Promise<FoundItemRow | undefined> {
  const [row] = await db.query<FoundItemRow>(
    `SELECT ${OFFICE_COLUMNS} FROM found_items f JOIN found_item_categories c ON c.id = f.category_id
      WHERE f.reference = $1 ${options.forUpdate ? 'FOR UPDATE OF f' : ''}`,
    [reference],
  );
  return row;
}

export function publicView(row: FoundItemRow): PublicFoundItem {
  return publicFoundItem({ ...row, public_brand: row.brand_public ? row.brand : null });
}

/** Folded public words of a find; only what the public projection shows goes in. */
export function searchText(find: { categoryName: string; colour: string | null; brand: string | null; brandPublic: boolean; description: string; foundPlace: string }): string {
  return foldLoosely(
    [find.categoryName, colourName(find.colour) ?? '', find.brandPublic ? (find.brand ?? '') : '', find.description, find.foundPlace].join(' '),
  );
}

const CLOSED: readonly FoundItemStatus[] = ['handed_over', 'closed'];

/** Inserts a find; the caller runs matching afterwards. */
/** Registers a find and, while it is open, mails the owners of matching loss reports, in one transaction. */
export async function registerFoundItem(db: Database, input: FoundItemInput, now: Date): Promise<{ row: FoundItemRow; notified: number }> {
  return db.transaction(async (tx) => {
    const row = await insertFoundItem(tx, input, now);
    return { row, notified: row.status === 'open' ? await notifyMatchingReports(tx, row, publicView(row), now) : 0 };
  });
}

async function insertFoundItem(tx: Queryable, input: FoundItemInput, now: Date): Promise<FoundItemRow> {
  const name = await categoryName(tx, input.category);
  const reference = await nextReference(tx, 'F', now);
  const status = input.status ?? 'open';
  const held = input.heldBack ?? {};
  const brand = input.brand ?? null;
  const brandPublic = input.brandPublic ?? false;
  const colour = input.colour ?? null;
  await tx.query(
    `INSERT INTO found_items (reference, category_id, colour, brand, brand_public, description, found_on, found_place, status,
                              search_text, place_text, contents, cash_cents, serial_number, document_names, value_cents,
                              internal_notes, registered_at, updated_at, closed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $18, $19)`,
    [
      reference,
      input.category,
      colour,
      brand,
      brandPublic,
      input.description,
      input.foundOn,
      input.foundPlace,
      status,
      searchText({ categoryName: name, colour, brand, brandPublic, description: input.description, foundPlace: input.foundPlace }),
      foldLoosely(input.foundPlace),
      held.contents ?? null,
      held.cashCents ?? null,
      held.serialNumber ?? null,
      held.documentNames ?? null,
      held.valueCents ?? null,
      held.notes ?? null,
      now.toISOString(),
      CLOSED.includes(status) ? now.toISOString() : null,
    ],
  );
  return (await loadFoundItemRow(tx, reference))!;
}

/** Applies a partial change; `null` clears an optional field, a missing key keeps it. */
export async function updateFoundItem(db: Database, reference: string, change: Partial<FoundItemInput>, now: Date): Promise<FoundItemRow> {
  return db.transaction((tx) => applyChange(tx, reference, change, now));
}

async function applyChange(tx: Queryable, reference: string, change: Partial<FoundItemInput>, now: Date): Promise<FoundItemRow> {
  const row = await loadFoundItemRow(tx, reference, { forUpdate: true });
  if (!row) throw new ProblemError('not_found', `Eine Fundsache mit dem Aktenzeichen „${reference}“ gibt es nicht.`);
  const pick = <T>(key: keyof FoundItemInput, current: T): T => (key in change ? ((change as Record<string, unknown>)[key] as T) : current);
  const held = change.heldBack ?? {};
  const pickHeld = <T>(key: keyof HeldBack, current: T): T => (key in held ? ((held[key] ?? null) as T) : current);
  const category = change.category ?? row.category_id;
  const name = category === row.category_id ? row.category_name : await categoryName(tx, category);
  const colour = pick<string | null>('colour', row.colour) ?? null;
  const brand = pick<string | null>('brand', row.brand) ?? null;
  const brandPublic = change.brandPublic ?? row.brand_public;
  const description = change.description ?? row.description;
  const foundPlace = change.foundPlace ?? row.found_place;
  const status = change.status ?? row.status;
  const closedAt = CLOSED.includes(status) ? (row.closed_at ? new Date(row.closed_at).toISOString() : now.toISOString()) : null;
  await tx.query(
    `UPDATE found_items SET category_id = $2, colour = $3, brand = $4, brand_public = $5, description = $6, found_on = $7,
            found_place = $8, status = $9, search_text = $10, place_text = $11, contents = $12, cash_cents = $13,
            serial_number = $14, document_names = $15, value_cents = $16, internal_notes = $17, updated_at = $18, closed_at = $19
      WHERE id = $1`,
    [
      row.id,
      category,
      colour,
      brand,
      brandPublic,
      description,
      change.foundOn ?? row.found_on,
      foundPlace,
      status,
      searchText({ categoryName: name, colour, brand, brandPublic, description, foundPlace }),
      foldLoosely(foundPlace),
      pickHeld('contents', row.contents),
      pickHeld('cashCents', row.cash_cents),
      pickHeld('serialNumber', row.serial_number),
      pickHeld('documentNames', row.document_names),
      pickHeld('valueCents', row.value_cents),
      pickHeld('notes', row.internal_notes),
      now.toISOString(),
      closedAt,
    ],
  );
  return (await loadFoundItemRow(tx, reference))!;
}

export interface OfficeClaim {
  reference: string;
  status: 'received' | 'accepted' | 'rejected';
  createdAt: string;
  contact?: { name: string; email: string; phone?: string };
  identifyingFeatures?: string;
  lostOn?: string;
  lostPlace?: string;
  personalDataDeleted: boolean;
}

export interface PossibleOwner {
  lossReport: string;
  score: number;
  reasons: string[];
  description: string;
  lostOn: string;
  lostPlace: string;
  contact: { name: string; email: string; phone?: string };
}

/** The full record: public fields, held-back details, claims, and loss reports that may belong to it. */
export async function officeView(db: Queryable, row: FoundItemRow, now: Date) {
  const [claims, candidates] = await Promise.all([
    db.query<{
      reference: string;
      status: OfficeClaim['status'];
      created_at: Date;
      contact: OfficeClaim['contact'] | string | null;
      identifying_features: string | null;
      lost_on: string | null;
      lost_place: string | null;
      purged_at: Date | null;
    }>(
      `SELECT reference, status, created_at, contact, identifying_features, to_char(lost_on, 'YYYY-MM-DD') AS lost_on, lost_place, purged_at
         FROM found_item_claims WHERE found_item_id = $1 ORDER BY created_at, id`,
      [row.id],
    ),
    candidateReports(db, { categoryId: row.category_id, foundOn: row.found_on, colour: row.colour }, now),
  ]);
  const heldBackText = [row.description, row.contents, row.serial_number, row.document_names].filter(Boolean).join(' ');
  const possibleOwners: PossibleOwner[] = candidates
    .map((report) => ({ report, ...scoreMatch(report, { colour: row.colour, brand: row.brand, text: heldBackText }) }))
    .filter((m) => m.score >= MIN_SCORE)
    .sort((a, b) => b.score - a.score)
    .map(({ report, score, reasons }) => ({
      lossReport: report.reference,
      score,
      reasons,
      description: report.description,
      lostOn: report.lost_on,
      lostPlace: report.lost_place,
      contact: parsed(report.contact),
    }));
  const heldBack: Record<string, string | number> = {};
  if (row.contents !== null) heldBack['contents'] = row.contents;
  if (row.cash_cents !== null) heldBack['cashCents'] = row.cash_cents;
  if (row.serial_number !== null) heldBack['serialNumber'] = row.serial_number;
  if (row.document_names !== null) heldBack['documentNames'] = row.document_names;
  if (row.value_cents !== null) heldBack['valueCents'] = row.value_cents;
  if (row.internal_notes !== null) heldBack['notes'] = row.internal_notes;
  return {
    ...publicView(row),
    ...(row.brand !== null ? { brand: row.brand } : {}),
    brandPublic: row.brand_public,
    heldBack,
    registeredAt: new Date(row.registered_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    ...(row.closed_at ? { closedAt: new Date(row.closed_at).toISOString() } : {}),
    claims: claims.map(
      (c): OfficeClaim => ({
        reference: c.reference,
        status: c.status,
        createdAt: new Date(c.created_at).toISOString(),
        ...(c.contact ? { contact: parsed(c.contact) } : {}),
        ...(c.identifying_features !== null ? { identifyingFeatures: c.identifying_features } : {}),
        ...(c.lost_on !== null ? { lostOn: c.lost_on } : {}),
        ...(c.lost_place !== null ? { lostPlace: c.lost_place } : {}),
        personalDataDeleted: c.purged_at !== null,
      }),
    ),
    possibleOwners,
  };
}
