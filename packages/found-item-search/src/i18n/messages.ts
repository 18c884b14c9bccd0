import { de } from './de.js';
import { en } from './en.js';

export type FoundMessages = typeof de;
export const foundMessages = { de, en };
