import { Catalogs } from './catalogs.js';
import { de } from './messages.de.js';

export type CoreMessages = typeof de;
export const coreMessages = new Catalogs(de, { en: () => import('./messages.en.js').then((m) => m.en) });
