import type { ConnectionStatus, QueueCall, QueueProvider, QueueState, QueueTicket, QueueUpdate, TicketRef } from '../src/provider.js';

export function call(ticket: string, counter: number, version: number, recall = false): QueueCall {
  return { ticket, group: ticket[0]!, counter, counterName: `Platz ${counter}`, calledAt: '2026-03-02T09:41:00Z', recall, version };
}

export function queueState(overrides: Partial<QueueState> = {}): QueueState {
  return {
    officeId: 'buergerbuero',
    officeName: 'Bürgerbüro',
    version: 10,
    open: true,
    hours: { intervals: [{ opens: '08:00', closes: '12:00' }, { opens: '14:00', closes: '18:00' }] },
    groups: [
      { code: 'A', name: 'Ausweise und Pässe', waiting: 5, estimatedWaitMinutes: 15 },
      { code: 'M', name: 'An-, Um- und Abmeldung', waiting: 0, estimatedWaitMinutes: 0 },
    ],
    calls: [call('B-042', 3, 10), call('A-017', 1, 9)],
    ...overrides,
  };
}

/** A provider the test drives by hand: push states, tickets and connection changes. */
export function scriptedProvider() {
  let onState: ((u: QueueUpdate) => void) | undefined;
  let onStatus: ((s: ConnectionStatus) => void) | undefined;
  const subscriptions: Array<{ officeId: string; ticket?: TicketRef }> = [];
  let unsubscribed = 0;
  const provider: QueueProvider = {
    subscribe(officeId, state, status, options) {
      onState = state;
      onStatus = status;
      subscriptions.push({ officeId, ...(options?.ticket ? { ticket: options.ticket } : {}) });
      status({ connected: false, stale: false });
      return () => void (unsubscribed += 1);
    },
  };
  return {
    provider,
    subscriptions,
    get unsubscribed() {
      return unsubscribed;
    },
    push(state: QueueState, calls: QueueCall[] = [], ticket?: QueueTicket) {
      onState!({ state, calls, ...(ticket ? { ticket } : {}) });
    },
    status(status: ConnectionStatus) {
      onStatus!(status);
    },
  };
}
