// Builds the Musterstadt demo site: demo/layout.html + demo/pages/*.html -> dist/demo/*.html.
// A handful of string replacements instead of a templating library: no dependency, and the
// sources stay plain HTML a city's web editor can read. Values are inserted verbatim (they
// are authored HTML, e.g. "Familie &amp; Kita"), so nothing is escaped twice.
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { bundles } from '../rollup.config.js';

const SETTINGS = ['title', 'description', 'section', 'widgets', 'service-nav', 'contact'];
const fail = (message) => { throw new Error(`build-demo: ${message}`); };
const read = (path) => readFileSync(`demo/${path}`, 'utf8');
const layout = read('layout.html');
const names = readdirSync('demo/pages').filter((f) => f.endsWith('.html')).map((f) => f.slice(0, -5));

/** The settings comment at the top of a page: one `key: value` per line, every key required. */
function parse(name) {
  const source = read(`pages/${name}.html`);
  const head = /^<!--\n([^]*?)\n-->\n/.exec(source) ?? fail(`${name}: no settings comment at the top`);
  const page = { name, content: source.slice(head[0].length) };
  for (const line of head[1].split('\n')) {
    const [, key, value] = /^([\w-]+): (.+)$/.exec(line) ?? fail(`${name}: bad settings line "${line}"`);
    if (!SETTINGS.includes(key)) fail(`${name}: unknown setting "${key}"`);
    page[key] = value;
  }
  for (const key of SETTINGS) if (!(key in page)) fail(`${name}: missing setting "${key}"`);
  if (page.description.includes('"')) fail(`${name}: description must not contain " (it is an attribute value)`);
  return page;
}

const yes = (page, key) => ({ yes: true, no: false })[page[key]] ?? fail(`${page.name}: ${key} must be yes or no`);
// The breadcrumb's middle item repeats the main-nav label of the page's section, read from the layout.
const sectionLabel = (id) => new RegExp(`\\{\\{section:${id}\\}\\}>([^<]+)<`).exec(layout)?.[1] ?? fail(`unknown section "${id}"`);

/** Whole-line placeholders: content is indented to the placeholder; empty content drops the line. */
const blocks = (page) => ({
  'widgets-script': yes(page, 'widgets') ? '<script type="module" src="/cdn/muni-widgets.js"></script>\n' : '',
  breadcrumb: (page.section === 'none' ? '' : `<li><a href="index.html#${page.section}">${sectionLabel(page.section)}</a></li>\n`) +
    (page.name === 'index' ? '' : `<li><a href="${page.name}.html" aria-current="page">${page.title}</a></li>\n`),
  content: page.content,
  'service-nav': yes(page, 'service-nav') ? read('partials/service-nav.html') : '',
  contact: read(`partials/contact-${page.contact}.html`),
});
/** Inline placeholders; {{current:page}} and {{section:id}} mark the link for this page / its section. */
const inline = (page, key, arg) =>
  key === 'title' || key === 'description' ? page[key]
  : key === 'current' && names.includes(arg) ? (arg === page.name ? ' aria-current="page"' : '')
  : key === 'section' && sectionLabel(arg) ? (arg === page.section ? ' aria-current="true"' : '')
  : fail(`${page.name}: unknown placeholder {{${key}${arg ? `:${arg}` : ''}}}`);

function render(page) {
  const values = blocks(page);
  const indent = (text, pad) => text.replace(/^(?=.)/gm, pad);
  const withBlocks = layout.replace(/^( *)\{\{([\w-]+)\}\}\n/gm, (_, pad, key) =>
    indent(values[key] ?? fail(`${page.name}: unknown block placeholder {{${key}}}`), pad));
  const html = withBlocks.replace(/\{\{([\w-]+)(?::([\w-]+))?\}\}/g, (_, key, arg) => inline(page, key, arg));
  if (html.includes('{{')) fail(`${page.name}: malformed placeholder near "${html.slice(html.indexOf('{{'), html.indexOf('{{') + 30)}"`);
  return html;
}

/**
 * What the snippet configurator (konfigurator.html) needs from custom-elements.json: each widget
 * of the CDN build with its attributes, events and theming surface, trimmed to editor-facing text.
 */
function widgetCatalog() {
  if (!existsSync('custom-elements.json')) fail('custom-elements.json missing: run the analyzer (npm run build) first');
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
  const text = (value) => (value ?? '').replace(/\s+/g, ' ').trim();
  const widgets = [];
  for (const module of manifest.modules) {
    for (const d of module.declarations ?? []) {
      // Only widgets the CDN build ships: a snippet must point at a bundle that exists.
      if (!d.tagName || d.tagName === 'muni-provider' || !(d.tagName in bundles)) continue;
      widgets.push({
        tag: d.tagName,
        bundle: `${d.tagName}.js`,
        description: text(d.description).split('. ')[0],
        attributes: (d.attributes ?? []).map((a) => ({ name: a.name, type: text(a.type?.text), default: a.default === undefined ? null : a.default.replace(/^'(.*)'$/, '$1'), description: text(a.description) })),
        // The analyzer also lists emit()'s parameter name as an event; real events start with muni-.
        events: (d.events ?? []).filter((e) => e.name?.startsWith('muni-')).map((e) => ({ name: e.name, description: text(e.description) })),
        cssProperties: (d.cssProperties ?? []).map((p) => ({ name: p.name, description: text(p.description) })),
        cssParts: (d.cssParts ?? []).map((p) => ({ name: p.name, description: text(p.description) })),
      });
    }
  }
  return { widgets: widgets.sort((a, b) => a.tag.localeCompare(b.tag)) };
}

const pages = names.map(parse); // parse all first: a bad page must not leave a half-written site
rmSync('dist/demo', { recursive: true, force: true });
mkdirSync('dist/demo', { recursive: true });
for (const page of pages) writeFileSync(`dist/demo/${page.name}.html`, render(page));
cpSync('demo/assets', 'dist/demo/assets', { recursive: true });
writeFileSync('dist/demo/assets/widgets.json', JSON.stringify(widgetCatalog(), null, 1));
console.log(`build-demo: dist/demo (${pages.length} pages)`);
