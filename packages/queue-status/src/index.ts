export { MuniQueueStatus } from './muni-queue-status.js';
export type * from './provider.js';
export { RestQueueProvider, type EventSourceLike, type RestQueueOptions } from './providers/rest.js';
export { parseTicketLink } from './ticket-link.js';
