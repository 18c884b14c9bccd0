import { Catalogs } from '@muni-widgets/core';
import { de } from './de.js';

export type QueueMessages = typeof de;
export const queueMessages = new Catalogs(de, { en: () => import('./en.js').then((m) => m.en) });
