import { Catalogs } from '@muni-widgets/core';
import { de } from './de.js';

export type FinderMessages = typeof de;
export const finderMessages = new Catalogs(de, { en: () => import('./en.js').then((m) => m.en) });
