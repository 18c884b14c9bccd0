import { de } from './de.js';
import { en } from './en.js';

export type PaymentMessages = typeof de;
export const paymentMessages = { de, en };
