import { Catalogs } from '@muni-widgets/core';
import { de } from './de.js';

export type PaymentMessages = typeof de;
export const paymentMessages = new Catalogs(de, { en: () => import('./en.js').then((m) => m.en) });
