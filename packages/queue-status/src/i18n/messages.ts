import { de } from './de.js';
import { en } from './en.js';

export type QueueMessages = typeof de;
export const queueMessages = { de, en };
