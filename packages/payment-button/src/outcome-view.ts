/**
 * What the citizen sees after the pay page (or a look-up): the outcome, the receipt, the next
 * step. A module of its own, loaded with the first status answer, because a visitor who only
 * sees the pay button never needs it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { button, formatLongDate, formatTime, notice, translator, type Locale, type Translate } from '@muni-widgets/core';
import type { Payment } from './provider.js';
import type { PaymentMessages } from './i18n/messages.js';
import type { Outcome } from './i18n/outcome-de.js';
import { outcomeMessages } from './i18n/outcome-messages.js';

export { outcomeMessages };

export interface OutcomeView {
  outcome: Outcome;
  payment: Payment;
  locale: Locale;
  timeZone: string;
  /** The button's own texts, for the labels the receipt shares with the summary. */
  t: Translate<PaymentMessages>;
  money: (cents: number) => string;
  /** The summary of what is being paid, shown with every outcome but `paid`. */
  summary: TemplateResult;
  payAgain: () => void;
  checkAgain: () => void;
}

export function outcomeTitle(outcome: Outcome, locale: Locale): string {
  return translator(outcomeMessages, locale)('title', { outcome });
}

function receipt(v: OutcomeView, o: Translate<typeof outcomeMessages.de>): TemplateResult {
  const { payment: p, t } = v;
  const zone = { locale: v.locale, timeZone: v.timeZone };
  const paidAt = p.paidAt ?? p.createdAt;
  const method = p.paymentMethodDetail ?? p.paymentMethod;
  return html`<dl class="facts receipt" part="receipt">
    <div><dt>${t('amount')}</dt><dd>${v.money(p.amountCents)}</dd></div>
    <div><dt>${t('purpose')}</dt><dd>${p.purpose}</dd></div>
    <div><dt>${t('reference')}</dt><dd>${p.reference}</dd></div>
    <div><dt>${o('paidAt')}</dt><dd>${formatLongDate(paidAt, zone)}, ${formatTime(paidAt, zone)}</dd></div>
    ${method ? html`<div><dt>${o('method')}</dt><dd>${method}</dd></div>` : nothing}
    ${p.transactionReference ? html`<div><dt>${o('transaction')}</dt><dd>${p.transactionReference}</dd></div>` : nothing}
  </dl>`;
}

export function renderOutcome(v: OutcomeView): TemplateResult {
  const o = translator(outcomeMessages, v.locale);
  const s = v.outcome;
  const variant = ({ paid: 'success', failed: 'error', expired: 'warning', pending: 'warning', cancelled: 'info', open: 'info' } as const)[s];
  const again = button({ label: o('payAgain'), onClick: v.payAgain, part: 'pay-button' });
  const actions = {
    paid: button({ label: o('printReceipt'), variant: 'secondary', onClick: () => window.print(), part: 'print-button' }),
    failed: again,
    cancelled: again,
    expired: again,
    pending: button({ label: o('checkAgain'), variant: 'secondary', onClick: v.checkAgain, part: 'check-button' }),
    open: v.payment.payUrl ? html`<a class="button button--primary" part="continue-link" href=${v.payment.payUrl}>${o('continuePaying')}</a>` : nothing,
  }[s];
  return html`${notice({ variant, title: o('title', { outcome: s }), headingId: 'status-heading', body: o('body', { outcome: s }) })}
    ${s === 'paid' ? receipt(v, o) : v.summary}
    <div class="actions no-print">${actions}</div>`;
}
