import { s, type Schema } from '@muni-widgets/core';
import type { Payment, PaymentSummary } from '../provider.js';

/** Response shapes of the open widget API's payment endpoints (see /api/openapi.json). */
const shared = {
  status: s.literal('redirect', 'pending', 'paid', 'failed', 'cancelled', 'expired'),
  amountCents: s.integer,
  currency: s.literal('EUR'),
  paymentMethod: s.optional(s.string),
  paymentMethodDetail: s.optional(s.string),
  paidAt: s.optional(s.string),
  transactionReference: s.optional(s.string),
  createdAt: s.string,
  expiresAt: s.optional(s.string),
};

export const payment: Schema<Payment> = s.object({ ...shared, id: s.string, purpose: s.string, reference: s.string, payUrl: s.optional(s.string) });

/** The server leaves out what the asker already knows (the Kassenzeichen) and what is not theirs to see. */
export const summary: Schema<Omit<PaymentSummary, 'reference'> & { reference?: string }> = s.object({
  ...shared,
  purpose: s.optional(s.string),
  reference: s.optional(s.string),
});
