// <muni-found-item-search> with 10,000 finds in Chromium: time to the first rendered results and
// search latency (submit -> new results in the DOM), with the in-memory provider, which runs the
// reference server's search rule in the page. Numbers, not a test.
//
//   node scripts/build.mjs          (packages/*/dist must exist)
//   node bench/found-items-render.mjs [count]
//
// It bundles packages/found-item-search/dist (element + memory provider) with rollup into a temp
// directory, serves it from a throw-away local HTTP server and drives Debian's Chromium through
// playwright-core (as the e2e harness does).
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { chromium } from 'playwright-core';
import { chromiumPath, CHROMIUM_ARGS } from '../scripts/chromium-path.js';

const COUNT = Number(process.argv[2] ?? 10_000);
const RUNS = 7;
const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'packages/found-item-search/dist');
const out = mkdtempSync(join(tmpdir(), 'muni-found-bench-'));

const ENTRY = '\0bench-entry';
const entry = `
import ${JSON.stringify(join(dist, 'define.js'))};
import { MemoryFoundItemProvider } from ${JSON.stringify(join(dist, 'providers/memory.js'))};
window.MemoryFoundItemProvider = MemoryFoundItemProvider;
`;
const bundle = await rollup({
  input: ENTRY,
  plugins: [
    { name: 'entry', resolveId: (id) => (id === ENTRY ? ENTRY : null), load: (id) => (id === ENTRY ? entry : null) },
    nodeResolve({ exportConditions: ['browser', 'production'] }),
    terser({ ecma: 2022, module: true }),
  ],
  onwarn: (warning, warn) => (warning.code === 'THIS_IS_UNDEFINED' ? undefined : warn(warning)),
});
await bundle.write({ dir: out, entryFileNames: 'bench.js', format: 'es' });

const page = `<!doctype html><html lang="de"><meta charset="utf-8"><title>bench</title>
<body><script type="module" src="/bench.js"></script></body></html>`;
const server = createServer((req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  if (path === '/') return res.writeHead(200, { 'Content-Type': 'text/html' }).end(page);
  let body;
  try {
    body = readFileSync(join(out, path.replace(/^\/+/, '')));
  } catch {
    return res.writeHead(404).end();
  }
  res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(body);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
try {
  const tab = await browser.newPage();
  await tab.goto(url);
  await tab.waitForFunction(() => customElements.get('muni-found-item-search') && window.MemoryFoundItemProvider);

  const result = await tab.evaluate(
    async ({ count, runs }) => {
      const CATEGORIES = [
        ['geldboerse', 'Geldbörse', ['Lederbörse', 'Portemonnaie', 'Brieftasche', 'Kartenetui']],
        ['schluessel', 'Schlüssel', ['Schlüsselbund', 'Autoschlüssel', 'Einzelner Schlüssel']],
        ['mobiltelefon', 'Mobiltelefon', ['Smartphone', 'Handy mit Hülle']],
        ['fahrrad', 'Fahrrad', ['Herrenrad', 'Damenrad', 'Kinderfahrrad']],
        ['ausweis-dokumente', 'Ausweis/Dokumente', ['Personalausweis', 'Führerschein']],
        ['schmuck', 'Schmuck', ['Silberkette', 'Armband', 'Ring']],
        ['kleidung', 'Kleidung', ['Jacke', 'Schal', 'Mütze']],
        ['tasche-rucksack', 'Tasche/Rucksack', ['Rucksack', 'Sporttasche']],
        ['brille', 'Brille', ['Lesebrille', 'Sonnenbrille']],
        ['sonstiges', 'Sonstiges', ['Regenschirm', 'Kuscheltier']],
      ];
      const COLOURS = ['schwarz', 'weiss', 'grau', 'braun', 'rot', 'blau', 'gruen'];
      const PLACES = ['Hauptbahnhof, Gleis 1', 'Busbahnhof', 'Stadtpark', 'Rathausplatz', 'Freibad', 'Kino am Markt', 'Lindenplatz', 'Buslinie 7'];
      let seed = 7;
      const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
      const pick = (list) => list[Math.floor(rnd() * list.length)];
      const day = (n) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
      const finds = Array.from({ length: count }, (_, i) => {
        const [category, , words] = pick(CATEGORIES);
        return {
          reference: `F-2026-${String(i + 1).padStart(5, '0')}`,
          category,
          colour: pick(COLOURS),
          description: pick(words),
          foundOn: day(Math.floor(rnd() * 180)),
          foundPlace: pick(PLACES),
          heldBack: { notes: `intern ${i}` },
        };
      });
      const provider = new window.MemoryFoundItemProvider({
        categories: CATEGORIES.map(([id, name]) => ({ id, name })),
        colours: COLOURS.map((id) => ({ id, name: id })),
        finds,
        pickup: { office: { id: 'f', name: 'Fundbüro', address: { building: 'Rathaus', street: 'Rathausplatz 1', postalCode: '12345', city: 'Musterstadt' }, phone: '1', email: 'f@x', openingHours: [] }, requiredDocuments: [], fees: [], retention: { months: 6, text: '' }, finderReward: '', legalBasis: '' },
      });

      const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const until = async (check) => {
        for (;;) {
          if (check()) return;
          await new Promise((r) => setTimeout(r, 0));
        }
      };
      const el = document.createElement('muni-found-item-search');
      el.provider = provider;
      const t0 = performance.now();
      document.body.append(el);
      const rootOf = () => el.shadowRoot;
      await until(() => rootOf()?.querySelectorAll('.item').length > 0);
      await frame();
      const firstRender = performance.now() - t0;

      const heading = () => rootOf().querySelector('#results-heading')?.textContent ?? '';
      const set = (id, value) => {
        const input = rootOf().querySelector(`#${id}`);
        input.value = value;
        input.dispatchEvent(new Event(input.tagName === 'SELECT' ? 'change' : 'input'));
      };
      const queries = [
        { label: 'q "Schlüssel"', q: 'Schlüssel' },
        { label: 'q "boerse" (folded, substring)', q: 'boerse' },
        { label: 'category + colour', category: 'fahrrad', colour: 'rot' },
        { label: 'place "Bahnhof"', place: 'Bahnhof' },
        { label: 'no hit "Xylophon"', q: 'Xylophon' },
        { label: 'all (reset)' },
      ];
      const search = [];
      for (const query of queries) {
        const times = [];
        for (let i = 0; i < runs; i++) {
          for (const id of ['q', 'category', 'colour', 'place']) set(id, query[id] ?? '');
          // Alternate with a different query so every run changes the DOM.
          set('from', i % 2 ? day(179) : '');
          await el.updateComplete;
          const before = `${heading()}|${rootOf().querySelector('.item__title')?.textContent}|${location.hash}`;
          const start = performance.now();
          rootOf().querySelector('[part~=search-button]').click();
          await until(() => !el.busy && `${heading()}|${rootOf().querySelector('.item__title')?.textContent}|${location.hash}` !== before);
          await frame();
          times.push(performance.now() - start);
        }
        times.sort((a, b) => a - b);
        search.push({ query: query.label, medianMs: times[Math.floor(times.length / 2)], maxMs: times.at(-1), results: heading().trim() });
      }

      const pageTimes = [];
      for (const id of ['q', 'category', 'colour', 'place', 'from']) set(id, '');
      rootOf().querySelector('[part~=search-button]').click();
      await until(() => !el.busy && rootOf().querySelector('[part~=pagination]'));
      for (let i = 0; i < runs; i++) {
        // Back and forth between page 1 and the last page (the deepest offset).
        const buttons = [...rootOf().querySelectorAll('[part~=pagination] button.page')];
        const target = i % 2 ? buttons[0] : buttons.at(-1);
        const before = heading();
        const start = performance.now();
        target.click();
        await until(() => !el.busy && heading() !== before);
        await frame();
        pageTimes.push(performance.now() - start);
      }
      pageTimes.sort((a, b) => a - b);
      return { firstRender, search, page: pageTimes[Math.floor(pageTimes.length / 2)], dom: rootOf().querySelectorAll('*').length };
    },
    { count: COUNT, runs: RUNS },
  );

  console.log(`<muni-found-item-search>, ${COUNT} finds in the memory provider, Chromium ${browser.version()}`);
  console.log(`first render of results (append -> 20 cards painted): ${result.firstRender.toFixed(1)} ms`);
  console.log(`page change (median of ${RUNS}): ${result.page.toFixed(1)} ms; shadow DOM elements after: ${result.dom}`);
  console.log('search latency, submit -> results in the DOM (median / max of ' + RUNS + ' runs):');
  for (const s of result.search) console.log(`  ${s.query.padEnd(32)} ${s.medianMs.toFixed(1).padStart(7)} ms ${s.maxMs.toFixed(1).padStart(7)} ms   ${s.results}`);
} finally {
  await browser.close();
  server.close();
  rmSync(out, { recursive: true, force: true });
}
