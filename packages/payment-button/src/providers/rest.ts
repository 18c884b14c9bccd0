import { ApiError, clientOf, s, type ClientHost, type HttpClient } from '@muni-widgets/core';
import type { CallOptions, Payment, PaymentProvider, PaymentRequest, PaymentSummary } from '../provider.js';
import { payment, summary } from './rest-schemas.js';

const summaryFor = (reference: string, value: unknown): PaymentSummary => ({ ...summary(value), reference });

const signalOf = (options?: CallOptions) => (options?.signal ? { signal: options.signal } : {});

/** The reference server's open widget API: `POST /v1/payments`, `GET /v1/payments/{id}`, `GET /v1/payments?reference=`. */
export class RestPaymentProvider implements PaymentProvider {
  constructor(private readonly client: HttpClient) {}

  /** 201: this key's payment; 200: the open payment of another browser; 409 `payment_already_paid`: the receipt. */
  async create(request: PaymentRequest, idempotencyKey: string, options?: CallOptions): Promise<Payment | PaymentSummary> {
    try {
      const answer = await this.client.post('v1/payments', request, { schema: s.anyObject, idempotencyKey, ...signalOf(options) });
      return 'id' in answer ? payment(answer) : summaryFor(request.reference, answer);
    } catch (error) {
      if (error instanceof ApiError && error.problem?.code === 'payment_already_paid') {
        return summaryFor(request.reference, (error.body as { payment?: unknown }).payment);
      }
      throw error;
    }
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

  async byReference(reference: string, options?: CallOptions): Promise<PaymentSummary[]> {
    const { payments } = await this.client.get('v1/payments', { schema: s.object({ payments: s.array(s.anyObject) }), query: { reference }, ...signalOf(options) });
    return payments.map((p) => summaryFor(reference, p));
  }
}

/** The provider for a widget's own backend and language. */
export const restProviderFor = (host: ClientHost): PaymentProvider => new RestPaymentProvider(clientOf(host));
