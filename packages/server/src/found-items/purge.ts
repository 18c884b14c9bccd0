/**
 * Deletion of personal data in the lost-and-found register, run opportunistically (on each
 * claim, loss report, registration and management call) instead of on a timer:
 *
 * - loss reports are deleted with their contact data, tokens and matches once they expire;
 * - claims keep their reference and status, but contact, identifying features and loss details
 *   are deleted `claimRetentionDays` after the find left the office (handed over or closed);
 * - so are the names on documents in the find's held-back details (the owner's personal data).
 */
import type { Queryable } from '../db/database.js';
import type { Clock } from '../time.js';

export async function purgeFoundItemData(
  db: Queryable,
  clock: Clock,
  options: { claimRetentionDays: number },
): Promise<{ lossReports: number; claims: number }> {
  const now = clock();
  const cutoff = new Date(now.getTime() - options.claimRetentionDays * 86_400_000).toISOString();
  const lossReports = await db.query('DELETE FROM loss_reports WHERE expires_at <= $1 RETURNING id', [now.toISOString()]);
  const claims = await db.query(
    `UPDATE found_item_claims c
        SET contact = NULL, identifying_features = NULL, lost_on = NULL, lost_place = NULL, purged_at = $2
       FROM found_items f
      WHERE f.id = c.found_item_id AND f.closed_at < $1 AND c.purged_at IS NULL
      RETURNING c.id`,
    [cutoff, now.toISOString()],
  );
  await db.query('UPDATE found_items SET document_names = NULL WHERE closed_at < $1 AND document_names IS NOT NULL', [cutoff]);
  return { lossReports: lossReports.length, claims: claims.length };
}
