import { de } from './de.js';
import { en } from './en.js';

export type PickerMessages = typeof de;
export const pickerMessages = { de, en };
