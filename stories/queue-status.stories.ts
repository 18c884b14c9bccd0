import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { Locale } from '../packages/core/src/index.js';
import '../packages/queue-status/src/define.js';
import type { ConnectionStatus, QueueState, QueueTicket } from '../packages/queue-status/src/provider.js';
import { call, queueState, scriptedProvider } from '../packages/queue-status/test/queue-fixtures.js';

/**
 * Each story subscribes the widget to a scripted call system and pushes the state it shows,
 * as the server's live stream would.
 */
function story(options: { attributes?: Record<string, string>; state?: QueueState; ticket?: QueueTicket; status?: ConnectionStatus } = {}): StoryObj {
  return {
    render: (_args, { globals }) => {
      history.replaceState(null, '', `${location.pathname}${location.search}`);
      const queue = scriptedProvider();
      const el = document.createElement('muni-queue-status');
      el.setAttribute('locale', (globals['locale'] as Locale | undefined) ?? 'de');
      el.setAttribute('office', 'buergerbuero');
      for (const [name, value] of Object.entries(options.attributes ?? {})) el.setAttribute(name, value);
      el.provider = queue.provider;
      void el.updateComplete.then(() => {
        queue.status(options.status ?? { connected: true, stale: false, lastEventAt: Date.now() });
        if (options.status?.error) return;
        queue.push(options.state ?? queueState(), [], options.ticket);
      });
      return el;
    },
  };
}

const meta = {
  title: 'Widgets/Queue status',
  component: 'muni-queue-status',
} satisfies Meta;
export default meta;

/** The office view: waiting per service group, estimated wait, the last calls. */
export const Office = story();
/** Outside opening hours: closed, with the next opening. */
export const Closed = story({ state: queueState({ open: false, groups: [], calls: [], nextOpening: { date: '2026-03-03', opens: '08:00' } }) });
/** The connection dropped: the last known state, marked as out of date. */
export const Stale = story({ status: { connected: false, stale: true, lastEventAt: Date.parse('2026-03-02T09:42:00Z') } });
/** "My number" from the ticket's link: people ahead and the estimate. */
export const MyNumberWaiting = story({
  attributes: { ticket: 'A-042.K7M2P9' },
  ticket: { number: 'A-042', groupName: 'Ausweise und Pässe', status: 'waiting', ahead: 5, estimatedWaitMinutes: 15 },
});
/** "My number" has been called: go to the counter. */
export const MyNumberCalled = story({
  attributes: { ticket: 'A-042.K7M2P9' },
  state: queueState({ calls: [call('A-042', 3, 11), call('B-042', 3, 10)] }),
  ticket: { number: 'A-042', groupName: 'Ausweise und Pässe', status: 'called', counter: 3, counterName: 'Platz 3' },
});
/** The waiting-room display: large type, high contrast, the last calls. */
export const Display = story({ attributes: { display: '' } });
/** An office without a call system. */
export const OfficeNotFound = story({ status: { connected: false, stale: false, error: 'office_not_found' } });
