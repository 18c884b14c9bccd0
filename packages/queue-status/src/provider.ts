/** The call system as `<muni-queue-status>` sees it; mirrors the reference server's QueueState. */
export type TicketStatus = 'waiting' | 'called' | 'serving' | 'done' | 'no_show';

export interface QueueCall {
  ticket: string;
  group: string;
  counter: number;
  counterName: string;
  calledAt: string;
  recall: boolean;
  version: number;
}

export interface QueueGroup {
  code: string;
  name: string;
  waiting: number;
  estimatedWaitMinutes: number;
}

export interface QueueState {
  officeId: string;
  officeName: string;
  version: number;
  open: boolean;
  hours: { intervals: Array<{ opens: string; closes: string }>; note?: string };
  nextOpening?: { date: string; opens: string };
  groups: QueueGroup[];
  /** Newest first. */
  calls: QueueCall[];
}

export interface QueueTicket {
  number: string;
  groupName?: string;
  status: TicketStatus;
  ahead?: number;
  estimatedWaitMinutes?: number;
  counter?: number;
  counterName?: string;
}

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
