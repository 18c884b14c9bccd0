import { ApiError, clientOf, s, type ClientHost, type HttpClient } from '@muni-widgets/core';
import type { CallOptions, Payment, PaymentProvider, PaymentRequest } from '../provider.js';

const payment = s.object({
  id: s.string,
  status: s.literal('redirect', 'pending', 'paid', 'failed', 'cancelled', 'expired'),
  amountCents: s.integer,
  currency: s.string,
  purpose: s.string,
  reference: s.string,
  payUrl: s.optional(s.string),
  paymentMethod: s.optional(s.string),
  paymentMethodDetail: s.optional(s.string),
  paidAt: s.optional(s.string),
  transactionReference: s.optional(s.string),
  createdAt: s.string,
});

const signalOf = (options?: CallOptions) => (options?.signal ? { signal: options.signal } : {});

/** The reference server's open widget API: `POST /v1/payments`, `GET /v1/payments/{id}`, `GET /v1/payments?reference=`. */
export class RestPaymentProvider implements PaymentProvider {
  constructor(private readonly client: HttpClient) {}

  create(request: PaymentRequest, idempotencyKey: string, options?: CallOptions): Promise<Payment> {
    return this.client.post('v1/payments', request, { schema: payment, idempotencyKey, ...signalOf(options) });
  }

  async status(id: string, options?: CallOptions): Promise<Payment | undefined> {
    try {
      return await this.client.get(`v1/payments/${encodeURIComponent(id)}`, { schema: payment, ...signalOf(options) });
    } catch (error) {
      // An id from a foreign or mangled link is simply not ours.
      if (error instanceof ApiError && (error.kind === 'not_found' || error.kind === 'validation')) return undefined;
      throw error;
    }
  }

  async byReference(reference: string, options?: CallOptions): Promise<Payment[]> {
    return (await this.client.get('v1/payments', { schema: s.object({ payments: s.array(payment) }), query: { reference }, ...signalOf(options) })).payments;
  }
}

/** The provider for a widget's own backend and language. */
export const restProviderFor = (host: ClientHost): PaymentProvider => new RestPaymentProvider(clientOf(host));
