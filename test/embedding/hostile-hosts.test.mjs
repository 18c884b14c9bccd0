// Issue #7: every widget survives the pages editors really paste it into. Each page under
// test/embedding/pages is one hostile condition; every widget of the CDN build is put on it
// (widgets.mjs reads rollup.config.js), served by the reference server (which sends its strict
// CSP with Trusted Types on every HTML page), and checked in Chromium.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, launchBrowser, openPage, startDemoServer } from '../e2e/harness.mjs';
import { WIDGETS, renderHostPages } from './widgets.mjs';

/** Computed properties that make a widget look like itself; sizes may scale with the root font size. */
const LOOK = [
  'display', 'box-sizing', 'background-color', 'color', 'font-family', 'font-style', 'font-weight',
  'text-transform', 'letter-spacing', 'word-spacing', 'text-align', 'line-height', 'min-height',
  'padding-top', 'padding-left', 'border-top-width', 'border-top-style', 'border-top-color', 'cursor',
  'text-decoration-line',
];

/** Looks of the widget's wrapper, first button and first text input (null when it has none). */
function looks(page, tag) {
  return page.evaluate(
    ({ tag, props }) => {
      const root = document.querySelector(tag).shadowRoot;
      const rootPx = parseFloat(getComputedStyle(document.documentElement).fontSize);
      const pick = (el) => {
        if (!el) return null;
        const style = getComputedStyle(el);
        return Object.fromEntries(props.map((p) => [p, style.getPropertyValue(p)]));
      };
      return {
        rootPx,
        base: pick(root.querySelector('[part~=base]')),
        button: pick(root.querySelector('button')),
        input: pick(root.querySelector('input:not([type=checkbox]):not([type=radio]), input[type=checkbox]')),
      };
    },
    { tag, props: LOOK },
  );
}

/** Equal, or a px length that scaled exactly with the root font size (rem-based sizes honour it). */
function sameLook(clean, hostile, scale) {
  if (clean === hostile) return true;
  const a = /^(-?[\d.]+)px$/.exec(clean);
  const b = /^(-?[\d.]+)px$/.exec(hostile);
  return Boolean(a && b && Math.abs(parseFloat(a[1]) * scale - parseFloat(b[1])) < 0.6);
}

/** Waits until every widget on the page works (the first of each tag); says what it shows if not. */
async function allWork(page) {
  for (const widget of WIDGETS) {
    try {
      await widget.works(page.locator(widget.tag).first(), widget.tag);
    } catch (error) {
      const shown = await page.locator(widget.tag).first().evaluate((el) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim().slice(0, 300)).catch(() => '(no element)');
      throw new Error(`${widget.tag} does not work; it shows: ${shown}\n${error.message}`);
    }
  }
}

/** Widths overflowing the viewport: the document's and each widget's. */
function overflow(page, width) {
  return page.evaluate(
    ({ width, tags }) => {
      const wide = [];
      if (document.documentElement.scrollWidth > width) wide.push(`document is ${document.documentElement.scrollWidth}px wide`);
      for (const tag of tags) {
        for (const el of document.querySelectorAll(tag)) {
          const r = el.getBoundingClientRect();
          if (r.right > width + 0.5 || r.left < -0.5) wide.push(`${tag} spans ${Math.round(r.left)}..${Math.round(r.right)}px`);
          for (const inner of el.shadowRoot.querySelectorAll('*')) {
            const ir = inner.getBoundingClientRect();
            if (ir.width > 0 && (ir.right > width + 0.5 || ir.left < -0.5) && getComputedStyle(inner).visibility !== 'hidden' && !inner.closest('.visually-hidden')) {
              wide.push(`${tag} ${inner.localName}.${inner.className} spans ${Math.round(ir.left)}..${Math.round(ir.right)}px`);
              break;
            }
          }
        }
      }
      return wide;
    },
    { width, tags: WIDGETS.map((w) => w.tag) },
  );
}

describe('every widget on hostile host pages', () => {
  let server;
  let browser;
  let pages;
  let baseline;
  before(async () => {
    pages = renderHostPages();
    server = await startDemoServer({}, { extraMounts: [{ urlPrefix: '/embedding/', dir: pages.dir }] });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    pages?.cleanup();
  });

  /** Opens a host page; resolves once every widget works. */
  async function visit(name, options = {}) {
    const session = await openPage(browser, server.url, options);
    const response = await session.page.goto(`${server.url}/embedding/${name}`);
    assert.equal(response.status(), 200);
    try {
      await allWork(session.page);
    } catch (error) {
      error.message += `\npage problems: ${JSON.stringify(session.problems)}`;
      throw error;
    }
    return { ...session, response };
  }

  test('clean page (the reference look): every widget works, axe finds nothing', async () => {
    const { page, context, problems } = await visit('clean.html');
    baseline = {};
    for (const { tag } of WIDGETS) baseline[tag] = await looks(page, tag);
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('hostile global CSS: widgets look and work the same', async () => {
    assert.ok(baseline, 'needs the clean page first');
    const { page, context, problems } = await visit('hostile-css.html');
    const differences = [];
    for (const { tag } of WIDGETS) {
      const hostile = await looks(page, tag);
      const scale = hostile.rootPx / baseline[tag].rootPx;
      for (const part of ['base', 'button', 'input']) {
        if (!baseline[tag][part]) continue;
        for (const prop of LOOK) {
          const clean = baseline[tag][part][prop];
          const seen = hostile[part]?.[prop];
          if (!sameLook(clean, seen, scale)) differences.push(`${tag} ${part} ${prop}: ${clean} -> ${seen}`);
        }
      }
    }
    assert.deepEqual(differences, []);
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('strict Content-Security-Policy (header + the issue\'s exact policy as meta): no violation, every widget works', async () => {
    const { page, context, problems, response } = await visit('strict-csp.html');
    assert.match(response.headers()['content-security-policy'], /require-trusted-types-for 'script'/);
    assert.equal(
      await page.locator('meta[http-equiv=Content-Security-Policy]').getAttribute('content'),
      "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'",
    );
    // Let lazily loaded parts (chunks, sanitizer) and late renders happen before judging.
    await page.waitForTimeout(300);
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(problems.filter((p) => p.startsWith('csp:')), [], 'no securitypolicyviolation');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('bundle loaded twice and per-widget bundles beside it: no error, one warning per tag at most', async () => {
    const session = await openPage(browser, server.url);
    const warnings = [];
    session.page.on('console', (msg) => {
      if (msg.type() === 'warning') warnings.push(msg.text());
    });
    await session.page.goto(`${server.url}/embedding/double-bundle.html`);
    await allWork(session.page);
    const { page, context, problems } = session;
    // The provider configures widgets from its own bundle and from another one (the finder's).
    await page.locator('#provided').locator('button', { hasText: /12\.50|12,50/ }).first().waitFor();
    assert.equal(await page.locator('#provided').evaluate((el) => el.shadowRoot.querySelector('[part~=base]').lang), 'en');
    await page.locator('#provided-finder #search').waitFor();
    assert.equal(await page.locator('#provided-finder').evaluate((el) => el.shadowRoot.querySelector('[part~=base]').lang), 'en');
    const registration = warnings.filter((w) => w.includes('is already defined'));
    for (const tag of ['muni-provider', ...WIDGETS.map((w) => w.tag)]) {
      assert.ok(registration.filter((w) => w.includes(`<${tag}>`)).length <= 1, `${tag}: ${registration.join(' | ')}`);
    }
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('inside the host page\'s <form>: Enter and every widget button never submit or reset it', async (t) => {
    const { page, context, problems } = await visit('host-form.html');
    // A widget may navigate on purpose (the payment button goes to the pay page): answer such
    // navigations with 204, which keeps the page, so clicking every button is safe.
    await page.route('**/*', (route) =>
      route.request().isNavigationRequest() && route.request().frame() === page.mainFrame() && !route.request().url().includes('/embedding/host-form.html')
        ? route.fulfill({ status: 204 })
        : route.continue(),
    );
    const counts = () => page.evaluate(() => ({ submits: document.getElementById('submits').textContent, resets: document.getElementById('resets').textContent }));
    const tried = [];
    for (const { tag } of WIDGETS) {
      const widget = page.locator(tag).first();
      const inputs = widget.locator('input:not([type=hidden])');
      for (let i = 0; i < (await inputs.count()); i++) {
        const input = inputs.nth(i);
        if (!(await input.isVisible().catch(() => false))) continue;
        if (!(await input.focus({ timeout: 2000 }).then(() => true, () => false))) continue;
        await page.keyboard.press('Enter');
        tried.push(`${tag} Enter in input #${await input.getAttribute('id', { timeout: 2000 }).catch(() => '?')}`);
      }
      const buttons = widget.locator('button');
      const n = await buttons.count();
      for (let i = 0; i < n; i++) {
        const button = buttons.nth(i);
        if (!(await button.isVisible().catch(() => false))) continue;
        // Earlier clicks re-render the widget: a button may be gone by now.
        const label = (await button.textContent({ timeout: 2000 }).catch(() => null))?.trim();
        if (label === undefined) continue;
        await button.click({ timeout: 2000 }).catch(() => {});
        tried.push(`${tag} click "${label}"`);
        await page.waitForTimeout(50);
        assert.deepEqual(await counts(), { submits: '0', resets: '0' }, `after ${tried.at(-1)}`);
      }
    }
    await page.waitForTimeout(200);
    assert.deepEqual(await counts(), { submits: '0', resets: '0' }, tried.join('\n'));
    assert.equal(await page.locator('#host-field').inputValue(), 'unverändert');
    assert.match(page.url(), /\/embedding\/host-form\.html($|#)/, 'no navigation (a deep-link hash of a widget is fine)');
    assert.ok(tried.length >= WIDGETS.length, tried.join('\n'));
    t.diagnostic(`tried: ${tried.join('; ')}`);
    // Sanity: the host form itself still submits (the handler counts it).
    await page.locator('#host-field').press('Enter');
    await page.waitForFunction(() => document.getElementById('submits').textContent === '1');
    assert.deepEqual(await axeViolations(page), [], 'after every button was pressed');
    assert.deepEqual(problems.filter((p) => !p.includes('status of 204')), []);
    await context.close();
  });

  test('right-to-left page: widgets follow the page direction and fit', async () => {
    const { page, context, problems } = await visit('rtl.html');
    for (const { tag } of WIDGETS) {
      const direction = await page.locator(tag).first().evaluate((el) => getComputedStyle(el.shadowRoot.querySelector('[part~=base]')).direction);
      assert.equal(direction, 'rtl', tag);
    }
    assert.deepEqual(await overflow(page, 1280), []);
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('320 px wide viewport: no horizontal scrolling, every widget works', async () => {
    const { page, context, problems } = await visit('layout.html', { viewport: { width: 320, height: 640 } });
    assert.deepEqual(await overflow(page, 320), []);
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('400 % zoom (1280 x 1024 screen: a 320 x 256 CSS px viewport at device scale 4): reflows, works', async () => {
    const { page, context, problems } = await visit('layout.html', { viewport: { width: 320, height: 256 }, deviceScaleFactor: 4 });
    assert.equal(await page.evaluate(() => window.devicePixelRatio), 4);
    assert.deepEqual(await overflow(page, 320), []);
    // Nothing fixed inside a widget eats the little height there is.
    const fixed = await page.evaluate((tags) =>
      tags.flatMap((tag) => [...document.querySelectorAll(tag)].flatMap((el) =>
        [...el.shadowRoot.querySelectorAll('*')].filter((n) => ['fixed', 'sticky'].includes(getComputedStyle(n).position)).map((n) => `${tag} ${n.localName}.${n.className}`))),
      WIDGETS.map((w) => w.tag));
    assert.deepEqual(fixed, []);
    // The suggestions of the search box can be scrolled into view and read.
    const finder = WIDGETS.find((w) => w.tag === 'muni-service-finder');
    if (finder) {
      const input = page.locator('muni-service-finder').first().locator('#search');
      await input.fill('Ausweis');
      const option = page.locator('muni-service-finder').first().locator('[role=option]').first();
      await option.scrollIntoViewIfNeeded();
      assert.ok(await option.isVisible());
    }
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('print: widgets visible in black on white, nothing fixed over the content, a PDF renders', async () => {
    const { page, context, problems } = await visit('layout.html');
    await page.emulateMedia({ media: 'print' });
    for (const { tag } of WIDGETS) {
      const state = await page.locator(tag).first().evaluate((el) => {
        const base = el.shadowRoot.querySelector('[part~=base]');
        const box = el.getBoundingClientRect();
        const fixed = [...el.shadowRoot.querySelectorAll('*')].filter((n) => getComputedStyle(n).position === 'fixed').length;
        return { height: box.height, color: getComputedStyle(base).color, background: getComputedStyle(el).backgroundColor, fixed };
      });
      assert.ok(state.height > 20, `${tag} is visible (${state.height}px)`);
      assert.equal(state.color, 'rgb(0, 0, 0)', `${tag} text`);
      assert.equal(state.fixed, 0, `${tag} fixed elements`);
    }
    const pdf = await page.pdf({ format: 'A4' });
    assert.ok(pdf.length > 10_000);
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('CMS HTML filter: <div data-muni-widget> placeholders are upgraded, also when added later', async () => {
    const { page, context, problems } = await visit('cms-filter.html');
    for (const { tag, name, attributes } of WIDGETS) {
      const host = page.locator(`div[data-muni-widget="${name}"]`).first();
      assert.equal(await host.getAttribute('data-muni-mounted'), '', name);
      assert.equal(await host.locator(`> ${tag}`).count(), 1, `${name}: exactly one widget`);
      assert.equal(await host.locator('a[href="/"]').count(), 0, `${name}: fallback replaced`);
      for (const [attribute, value] of Object.entries(attributes)) {
        assert.equal(await host.locator(tag).getAttribute(attribute), value, `${name} ${attribute}`);
      }
    }
    const late = page.locator('#late-widget muni-service-finder');
    await late.locator('#search').waitFor();
    assert.equal(await late.getAttribute('locale'), 'en');
    assert.equal(await page.locator('#unknown-widget').getAttribute('data-muni-mounted'), null);
    assert.equal(await page.locator('#unknown-widget p').count(), 1);
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
