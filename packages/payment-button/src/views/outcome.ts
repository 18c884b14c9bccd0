/**
 * What the citizen sees after the pay page (or a look-up): the outcome, the receipt, the next
 * step. A module of its own, loaded with the first status answer, because a visitor who only
 * sees the pay button never needs it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { button, formatLongDate, formatTime, notice, translator, type Locale, type Translate } from '@muni-widgets/core';
import type { Payment, PaymentSummary } from '../provider.js';
import type { PaymentMessages } from '../i18n/messages.js';
import type { Outcome } from '../i18n/outcome-de.js';
import { outcomeMessages } from '../i18n/outcome-messages.js';

export { outcomeMessages };

export interface OutcomeContext {
  outcome: Outcome;
  payment: Payment | PaymentSummary;
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

/** Another browser's payment: paid (its receipt), open there, or over (this page may start anew). */
export function summaryOutcome(summary: PaymentSummary): Outcome {
  const { status } = summary;
  return status === 'paid' ? 'alreadyPaid' : status === 'redirect' || status === 'pending' ? 'elsewhere' : status;
}

export function outcomeTitle(outcome: Outcome, locale: Locale): string {
  return translator(outcomeMessages, locale)('title', { outcome });
}

function receipt(v: OutcomeContext, o: Translate<typeof outcomeMessages.de>): TemplateResult {
  const { payment: p, t } = v;
  const zone = { locale: v.locale, timeZone: v.timeZone };
  const paidAt = p.paidAt ?? p.createdAt;
  const method = p.paymentMethodDetail ?? p.paymentMethod;
  return html`<dl class="facts receipt" part="receipt">
    <div><dt>${t('amount')}</dt><dd>${v.money(p.amountCents)}</dd></div>
    ${p.purpose ? html`<div><dt>${t('purpose')}</dt><dd>${p.purpose}</dd></div>` : nothing}
    <div><dt>${t('reference')}</dt><dd>${p.reference}</dd></div>
    <div><dt>${o('paidAt')}</dt><dd>${formatLongDate(paidAt, zone)}, ${formatTime(paidAt, zone)}</dd></div>
    ${method ? html`<div><dt>${o('method')}</dt><dd>${method}</dd></div>` : nothing}
    ${p.transactionReference ? html`<div><dt>${o('transaction')}</dt><dd>${p.transactionReference}</dd></div>` : nothing}
  </dl>`;
}

export function renderOutcome(v: OutcomeContext): TemplateResult {
  const o = translator(outcomeMessages, v.locale);
  const s = v.outcome;
  const { payment: p } = v;
  const variant = (
    { paid: 'success', alreadyPaid: 'success', failed: 'error', expired: 'warning', pending: 'warning', elsewhere: 'warning', cancelled: 'info', open: 'info' } as const
  )[s];
  const again = button({ label: o('payAgain'), onClick: v.payAgain, part: 'pay-button' });
  const print = button({ label: o('printReceipt'), variant: 'secondary', onClick: () => window.print(), part: 'print-button' });
  const check = button({ label: o('checkAgain'), variant: 'secondary', onClick: v.checkAgain, part: 'check-button' });
  const payUrl = 'payUrl' in p ? p.payUrl : undefined;
  const actions = {
    paid: print,
    alreadyPaid: print,
    failed: again,
    cancelled: again,
    expired: again,
    pending: check,
    elsewhere: check,
    open: payUrl ? html`<a class="button button--primary" part="continue-link" href=${payUrl}>${o('continuePaying')}</a>` : nothing,
  }[s];
  const zone = { locale: v.locale, timeZone: v.timeZone };
  const openUntil =
    s === 'elsewhere' && p.expiresAt
      ? html`<dl class="facts"><div><dt>${o('openUntil')}</dt><dd>${formatLongDate(p.expiresAt, zone)}, ${formatTime(p.expiresAt, zone)}</dd></div></dl>`
      : nothing;
  return html`${notice({ variant, title: o('title', { outcome: s }), headingId: 'status-heading', body: o('body', { outcome: s }) })}
    ${s === 'paid' || s === 'alreadyPaid' ? receipt(v, o) : html`${v.summary}${openUntil}`}
    <div class="actions no-print">${actions}</div>`;
}
