/**
 * The sandbox payment platform: an XBezahldienste platform in test mode, built into the
 * reference server for the demo and the tests. It keeps its own transactions in
 * `sandbox_transactions` and is reached over HTTP like any real platform (routes in
 * routes/payment-sandbox.ts); nothing of the widget API reads or writes its table, and it
 * reads nothing of the widget API's.
 */
import { randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Queryable } from '../db/database.js';
import { parsed } from '../db/json.js';
import type { PlatformStatus } from './platform.js';

export const SANDBOX_API_PREFIX = '/sandbox/xbezahldienste';
export const SANDBOX_PAY_PREFIX = '/sandbox/pay';

/** Payment methods the sandbox offers on its pay page, as XBezahldienste codes. */
export const SANDBOX_METHODS = [
  { value: 'CREDITCARD', label: 'Kreditkarte', method: 'CREDITCARD' },
  { value: 'PAYPAL', label: 'PayPal', method: 'PAYPAL' },
  { value: 'SEPA', label: 'SEPA-Lastschrift', method: 'OTHER' },
  { value: 'GIROPAY', label: 'Giropay', method: 'GIROPAY' },
  { value: 'PAYDIRECT', label: 'paydirekt', method: 'PAYDIRECT' },
] as const;

/** The XBezahldienste PaymentRequest as the sandbox stores it. */
export interface SandboxPaymentRequest {
  requestId: string;
  requestTimestamp?: string;
  currency: string;
  grosAmount: number;
  purpose: string;
  description?: string;
  redirectUrl: string;
  items: Array<Record<string, unknown>>;
}

export interface SandboxTransactionRow {
  transaction_id: string;
  originator_id: string;
  endpoint_id: string;
  request_id: string;
  request: SandboxPaymentRequest | string;
  status: PlatformStatus;
  payment_method: string | null;
  payment_method_detail: string | null;
  transaction_reference: string | null;
  /** The secret in the pay page's URL: whoever has only the transaction id can neither pay nor cancel. */
  pay_token: string;
  created_at: Date | string;
  updated_at: Date | string;
}

const COLUMNS =
  'transaction_id, originator_id, endpoint_id, request_id, request, status, payment_method, payment_method_detail, transaction_reference, pay_token, created_at, updated_at';

export function sandboxRequest(row: SandboxTransactionRow): SandboxPaymentRequest {
  return parsed(row.request);
}

/**
 * Opens a transaction, or finds the one already opened for this requestId (the platform side
 * of "a retry never opens a second transaction"). `created` tells which.
 */
export async function openSandboxTransaction(
  db: Queryable,
  now: Date,
  originatorId: string,
  endpointId: string,
  request: SandboxPaymentRequest,
): Promise<{ row: SandboxTransactionRow; created: boolean }> {
  const [inserted] = await db.query<SandboxTransactionRow>(
    `INSERT INTO sandbox_transactions (transaction_id, originator_id, endpoint_id, request_id, request, status, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5::jsonb, 'INITIAL', $6, $6)
     ON CONFLICT (originator_id, endpoint_id, request_id) DO NOTHING
     RETURNING ${COLUMNS}`,
    [`sbx-${randomUUID()}`, originatorId, endpointId, request.requestId, JSON.stringify(request), now.toISOString()],
  );
  if (inserted) return { row: inserted, created: true };
  const [existing] = await db.query<SandboxTransactionRow>(
    `SELECT ${COLUMNS} FROM sandbox_transactions WHERE originator_id = $1 AND endpoint_id = $2 AND request_id = $3`,
    [originatorId, endpointId, request.requestId],
  );
  if (!existing) throw new Error('sandbox transaction vanished');
  return { row: existing, created: false };
}

export async function findSandboxTransaction(db: Queryable, transactionId: string): Promise<SandboxTransactionRow | undefined> {
  const [row] = await db.query<SandboxTransactionRow>(`SELECT ${COLUMNS} FROM sandbox_transactions WHERE transaction_id = $1`, [
    transactionId,
  ]);
  return row;
}

/** The pay page's path: the capability the creating request's answer carries, and nothing else. */
export function sandboxPayPath(row: SandboxTransactionRow): string {
  return `${SANDBOX_PAY_PREFIX}/${row.transaction_id}/${row.pay_token}`;
}

export function sandboxPayToken(row: SandboxTransactionRow, token: string): boolean {
  const expected = Buffer.from(row.pay_token);
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Whether the pay page still takes a decision: INITIAL and younger than the lifetime. */
export function sandboxOpen(row: SandboxTransactionRow, now: Date, lifetimeMinutes: number): boolean {
  return row.status === 'INITIAL' && new Date(row.created_at).getTime() + lifetimeMinutes * 60_000 > now.getTime();
}

export type SandboxDecision = { action: 'pay'; method: (typeof SANDBOX_METHODS)[number]['value'] } | { action: 'fail' } | { action: 'cancel' };

/** Applies the citizen's choice once; a second decision on the same transaction changes nothing. */
export async function decideSandboxTransaction(
  db: Queryable,
  now: Date,
  transactionId: string,
  decision: SandboxDecision,
): Promise<SandboxTransactionRow | undefined> {
  const status: PlatformStatus = decision.action === 'pay' ? 'PAYED' : decision.action === 'fail' ? 'FAILED' : 'CANCELED';
  const method = decision.action === 'pay' ? SANDBOX_METHODS.find((m) => m.value === decision.method) : undefined;
  const reference = decision.action === 'pay' ? sandboxReference(now) : null;
  const [row] = await db.query<SandboxTransactionRow>(
    `UPDATE sandbox_transactions
        SET status = $2, payment_method = $3, payment_method_detail = $4, transaction_reference = $5, updated_at = $6
      WHERE transaction_id = $1 AND status = 'INITIAL'
      RETURNING ${COLUMNS}`,
    [transactionId, status, method?.method ?? null, method?.label ?? null, reference, now.toISOString()],
  );
  return row;
}

/** The XBezahldienste PaymentTransaction for a row; `base` is the sandbox's public origin. */
export function sandboxTransactionJson(row: SandboxTransactionRow, base: string): Record<string, unknown> {
  const transactionUrl = `${base}${SANDBOX_API_PREFIX}/paymenttransaction/${encodeURIComponent(row.originator_id)}/${encodeURIComponent(row.endpoint_id)}/${row.transaction_id}`;
  return {
    paymentRequest: sandboxRequest(row),
    paymentInformation: {
      transactionUrl,
      ...(row.status === 'INITIAL' ? { transactionRedirectUrl: `${base}${sandboxPayPath(row)}` } : {}),
      transactionId: row.transaction_id,
      ...(row.transaction_reference ? { transactionReference: row.transaction_reference } : {}),
      ...(row.status === 'PAYED' ? { transactionTimestamp: new Date(row.updated_at).toISOString() } : {}),
      ...(row.payment_method ? { paymentMethod: row.payment_method } : {}),
      ...(row.payment_method_detail ? { paymentMethodDetail: row.payment_method_detail } : {}),
      status: row.status,
      ...(row.status === 'FAILED' ? { statusDetail: 'Testzahlung fehlgeschlagen' } : {}),
      ...(row.status === 'CANCELED' ? { statusDetail: 'Vom Zahlenden abgebrochen' } : {}),
    },
  };
}

/** A Kassenzeichen-like transaction reference: SBX-YYYYMMDD-NNNNNN. */
function sandboxReference(now: Date): string {
  return `SBX-${now.toISOString().slice(0, 10).replaceAll('-', '')}-${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
}
