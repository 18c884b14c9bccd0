import { de } from './de.js';
import { en } from './en.js';

export type FinderMessages = typeof de;
export const finderMessages = { de, en };
