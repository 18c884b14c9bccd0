// Service search for <muni-service-finder>: our index (@muni-widgets/service-finder/search)
// side by side with Fuse.js and MiniSearch on the same data and the same queries.
// - index build time over a generated 10,000-service catalogue (median of several builds);
// - query latency over the citizen query table (test/data/service-search-queries.json) on that
//   catalogue, median and p95 of many repetitions;
// - top-3 hit rate of each library on the query table against the 165-service seed catalogue
//   (the same measure as packages/server/test/service-search-quality.test.ts).
// The 10,000 services are variations of the seed (names with qualifiers, shuffled and borrowed
// synonyms, mixed descriptions) drawn with a seeded PRNG, so every run sees the same catalogue.
// Fuse.js and MiniSearch get the same umlaut folding as ours (Fuse through getFn, MiniSearch
// through processTerm), which is fair: without it neither finds "Fuehrungszeugnis".
//
// Run: npm run build && node bench/service-search.mjs
//   (or just: npx tsc -b packages/server/tsconfig.build.json && node bench/service-search.mjs)
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import { createServiceIndex, foldText, foldWords } from '../packages/service-finder/dist/search/index.js';
import { SERVICE_CATEGORIES, SERVICES } from '../packages/server/dist/src/seed/services.js';

const CATALOG_SIZE = 10_000;
const BUILD_RUNS = 7;
const TOP = 3;
const { queries, berlin } = JSON.parse(readFileSync(new URL('../test/data/service-search-queries.json', import.meta.url), 'utf8'));
// Berlin's real service names (no keywords, no descriptions) for the table's Berlin section.
const berlinExport = JSON.parse(readFileSync(new URL('../test/data/berlin-dldb-services.json', import.meta.url), 'utf8'));
const berlinCatalog = berlinExport.services.map((s) => ({ id: s.id, name: s.name, shortDescription: '', category: s.topic, synonyms: [], officeIds: [] }));
// Seed ids are words, Berlin's topic ids numbers: one lookup serves both catalogues.
const categoryNames = Object.fromEntries([...SERVICE_CATEGORIES, ...berlinExport.topics].map((c) => [c.id, c.name]));

/** The seed as the API serves it (GET /api/v1/services). */
const seedCatalog = SERVICES.map((s) => ({
  id: s.id,
  leika: s.leika,
  name: s.name,
  shortDescription: s.short,
  category: s.category,
  synonyms: s.synonyms,
  officeIds: s.offices,
}));

// ---------------------------------------------------------------- generated catalogue

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const QUALIFIERS = [
  'für Unternehmen', 'für Vereine', 'für Minderjährige', 'für Studierende', 'für Seniorinnen und Senioren',
  'im Eilverfahren', 'als Zweitschrift', 'online', 'per Post', 'für Grenzgänger', 'bei Umzug ins Ausland',
  'für Landwirte', 'für Gewerbetreibende', 'für Menschen mit Behinderung', 'nach Verlust', 'Änderung',
  'Verlängerung', 'Ersatz', 'für Ortsteil Nord', 'für Ortsteil Süd', 'für die Altstadt', 'im Kreis Musterland',
];
const SENTENCES = [
  'Bitte vereinbaren Sie vorher einen Termin.', 'Die Bearbeitung dauert in der Regel zwei Wochen.',
  'Sie können den Antrag auch schriftlich stellen.', 'Zuständig ist das Amt Ihres Wohnorts.',
  'Bringen Sie alle Unterlagen im Original mit.', 'Für Rückfragen erreichen Sie uns telefonisch.',
  'Die Gebühr ist bei Antragstellung fällig.', 'Eine Vertretung mit Vollmacht ist möglich.',
];

function generateCatalog(size) {
  const random = mulberry32(20260302);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const byCategory = new Map();
  for (const s of seedCatalog) byCategory.set(s.category, [...(byCategory.get(s.category) ?? []), s]);
  const services = [];
  for (let i = 0; i < size; i++) {
    const base = seedCatalog[i % seedCatalog.length];
    const variant = Math.floor(i / seedCatalog.length);
    if (variant === 0) {
      services.push(base);
      continue;
    }
    const neighbour = pick(byCategory.get(base.category));
    const synonyms = [...base.synonyms].sort(() => random() - 0.5).slice(0, 1 + Math.floor(random() * base.synonyms.length));
    if (random() < 0.5) synonyms.push(pick(neighbour.synonyms));
    services.push({
      ...base,
      id: `${base.id}--${variant}`,
      name: `${base.name} ${pick(QUALIFIERS)}`,
      synonyms,
      shortDescription: random() < 0.5 ? `${base.shortDescription} ${pick(SENTENCES)}` : `${pick(SENTENCES)} ${neighbour.shortDescription}`,
    });
  }
  return services;
}

// ---------------------------------------------------------------- the three libraries

const libraries = {
  ours: {
    build: (services) => createServiceIndex(services, { categoryNames }),
    search: (index, query) => index.search(query, { limit: TOP }).map((hit) => hit.service.id),
  },
  'Fuse.js': {
    build: (services) =>
      new Fuse(services, {
        keys: [
          { name: 'name', weight: 3 },
          { name: 'synonyms', weight: 2 },
          { name: 'shortDescription', weight: 1 },
        ],
        threshold: 0.35,
        ignoreLocation: true,
        // The same folding as ours: Fuse compares characters, "ü" and "ue" would never meet.
        getFn: (doc, path) => foldDeep(Fuse.config.getFn(doc, path)),
      }),
    search: (fuse, query) => fuse.search(foldText(query), { limit: TOP }).map((hit) => hit.item.id),
  },
  MiniSearch: miniSearch('OR'),
  'MiniSearch AND': miniSearch('AND'),
};

function foldDeep(value) {
  return Array.isArray(value) ? value.map(foldDeep) : typeof value === 'string' ? foldText(value) : value;
}

function miniSearch(combineWith) {
  return {
    build: (services) => {
      const index = new MiniSearch({
        fields: ['name', 'synonyms', 'categoryName', 'shortDescription'],
        extractField: (doc, field) => (field === 'synonyms' ? doc.synonyms.join(' ') : field === 'categoryName' ? categoryNames[doc.category] : doc[field]),
        processTerm: (term) => {
          const words = foldWords(term);
          return words.length === 0 ? null : words.length === 1 ? words[0] : words;
        },
        searchOptions: { boost: { name: 3, synonyms: 2, categoryName: 1, shortDescription: 1 }, fuzzy: 0.2, prefix: true, combineWith },
      });
      index.addAll(services);
      return index;
    },
    search: (index, query) => index.search(query).slice(0, TOP).map((hit) => hit.id),
  };
}

// ---------------------------------------------------------------- measurements

const median = (values) => quantile(values, 0.5);
function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

const big = generateCatalog(CATALOG_SIZE);
const results = {};
for (const [name, library] of Object.entries(libraries)) {
  // Hit rate on the seed catalogue.
  const small = library.build(seedCatalog);
  const misses = [];
  for (const q of queries) {
    const found = library.search(small, q.query);
    if (!q.expected.every((id) => found.includes(id))) misses.push(q.query);
  }

  // Build time on 10,000 services.
  const builds = [];
  let index;
  for (let run = 0; run < BUILD_RUNS; run++) {
    const start = performance.now();
    index = library.build(big);
    builds.push(performance.now() - start);
  }

  // Query latency on 10,000 services: warm up, then repeat the table until about 3 s have passed.
  for (let w = 0; w < 2; w++) for (const q of queries) library.search(index, q.query);
  const latencies = [];
  const until = performance.now() + 3000;
  let rounds = 0;
  while (rounds < 5 || (performance.now() < until && rounds < 200)) {
    for (const q of queries) {
      const start = performance.now();
      library.search(index, q.query);
      latencies.push(performance.now() - start);
    }
    rounds++;
  }
  // Top-1 and top-3 on Berlin's real names.
  const berlinIndex = library.build(berlinCatalog);
  let berlinFirst = 0;
  let berlinTop = 0;
  for (const q of berlin.queries) {
    const found = library.search(berlinIndex, q.query);
    if (found[0] === q.expected[0]) berlinFirst++;
    if (q.expected.every((id) => found.includes(id))) berlinTop++;
  }

  results[name] = { misses, berlinFirst, berlinTop, build: median(builds), p50: median(latencies), p95: quantile(latencies, 0.95), max: Math.max(...latencies), rounds };
}

const names = Object.keys(results);
const row = (label, cell) => console.log(label.padEnd(34) + names.map((n) => cell(results[n]).padStart(16)).join(''));
console.log(`Node ${process.version}; ${CATALOG_SIZE.toLocaleString('en')} generated services, ${queries.length} queries; hit rate on the ${seedCatalog.length}-service seed\n`);
console.log(''.padEnd(34) + names.map((n) => n.padStart(16)).join(''));
row(`index build (median of ${BUILD_RUNS})`, (r) => `${r.build.toFixed(1)} ms`);
row('query latency median', (r) => `${r.p50.toFixed(3)} ms`);
row('query latency p95', (r) => `${r.p95.toFixed(3)} ms`);
row('query latency max', (r) => `${r.max.toFixed(2)} ms`);
row('query repetitions', (r) => `${r.rounds} × ${queries.length}`);
row(`top-${TOP} hit rate`, (r) => `${queries.length - r.misses.length}/${queries.length} ${((100 * (queries.length - r.misses.length)) / queries.length).toFixed(1)} %`);
row(`Berlin DLDB names: top-1`, (r) => `${r.berlinFirst}/${berlin.queries.length}`);
row(`Berlin DLDB names: top-${TOP}`, (r) => `${r.berlinTop}/${berlin.queries.length}`);
console.log('\nmisses:');
for (const name of names) console.log(`  ${name}: ${results[name].misses.join(' | ') || '–'}`);
