// Prints min+gzip bytes per CDN bundle and exits 1 when one exceeds its budget.
// Deterministic, so test/size-budget.test.mjs runs the same check in npm test.
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = new URL('..', import.meta.url);
const budgets = JSON.parse(readFileSync(new URL('bench/size-budgets.json', root), 'utf8'));

export function measureBundles(dir = new URL('dist/cdn/', root)) {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .sort()
    .map((file) => {
      const code = readFileSync(new URL(file, dir));
      return { file, min: code.length, gzip: gzipSync(code, { level: 9 }).length, budget: budgets[file] };
    });
}

/**
 * The chunks a bundle may load later, each once (a language, the provider, a step the citizen may
 * never reach): not in the budget, printed so their weight stays visible.
 */
export function lazyChunks(file, dir = new URL('dist/cdn/', root)) {
  const seen = new Map();
  const visit = (url) => {
    for (const [, ref] of readFileSync(url, 'utf8').matchAll(/(?:import\(|from)"(\.\.?\/[^"]+)"/g)) {
      const target = new URL(ref, url);
      if (seen.has(target.href) || !target.pathname.includes('/chunks/')) continue;
      seen.set(target.href, gzipSync(readFileSync(target), { level: 9 }).length);
      visit(target);
    }
  };
  visit(new URL(file, dir));
  return [...seen].map(([href, gzip]) => ({ chunk: href.split('/chunks/')[1].replace(/-[\w-]{8}\.js$/, ''), gzip }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = measureBundles();
  console.log('bundle'.padEnd(32), 'min'.padStart(9), 'min+gzip'.padStart(9), 'budget'.padStart(9));
  for (const r of rows) {
    const flag = r.budget === undefined ? '  (no budget)' : r.gzip > r.budget ? '  OVER BUDGET' : '';
    console.log(r.file.padEnd(32), String(r.min).padStart(9), String(r.gzip).padStart(9), String(r.budget ?? '-').padStart(9) + flag);
  }
  console.log('\nloaded later, min+gzip:');
  for (const r of rows) console.log(r.file.padEnd(32), lazyChunks(r.file).map((c) => `${c.chunk} ${c.gzip}`).join(', ') || '-');
  if (rows.some((r) => r.budget === undefined || r.gzip > r.budget)) process.exit(1);
}
