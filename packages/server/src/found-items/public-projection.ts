/**
 * The public face of a find: the ONLY way a find leaves the server towards citizens (search,
 * detail, claim answer, loss-report matches, notification mails). Public queries select exactly
 * `PUBLIC_FOUND_ITEM_COLUMNS`, which names no held-back column, and `publicFoundItem` copies
 * named fields only; a new column of `found_items` is therefore private until added here.
 */
import { z } from '@hono/zod-openapi';
import { fromIsoDate, isoDateInTimeZone, toIsoDate, TOWN_TIME_ZONE } from '../time.js';
import { addMonths, COLOUR_IDS, colourName, RETENTION_MONTHS } from './catalog.js';

/** Columns of `found_items` that hold ownership proof; used by tests to prove they stay inside. */
export const HELD_BACK_COLUMNS = ['contents', 'cash_cents', 'serial_number', 'document_names', 'value_cents', 'internal_notes'] as const;

/** For `FROM found_items f JOIN found_item_categories c ON c.id = f.category_id`. */
export const PUBLIC_FOUND_ITEM_COLUMNS = `f.reference, f.category_id, c.name AS category_name, f.colour,
  CASE WHEN f.brand_public THEN f.brand END AS public_brand, f.description, to_char(f.found_on, 'YYYY-MM-DD') AS found_on,
  f.found_place, f.status, f.registered_at`;

export interface PublicFoundItemRow {
  reference: string;
  category_id: string;
  category_name: string;
  colour: string | null;
  public_brand: string | null;
  description: string;
  found_on: string;
  found_place: string;
  status: FoundItemStatus;
  registered_at: Date | string;
}

export const FOUND_ITEM_STATUSES = ['open', 'claimed', 'handed_over', 'closed'] as const;
export type FoundItemStatus = (typeof FOUND_ITEM_STATUSES)[number];

export const FoundItemSchema = z
  .object({
    reference: z.string().openapi({ description: 'Aktenzeichen des Fundbüros', example: 'F-2026-00123' }),
    category: z.string().openapi({ description: 'Kennung der Kategorie, siehe /found-items/categories', example: 'geldboerse' }),
    categoryName: z.string().openapi({ example: 'Geldbörse' }),
    colour: z.enum(COLOUR_IDS).optional().openapi({ description: 'Siehe /found-items/colours' }),
    colourName: z.string().optional().openapi({ example: 'schwarz' }),
    brand: z.string().optional().openapi({ description: 'Nur, wenn das Fundbüro die Marke freigegeben hat', example: 'Samsung' }),
    description: z.string().openapi({ description: 'Kurzbeschreibung des Fundbüros', example: 'Schwarze Lederbörse' }),
    foundOn: z.iso.date().openapi({ description: 'Funddatum', example: '2026-04-05' }),
    foundPlace: z.string().openapi({ example: 'Hauptbahnhof, Gleis 3' }),
    status: z.enum(FOUND_ITEM_STATUSES).openapi({
      description: 'open: beim Fundbüro, kann angefragt werden; claimed: Eigentum geklärt, wartet auf Abholung; handed_over: ausgehändigt; closed: nicht mehr im Fundbüro',
    }),
    keptUntil: z.iso.date().openapi({ description: 'Aufbewahrung mindestens bis (sechs Monate ab Abgabe, § 973 BGB)' }),
  })
  .openapi('FoundItem', { description: 'Öffentliche Angaben zu einer Fundsache; Merkmale zum Eigentumsnachweis fehlen absichtlich.' });
export type PublicFoundItem = z.infer<typeof FoundItemSchema>;

export function publicFoundItem(row: PublicFoundItemRow): PublicFoundItem {
  const registeredOn = isoDateInTimeZone(new Date(row.registered_at), TOWN_TIME_ZONE);
  const colour = COLOUR_IDS.find((id) => id === row.colour);
  return {
    reference: row.reference,
    category: row.category_id,
    categoryName: row.category_name,
    ...(colour ? { colour, colourName: colourName(colour)! } : {}),
    ...(row.public_brand ? { brand: row.public_brand } : {}),
    description: row.description,
    foundOn: row.found_on,
    foundPlace: row.found_place,
    status: row.status,
    keptUntil: toIsoDate(addMonths(fromIsoDate(registeredOn), RETENTION_MONTHS)),
  };
}

/** The lines a mail shows about a find: public details only. */
export function publicSummary(item: PublicFoundItem): string {
  return [
    `Aktenzeichen: ${item.reference}`,
    `Was:          ${item.categoryName}: ${item.description}`,
    ...(item.colourName ? [`Farbe:        ${item.colourName}`] : []),
    ...(item.brand ? [`Marke:        ${item.brand}`] : []),
    `Gefunden am:  ${germanDate(item.foundOn)}`,
    `Fundort:      ${item.foundPlace}`,
  ].join('\n');
}

export function germanDate(date: string): string {
  return new Intl.DateTimeFormat('de-DE', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(fromIsoDate(date));
}
