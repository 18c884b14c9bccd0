import { Catalogs } from '@muni-widgets/core';
import { de } from './de.js';

export type PickerMessages = typeof de;
export const pickerMessages = new Catalogs(de, { en: () => import('./en.js').then((m) => m.en) });
