// Every widget the CDN build ships, read from rollup.config.js's `bundles`, so a widget added
// there is put on every hostile host page without touching these tests. Known widgets get
// realistic attributes and a check that they really work; a new one gets `backend-url` and the
// generic check (rendered, configured, no error notice) until someone adds its entry here.
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundles } from '../../rollup.config.js';

/** Attributes (besides backend-url) and a "does it work" check for the widgets we know. */
const KNOWN = {
  'muni-appointment-picker': {
    attributes: { office: 'kita-abteilung' },
    /** The first step lists the office's services as checkboxes. */
    async works(widget) {
      await widget.locator('input[type=checkbox][id^="service-"]').first().waitFor();
      return true;
    },
  },
  'muni-service-finder': {
    attributes: {},
    /** The search box suggests services while typing. */
    async works(widget) {
      const input = widget.locator('#search');
      await input.fill('Ausweis');
      await widget.locator('[role=option]').first().waitFor();
      await input.fill('');
      return true;
    },
  },
  'muni-payment-button': {
    attributes: { amount: '3070', currency: 'EUR', purpose: 'Bewohnerparkausweis Zone B', reference: '5210-2026-004711' },
    /** The pay button shows the amount. */
    async works(widget) {
      await widget.locator('button', { hasText: /30,70/ }).first().waitFor();
      return true;
    },
  },
  // Added by its own issue; only its office is needed here, the generic check judges it.
  'muni-queue-status': {
    attributes: { office: 'buergerbuero' },
  },
};

/** Widgets only: the provider is a wrapper, not something to put on a page alone. */
export const WIDGETS = Object.keys(bundles)
  .filter((name) => name !== 'muni-provider')
  .map((tag) => ({
    tag,
    name: tag.replace(/^muni-/, ''),
    attributes: { 'backend-url': '/api', ...(KNOWN[tag]?.attributes ?? {}) },
    known: Boolean(KNOWN[tag]?.works),
    /** Resolves when the widget works (known widgets) or has rendered its configured content (others). */
    works: KNOWN[tag]?.works ?? genericWorks,
  }));

async function genericWorks(widget, tag) {
  await widget.locator('[part~=base]').first().waitFor();
  // Rendered, done loading, and showing something.
  await widget.page().waitForFunction((t) => {
    const root = document.querySelector(t)?.shadowRoot;
    return root && !root.querySelector('[part~=loading]') && (root.textContent ?? '').trim().length > 0;
  }, tag);
  return true;
}

const escapeAttr = (value) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** `<muni-x a="b"></muni-x>` for each widget, each in a section with a heading. */
export function widgetMarkup(indent = '      ') {
  return WIDGETS.map(({ tag, name, attributes }) =>
    [
      `<section class="widget-slot" aria-labelledby="h-${name}">`,
      `  <h2 id="h-${name}">${name}</h2>`,
      `  <${tag}${Object.entries(attributes).map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join('')}></${tag}>`,
      `</section>`,
    ].map((line) => indent + line).join('\n'),
  ).join('\n');
}

/** The CMS-filter-proof form: `<div data-muni-widget="x" data-a="b">` with a no-script fallback link. */
export function mountMarkup(indent = '      ') {
  return WIDGETS.map(({ name, attributes }) =>
    [
      `<section class="widget-slot" aria-labelledby="h-${name}">`,
      `  <h2 id="h-${name}">${name}</h2>`,
      `  <div data-muni-widget="${name}"${Object.entries(attributes).map(([k, v]) => ` data-${k}="${escapeAttr(v)}"`).join('')}>`,
      `    <p><a href="/">Zum Online-Angebot</a></p>`,
      `  </div>`,
      `</section>`,
    ].map((line) => indent + line).join('\n'),
  ).join('\n');
}

/**
 * Copies test/embedding/pages to a temporary directory with `{{widgets}}` and `{{mount-form}}`
 * filled in; returns the directory and a cleanup function.
 */
export function renderHostPages() {
  const source = new URL('./pages/', import.meta.url);
  const dir = mkdtempSync(join(tmpdir(), 'muni-embedding-'));
  cpSync(source, dir, { recursive: true });
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.html'))) {
    const html = readFileSync(join(dir, file), 'utf8')
      .replace(/^\{\{widgets\}\}$/m, widgetMarkup())
      .replace(/^\{\{mount-form\}\}$/m, mountMarkup());
    writeFileSync(join(dir, file), html);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
