import { de } from './messages.de.js';
import { en } from './messages.en.js';

export type CoreMessages = typeof de;
export const coreMessages = { de, en };
