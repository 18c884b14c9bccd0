/**
 * Verlustanzeigen: a loss report shows matching finds at once and is kept as a saved search;
 * every new find is matched against it (match-notifications.ts) and the citizen gets a mail.
 * Double opt-in: a new report is pending until the link in its first mail confirms the address;
 * pending reports neither match nor mail and are deleted after PENDING_HOURS. An active report
 * expires (LOSS_REPORT_RETENTION_DAYS), can be renewed, and deleted at once through the link in
 * each mail. Tokens are random and stored as SHA-256 hashes only.
 */
import { formatZoned } from '../appointments/zoned-time.js';
import type { Database, Queryable } from '../db/database.js';
import { parsed } from '../db/json.js';
import { ProblemError } from '../http/problem.js';
import { enqueueMail } from '../mail/queue.js';
import { newToken, tokenHash } from '../shared/tokens.js';
import { TOWN_TIME_ZONE, type IsoDate } from '../time.js';
import { categoryName, COLOUR_IDS, colourName, nextReference, type ColourId } from './catalog.js';
import { lossReportActivationMail, lossReportCreatedMail } from './mails.js';
import { publicMatchesForReport, type CandidateReport } from './matching.js';

/** An unconfirmed report (and with it someone's address) is gone after this. */
export const PENDING_HOURS = 48;

export interface LossReportRequest {
  category: string;
  description: string;
  colour?: ColourId | undefined;
  brand?: string | undefined;
  lostOn: IsoDate;
  lostPlace: string;
  contact: { name: string; email: string; phone?: string | undefined };
  /** Checked by the caller: a page of an allowed origin. */
  returnUrl: string;
}

export interface LossReportRow extends CandidateReport {
  category_id: string;
  category_name: string;
  created_at: Date;
  activated_at: Date | null;
}

const COLUMNS = `r.id::text AS id, r.reference, r.category_id, c.name AS category_name, r.description, r.colour, r.brand,
  to_char(r.lost_on, 'YYYY-MM-DD') AS lost_on, r.lost_place, r.contact, r.created_at, r.expires_at, r.activated_at, r.return_url`;

/** The report a token opens; pending ones only with `pending: true` (activation). */
export async function reportByToken(db: Queryable, token: string, now: Date, options: { pending?: boolean; forUpdate?: boolean } = {}): Promise<LossReportRow> {
  const [row] = await db.query<LossReportRow>(
    `SELECT ${COLUMNS} FROM loss_reports r JOIN found_item_categories c ON c.id = r.category_id
       JOIN loss_report_tokens t ON t.loss_report_id = r.id
      WHERE t.token_hash = $1 AND r.expires_at > $2 ${options.pending ? '' : 'AND r.activated_at IS NOT NULL'}
      ${options.forUpdate ? 'FOR UPDATE OF r' : ''}`,
    [tokenHash(token), now.toISOString()],
  );
  if (!row) throw new ProblemError('not_found', 'Diese Verlustanzeige gibt es nicht (mehr): Sie wurde gelöscht, ist abgelaufen oder wurde nicht rechtzeitig bestätigt.');
  return row;
}

/** The report as the widget shows it, with the finds that match it now. */
export async function reportView(db: Queryable, row: LossReportRow) {
  const colour = COLOUR_IDS.find((id) => id === row.colour);
  const matches = await publicMatchesForReport(db, {
    categoryId: row.category_id,
    lostOn: row.lost_on,
    description: row.description,
    colour: row.colour,
    brand: row.brand,
  });
  return {
    reference: row.reference,
    category: row.category_id,
    categoryName: row.category_name,
    description: row.description,
    ...(colour ? { colour, colourName: colourName(colour)! } : {}),
    ...(row.brand ? { brand: row.brand } : {}),
    lostOn: row.lost_on,
    lostPlace: row.lost_place,
    contact: parsed(row.contact),
    createdAt: formatZoned(new Date(row.created_at), TOWN_TIME_ZONE),
    expiresAt: formatZoned(new Date(row.expires_at), TOWN_TIME_ZONE),
    matches,
  };
}

/** Records a pending report and queues the mail with its activation link; resolves to its reference and expiry. */
export async function createLossReport(db: Database, report: LossReportRequest, now: Date): Promise<{ reference: string; expiresAt: Date }> {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + PENDING_HOURS * 3_600_000);
  const contact = { name: report.contact.name, email: report.contact.email, ...(report.contact.phone ? { phone: report.contact.phone } : {}) };
  const reference = await db.transaction(async (tx) => {
    const category = await categoryName(tx, report.category);
    const reference = await nextReference(tx, 'V', now);
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO loss_reports (reference, category_id, description, colour, brand, lost_on, lost_place, contact, return_url, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $11) RETURNING id::text AS id`,
      [reference, report.category, report.description, report.colour ?? null, report.brand || null, report.lostOn, report.lostPlace,
        JSON.stringify(contact), report.returnUrl, now.toISOString(), expiresAt.toISOString()],
    );
    await tx.query('INSERT INTO loss_report_tokens (token_hash, loss_report_id, created_at) VALUES ($1, $2, $3)', [
      tokenHash(token),
      row!.id,
      now.toISOString(),
    ]);
    await enqueueMail(
      tx,
      lossReportActivationMail({
        to: contact.email,
        name: contact.name,
        reference,
        categoryName: category,
        lostOn: report.lostOn,
        expiresAt,
        returnUrl: report.returnUrl,
        token,
      }),
      now,
    );
    return reference;
  });
  return { reference, expiresAt };
}

/** Confirms the report of the activation `token` for `retentionMs` and mails its management link; again: no change. */
export async function activateLossReport(db: Database, token: string, now: Date, retentionMs: number): Promise<LossReportRow> {
  return db.transaction(async (tx) => {
    const row = await reportByToken(tx, token, now, { pending: true, forUpdate: true });
    if (row.activated_at) return row;
    const expiresAt = new Date(now.getTime() + retentionMs);
    await tx.query('UPDATE loss_reports SET activated_at = $2, expires_at = $3 WHERE id = $1', [row.id, now.toISOString(), expiresAt.toISOString()]);
    const matches = await publicMatchesForReport(tx, {
      categoryId: row.category_id,
      lostOn: row.lost_on,
      description: row.description,
      colour: row.colour,
      brand: row.brand,
    });
    const contact = parsed(row.contact);
    await enqueueMail(
      tx,
      lossReportCreatedMail({
        to: contact.email,
        name: contact.name,
        reference: row.reference,
        categoryName: row.category_name,
        lostOn: row.lost_on,
        expiresAt,
        matches,
        returnUrl: row.return_url,
        token,
      }),
      now,
    );
    return { ...row, activated_at: now, expires_at: expiresAt };
  });
}

/** Keeps the active report of `token` for `retentionMs` from now. */
export async function renewLossReport(db: Queryable, token: string, now: Date, retentionMs: number): Promise<LossReportRow> {
  const row = await reportByToken(db, token, now);
  const expiresAt = new Date(now.getTime() + retentionMs);
  await db.query('UPDATE loss_reports SET expires_at = $2, renewed_at = $3 WHERE id = $1', [row.id, expiresAt.toISOString(), now.toISOString()]);
  return { ...row, expires_at: expiresAt };
}

/** Deletes the active report of `token` with all its data at once. */
export async function deleteLossReport(db: Queryable, token: string, now: Date): Promise<void> {
  const row = await reportByToken(db, token, now);
  // Tokens and matches go with it (ON DELETE CASCADE).
  await db.query('DELETE FROM loss_reports WHERE id = $1', [row.id]);
}
