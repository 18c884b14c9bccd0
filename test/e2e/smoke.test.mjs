// The demo city website in Chromium against the real server: every page loads its
// widgets with no console error, no CSP violation, no third-party request, and no axe violation.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, openPage, useDemo } from './harness.mjs';

/** Every page of the demo site; `widgets` says whether it embeds the CDN bundle. */
const PAGES = [
  { path: '/', widgets: false },
  { path: '/rechtliches.html', widgets: false },
  { path: '/termin.html', widgets: true },
  { path: '/kita-termin.html', widgets: true },
  { path: '/dienstleistungen.html', widgets: true },
  { path: '/fundbuero.html', widgets: true },
  { path: '/bezahlen.html', widgets: true },
  { path: '/dienstleistungen-berlin.html', widgets: true },
];

describe('demo website smoke test', () => {
  const demo = useDemo();

  for (const { path, widgets } of PAGES) {
    test(`${path} renders cleanly and passes axe`, async () => {
      const { page, context, problems } = await openPage(demo.browser, demo.server.url);
      const response = await page.goto(demo.server.url + path);
      assert.equal(response.status(), 200);
      assert.match(response.headers()['content-security-policy'] ?? '', /script-src 'self'/);
      // The autoloader defines the widgets the page has, and only those (no <muni-provider> on a page without one).
      if (widgets) {
        await page.waitForFunction(() => {
          const tags = new Set([...document.querySelectorAll('*')].map((e) => e.localName).filter((n) => n.startsWith('muni-')));
          return tags.size > 0 && [...tags].every((tag) => customElements.get(tag) !== undefined);
        });
      }
      assert.deepEqual(await axeViolations(page), []);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  test('the DLDB page shows a real Berlin service under the demo CSP (Trusted Types required)', async () => {
    const { page, context, problems } = await openPage(demo.browser, demo.server.url);
    await page.goto(`${demo.server.url}/dienstleistungen-berlin.html#muni-service=service:120703`);
    const heerstrasse = page.locator('muni-service-finder article.office', { hasText: 'Bürgeramt Heerstraße' });
    await heerstrasse.waitFor();
    assert.equal((await heerstrasse.locator('[part="opening-state"]').textContent()).trim(), 'Nur mit Termin');
    assert.match(await heerstrasse.textContent(), /Stufenloser Zugang/);
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('serves the API, its OpenAPI document and the docs next to the demo', async () => {
    const health = await fetch(`${demo.server.url}/api/health`).then((r) => r.json());
    assert.equal(health.status, 'ok');
    const doc = await fetch(`${demo.server.url}/api/openapi.json`).then((r) => r.json());
    assert.match(doc.openapi, /^3\.1/);
    const docs = await fetch(`${demo.server.url}/api/docs`);
    assert.equal(docs.status, 200);
  });

  for (const path of ['/api/docs', '/dev/outbox']) {
    test(`the server's own page ${path} is accessible in Chromium`, async () => {
      const { page, context, problems } = await openPage(demo.browser, demo.server.url);
      const response = await page.goto(demo.server.url + path);
      assert.equal(response.status(), 200);
      assert.deepEqual(await axeViolations(page), []);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
});
