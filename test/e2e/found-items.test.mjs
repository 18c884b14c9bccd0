// Issue acceptance (#5): on the demo's Fundbüro page, against the reference server, a citizen
// searches the register by keyboard, reports a loss (the widget solves the proof of work),
// confirms it through the link in the activation mail (double opt-in, read from the dev outbox),
// the office registers a matching find through its API, the notification lands in the dev
// outbox, and the citizen follows its link and claims the find, seeing the pickup information.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, focusedId, tabTo, useDemo } from './harness.mjs';

const OFFICE_KEY = 'dev-fundbuero-musterstadt-nicht-produktiv';
const SECRET = 'E2E-GEHEIM-Seriennummer-93jf8';
const widget = (page) => page.locator('muni-found-item-search');
const viewHeading = (page) => widget(page).locator('#view-heading');

async function waitForHeading(page, pattern) {
  await page.waitForFunction(
    (source) => new RegExp(source).test(document.querySelector('muni-found-item-search')?.shadowRoot?.querySelector('#view-heading')?.textContent ?? ''),
    pattern.source,
    { timeout: 30_000 },
  );
}

const isoDaysAgo = (days) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

async function outboxMail(server, to, subject) {
  const { items } = await fetch(`${server.url}/api/dev/outbox`).then((r) => r.json());
  return items.find((m) => m.to === to && subject.test(m.subject));
}

describe('lost and found on the demo page', () => {
  const demo = useDemo({ session: true });

  test('search by keyboard with a filter', async () => {
    const { page } = demo.session;
    await page.goto(`${demo.server.url}/fundbuero.html`);
    await widget(page).locator('#results-heading').waitFor();
    assert.match(await widget(page).locator('#results-heading').textContent(), /\d+ Fundsachen/);
    assert.deepEqual(await axeViolations(page), [], 'start');

    await tabTo(page, (f) => f.id === 'q');
    assert.equal(await focusedId(page), 'q', 'Tab reaches the search box');
    await page.keyboard.type('Schlüssel', { delay: 10 });
    await page.keyboard.press('Tab');
    assert.equal(await focusedId(page), 'category');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    assert.equal(await widget(page).locator('#category').inputValue(), 'schluessel');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL(/muni-found-item=search:q%3DSchl%25C3%25BCssel%26category%3Dschluessel/);
    await page.waitForFunction(() => {
      const root = document.querySelector('muni-found-item-search')?.shadowRoot;
      const titles = [...(root?.querySelectorAll('.item__title') ?? [])].map((t) => t.textContent);
      return titles.length > 0 && titles.every((t) => t.includes('Schlüssel'));
    });
    assert.equal(await focusedId(page), 'q', 'focus stays in the form; the count is announced');
    await page.waitForFunction(() => /Fundsache/.test(document.querySelector('muni-found-item-search')?.shadowRoot?.querySelector('[data-announcer=polite]')?.textContent ?? ''));
    assert.deepEqual(await axeViolations(page), [], 'results');
  });

  test('report a loss, the office registers a match, the mail leads to the find, the citizen claims it', async () => {
    const { page, problems } = demo.session;
    const email = `verlust-${Date.now()}@example.org`;
    await page.goto(`${demo.server.url}/fundbuero.html`);
    await widget(page).locator('[part~=report-button]').first().click();
    await waitForHeading(page, /Verlust melden/);
    const w = widget(page);
    await w.locator('#category').selectOption('brille');
    await w.locator('#description').fill('Grüne Lesebrille im Etui mit Blumenmuster');
    await w.locator('#colour').selectOption('gruen');
    await w.locator('#brand').fill('Fielmann');
    await w.locator('#lostOn').fill(isoDaysAgo(2));
    await w.locator('#lostPlace').fill('Stadtpark');
    await w.locator('#name').fill('Erika Mustermann');
    await w.locator('#email').fill(email);
    await w.locator('#consent').check();
    assert.deepEqual(await axeViolations(page), [], 'loss report form');
    await w.locator('[part~=submit-button]').click();
    await waitForHeading(page, /Bitte bestätigen Sie Ihre Verlustanzeige/);
    const receipt = await w.locator('.outcome').textContent();
    assert.match(receipt, /V-\d{4}-\d{5}/);
    assert.match(receipt, /Die Anzeige gilt erst, wenn Sie diesen Link/);
    assert.equal(await focusedId(page), 'view-heading');
    assert.deepEqual(await axeViolations(page), [], 'loss report waiting for confirmation');

    // Double opt-in: the link in the first mail confirms the report.
    const activation = await outboxMail(demo.server, email, /Bitte bestätigen Sie Ihre Verlustanzeige/);
    assert.ok(activation, 'the activation mail is in the outbox');
    const activateLink = /https?:\/\/\S+#muni-found-item=activate:[A-Za-z0-9_-]+/.exec(activation.text)?.[0];
    assert.ok(activateLink, 'it links to the widget with the activation token');
    await page.goto(activateLink);
    await waitForHeading(page, /Ihre Verlustanzeige V-/);
    assert.ok(!page.url().includes('activate'), 'the token leaves the address bar');
    await w.getByText(/Ihre Verlustanzeige ist bestätigt/).first().waitFor();
    assert.deepEqual(await axeViolations(page), [], 'loss report confirmed');

    // The Fundbüro registers a find that matches, with a detail it keeps back.
    const registered = await fetch(`${demo.server.url}/api/v1/office/found-items`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${OFFICE_KEY}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        category: 'brille',
        colour: 'gruen',
        brand: 'Fielmann',
        brandPublic: true,
        description: 'Grüne Lesebrille im Etui',
        foundOn: isoDaysAgo(1),
        foundPlace: 'Stadtpark, am Teich',
        heldBack: { serialNumber: SECRET, notes: SECRET },
      }),
    });
    assert.equal(registered.status, 201, await registered.clone().text());
    const find = await registered.json();

    const mail = await outboxMail(demo.server, email, /Fundsache passend/);
    assert.ok(mail, 'the notification is in the outbox');
    assert.ok(!mail.text.includes(SECRET), 'the mail holds public details only');
    const itemLink = new RegExp(`https?://\\S+#muni-found-item=item:${find.reference}`).exec(mail.text)?.[0];
    assert.ok(itemLink, 'the mail links to the find');

    await page.goto(itemLink);
    await waitForHeading(page, /Brille: Grüne Lesebrille im Etui/);
    assert.ok((await w.locator('.detail').textContent()).includes('Fielmann'));
    assert.deepEqual(await axeViolations(page), [], 'the find');
    await w.locator('[part~=claim-button]').click();
    await waitForHeading(page, /Das gehört mir: Brille/);
    await w.locator('#name').fill('Erika Mustermann');
    await w.locator('#email').fill(email);
    await w.locator('#features').fill('Auf dem Etui klebt ein Aufkleber mit einer Sonnenblume, Stärke +2,5.');
    await w.locator('#consent').check();
    assert.deepEqual(await axeViolations(page), [], 'claim form');
    await w.locator('[part~=submit-button]').click();
    await waitForHeading(page, /Ihre Anfrage ist eingegangen/);
    const confirmation = await w.locator('.outcome').textContent();
    for (const part of [/A-\d{4}-\d{5}/, /Abholung im Fundbüro/, /Öffnungszeiten/, /Bitte mitbringen/, /Gebühren/, /\d+,\d\d\s€/, /Aufbewahrung/, /Finderlohn/, /BGB/]) {
      assert.match(confirmation, part);
    }
    assert.equal(await focusedId(page), 'view-heading');
    assert.deepEqual(await axeViolations(page), [], 'claim confirmation');
    assert.ok(!(await page.content()).includes(SECRET));
    assert.ok(!(await w.evaluate((el) => el.shadowRoot.innerHTML)).includes(SECRET), 'no held-back detail in the widget');

    // The loss report can be renewed through the link in the confirmation mail.
    const created = await outboxMail(demo.server, email, /^Ihre Verlustanzeige/);
    const manageLink = /https?:\/\/\S+#muni-found-item=manage:[A-Za-z0-9_-]+/.exec(created.text)?.[0];
    await page.goto(manageLink);
    await waitForHeading(page, /Ihre Verlustanzeige V-/);
    assert.ok(!page.url().includes('manage'), 'the token leaves the address bar');
    await w.locator('[part~=renew-button]').click();
    await w.getByText(/Verlängert bis/).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'manage');
    assert.deepEqual(problems, [], 'no console errors, CSP violations or third-party requests');
  });
});
