/** Final states never change again; `redirect` and `pending` may. */
export type PaymentStatus = 'redirect' | 'pending' | 'paid' | 'failed' | 'cancelled' | 'expired';

export interface PaymentRequest {
  /** Integer cents: no float ever decides what a citizen pays. */
  amountCents: number;
  currency: 'EUR';
  /** The booking text on the citizen's statement: at most 27 characters. */
  purpose: string;
  /** Kassenzeichen: what the city's accounting matches the payment with. */
  reference: string;
  description?: string;
  /** The page to come back to from the pay page. */
  returnUrl: string;
}

export interface Payment {
  id: string;
  status: PaymentStatus;
  amountCents: number;
  currency: string;
  purpose: string;
  reference: string;
  /** The platform's pay page, while the payment is open. */
  payUrl?: string;
  paymentMethod?: string;
  /** The platform's own words for the method, e.g. "Kreditkarte". */
  paymentMethodDetail?: string;
  paidAt?: string;
  transactionReference?: string;
  createdAt: string;
}

export interface CallOptions {
  signal?: AbortSignal;
}

/**
 * What `<muni-payment-button>` needs from a backend. The browser never talks to the payment
 * platform itself; the backend does, and is asked for the outcome every time.
 */
export interface PaymentProvider {
  /**
   * Creates the payment, or returns the one already created with `idempotencyKey`: the same
   * key always means the same single payment, across retries and reloads.
   */
  create(request: PaymentRequest, idempotencyKey: string, options?: CallOptions): Promise<Payment>;
  /** The current state, from the platform; `undefined` when the id is unknown. */
  status(id: string, options?: CallOptions): Promise<Payment | undefined>;
  /** Payments for a Kassenzeichen, newest first: for a citizen whose tab was closed. */
  byReference(reference: string, options?: CallOptions): Promise<Payment[]>;
}
