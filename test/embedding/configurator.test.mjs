// Issue #7: the demo's snippet configurator produces snippets that work when pasted into a plain
// HTML page. The plain page lives on another origin (a bare static server, no CSP), as a city's
// CMS would, and loads the bundle and the API from the reference server across origins.
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, launchBrowser, openPage, startDemoServer } from '../e2e/harness.mjs';

/** A static server for the "CMS" pages: plain files, no security headers at all. */
function startPlainServer(dir) {
  const server = createServer((req, res) => {
    const name = new URL(req.url, 'http://x').pathname.replace(/^\/+/, '');
    if (name === 'favicon.ico') return res.writeHead(204).end();
    if (!/^[\w-]+\.html$/.test(name)) return res.writeHead(404).end();
    try {
      const body = readFileSync(join(dir, name));
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) })));
}

const plainPage = (snippet) => `<!doctype html>
<html lang="de">
  <head>
    <meta charset="utf-8" />
    <title>Seite mit eingefügtem Schnipsel</title>
  </head>
  <body>
    <main>
      <h1>Seite mit eingefügtem Schnipsel</h1>
${snippet}
    </main>
  </body>
</html>
`;

describe('snippet configurator', () => {
  let dir;
  let plain;
  let server;
  let browser;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'muni-pasted-'));
    plain = await startPlainServer(dir);
    server = await startDemoServer({ CORS_ORIGINS: plain.url });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await plain?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Opens the configurator, lets `configure` fill the form, returns the snippet shown (and copied). */
  async function makeSnippet(configure) {
    const { page, context, problems } = await openPage(browser, server.url);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await page.goto(`${server.url}/konfigurator.html`);
    await page.locator('html[data-configurator-ready]').waitFor();
    await configure(page);
    await page.locator('#cfg-copy').click();
    await page.locator('#cfg-status', { hasText: 'kopiert' }).waitFor();
    const shown = await page.locator('#cfg-snippet').textContent();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, shown, 'the copy button copies what is shown');
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(problems, [], 'configurator page: no errors, no CSP violations');
    return { snippet: shown, page, context };
  }

  /** Writes the snippet into a plain page on the other origin and opens it. */
  async function paste(name, snippet) {
    writeFileSync(join(dir, name), plainPage(snippet));
    const session = await openPage(browser, plain.url);
    await session.page.goto(`${plain.url}/${name}`);
    // Requests to the reference server are the point here, not third-party leaks.
    const problems = () => session.problems.filter((p) => !p.startsWith(`third-party request: ${server.url}/`));
    return { ...session, problems };
  }

  test('service finder, English, city colour: the pasted snippet searches and wears the colour', async () => {
    const { snippet, page, context } = await makeSnippet(async (page) => {
      await page.locator('#cfg-widget').selectOption('muni-service-finder');
      await page.locator('#cfg-locale').selectOption('en');
      await page.locator('#cfg-colour-primary').fill('#8a1538');
      // The live preview follows the form.
      await page.locator('#cfg-preview muni-service-finder[locale=en]').waitFor();
    });
    const previewButton = page.locator('#cfg-preview muni-service-finder').locator('button').first();
    assert.equal(await previewButton.evaluate((b) => getComputedStyle(b).backgroundColor), 'rgb(138, 21, 56)');
    await context.close();

    assert.match(snippet, new RegExp(`<script type="module" src="${server.url}/cdn/muni-service-finder.js"></script>`));
    assert.match(snippet, /--muni-color-primary: #8a1538;/);
    assert.match(snippet, new RegExp(`<muni-service-finder backend-url="${server.url}/api" locale="en"></muni-service-finder>`));

    const pasted = await paste('finder.html', snippet);
    const finder = pasted.page.locator('muni-service-finder');
    await finder.locator('#search').fill('Ausweis');
    await finder.locator('[role=option]').first().waitFor();
    assert.equal(await finder.evaluate((el) => el.shadowRoot.querySelector('[part~=base]').lang), 'en');
    assert.equal(await finder.locator('button').first().evaluate((b) => getComputedStyle(b).backgroundColor), 'rgb(138, 21, 56)');
    assert.deepEqual(await axeViolations(pasted.page), []);
    assert.deepEqual(pasted.problems(), []);
    await pasted.context.close();
  });

  test('appointment picker as a CMS-filter placeholder: the pasted div mounts and offers services', async () => {
    const { snippet, context } = await makeSnippet(async (page) => {
      await page.locator('#cfg-widget').selectOption('muni-appointment-picker');
      await page.locator('#cfg-attr-office').fill('kita-abteilung');
      await page.locator('#cfg-form-mount').check();
      await page.locator('#cfg-preview div[data-muni-widget="appointment-picker"] muni-appointment-picker').waitFor();
    });
    await context.close();
    assert.match(snippet, new RegExp(`<div data-muni-widget="appointment-picker" data-backend-url="${server.url}/api" data-office="kita-abteilung"></div>`));
    assert.doesNotMatch(snippet, /<muni-appointment-picker/);

    const pasted = await paste('picker.html', snippet);
    const picker = pasted.page.locator('div[data-muni-widget] muni-appointment-picker');
    await picker.locator('#service-kita-anmeldung').waitFor();
    assert.equal(await picker.getAttribute('office'), 'kita-abteilung');
    assert.deepEqual(await axeViolations(pasted.page), []);
    assert.deepEqual(pasted.problems(), []);
    await pasted.context.close();
  });

  test('offers every widget of the CDN build, with its own attributes', async () => {
    const { page, context } = await makeSnippet(async () => {});
    const offered = await page.locator('#cfg-widget option').evaluateAll((options) => options.map((o) => o.value));
    const { bundles } = await import('../../rollup.config.js');
    assert.deepEqual(offered.sort(), Object.keys(bundles).filter((t) => t !== 'muni-provider').sort());
    await page.locator('#cfg-widget').selectOption('muni-payment-button');
    await page.locator('#cfg-attr-amount').waitFor();
    await context.close();
  });
});
