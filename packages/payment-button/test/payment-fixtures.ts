import { ApiError } from '@muni-widgets/core';
import type { Payment, PaymentProvider, PaymentRequest, PaymentStatus, PaymentSummary } from '../src/provider.js';

/** What the reference server tells anybody about a payment: no id, no pay page; the receipt only with `receipt`. */
export function summaryOf(p: Payment, receipt = false): PaymentSummary {
  const { status, amountCents, currency, reference, createdAt, paidAt, purpose, paymentMethod, paymentMethodDetail, transactionReference } = p;
  return {
    status,
    amountCents,
    currency,
    reference,
    createdAt,
    ...(paidAt ? { paidAt } : {}),
    ...(status === 'redirect' || status === 'pending' ? { expiresAt: '2026-11-23T11:00:00Z' } : {}),
    ...(receipt ? { purpose, ...(paymentMethod ? { paymentMethod } : {}), ...(paymentMethodDetail ? { paymentMethodDetail } : {}), ...(transactionReference ? { transactionReference } : {}) } : {}),
  };
}

/**
 * A payment backend in memory with the server's rules (one key, one payment; one open or paid
 * payment per Kassenzeichen, answered to others with its summary) and a switchable platform
 * outcome, recording every call. `failNext` makes the next call fail the way a network or
 * platform failure reaches the widget.
 */
export function paymentBackend() {
  const payments = new Map<string, Payment>();
  const byKey = new Map<string, string>();
  const calls: string[] = [];
  const state = { outcome: 'redirect' as PaymentStatus, failNext: undefined as ApiError | undefined, counter: 0 };

  const failIfAsked = () => {
    const error = state.failNext;
    state.failNext = undefined;
    if (error) throw error;
  };

  const provider: PaymentProvider = {
    async create(request: PaymentRequest, key: string) {
      calls.push(`create:${key}`);
      failIfAsked();
      const existing = byKey.get(key);
      if (existing) return structuredClone(payments.get(existing)!);
      const holder = [...payments.values()].find((p) => p.reference === request.reference && ['redirect', 'pending', 'paid'].includes(p.status));
      if (holder) return summaryOf(holder, holder.status === 'paid' && holder.amountCents === request.amountCents && holder.purpose === request.purpose);
      const id = `00000000-0000-4000-8000-${String(++state.counter).padStart(12, '0')}`;
      const payment: Payment = {
        id,
        status: 'redirect',
        amountCents: request.amountCents,
        currency: request.currency,
        purpose: request.purpose,
        reference: request.reference,
        // Same page, different fragment: the test page stays loaded when the widget "leaves".
        payUrl: `${location.pathname}${location.search}#sandbox-pay-${id}`,
        createdAt: '2026-11-23T10:00:00Z',
      };
      payments.set(id, payment);
      byKey.set(key, id);
      return structuredClone(payment);
    },
    async status(id: string) {
      calls.push(`status:${id}`);
      failIfAsked();
      const payment = payments.get(id);
      if (!payment) return undefined;
      if (payment.status === 'redirect' || payment.status === 'pending') {
        payment.status = state.outcome;
        if (state.outcome === 'paid') Object.assign(payment, { paidAt: '2026-11-23T10:03:00Z', paymentMethod: 'CREDITCARD', paymentMethodDetail: 'Kreditkarte', transactionReference: 'TX-4711' });
        if (state.outcome !== 'redirect') delete payment.payUrl;
      }
      return structuredClone(payment);
    },
    async byReference(reference: string) {
      calls.push(`byReference:${reference}`);
      failIfAsked();
      return [...payments.values()].filter((p) => p.reference === reference).reverse().map((p) => summaryOf(p));
    },
  };
  return { provider, calls, payments, state };
}
