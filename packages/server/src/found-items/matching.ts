/**
 * Matching loss reports against finds, explainable on purpose.
 *
 * A pair is a candidate when the category is the same, the find was made between one day
 * before and 30 days after the loss, and the colours do not contradict each other (equal, or
 * one of them unknown). A candidate is a match when its score reaches MIN_SCORE:
 *
 *   +1  same colour (both given)
 *   +2  same brand (both given, folded; one containing the other counts)
 *   +1  per word of the report's description or brand found in the find's text, at most 3
 *       (words folded and stemmed: "schwarzes Leder" meets "schwarze Lederbörse")
 *
 * What the citizen sees (matches in answers, notification mails) is scored on the find's
 * PUBLIC text only (description, public brand). Scoring on held-back details would turn the
 * loss-report form into an oracle ("is there a wallet with the name Müller in it?"). The office
 * sees a second list scored on everything it holds, including held-back details.
 */
import { foldLoosely } from '@muni-widgets/core/text';
import { stem, words } from '@muni-widgets/found-item-search/search-text';
import type { Queryable } from '../db/database.js';
import { addDays } from '../time.js';
import { PUBLIC_FOUND_ITEM_COLUMNS, publicFoundItem, type PublicFoundItem, type PublicFoundItemRow } from './public-projection.js';

export const MATCH_DAYS_BEFORE_LOSS = 1;
export const MATCH_DAYS_AFTER_LOSS = 30;
export const MIN_SCORE = 2;
const MAX_WORD_POINTS = 3;

export interface ReportFacts {
  description: string;
  colour: string | null;
  brand: string | null;
}

export interface FindFacts {
  colour: string | null;
  /** The brand as far as the audience may know it (public brand for citizens). */
  brand: string | null;
  /** Free text the audience may know: description (+ held-back details for the office). */
  text: string;
}

export interface Score {
  score: number;
  reasons: string[];
}

export function scoreMatch(report: ReportFacts, find: FindFacts): Score {
  let score = 0;
  const reasons: string[] = [];
  if (report.colour && find.colour && report.colour === find.colour) {
    score += 1;
    reasons.push(`Farbe: ${report.colour}`);
  }
  const reportBrand = report.brand ? foldLoosely(report.brand) : '';
  const findBrand = find.brand ? foldLoosely(find.brand) : '';
  if (reportBrand && findBrand && (reportBrand.includes(findBrand) || findBrand.includes(reportBrand))) {
    score += 2;
    reasons.push(`Marke: ${find.brand}`);
  }
  const haystack = ` ${foldLoosely(`${find.text} ${find.brand ?? ''}`)} `;
  const found = words(`${report.description} ${report.brand ?? ''}`).filter((w) => haystack.includes(stem(w)));
  const wordPoints = Math.min(found.length, MAX_WORD_POINTS);
  if (wordPoints > 0) {
    score += wordPoints;
    reasons.push(`Beschreibung: ${found.slice(0, MAX_WORD_POINTS).join(', ')}`);
  }
  return { score, reasons };
}

/** The loss dates a find on `foundOn` can belong to, as [earliest, latest]. */
export function lossWindowForFind(foundOn: string): [string, string] {
  return [addDays(foundOn, -MATCH_DAYS_AFTER_LOSS), addDays(foundOn, MATCH_DAYS_BEFORE_LOSS)];
}

/** Open finds matching a loss report on their public details, best first (at most `limit`). */
export async function publicMatchesForReport(
  db: Queryable,
  report: ReportFacts & { categoryId: string; lostOn: string },
  limit = 20,
): Promise<PublicFoundItem[]> {
  const rows = await db.query<PublicFoundItemRow>(
    `SELECT ${PUBLIC_FOUND_ITEM_COLUMNS}
       FROM found_items f JOIN found_item_categories c ON c.id = f.category_id
      WHERE f.status = 'open' AND f.category_id = $1 AND f.found_on BETWEEN $2::date AND $3::date
        AND ($4::text IS NULL OR f.colour IS NULL OR f.colour = $4)
      ORDER BY f.found_on DESC, f.registered_at DESC, f.id DESC
      LIMIT 500`,
    [report.categoryId, addDays(report.lostOn, -MATCH_DAYS_BEFORE_LOSS), addDays(report.lostOn, MATCH_DAYS_AFTER_LOSS), report.colour],
  );
  return rows
    .map((row) => ({ row, ...scoreMatch(report, { colour: row.colour, brand: row.public_brand, text: row.description }) }))
    .filter((m) => m.score >= MIN_SCORE)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map((m) => publicFoundItem(m.row));
}

export interface CandidateReport {
  id: string;
  reference: string;
  description: string;
  colour: string | null;
  brand: string | null;
  lost_on: string;
  lost_place: string;
  contact: { name: string; email: string; phone?: string } | string;
  return_url: string;
  expires_at: Date;
}

/** Active (confirmed, unexpired) loss reports that are candidates for a find (category, date window, colour). */
export async function candidateReports(
  db: Queryable,
  find: { categoryId: string; foundOn: string; colour: string | null },
  now: Date,
): Promise<CandidateReport[]> {
  const [earliest, latest] = lossWindowForFind(find.foundOn);
  return db.query<CandidateReport>(
    `SELECT id::text AS id, reference, description, colour, brand, to_char(lost_on, 'YYYY-MM-DD') AS lost_on, lost_place,
            contact, return_url, expires_at
       FROM loss_reports
      WHERE category_id = $1 AND activated_at IS NOT NULL AND expires_at > $2 AND lost_on BETWEEN $3::date AND $4::date
        AND ($5::text IS NULL OR colour IS NULL OR colour = $5)
      ORDER BY created_at, id`,
    [find.categoryId, now.toISOString(), earliest, latest, find.colour],
  );
}
