// Issue acceptance (#6, #12.3): on the demo's payment page, against the reference server and
// its sandbox platform, a citizen cancels, fails and pays by keyboard; the outcome always comes
// from the server. Nothing is charged twice: not on a reload, not from a second browser. The
// tests share one Kassenzeichen and run in order: only the last ones leave it paid.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, openPage, startDemoServer, tabTo, useDemo } from './harness.mjs';

const button = (page) => page.locator('muni-payment-button');
const statusHeading = (page) => button(page).locator('#status-heading');

/** From the demo page to the sandbox pay page, by keyboard. */
async function startPayment(page, server) {
  await page.goto(`${server.url}/bezahlen.html`);
  await button(page).locator('[part=pay-button]').waitFor();
  const payLabel = /^30,70\s€ bezahlen$/;
  await tabTo(page, (f) => payLabel.test(f.text));
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/sandbox\/pay\//);
}

describe('payment on the demo page through the sandbox platform', () => {
  const demo = useDemo();

  for (const [action, title] of [
    ['Abbrechen', 'Sie haben die Zahlung abgebrochen'],
    ['Zahlung fehlschlagen lassen', 'Die Zahlung hat nicht geklappt'],
  ]) {
    test(`"${action}" on the pay page: a clear outcome and a new attempt`, async () => {
      const { page, problems, context } = await openPage(demo.browser, demo.server.url);
      try {
        await startPayment(page, demo.server);
        await page.getByRole('button', { name: action }).click();
        await page.waitForURL(/bezahlen\.html/);
        await statusHeading(page).waitFor();
        assert.equal(await statusHeading(page).textContent(), title);
        assert.match(await button(page).locator('[part=base]').textContent(), /nichts abgebucht/);
        assert.deepEqual(await axeViolations(page), [], 'outcome');
        await button(page).locator('[part=pay-button]').click();
        await page.waitForURL(/\/sandbox\/pay\//);
        // Ended here too, so the Kassenzeichen is free for the tests after this one.
        await page.getByRole('button', { name: 'Abbrechen' }).click();
        await page.waitForURL(/bezahlen\.html/);
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  }

  test('a payment open in another browser: the second one is told so, gets no pay page and pays nothing', async () => {
    const first = await openPage(demo.browser, demo.server.url);
    const second = await openPage(demo.browser, demo.server.url);
    try {
      await startPayment(first.page, demo.server);
      const payUrl = first.page.url();
      await second.page.goto(`${demo.server.url}/bezahlen.html`);
      await button(second.page).locator('[part=pay-button]').click();
      await statusHeading(second.page).waitFor();
      assert.equal(await statusHeading(second.page).textContent(), 'Zu diesem Kassenzeichen läuft bereits eine Zahlung');
      assert.match(await button(second.page).locator('[part=base]').textContent(), /Offen bis/);
      assert.equal(await button(second.page).locator('[part=continue-link]').count(), 0);
      assert.deepEqual(await axeViolations(second.page), [], 'open elsewhere');

      // Nobody learns the pay page from the Kassenzeichen, and the transaction id alone cancels nothing.
      const lookup = await fetch(`${demo.server.url}/api/v1/payments?reference=5210-2026-004711`).then((r) => r.text());
      assert.ok(!lookup.includes('/sandbox/pay/') && !lookup.includes('"id"'), lookup);
      const withoutToken = new URL(payUrl).pathname.replace(/\/[^/]+$/, '');
      const cancel = await fetch(`${demo.server.url}${withoutToken}`, { method: 'POST', body: new URLSearchParams({ action: 'cancel' }), redirect: 'manual' });
      assert.equal(cancel.status, 404);

      await first.page.getByRole('button', { name: 'Abbrechen' }).click();
      await first.page.waitForURL(/bezahlen\.html/);
      await button(second.page).locator('[part=check-button]').click();
      await button(second.page).locator('[part=pay-button]').waitFor();
      assert.equal(await statusHeading(second.page).textContent(), 'Sie haben die Zahlung abgebrochen');
      assert.deepEqual([...first.problems, ...second.problems], []);
    } finally {
      await first.context.close();
      await second.context.close();
    }
  });

  test('pay by keyboard: receipt from the server, and a reload pays nothing twice', async () => {
    const { page, problems, context } = await openPage(demo.browser, demo.server.url);
    try {
      await startPayment(page, demo.server);
      assert.deepEqual(await axeViolations(page), [], 'sandbox pay page');
      await page.getByLabel('PayPal').check();
      await page.getByRole('button', { name: 'Bezahlen', exact: true }).click();

      await page.waitForURL(/bezahlen\.html/);
      await statusHeading(page).waitFor();
      assert.equal(await statusHeading(page).textContent(), 'Vielen Dank – Ihre Zahlung ist eingegangen');
      const receipt = (await button(page).locator('[part=receipt]').textContent()).replace(/\s+/g, ' ');
      for (const part of ['30,70', 'Bewohnerparkausweis Zone B', '5210-2026-004711', 'PayPal']) assert.ok(receipt.includes(part), part);
      assert.equal(new URL(page.url()).hash, '', 'the payment id is taken out of the address');
      assert.deepEqual(await axeViolations(page), [], 'receipt');

      await page.reload();
      await statusHeading(page).waitFor();
      assert.equal(await statusHeading(page).textContent(), 'Vielen Dank – Ihre Zahlung ist eingegangen');
      assert.equal(await button(page).locator('[part=pay-button]').count(), 0, 'no second payment offered');
      const { payments } = await fetch(`${demo.server.url}/api/v1/payments?reference=5210-2026-004711`).then((r) => r.json());
      assert.equal(payments.filter((p) => p.status === 'paid').length, 1);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test('another browser cannot pay the paid Kassenzeichen again: it gets the receipt', async () => {
    const { page, problems, context } = await openPage(demo.browser, demo.server.url);
    try {
      await page.goto(`${demo.server.url}/bezahlen.html`);
      await button(page).locator('[part=pay-button]').click();
      await statusHeading(page).waitFor();
      assert.equal(await statusHeading(page).textContent(), 'Dieses Kassenzeichen ist bereits bezahlt');
      const receipt = (await button(page).locator('[part=receipt]').textContent()).replace(/\s+/g, ' ');
      for (const part of ['30,70', 'Bewohnerparkausweis Zone B', '5210-2026-004711', 'PayPal']) assert.ok(receipt.includes(part), part);
      assert.equal(await button(page).locator('[part=pay-button]').count(), 0);
      assert.deepEqual(await axeViolations(page), [], 'already paid');
      const { payments } = await fetch(`${demo.server.url}/api/v1/payments?reference=5210-2026-004711`).then((r) => r.json());
      assert.equal(payments.filter((p) => p.status === 'paid').length, 1);
      // Chromium logs every 4xx answer; this one is the server's designed "already paid".
      assert.deepEqual(problems.filter((p) => !p.includes('status of 409 (Conflict)')), []);
    } finally {
      await context.close();
    }
  });

  test('the button\'s own bundle, in English inside <muni-provider>, under a strict CSP: pay and get the receipt', async () => {
    const own = await startDemoServer({}, { extraMounts: [{ urlPrefix: '/pages/', dir: 'test/e2e/pages' }] });
    const { page, problems, context } = await openPage(demo.browser, own.url);
    const scripts = [];
    page.on('request', (request) => request.resourceType() === 'script' && scripts.push(new URL(request.url()).pathname));
    try {
      await page.goto(`${own.url}/pages/payment-own-bundle.html`);
      const pay = button(page).locator('[part=pay-button]');
      await pay.waitFor();
      assert.equal((await pay.textContent()).trim(), 'Pay €12.50');
      const loaded = () => scripts.map((path) => path.replace(/^.*\/chunks\/|-[\w-]{8}\.js$/g, ''));
      assert.ok(loaded().includes('define'), 'the provider is loaded because the page uses it');
      assert.ok(!loaded().some((name) => name === 'rest' || name === 'outcome'), `nothing for paying before the click: ${loaded()}`);

      await pay.click();
      await page.waitForURL(/\/sandbox\/pay\//);
      await page.getByLabel('PayPal').check();
      await page.getByRole('button', { name: 'Bezahlen', exact: true }).click();
      await page.waitForURL(/payment-own-bundle\.html/);
      await statusHeading(page).waitFor();
      assert.equal(await statusHeading(page).textContent(), 'Thank you – your payment has been received');
      const receipt = (await button(page).locator('[part=receipt]').textContent()).replace(/\s+/g, ' ');
      for (const part of ['€12.50', 'Meldebescheinigung', '5210-2026-009999', 'Paid on', 'PayPal']) assert.ok(receipt.includes(part), part);
      assert.deepEqual(await axeViolations(page), [], 'receipt');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
      await own.close();
    }
  });

});
