// Contract: every link the server writes into a mail, a pay-platform redirect or a ticket leads
// back into its widget, read by the widgets' own codec (core's `readRoute`), and leaves any
// fragment the city's page had as it was.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { readRoute, type FragmentKey, type Route } from '@muni-widgets/core/fragment';
import { widgetLink } from '../src/appointments/bookings.js';
import { newToken } from '../src/shared/tokens.js';
import { foundItemLink } from '../src/found-items/mails.js';
import { redirectUrlFor } from '../src/payments/payments.js';
import { ticketFragment } from '../src/queue/tickets.js';

const PAGE = 'https://www.musterstadt.example/buergerservice/termine?lang=de';

function routeIn(link: string, key: FragmentKey): Route | undefined {
  const url = new URL(link);
  assert.equal(`${url.origin}${url.pathname}${url.search}`, PAGE, 'the link leads to the widget’s page');
  return readRoute(url.hash, key);
}

it('appointment mails: activate and manage links carry the token', () => {
  const token = newToken();
  assert.deepEqual(routeIn(widgetLink(PAGE, 'activate', token), 'muni-appointment'), { kind: 'activate', arg: token });
  assert.deepEqual(routeIn(widgetLink(PAGE, 'manage', token), 'muni-appointment'), { kind: 'manage', arg: token });
  assert.equal(widgetLink(PAGE, 'manage', 'Zq3-_x'), `${PAGE}#muni-appointment=manage:Zq3-_x`, 'readable, as the README shows it');
});

it('found-item mails: activate, manage and item links', () => {
  const token = newToken();
  assert.deepEqual(routeIn(foundItemLink(PAGE, 'activate', token), 'muni-found-item'), { kind: 'activate', arg: token });
  assert.deepEqual(routeIn(foundItemLink(PAGE, 'manage', token), 'muni-found-item'), { kind: 'manage', arg: token });
  assert.deepEqual(routeIn(foundItemLink(PAGE, 'item', 'F-2026-00123'), 'muni-found-item'), { kind: 'item', arg: 'F-2026-00123' });
});

it('payments: the platform sends the citizen back with the payment id', () => {
  const id = '0b5c3a52-3f0e-4a8e-9d55-2a7f1f0b9c11';
  assert.deepEqual(routeIn(redirectUrlFor(PAGE, id), 'muni-payment'), { kind: id, arg: '' });
});

it('queue tickets: the fragment for the QR code names number and code', () => {
  const fragment = ticketFragment({ number: 'A-042', code: 'K7M2P9' });
  assert.equal(fragment, 'muni-queue=ticket:A-042.K7M2P9');
  assert.deepEqual(readRoute(`#${fragment}`, 'muni-queue'), { kind: 'ticket', arg: 'A-042.K7M2P9' });
});

it('keeps the fragment the page already had, other widgets’ keys included', () => {
  const link = widgetLink(`${PAGE}#muni-service=service:wohnsitz-anmelden&top`, 'activate', 'abc');
  assert.equal(new URL(link).hash, '#muni-service=service:wohnsitz-anmelden&top&muni-appointment=activate:abc');
  assert.deepEqual(readRoute(new URL(link).hash, 'muni-service'), { kind: 'service', arg: 'wohnsitz-anmelden' });
});
