import type { CallOptions, Loosen, Wire } from '@muni-widgets/core';

export type { CallOptions };
/** Final states never change again; `redirect` and `pending` may. */
export type PaymentStatus = Wire<'Payment'>['status'];

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

/**
 * Another browser's payment for the Kassenzeichen, as anybody who knows it may see it: no id, no
 * pay page. Purpose, method and transaction number only where the backend gives them (the
 * reference server: in its answer that the Kassenzeichen is already paid). The server leaves out
 * the Kassenzeichen the asker already knows; the provider puts it back.
 */
export type PaymentSummary = Omit<Wire<'PaymentSummary'>, 'reference'> & { reference: string };

/** This browser's own payment: its id and, while open, its pay page (`payUrl`) are the payer's alone. */
export type Payment = Loosen<Omit<Wire<'Payment'>, 'description'>, 'expiresAt'>;

/**
 * What `<muni-payment-button>` needs from a backend. The browser never talks to the payment
 * platform itself; the backend does, and is asked for the outcome every time.
 */
export interface PaymentProvider {
  /**
   * Creates the payment, or returns the one already created with `idempotencyKey`: the same
   * key always means the same single payment, across retries and reloads. When another payment
   * holds the Kassenzeichen (paid, or open in another browser), resolves with its summary instead:
   * a Kassenzeichen is never paid twice.
   */
  create(request: PaymentRequest, idempotencyKey: string, options?: CallOptions): Promise<Payment | PaymentSummary>;
  /** The current state, from the platform; `undefined` when the id is unknown. */
  status(id: string, options?: CallOptions): Promise<Payment | undefined>;
  /** Payments for a Kassenzeichen, newest first: for a citizen whose tab was closed. */
  byReference(reference: string, options?: CallOptions): Promise<PaymentSummary[]>;
}
