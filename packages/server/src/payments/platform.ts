/**
 * The seam between the widget API and a payment platform (ePayBL and others speaking
 * XBezahldienste, or the sandbox built into this server). The browser never talks to the
 * platform; the server opens a transaction, sends the citizen to the platform's pay page and
 * asks the platform for the outcome.
 */

/** XBezahldienste transaction states. */
export const PLATFORM_STATUSES = ['INITIAL', 'PAYED', 'FAILED', 'CANCELED'] as const;
export type PlatformStatus = (typeof PLATFORM_STATUSES)[number];

/**
 * Characters allowed in `purpose` (Verwendungszweck): the SEPA character set plus German
 * umlauts and ß, which XBezahldienste platforms pass on to the bank transfer. 27 at most.
 */
export const PURPOSE_PATTERN = /^[A-Za-z0-9ÄÖÜäöüß /?:().,'+-]+$/;
export const PURPOSE_MAX = 27;
export const DESCRIPTION_MAX = 250;
export const REQUEST_ID_MAX = 36;
export const MAX_ITEMS = 99;
/** Kassenzeichen as municipal cash offices issue them. */
export const REFERENCE_PATTERN = /^[A-Za-z0-9-]{1,36}$/;

export interface PaymentItem {
  id: string;
  reference: string;
  description: string;
  quantity: number;
  /** Amounts in cents here; the client converts to the platform's decimal euros. */
  totalNetCents: number;
  totalTaxCents: number;
  taxRate: number;
}

export interface TransactionRequest {
  /** Unique per payment and the same on every retry, at most 36 characters. */
  requestId: string;
  requestTimestamp: Date;
  currency: 'EUR';
  amountCents: number;
  purpose: string;
  description?: string;
  /** Where the platform sends the citizen back to; the outcome is asked for, never read from it. */
  redirectUrl: string;
  items: PaymentItem[];
}

export interface TransactionInfo {
  transactionId: string;
  status: PlatformStatus;
  /** The pay page; only while INITIAL. */
  payUrl?: string;
  /** The "fachliche" reference the platform gives the payment (Kassenzeichen of the cash office). */
  transactionReference?: string;
  /** When the payment was made. */
  transactionTimestamp?: Date;
  paymentMethod?: string;
  paymentMethodDetail?: string;
  statusDetail?: string;
}

export interface PaymentPlatform {
  /**
   * Opens a transaction. Platforms recognise a repeated `requestId` and answer with the
   * transaction already opened for it, so calling this again after a timeout is safe.
   */
  createTransaction(request: TransactionRequest): Promise<TransactionInfo>;
  getTransaction(transactionId: string): Promise<TransactionInfo>;
}

export type PlatformErrorKind = 'timeout' | 'unavailable' | 'rejected';

/**
 * What went wrong talking to the platform. `timeout`: no answer in time (the transaction may
 * or may not exist). `unavailable`: network error or 5xx. `rejected`: 4xx, or an answer that is
 * not what XBezahldienste promises; `message` is the platform's own text, for the log.
 */
export class PlatformError extends Error {
  constructor(
    readonly kind: PlatformErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'PlatformError';
  }

  get retryable(): boolean {
    return this.kind !== 'rejected';
  }
}

/** Cents as the decimal euro amount XBezahldienste expects (25.00 -> 25, 1234 -> 12.34). */
export function centsToAmount(cents: number): number {
  return Number((cents / 100).toFixed(2));
}

/** Decimal euros (number or numeric string) to whole cents; undefined when not a money amount. */
export function amountToCents(amount: unknown): number | undefined {
  const value = typeof amount === 'string' && /^-?\d+(\.\d+)?$/.test(amount.trim()) ? Number(amount) : amount;
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  const cents = Math.round(value * 100);
  return Math.abs(cents - value * 100) < 1e-6 ? cents : undefined;
}
