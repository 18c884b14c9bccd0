// Shared by react.test.mjs and vue.test.mjs: bundle a tiny app with esbuild (as a city's build
// would, from the npm packages), serve it from the reference server (strict CSP with Trusted
// Types applies), and check in Chromium that properties reach the widget and its events reach
// the app.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { build } from 'esbuild';
import { axeViolations, launchBrowser, openPage, startDemoServer } from '../e2e/harness.mjs';

async function bundleApp(entry, title) {
  const dir = mkdtempSync(join(tmpdir(), 'muni-framework-'));
  await build({
    entryPoints: [fileURLToPath(new URL(`./apps/${entry}`, import.meta.url))],
    bundle: true,
    format: 'esm',
    minify: true,
    outfile: join(dir, 'app.js'),
    logLevel: 'error',
    define: {
      'process.env.NODE_ENV': '"production"',
      __VUE_OPTIONS_API__: 'false',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
  });
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html>
<html lang="de">
  <head>
    <meta charset="utf-8" />
    <title>${title}</title>
    <link rel="icon" href="/assets/logo.svg" type="image/svg+xml" />
    <script type="module" src="app.js"></script>
  </head>
  <body>
    <div id="app"></div>
  </body>
</html>
`,
  );
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function frameworkSuite(name, entry) {
  describe(`muni widgets in a ${name} app`, () => {
    let app;
    let server;
    let browser;
    before(async () => {
      app = await bundleApp(entry, `${name} app`);
      server = await startDemoServer({}, { extraMounts: [{ urlPrefix: '/app/', dir: app.dir }] });
      browser = await launchBrowser();
    });
    after(async () => {
      await browser?.close();
      await server?.close();
      app?.cleanup();
    });

    test('properties set by the app reach the widgets; widget events reach the app', async () => {
      const { page, context, problems } = await openPage(browser, server.url);
      await page.goto(`${server.url}/app/index.html`);
      const finder = page.locator('muni-service-finder');
      await finder.locator('#search').waitFor();

      // Set as properties, not attributes (the framework's job), and the widget is configured by them.
      const set = await finder.evaluate((el) => ({ backendUrl: el.backendUrl, attribute: el.getAttribute('backend-url'), locale: el.locale }));
      assert.deepEqual(set, { backendUrl: '/api', attribute: null, locale: 'de' });
      await page.locator('muni-payment-button').locator('button', { hasText: '12,50' }).first().waitFor();

      // An event from inside the widget updates the app's state.
      await finder.locator('#search').fill('Personalausweis');
      await finder.locator('[role=option]').first().waitFor();
      await finder.locator('#search').press('ArrowDown');
      await finder.locator('#search').press('Enter');
      await page.locator('#opened', { hasText: /Personalausweis/ }).waitFor();

      // App state changes flow into the widgets as property updates.
      await page.locator('#to-english').click();
      await page.waitForFunction(() => document.querySelector('muni-service-finder').shadowRoot.querySelector('[part~=base]').lang === 'en');
      await page.locator('muni-payment-button').locator('button', { hasText: /€12\.50|12\.50/ }).first().waitFor();

      assert.deepEqual(await axeViolations(page), []);
      assert.deepEqual(problems, [], 'no console errors, no CSP or Trusted Types violations');
      await context.close();
    });
  });
}
