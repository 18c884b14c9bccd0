// JavaScript a page transfers for one widget, measured in Chromium over CDP (issue #14): the
// widget's own bundle next to the all-in-one muni-widgets.js (the autoloader) with the same one
// widget on the page; and pages with 1, 2, 3 and 5 different widgets through muni-widgets.js, with
// per-widget bundles only ("before", the loader's full-bundle import removed) and as built ("after":
// from FULL_BUNDLE_FROM different tags it loads muni-widgets-full.js). The files are served gzip-compressed,
// as a CDN would, and each script response's transferred bytes (encodedDataLength) are summed
// once the page is idle.
// Run: npm run build && node bench/autoload-transfer.mjs
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

// CDN_DIR: another build to compare with (e.g. the full bundle before the autoloader).
const root = process.env.CDN_DIR ? new URL(`file://${process.env.CDN_DIR.replace(/\/?$/, '/')}`) : new URL('../dist/cdn/', import.meta.url);
const WIDGETS = {
  'muni-appointment-picker': '<muni-appointment-picker backend-url="/api"></muni-appointment-picker>',
  'muni-service-finder': '<muni-service-finder backend-url="/api"></muni-service-finder>',
  'muni-payment-button': '<muni-payment-button backend-url="/api" amount="1250" currency="EUR" purpose="Test" reference="X-1"></muni-payment-button>',
  'muni-found-item-search': '<muni-found-item-search backend-url="/api"></muni-found-item-search>',
  'muni-queue-status': '<muni-queue-status backend-url="/api" office="buergerbuero"></muni-queue-status>',
};

const pages = new Map();
const server = createServer((request, response) => {
  const path = new URL(request.url, 'http://x').pathname;
  if (pages.has(path)) {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(pages.get(path));
  } else if (/^\/(cdn|before)\/.+\.js$/.test(path)) {
    try {
      const file = path.replace(/^\/\w+\//, '');
      const code = path === '/before/muni-widgets.js' ? perWidgetLoader() : readFileSync(new URL(file, root));
      const body = gzipSync(code, { level: 9 });
      response.writeHead(200, { 'Content-Type': 'text/javascript', 'Content-Encoding': 'gzip' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  } else response.writeHead(404).end();
});
/** The built loader without its full-bundle import: every tag loads its own bundle. */
function perWidgetLoader() {
  const code = readFileSync(new URL('muni-widgets.js', root), 'utf8');
  const stripped = code.replace(/\(\)=>import\("\.\/muni-widgets-full\.js"\)/, 'void 0');
  if (stripped === code) throw new Error('muni-widgets.js has no import of muni-widgets-full.js');
  return stripped;
}

await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;
const page = (name, script, body, dir = 'cdn') => {
  pages.set(`/${name}`, `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>${name}</title><script type="module" src="/${dir}/${script}"></script></head><body>${body}</body></html>`);
  return `${origin}/${name}`;
};

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
});

/** Sum of transferred bytes of every script response, and the tags defined at the end. */
async function measure(url, tags) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Network.enable');
  const scripts = new Set();
  let bytes = 0;
  cdp.on('Network.responseReceived', (e) => e.type === 'Script' && scripts.add(e.requestId));
  cdp.on('Network.loadingFinished', (e) => scripts.has(e.requestId) && (bytes += e.encodedDataLength));
  await tab.goto(url, { waitUntil: 'networkidle' });
  await tab.waitForFunction((t) => t.every((tag) => customElements.get(tag)), tags);
  await tab.waitForLoadState('networkidle');
  const files = scripts.size;
  await context.close();
  return { bytes, files };
}

const rows = {};
for (const [tag, html] of Object.entries(WIDGETS)) {
  const own = await measure(page(`own-${tag}`, `${tag}.js`, html), [tag]);
  const auto = await measure(page(`auto-${tag}`, 'muni-widgets.js', html), [tag]);
  rows[tag] = { 'own bundle B': own.bytes, 'muni-widgets.js B': auto.bytes, 'difference B': auto.bytes - own.bytes, 'script files': `${own.files} / ${auto.files}` };
}
console.log('JavaScript transferred (gzip, CDP encodedDataLength), one widget per page:');
console.table(rows);

const several = {};
for (const count of [1, 2, 3, 5]) {
  const tags = Object.keys(WIDGETS).slice(0, count);
  const body = tags.map((tag) => WIDGETS[tag]).join('\n');
  const before = await measure(page(`before-${count}`, 'muni-widgets.js', body, 'before'), tags);
  const after = await measure(page(`after-${count}`, 'muni-widgets.js', body), tags);
  several[`${count} widget${count > 1 ? 's' : ''}`] = { 'per-widget only B': before.bytes, 'as built B': after.bytes, 'difference B': after.bytes - before.bytes, 'script files': `${before.files} / ${after.files}` };
}
console.log(`\nJavaScript transferred through muni-widgets.js, pages with the first n widgets of the table above:`);
console.table(several);
await browser.close();
server.close();
