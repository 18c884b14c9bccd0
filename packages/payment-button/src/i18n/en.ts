import type { CatalogOf } from '@muni-widgets/core';
import type { de } from './de.js';

export const en: CatalogOf<typeof de> = {
  amount: 'Amount',
  purpose: 'Purpose',
  reference: 'Cash reference (Kassenzeichen)',
  pay: (p: { amount: string }) => `Pay ${p.amount}`,
  payHint: 'You will be taken to the payment page of the city’s payment service and brought back here afterwards.',
  creating: 'Preparing the payment …',
  redirecting: 'Taking you to the payment page …',
  redirectingLink: 'If nothing happens: go to the payment page',
  checking: 'Checking the status of your payment …',
  lookUp: 'Already paid? Check the payment status',
  nothingFound: 'There is no payment for this cash reference yet.',
};
