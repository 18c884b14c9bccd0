import { Catalogs } from '@muni-widgets/core';
import { de } from './outcome-de.js';

export type OutcomeMessages = typeof de;
export const outcomeMessages = new Catalogs(de, { en: () => import('./outcome-en.js').then((m) => m.en) });
