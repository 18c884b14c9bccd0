import { newIdempotencyKey } from '@muni-widgets/core';

/**
 * What must survive a reload for one payment (amount, purpose and Kassenzeichen): the
 * Idempotency-Key of its creating request, and the payment's id once known. Session storage
 * is per tab and gone when the tab closes; it holds no personal data.
 */
export interface SessionRecord {
  key: string;
  paymentId?: string;
}

const PREFIX = 'muni-payment:';

/** Private modes may refuse storage; then the record lives as long as the page. */
const fallback = new Map<string, string>();

function storage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  try {
    sessionStorage.setItem(`${PREFIX}probe`, '1');
    sessionStorage.removeItem(`${PREFIX}probe`);
    return sessionStorage;
  } catch {
    return { getItem: (k) => fallback.get(k) ?? null, setItem: (k, v) => void fallback.set(k, v), removeItem: (k) => void fallback.delete(k) };
  }
}

export class PaymentSession {
  private readonly name: string;

  constructor(identity: { reference: string; amountCents: number; purpose: string }) {
    this.name = `${PREFIX}${identity.reference}:${identity.amountCents}:${identity.purpose}`;
  }

  read(): SessionRecord | undefined {
    try {
      const value = JSON.parse(storage().getItem(this.name) ?? 'null') as SessionRecord | null;
      return typeof value?.key === 'string' ? value : undefined;
    } catch {
      return undefined;
    }
  }

  /** The key for the creating request: the stored one, so a retry or reload never creates a second payment. */
  key(): string {
    const existing = this.read();
    if (existing) return existing.key;
    const record = { key: newIdempotencyKey() };
    storage().setItem(this.name, JSON.stringify(record));
    return record.key;
  }

  remember(paymentId: string): void {
    storage().setItem(this.name, JSON.stringify({ key: this.key(), paymentId }));
  }

  /** After a failed, cancelled or expired payment: the next attempt is a new payment. */
  forget(): void {
    storage().removeItem(this.name);
  }
}
