/**
 * What a citizen needs to collect a find: the office with its hours, what to bring, the fees of
 * the town's fee table, how long finds are kept, and the finder's reward.
 */
import { z } from '@hono/zod-openapi';
import type { Queryable } from '../db/database.js';
import { ProblemError } from '../http/problem.js';
import { loadOffices, type Office } from '../town/offices.js';
import type { IsoDate } from '../time.js';
import { FOUND_ITEMS_OFFICE_ID, RETENTION_MONTHS } from './catalog.js';

/** One line of the town's fee table: a fixed amount, or a range with a note. */
export const FeeSchema = z
  .object({
    id: z.string(),
    label: z.string().openapi({ example: 'Herausgabe, Wert über 25 € bis 250 €' }),
    amountCents: z.number().int().min(0).optional().openapi({ description: 'Fester Betrag in Cent' }),
    minCents: z.number().int().min(0).optional(),
    maxCents: z.number().int().min(0).optional(),
    note: z.string().optional().openapi({ example: '3 % des Wertes' }),
    category: z.string().optional().openapi({ description: 'Gilt nur für diese Kategorie' }),
  })
  .openapi('FoundItemFee');

export type Fee = z.infer<typeof FeeSchema>;

export interface PickupInfo {
  office: Office;
  requiredDocuments: string[];
  fees: Fee[];
  retention: { months: number; text: string };
  finderReward: string;
  legalBasis: string;
}

export const REQUIRED_DOCUMENTS = [
  'Personalausweis, Reisepass oder ein anderer amtlicher Lichtbildausweis',
  'Das Aktenzeichen Ihrer Anfrage (A-…) oder der Fundsache (F-…)',
  'Falls vorhanden: ein Eigentumsnachweis, z. B. Kaufbeleg, Fahrradpass, Rahmennummer oder Zweitschlüssel',
  'Bei Abholung durch eine andere Person: schriftliche Vollmacht und eine Kopie Ihres Ausweises',
];

export const RETENTION_TEXT =
  `Fundsachen werden mindestens ${RETENTION_MONTHS} Monate ab der Abgabe aufbewahrt. Danach kann der Finder das ` +
  'Eigentum erwerben (§ 973 BGB); sonst fallen sie an die Stadt und werden versteigert oder gespendet (§§ 979 ff. BGB). ' +
  'Ausweise und andere Dokumente gehen an die ausstellende Behörde.';

export const FINDER_REWARD_TEXT =
  'Der Finder kann Finderlohn verlangen (§ 971 BGB): 5 % des Wertes bis 500 €, vom Mehrwert 3 %, bei Tieren 3 %. ' +
  'Für Funde in Behörden und öffentlichen Verkehrsmitteln gibt es Finderlohn erst ab 50 € Wert, und zwar die Hälfte (§ 978 BGB). ' +
  'Das Fundbüro nennt Ihnen bei der Abholung, ob und in welcher Höhe der Finder ihn verlangt.';

export async function loadFees(db: Queryable): Promise<Fee[]> {
  const rows = await db.query<{
    id: string;
    label: string;
    amount_cents: number | null;
    min_cents: number | null;
    max_cents: number | null;
    note: string | null;
    category_id: string | null;
  }>('SELECT id, label, amount_cents, min_cents, max_cents, note, category_id FROM found_item_fees ORDER BY sort_order, id');
  return rows.map((r) => ({
    id: r.id,
    label: r.label,
    ...(r.amount_cents !== null ? { amountCents: r.amount_cents } : {}),
    ...(r.min_cents !== null ? { minCents: r.min_cents } : {}),
    ...(r.max_cents !== null ? { maxCents: r.max_cents } : {}),
    ...(r.note !== null ? { note: r.note } : {}),
    ...(r.category_id !== null ? { category: r.category_id } : {}),
  }));
}

export async function loadPickupInfo(db: Queryable, today: IsoDate): Promise<PickupInfo> {
  const [[office], fees] = await Promise.all([loadOffices(db, { id: FOUND_ITEMS_OFFICE_ID, today }), loadFees(db)]);
  if (!office) throw new ProblemError('unavailable', 'Das Fundbüro ist in den Stammdaten nicht eingetragen.');
  return {
    office,
    requiredDocuments: REQUIRED_DOCUMENTS,
    fees,
    retention: { months: RETENTION_MONTHS, text: RETENTION_TEXT },
    finderReward: FINDER_REWARD_TEXT,
    legalBasis: '§§ 965–984 BGB',
  };
}

/** Plain-text lines for mails: where and when, what to bring. */
export function pickupSummary(info: PickupInfo): string {
  const o = info.office;
  const days = ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'];
  const hours = o.openingHours
    .filter((d) => d.intervals.length > 0)
    .map((d) => `  ${days[d.weekday - 1]}: ${d.intervals.map((i) => `${i.opens}–${i.closes} Uhr`).join(', ')}`);
  return [
    `${o.name}, ${o.address.building}, ${o.address.street}, ${o.address.postalCode} ${o.address.city}${o.address.room ? ` (${o.address.room})` : ''}`,
    `Telefon ${o.phone}, E-Mail ${o.email}`,
    'Öffnungszeiten:',
    ...hours,
    '',
    'Bitte mitbringen:',
    ...info.requiredDocuments.map((d) => `  - ${d}`),
  ].join('\n');
}
