import type { Loosen, Wire } from '@muni-widgets/core';

/** The call system as `<muni-queue-status>` sees it: the reference server's wire shapes, less what it does not show. */
export type TicketStatus = Wire<'QueueTicket'>['status'];

export type QueueCall = Wire<'QueueCall'>;

export type QueueGroup = Pick<Wire<'QueueState'>['groups'][number], 'code' | 'name' | 'waiting' | 'estimatedWaitMinutes'>;

/** `calls`: newest first. */
export type QueueState = Omit<Wire<'QueueState'>, 'date' | 'groups'> & { groups: QueueGroup[] };

export type QueueTicket = Loosen<Pick<Wire<'QueueTicket'>, 'number' | 'groupName' | 'status' | 'ahead' | 'estimatedWaitMinutes' | 'counter' | 'counterName'>, 'groupName'>;

/** One delivery: the current state, calls new since the last delivery (oldest first), and the followed ticket. */
export interface QueueUpdate {
  state: QueueState;
  calls: QueueCall[];
  ticket?: QueueTicket;
}

export interface ConnectionStatus {
  /** A live connection is open. */
  connected: boolean;
  /** Nothing heard for too long, or disconnected: what is shown may be out of date. */
  stale: boolean;
  /** When the last event or heartbeat arrived (ms since epoch). */
  lastEventAt?: number;
  /** Given up: the office has no call system, or the number/code is unknown. */
  error?: 'office_not_found' | 'ticket_not_found';
}

export interface TicketRef {
  number: string;
  code: string;
}

/**
 * What `<muni-queue-status>` needs from a backend: a live subscription to one office, optionally
 * following one ticket. The provider reconnects by itself and reports staleness through `onStatus`.
 * Returns the unsubscribe.
 */
export interface QueueProvider {
  subscribe(
    officeId: string,
    onState: (update: QueueUpdate) => void,
    onStatus: (status: ConnectionStatus) => void,
    options?: { ticket?: TicketRef },
  ): () => void;
}
