import type { CatalogOf } from '@muni-widgets/core';
import type { de, Outcome } from './outcome-de.js';

const titles: Record<Outcome, string> = {
  open: 'The payment is not finished yet',
  pending: 'Your payment is still being processed',
  paid: 'Thank you – your payment has been received',
  failed: 'The payment did not go through',
  cancelled: 'You cancelled the payment',
  expired: 'The payment has expired',
  alreadyPaid: 'This cash reference has already been paid',
  elsewhere: 'A payment for this cash reference is already in progress',
};

const bodies: Record<Outcome, string> = {
  open: 'You can continue it on the payment page. Nothing has been charged yet.',
  pending: 'The payment service has not confirmed yet. Please do not pay again – we will check again shortly.',
  paid: 'Keep this receipt. You can print it.',
  failed: 'Nothing was charged. You can try again, also with another payment method.',
  cancelled: 'Nothing was charged. You can start again at any time.',
  expired: 'The time for this payment has run out; nothing was charged. Please start again.',
  alreadyPaid: 'Please do not pay again. This is the receipt of the payment; you can print it.',
  elsewhere:
    'It was started in another window or on another device and can only be finished there. Please do not pay again. If it is not finished, you can start again here once it has expired.',
};

export const en: CatalogOf<typeof de> = {
  paidAt: 'Paid on',
  openUntil: 'Open until',
  method: 'Payment method',
  transaction: 'Transaction number',
  payAgain: 'Pay again',
  checkAgain: 'Check again',
  continuePaying: 'Continue to the payment page',
  printReceipt: 'Print receipt',
  title: (p: { outcome: Outcome }) => titles[p.outcome],
  body: (p: { outcome: Outcome }) => bodies[p.outcome],
};
