// Issue acceptance (#4): on the demo's services page, against the reference server, a citizen
// finds a service by keyboard with an everyday word, reads its page, and books an appointment
// for it on the appointment page; the browser's index ranks like the server's search.
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, focusedId, tabTo, useDemo } from './harness.mjs';

const finder = (page) => page.locator('muni-service-finder');
const viewHeading = (page) => finder(page).locator('#view-heading');
const queries = JSON.parse(await readFile(new URL('../data/service-search-queries.json', import.meta.url), 'utf8')).queries;

/** Clears the search box and types like a person; resolves with the suggested service ids. */
async function suggestionsFor(page, text) {
  const input = finder(page).locator('#search');
  await input.fill('');
  await input.pressSequentially(text, { delay: 5 });
  await page.waitForFunction(
    (typed) => {
      const root = document.querySelector('muni-service-finder')?.shadowRoot;
      return root?.querySelector('#search')?.value === typed && root.querySelector('[role=listbox]:not([hidden]) [role=option]');
    },
    text,
  );
  return finder(page).locator('[role=option]').evaluateAll((options) => options.map((o) => o.dataset.key));
}

describe('service finder on the demo page', () => {
  const demo = useDemo({ session: true });

  test('find "Ummelden" by keyboard, read the page, and book an appointment for it', async () => {
    const { page, problems } = demo.session;
    await page.goto(`${demo.server.url}/dienstleistungen.html`);
    await viewHeading(page).waitFor();
    assert.equal(await viewHeading(page).textContent(), 'Dienstleistungen nach Lebenslage');
    assert.deepEqual(await axeViolations(page), [], 'start');

    await tabTo(page, (f) => f.id === 'search');
    assert.equal(await focusedId(page), 'search', 'Tab reaches the search box');
    await page.keyboard.type('Ummelden', { delay: 20 });
    await finder(page).locator('[role=option]').first().waitFor();
    assert.equal(await finder(page).locator('#search').getAttribute('aria-expanded'), 'true');
    assert.deepEqual(await axeViolations(page), [], 'suggestions open');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');

    await page.waitForFunction(() => /Umzug|Wohnsitz/.test(document.querySelector('muni-service-finder')?.shadowRoot?.querySelector('#view-heading')?.textContent ?? ''));
    const serviceName = (await viewHeading(page).textContent()).trim();
    assert.equal(await focusedId(page), 'view-heading', 'focus moves to the service heading');
    assert.match(page.url(), /#muni-service=service:wohnsitz-/);
    const text = await finder(page).locator('[part=service]').textContent();
    for (const part of ['Erforderliche Unterlagen', 'Zuständige Stelle', 'Bürgerbüro', 'Öffnungszeiten']) assert.ok(text.includes(part), part);
    assert.match(await finder(page).locator('[part=opening-state]').first().textContent(), /Jetzt (geöffnet|geschlossen)/);
    assert.deepEqual(await axeViolations(page), [], 'service page');

    // "Termin buchen" leads to the appointment page with the service chosen.
    for (let i = 0; i < 10 && !(await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.textContent?.includes('Termin buchen'))); i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL(/termin\.html#muni-appointment=service:wohnung-anmelden/);
    const picker = page.locator('muni-appointment-picker');
    await picker.locator('#service-wohnung-anmelden').waitFor();
    assert.equal(await picker.locator('#service-wohnung-anmelden').isChecked(), true, 'the picker starts with the service');

    // Back returns to the service page, from the URL alone.
    await page.goBack();
    await viewHeading(page).waitFor();
    assert.equal((await viewHeading(page).textContent()).trim(), serviceName);
    assert.deepEqual(problems, [], 'no console errors, CSP violations or third-party requests');
  });

  test('the header search of the city page opens the finder with its results', async () => {
    const { page } = demo.session;
    await page.goto(`${demo.server.url}/dienstleistungen.html?q=Perso`);
    await page.waitForFunction(() => /Treffer für „Perso“/.test(document.querySelector('muni-service-finder')?.shadowRoot?.querySelector('#view-heading')?.textContent ?? ''));
    assert.equal(await finder(page).locator('[part=service-link]').first().textContent(), 'Personalausweis beantragen');
    assert.deepEqual(await axeViolations(page), [], 'results');
  });

  test('the browser ranks like the server: the same top three for the query table', async () => {
    const { page } = demo.session;
    await page.goto(`${demo.server.url}/dienstleistungen.html`);
    await viewHeading(page).waitFor();
    const differing = [];
    for (const { query } of queries.filter((q) => q.query.trim().length >= 2)) {
      const inBrowser = (await suggestionsFor(page, query)).slice(0, 3);
      const { services } = await fetch(`${demo.server.url}/api/v1/services/search?q=${encodeURIComponent(query)}&limit=3`).then((r) => r.json());
      const onServer = services.map((s) => s.id);
      if (JSON.stringify(inBrowser) !== JSON.stringify(onServer)) differing.push({ query, inBrowser, onServer });
    }
    assert.deepEqual(differing, []);
  });
});
