// Issue acceptance (#8): staff calls the next number through the API; the citizen's "my number"
// view and the waiting-room display on the demo pages show it within a second (SSE), and both
// are accessible.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEV_QUEUE_KIOSK_API_KEY, DEV_QUEUE_STAFF_API_KEY } from '@muni-widgets/server';
import { axeViolations, openPage, useDemo } from './harness.mjs';

/** Waits (function form: the demo's CSP forbids evaluating strings) until the widget's `selector` text passes `test`. */
function waitForText(page, selector, expected, options = {}) {
  return page.waitForFunction(
    ({ selector, expected }) => {
      const text = document.querySelector('muni-queue-status')?.shadowRoot?.querySelector(selector)?.textContent ?? '';
      return expected === null ? text.length > 0 : text.includes(expected);
    },
    { selector, expected },
    options,
  );
}

describe('queue status on the demo pages', () => {
  const demo = useDemo();

  test('staff calls next: "my number" and the display update within a second', async () => {
    const api = (path, init = {}) => fetch(`${demo.server.url}/api/v1/queue/buergerbuero${path}`, init);
    const issued = await api('/tickets', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${DEV_QUEUE_KIOSK_API_KEY}` },
      body: JSON.stringify({ group: 'S' }),
    });
    assert.equal(issued.status, 201);
    const ticket = await issued.json();

    const mine = await openPage(demo.browser, demo.server.url, { viewport: { width: 390, height: 844 } });
    const display = await openPage(demo.browser, demo.server.url, { viewport: { width: 1920, height: 1080 } });
    const office = await openPage(demo.browser, demo.server.url);
    try {
      await mine.page.goto(`${demo.server.url}/wartezeit.html#${ticket.fragment}`);
      await display.page.goto(`${demo.server.url}/wartezeit-anzeige.html`);
      await office.page.goto(`${demo.server.url}/wartezeit.html`);
      await waitForText(mine.page, '.ticket-status', null);
      await waitForText(display.page, '.board', null);
      await waitForText(office.page, '.groups', null);
      for (const { page } of [mine, display, office]) assert.deepEqual(await axeViolations(page, 'muni-queue-status'), []);

      // Platz 6 calls S and M; numbers seeded for today may come first.
      let called;
      do {
        const response = await api('/counters/6/call-next', { method: 'POST', headers: { Authorization: `Bearer ${DEV_QUEUE_STAFF_API_KEY}` } });
        called = (await response.json()).called;
      } while (called !== ticket.number && called !== null);
      assert.equal(called, ticket.number);

      await Promise.all([
        waitForText(mine.page, '.ticket-status', 'Platz 6', { timeout: 1000 }),
        waitForText(display.page, '.calls li .call', `${ticket.number} → Platz 6`, { timeout: 1000 }),
        waitForText(office.page, '.calls li .call', `${ticket.number} → Platz 6`, { timeout: 1000 }),
      ]);
      // The polite/assertive regions are filled a moment after they are emptied (so repeats are read).
      await waitForText(mine.page, '[data-announcer=assertive]', `Ihre Nummer ${ticket.number} wird aufgerufen`);
      await waitForText(display.page, '[data-announcer=polite]', `Nummer ${ticket.number}, bitte zu Platz 6.`);
      assert.deepEqual(await axeViolations(mine.page, 'muni-queue-status'), []);
      assert.deepEqual(await axeViolations(display.page, 'muni-queue-status'), []);
      for (const { problems } of [mine, display, office]) assert.deepEqual(problems, []);
    } finally {
      await Promise.all([mine.context.close(), display.context.close(), office.context.close()]);
    }
  });
});
