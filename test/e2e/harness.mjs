// End-to-end harness: the real reference server (PGlite in memory) serving the demo and
// the CDN bundles, driven by Debian's Chromium through playwright-core.
import { readFileSync } from 'node:fs';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { startServer, loadConfig } from '@muni-widgets/server';
import { chromiumPath, CHROMIUM_ARGS } from '../../scripts/chromium-path.js';

const AXE_SOURCE = readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');

/**
 * Starts the server on a free port with the demo mounted; close() stops it.
 * `extraMounts` adds static directories, e.g. the embedding tests' host pages at /embedding/.
 */
export async function startDemoServer(env = {}, { extraMounts = [] } = {}) {
  const config = loadConfig({ MUNI_DEV_MODE: 'on', PORT: '0', HOST: '127.0.0.1', PGLITE_DATA_DIR: 'memory://', LOG_LEVEL: 'error', ...env });
  return startServer({
    config,
    staticMounts: [
      { urlPrefix: '/', dir: 'dist/demo' },
      { urlPrefix: '/cdn/', dir: 'dist/cdn', cdn: true },
      ...extraMounts,
    ],
  });
}

export async function launchBrowser() {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}

/**
 * The demo server and a browser for the `describe` block it is called in, both closed after
 * it; with `session`, also one page the block's tests share (`demo.session`).
 */
export function useDemo({ session = false } = {}) {
  const demo = { server: undefined, browser: undefined, session: undefined };
  before(async () => {
    demo.server = await startDemoServer();
    demo.browser = await launchBrowser();
    if (session) demo.session = await openPage(demo.browser, demo.server.url);
  });
  after(async () => {
    await demo.session?.context.close();
    await demo.browser?.close();
    await demo.server?.close();
  });
  return demo;
}

/**
 * A page that records everything that should never happen on a city's page:
 * console errors, uncaught exceptions, CSP violations and requests that leave
 * the server under test.
 */
export async function openPage(browser, baseUrl, options = {}) {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 900 },
    ...(options.deviceScaleFactor ? { deviceScaleFactor: options.deviceScaleFactor } : {}),
  });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`exception: ${error.message}`));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(baseUrl) && !url.startsWith('data:')) problems.push(`third-party request: ${url}`);
  });
  await page.exposeFunction('__muniReportCsp', (text) => problems.push(`csp: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__muniReportCsp(`${e.violatedDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  return { page, context, problems };
}

/** Rules about a whole page (one main, an h1, landmarks): meaningless for a component shown alone. */
const PAGE_RULES = ['landmark-one-main', 'page-has-heading-one', 'region'];

/**
 * Runs axe in the page (through the DevTools protocol, so the page's CSP does not block it).
 * With `component`, only that element is checked and page-level rules are left out.
 */
export async function axeViolations(page, component) {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(
    ({ selector, pageRules }) =>
      window.axe.run(selector ? document.querySelector(selector) : document, {
        resultTypes: ['violations'],
        ...(selector ? { rules: Object.fromEntries(pageRules.map((id) => [id, { enabled: false }])) } : {}),
      }),
    { selector: component, pageRules: PAGE_RULES },
  );
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** The element that has focus, looking through shadow roots. */
export function deepFocus(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el ? { tag: el.tagName.toLowerCase(), id: el.id, text: (el.textContent ?? '').trim(), type: el.getAttribute('type') ?? '' } : null;
  });
}

/** Presses Tab until the focused element matches, as a keyboard user would. */
export async function tabTo(page, matches, limit = 60) {
  for (let i = 0; i < limit; i++) {
    const focused = await deepFocus(page);
    if (focused && matches(focused)) return focused;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached the expected element; focus is on ${JSON.stringify(await deepFocus(page))}`);
}

/** The id of the focused element, looking through shadow roots. */
export async function focusedId(page) {
  return (await deepFocus(page))?.id ?? null;
}
