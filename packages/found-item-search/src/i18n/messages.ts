import { Catalogs } from '@muni-widgets/core';
import { de } from './de.js';

export type FoundMessages = typeof de;
export const foundMessages = new Catalogs(de, { en: () => import('./en.js').then((m) => m.en) });
