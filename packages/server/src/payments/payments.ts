/**
 * Payments of the widget API: the record this server keeps of each payment, and how it follows
 * the platform's transaction. The status a citizen sees comes only from the platform (asked
 * here), never from what the browser brings back from the pay page.
 *
 * Never a second charge: the row is written first (status `creating`, with the requestId the
 * platform will see), then the platform is called. A retry of the same create request (same
 * Idempotency-Key) finds the row and sends the same requestId again, which the platform answers
 * with the transaction it may already have opened.
 *
 * Never a second payment for one Kassenzeichen: a unique index lets each reference have one
 * open or paid payment at most (unless the city lists it as repeatable). A create for a paid
 * reference is refused with its receipt; one for an open reference gets that payment's status,
 * never its pay page: the pay page (and with it cancelling) belongs to the browser that created it.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { z } from '@hono/zod-openapi';
import { routeLink } from '@muni-widgets/core/fragment';
import type { Database, Queryable } from '../db/database.js';
import { ProblemError } from '../http/problem.js';
import type { Logger } from '../logger.js';
import { PlatformError, type PaymentPlatform, type TransactionInfo } from './platform.js';
import type { PaymentSchema, PaymentSummarySchema } from './schemas.js';

/** Statuses of the widget API. `pending`: not known right now (platform not reachable or not yet answered). */
export const PAYMENT_STATUSES = ['redirect', 'pending', 'paid', 'failed', 'cancelled', 'expired'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
type StoredStatus = 'creating' | 'redirect' | 'paid' | 'failed' | 'cancelled' | 'expired';

const FINAL: ReadonlySet<StoredStatus> = new Set(['paid', 'failed', 'cancelled', 'expired']);
/** The statuses that hold a Kassenzeichen (the partial unique index payments_one_per_reference). */
const HOLDS_REFERENCE = "status IN ('creating', 'redirect', 'paid')";

/**
 * Minutes after the lifetime before an open payment counts as expired: the platform's pay page
 * closes at the lifetime, so nobody can pay one we already called expired.
 */
export const EXPIRY_GRACE_MINUTES = 5;

export interface PaymentRow {
  id: string;
  idempotency_key: string;
  request_hash: string;
  request_id: string;
  status: StoredStatus;
  amount_cents: number;
  currency: 'EUR';
  purpose: string;
  reference: string;
  description: string | null;
  return_url: string;
  transaction_id: string | null;
  pay_url: string | null;
  transaction_reference: string | null;
  payment_method: string | null;
  payment_method_detail: string | null;
  paid_at: Date | string | null;
  created_at: Date | string;
  updated_at: Date | string;
}

const COLUMNS =
  'id, idempotency_key, request_hash, request_id, status, amount_cents, currency, purpose, reference, description, return_url, ' +
  'transaction_id, pay_url, transaction_reference, payment_method, payment_method_detail, paid_at, created_at, updated_at';

/**
 * What anybody who knows a Kassenzeichen may learn of its payments: whether and when it was
 * paid, and how much. Never the id (which opens the payer's view) nor the pay page.
 */
export type PaymentSummary = z.infer<typeof PaymentSummarySchema>;

export type PaymentView = z.infer<typeof PaymentSchema>;

export interface CreatePaymentInput {
  amountCents: number;
  currency: 'EUR';
  purpose: string;
  reference: string;
  description?: string | undefined;
  returnUrl: string;
}

export interface PaymentContext {
  db: Database;
  now: Date;
  lifetimeMinutes: number;
  logger: Logger;
  /** Undefined when this server has no payment platform (no PAYMENT_PLATFORM_URL, sandbox off). */
  platform: PaymentPlatform | undefined;
  /** PAYMENT_REPEATABLE_REFERENCES: exact Kassenzeichen, or prefixes ending in `*`. */
  repeatableReferences: readonly string[];
}

/** How a create ended: this key's payment, or the open payment another browser holds for the reference. */
export type CreateOutcome = { own: PaymentRow } | { heldElsewhere: PaymentSummary };

const notConfigured = () =>
  new ProblemError('unavailable', 'Bezahlen ist auf diesem Server nicht eingerichtet.', { retryable: false });

/** The payer's view: only for the browser that holds the payment's id or Idempotency-Key. */
export function paymentView(row: PaymentRow, lifetimeMinutes: number, options: { unknown?: boolean } = {}): PaymentView {
  const status = displayStatus(row, options.unknown);
  const created = new Date(row.created_at);
  return {
    id: row.id,
    status,
    amountCents: row.amount_cents,
    currency: row.currency,
    purpose: row.purpose,
    reference: row.reference,
    ...(row.description ? { description: row.description } : {}),
    ...(status === 'redirect' && row.pay_url ? { payUrl: row.pay_url } : {}),
    ...(row.payment_method ? { paymentMethod: row.payment_method } : {}),
    ...(row.payment_method_detail ? { paymentMethodDetail: row.payment_method_detail } : {}),
    ...(row.paid_at ? { paidAt: new Date(row.paid_at).toISOString() } : {}),
    ...(row.transaction_reference ? { transactionReference: row.transaction_reference } : {}),
    createdAt: created.toISOString(),
    expiresAt: new Date(created.getTime() + lifetimeMinutes * 60_000).toISOString(),
  };
}

function displayStatus(row: PaymentRow, unknown: boolean | undefined): PaymentStatus {
  return row.status === 'creating' || (unknown && !FINAL.has(row.status)) ? 'pending' : row.status;
}

export function paymentSummary(row: PaymentRow, lifetimeMinutes: number, options: { unknown?: boolean; receipt?: boolean } = {}): PaymentSummary {
  const status = displayStatus(row, options.unknown);
  const created = new Date(row.created_at);
  return {
    status,
    amountCents: row.amount_cents,
    currency: row.currency,
    createdAt: created.toISOString(),
    ...(FINAL.has(row.status) ? {} : { expiresAt: new Date(created.getTime() + lifetimeMinutes * 60_000).toISOString() }),
    ...(row.paid_at ? { paidAt: new Date(row.paid_at).toISOString() } : {}),
    ...(options.receipt
      ? {
          purpose: row.purpose,
          reference: row.reference,
          ...(row.payment_method ? { paymentMethod: row.payment_method } : {}),
          ...(row.payment_method_detail ? { paymentMethodDetail: row.payment_method_detail } : {}),
          ...(row.transaction_reference ? { transactionReference: row.transaction_reference } : {}),
        }
      : {}),
  };
}

/** Whether the city lets this Kassenzeichen be paid several times. */
export function repeatableReference(patterns: readonly string[], reference: string): boolean {
  return patterns.some((pattern) => (pattern.endsWith('*') ? reference.startsWith(pattern.slice(0, -1)) : reference === pattern));
}

/** The URL the platform sends the citizen back to: the widget's page, with the payment in the fragment. */
export function redirectUrlFor(returnUrl: string, paymentId: string): string {
  return routeLink(returnUrl, 'muni-payment', { kind: paymentId });
}

function requestHash(input: CreatePaymentInput): string {
  const canonical = [input.amountCents, input.currency, input.purpose, input.reference, input.description ?? '', input.returnUrl];
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

function pastLifetime(row: PaymentRow, now: Date, lifetimeMinutes: number): boolean {
  return new Date(row.created_at).getTime() + (lifetimeMinutes + EXPIRY_GRACE_MINUTES) * 60_000 <= now.getTime();
}

/**
 * Creates the payment for `idempotencyKey`, or continues the one created for it before; for a
 * Kassenzeichen another payment holds, the outcome is that one's status (open) or a problem with
 * its receipt (paid). Throws problems for platform trouble; the row stays, so the client's retry
 * continues it.
 */
export async function createPayment(ctx: PaymentContext, idempotencyKey: string, input: CreatePaymentInput): Promise<CreateOutcome> {
  const { platform } = ctx;
  if (!platform) throw notConfigured();
  const hash = requestHash(input);
  const exclusive = !repeatableReference(ctx.repeatableReferences, input.reference);
  // A holder that turns out expired, failed or cancelled frees the reference: then try again.
  // Each round settles one holder for good, so a few rounds suffice even under contention.
  for (let round = 0; round < 5; round++) {
    const claim = await claimReference(ctx, idempotencyKey, hash, exclusive, input);
    if ('own' in claim) return { own: await continuePayment(ctx, platform, claim.own, hash) };
    if (!claim.holder) continue;
    const { row: holder, unknown } = claim.holder.status === 'paid' ? { row: claim.holder, unknown: false } : await refreshPayment(ctx, claim.holder);
    if (holder.status === 'paid') throw alreadyPaid(holder, input, ctx.lifetimeMinutes);
    if (!FINAL.has(holder.status)) return { heldElsewhere: paymentSummary(holder, ctx.lifetimeMinutes, { unknown }) };
  }
  throw new ProblemError('conflict', 'Zu diesem Kassenzeichen wird gerade eine andere Zahlung angelegt. Bitte versuchen Sie es gleich noch einmal.', {
    retryable: true,
  });
}

/**
 * Inserts this key's row unless the key or (for an exclusive reference) the Kassenzeichen is
 * taken; the database decides, so twin requests on other server processes see the same answer.
 * `holder` is undefined when the row that held the reference was settled in between.
 */
async function claimReference(
  ctx: PaymentContext,
  idempotencyKey: string,
  hash: string,
  exclusive: boolean,
  input: CreatePaymentInput,
): Promise<{ own: PaymentRow } | { holder: PaymentRow | undefined }> {
  const { now } = ctx;
  return ctx.db.transaction(async (tx) => {
    const id = randomUUID();
    // No conflict target: either unique rule (key, or reference) makes this a no-op.
    const [inserted] = await tx.query<PaymentRow>(
      `INSERT INTO payments (id, idempotency_key, request_hash, request_id, status, amount_cents, currency, purpose, reference,
                             description, return_url, exclusive_reference, created_at, updated_at)
       VALUES ($1, $2, $3, $12, 'creating', $4, $5, $6, $7, $8, $9, $10, $11, $11)
       ON CONFLICT DO NOTHING
       RETURNING ${COLUMNS}`,
      [id, idempotencyKey, hash, input.amountCents, input.currency, input.purpose, input.reference, input.description ?? null, input.returnUrl, exclusive, now.toISOString(), id],
    );
    if (inserted) {
      await recordEvent(tx, inserted.id, 'creating', now);
      return { own: inserted };
    }
    const [existing] = await tx.query<PaymentRow>(`SELECT ${COLUMNS} FROM payments WHERE idempotency_key = $1`, [idempotencyKey]);
    if (existing) return { own: existing };
    const [holder] = await tx.query<PaymentRow>(
      `SELECT ${COLUMNS} FROM payments WHERE reference = $1 AND exclusive_reference AND ${HOLDS_REFERENCE}`,
      [input.reference],
    );
    return { holder };
  });
}

/**
 * A paid Kassenzeichen is not paid again. The receipt's details go only to a request that names
 * the paid amount and purpose too (what the page selling this fee knows), never to a guess of the
 * Kassenzeichen alone.
 */
function alreadyPaid(row: PaymentRow, input: CreatePaymentInput, lifetimeMinutes: number): ProblemError {
  const receipt = row.amount_cents === input.amountCents && row.purpose === input.purpose;
  return new ProblemError('payment_already_paid', 'Dieses Kassenzeichen ist bereits bezahlt. Bitte bezahlen Sie nicht noch einmal; die Quittung steht in der Antwort.', {
    retryable: false,
    extensions: { payment: paymentSummary(row, lifetimeMinutes, { receipt }) },
  });
}

async function continuePayment(ctx: PaymentContext, platform: PaymentPlatform, found: PaymentRow, hash: string): Promise<PaymentRow> {
  const { db, now } = ctx;
  let row = found;
  if (row.request_hash !== hash) {
    throw new ProblemError(
      'idempotency_conflict',
      'Dieser Idempotency-Key gehört zu einer anderen Zahlung. Bitte für jede neue Zahlung einen neuen Schlüssel erzeugen.',
    );
  }
  if (row.status === 'failed' && !row.transaction_id) {
    throw new ProblemError('payment_platform_rejected', 'Der Bezahldienst hat diese Zahlung abgelehnt. Bitte wenden Sie sich an die Stadt.', {
      retryable: false,
    });
  }
  if (row.status !== 'creating') return row;
  if (pastLifetime(row, now, ctx.lifetimeMinutes)) return settle(db, row, { status: 'expired' }, now);

  let info: TransactionInfo;
  try {
    info = await platform.createTransaction({
      requestId: row.request_id,
      requestTimestamp: new Date(row.created_at),
      currency: row.currency,
      amountCents: row.amount_cents,
      purpose: row.purpose,
      ...(row.description ? { description: row.description } : {}),
      redirectUrl: redirectUrlFor(row.return_url, row.id),
      items: [
        {
          id: '1',
          reference: row.reference,
          description: (row.description ?? row.purpose).slice(0, 250),
          quantity: 1,
          totalNetCents: row.amount_cents,
          totalTaxCents: 0,
          taxRate: 0,
        },
      ],
    });
    if (info.status === 'INITIAL' && !info.payUrl) throw new PlatformError('rejected', 'new transaction without transactionRedirectUrl');
  } catch (error) {
    if (!(error instanceof PlatformError)) throw error;
    ctx.logger.warn('payment platform error', { operation: 'create', kind: error.kind, ...(error.status ? { status: error.status } : {}) });
    if (error.kind === 'rejected') {
      // No transaction exists: the payment is over; the platform's reason stays in the history.
      row = await settle(db, row, { status: 'failed', detail: `rejected: ${error.message}`.slice(0, 500) }, now);
      throw new ProblemError('payment_platform_rejected', 'Der Bezahldienst hat diese Zahlung abgelehnt. Bitte wenden Sie sich an die Stadt.', {
        retryable: false,
      });
    }
    await db.transaction((tx) => recordEvent(tx, row.id, 'creating', now, undefined, `${error.kind}: ${error.message}`.slice(0, 500)));
    throw platformProblem(error);
  }
  return applyTransaction(ctx, row, info);
}

function platformProblem(error: PlatformError): ProblemError {
  return error.kind === 'timeout'
    ? new ProblemError(
        'payment_platform_timeout',
        'Der Bezahldienst hat nicht rechtzeitig geantwortet. Es wurde nichts abgebucht. Bitte versuchen Sie es gleich noch einmal.',
        { retryable: true, headers: { 'Retry-After': '5' } },
      )
    : new ProblemError(
        'payment_platform_unavailable',
        'Der Bezahldienst ist gerade nicht erreichbar. Es wurde nichts abgebucht. Bitte versuchen Sie es in einigen Minuten noch einmal.',
        { retryable: true, headers: { 'Retry-After': '30' } },
      );
}

/**
 * Brings a payment that is not final up to date with the platform. `unknown` is true when the
 * platform could not be asked: the answer then says `pending`, and nothing is recorded.
 */
export async function refreshPayment(ctx: PaymentContext, row: PaymentRow): Promise<{ row: PaymentRow; unknown: boolean }> {
  if (FINAL.has(row.status)) return { row, unknown: false };
  if (!row.transaction_id) {
    // Created, but the platform never confirmed a transaction; nobody got a pay page for it.
    if (pastLifetime(row, ctx.now, ctx.lifetimeMinutes)) return { row: await settle(ctx.db, row, { status: 'expired' }, ctx.now), unknown: false };
    return { row, unknown: true };
  }
  if (!ctx.platform) return { row, unknown: true };
  try {
    const info = await ctx.platform.getTransaction(row.transaction_id);
    return { row: await applyTransaction(ctx, row, info), unknown: false };
  } catch (error) {
    if (!(error instanceof PlatformError)) throw error;
    ctx.logger.warn('payment platform error', { operation: 'status', kind: error.kind, ...(error.status ? { status: error.status } : {}) });
    return { row, unknown: true };
  }
}

async function applyTransaction(ctx: PaymentContext, row: PaymentRow, info: TransactionInfo): Promise<PaymentRow> {
  const base = { transactionId: info.transactionId, platformStatus: info.status, detail: info.statusDetail };
  switch (info.status) {
    case 'PAYED':
      return settle(ctx.db, row, {
        ...base,
        status: 'paid',
        paidAt: info.transactionTimestamp ?? ctx.now,
        transactionReference: info.transactionReference,
        paymentMethod: info.paymentMethod,
        paymentMethodDetail: info.paymentMethodDetail,
      }, ctx.now);
    case 'FAILED':
      return settle(ctx.db, row, { ...base, status: 'failed' }, ctx.now);
    case 'CANCELED':
      return settle(ctx.db, row, { ...base, status: 'cancelled' }, ctx.now);
    case 'INITIAL':
      if (pastLifetime(row, ctx.now, ctx.lifetimeMinutes)) return settle(ctx.db, row, { ...base, status: 'expired' }, ctx.now);
      return settle(ctx.db, row, { ...base, status: 'redirect', payUrl: info.payUrl }, ctx.now);
  }
}

interface Change {
  status: StoredStatus;
  transactionId?: string;
  payUrl?: string | undefined;
  platformStatus?: string;
  detail?: string | undefined;
  paidAt?: Date;
  transactionReference?: string | undefined;
  paymentMethod?: string | undefined;
  paymentMethodDetail?: string | undefined;
}

/**
 * Writes a change if the row is still in the state it was read in (compare-and-set on status),
 * and records it in the history when the status changed. Concurrent status checks of one
 * payment thus record each change once.
 */
async function settle(db: Database, row: PaymentRow, change: Change, now: Date): Promise<PaymentRow> {
  return db.transaction(async (tx) => {
    const [updated] = await tx.query<PaymentRow>(
      `UPDATE payments
          SET status = $3,
              transaction_id = COALESCE($4, transaction_id),
              pay_url = COALESCE($5, pay_url),
              paid_at = COALESCE($6, paid_at),
              transaction_reference = COALESCE($7, transaction_reference),
              payment_method = COALESCE($8, payment_method),
              payment_method_detail = COALESCE($9, payment_method_detail),
              updated_at = $10
        WHERE id = $1 AND status = $2
        RETURNING ${COLUMNS}`,
      [
        row.id,
        row.status,
        change.status,
        change.transactionId ?? null,
        change.payUrl ?? null,
        change.paidAt?.toISOString() ?? null,
        change.transactionReference ?? null,
        change.paymentMethod ?? null,
        change.paymentMethodDetail ?? null,
        now.toISOString(),
      ],
    );
    if (!updated) {
      const [current] = await tx.query<PaymentRow>(`SELECT ${COLUMNS} FROM payments WHERE id = $1`, [row.id]);
      return current!;
    }
    if (updated.status !== row.status) await recordEvent(tx, row.id, change.status, now, change.platformStatus, change.detail);
    return updated;
  });
}

async function recordEvent(tx: Queryable, paymentId: string, status: string, now: Date, platformStatus?: string, detail?: string): Promise<void> {
  await tx.query('INSERT INTO payment_events (payment_id, status, platform_status, detail, created_at) VALUES ($1, $2, $3, $4, $5)', [
    paymentId,
    status,
    platformStatus ?? null,
    detail ?? null,
    now.toISOString(),
  ]);
}

export async function findPayment(db: Queryable, id: string): Promise<PaymentRow | undefined> {
  const [row] = await db.query<PaymentRow>(`SELECT ${COLUMNS} FROM payments WHERE id = $1`, [id]);
  return row;
}

export async function paymentsByReference(db: Queryable, reference: string, limit: number): Promise<PaymentRow[]> {
  return db.query<PaymentRow>(`SELECT ${COLUMNS} FROM payments WHERE reference = $1 ORDER BY created_at DESC, id LIMIT $2`, [reference, limit]);
}
