/** A citizen asks for a find ("das gehört mir"): the claim is recorded and confirmed by mail. */
import type { Database } from '../db/database.js';
import { ProblemError } from '../http/problem.js';
import { enqueueMail } from '../mail/queue.js';
import type { IsoDate } from '../time.js';
import { nextReference } from './catalog.js';
import { claimReceivedMail } from './mails.js';
import { loadPickupInfo, pickupSummary, type PickupInfo } from './pickup.js';
import type { PublicFoundItem } from './public-projection.js';
import { findPublicFoundItem } from './search.js';

export interface ClaimRequest {
  contact: { name: string; email: string; phone?: string | undefined };
  identifyingFeatures: string;
  lostOn?: IsoDate | undefined;
  lostPlace?: string | undefined;
}

/** Records a claim on the open find `reference` and queues its confirmation, in one transaction. */
export async function claimFoundItem(
  db: Database,
  reference: string,
  request: ClaimRequest,
  now: Date,
  today: IsoDate,
): Promise<{ claimReference: string; foundItem: PublicFoundItem; pickup: PickupInfo }> {
  return db.transaction(async (tx) => {
    const [item] = await tx.query<{ id: string; status: string }>('SELECT id::text AS id, status FROM found_items WHERE reference = $1 FOR UPDATE', [
      reference,
    ]);
    if (!item) throw new ProblemError('not_found', `Eine Fundsache mit dem Aktenzeichen „${reference}“ gibt es nicht.`);
    if (item.status !== 'open') {
      throw new ProblemError('conflict', 'Diese Fundsache kann nicht mehr angefragt werden: Sie wurde bereits abgeholt oder abgeschlossen.');
    }
    const claim = await nextReference(tx, 'A', now);
    const { contact } = request;
    await tx.query(
      `INSERT INTO found_item_claims (reference, found_item_id, contact, identifying_features, lost_on, lost_place, created_at)
       VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7)`,
      [
        claim,
        item.id,
        JSON.stringify({ name: contact.name, email: contact.email, ...(contact.phone ? { phone: contact.phone } : {}) }),
        request.identifyingFeatures,
        request.lostOn ?? null,
        request.lostPlace || null,
        now.toISOString(),
      ],
    );
    const foundItem = (await findPublicFoundItem(tx, reference))!;
    const pickup = await loadPickupInfo(tx, today);
    await enqueueMail(
      tx,
      claimReceivedMail({ to: contact.email, name: contact.name, reference: claim, item: foundItem, pickup: pickupSummary(pickup) }),
      now,
    );
    return { claimReference: claim, foundItem, pickup };
  });
}
