/**
 * What registering an open find does for the owners of loss reports: each new match on public
 * details (matching.ts) is recorded once and gets a mail with a fresh management token. All of it
 * is written in the registration's transaction, a fixed number of statements however many
 * reports match; the mails go out later through the mail queue.
 */
import { parsed } from '../db/json.js';
import { newToken, tokenHash } from '../shared/tokens.js';
import type { Queryable } from '../db/database.js';
import { enqueueMail } from '../mail/queue.js';
import { matchFoundMail } from './mails.js';
import { candidateReports, MIN_SCORE, scoreMatch } from './matching.js';
import type { PublicFoundItem } from './public-projection.js';
import type { FoundItemRow } from './register.js';

/** Resolves to the number of loss reports notified. */
export async function notifyMatchingReports(tx: Queryable, row: FoundItemRow, item: PublicFoundItem, now: Date): Promise<number> {
  const candidates = await candidateReports(tx, { categoryId: row.category_id, foundOn: row.found_on, colour: row.colour }, now);
  const scored = candidates
    .map((report) => ({ report, ...scoreMatch(report, { colour: row.colour, brand: row.brand_public ? row.brand : null, text: row.description }) }))
    .filter((m) => m.score >= MIN_SCORE);
  if (scored.length === 0) return 0;
  const recorded = await tx.query<{ loss_report_id: string }>(
    `INSERT INTO loss_report_matches (loss_report_id, found_item_id, score, matched_at, notified_at)
     SELECT m.report, $1, m.score, $2, $2 FROM unnest($3::bigint[], $4::smallint[]) AS m (report, score)
     ON CONFLICT DO NOTHING RETURNING loss_report_id::text`,
    [row.id, now.toISOString(), scored.map((m) => m.report.id), scored.map((m) => m.score)],
  );
  const fresh = new Set(recorded.map((r) => r.loss_report_id));
  const notified = scored.filter((m) => fresh.has(m.report.id)).map((m) => ({ report: m.report, token: newToken() }));
  await tx.query(
    `INSERT INTO loss_report_tokens (token_hash, loss_report_id, created_at) SELECT t.hash, t.report, $1 FROM unnest($2::text[], $3::bigint[]) AS t (hash, report)`,
    [now.toISOString(), notified.map((n) => tokenHash(n.token)), notified.map((n) => n.report.id)],
  );
  await enqueueMail(
    tx,
    notified.map(({ report, token }) => {
      const contact = parsed(report.contact);
      return matchFoundMail({
        to: contact.email,
        name: contact.name,
        reference: report.reference,
        item,
        expiresAt: new Date(report.expires_at),
        returnUrl: report.return_url,
        token,
      });
    }),
    now,
  );
  return notified.length;
}
