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

/** Files (from `dist/cdn/`) a module loads before it runs: itself and its static imports, transitively. */
function staticGraph(file, dir, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const [, ref] of readFileSync(new URL(file, dir), 'utf8').matchAll(/(?:^|[;}])\s*import\s*(?:[^"'()]*?from\s*)?"(\.\.?\/[^"]+)"/g)) {
    staticGraph(new URL(ref, new URL(file, dir)).href.slice(dir.href.length), dir, seen);
  }
  return seen;
}

/**
 * What a page that loads muni-widgets.js and uses only `tag` downloads, min+gzip: the autoloader
 * and the tag's chunk with everything it imports, next to the tag's own bundle.
 */
export function autoloaded(tag, dir = new URL('dist/cdn/', root)) {
  const loader = readFileSync(new URL('muni-widgets.js', dir), 'utf8');
  const chunk = new RegExp(`"${tag}":\\(\\)=>import\\("\\./([^"]+)"\\)`).exec(loader)?.[1];
  if (!chunk) throw new Error(`muni-widgets.js has no loader for <${tag}>`);
  const files = [...staticGraph(chunk, dir, staticGraph('muni-widgets.js', dir))];
  const gzip = files.reduce((sum, f) => sum + gzipSync(readFileSync(new URL(f, dir)), { level: 9 }).length, 0);
  return { tag, files, gzip, own: gzipSync(readFileSync(new URL(`${tag}.js`, dir)), { level: 9 }).length };
}

/** Budget of the autoloader path: a widget's own bundle plus this much (issue #14). */
export const AUTOLOAD_OVERHEAD_BUDGET = 3072;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = measureBundles();
  console.log('bundle'.padEnd(32), 'min'.padStart(9), 'min+gzip'.padStart(9), 'budget'.padStart(9));
  for (const r of rows) {
    const flag = r.budget === undefined ? '  (no budget)' : r.gzip > r.budget ? '  OVER BUDGET' : '';
    console.log(r.file.padEnd(32), String(r.min).padStart(9), String(r.gzip).padStart(9), String(r.budget ?? '-').padStart(9) + flag);
  }
  console.log('\nloaded later, min+gzip:');
  for (const r of rows) console.log(r.file.padEnd(32), lazyChunks(r.file).map((c) => `${c.chunk} ${c.gzip}`).join(', ') || '-');
  console.log(`\nmuni-widgets.js used for one widget, min+gzip (budget: its own bundle + ${AUTOLOAD_OVERHEAD_BUDGET} B):`);
  const paths = Object.keys(budgets).filter((f) => f.startsWith('muni-') && !f.startsWith('muni-widgets')).map((f) => autoloaded(f.slice(0, -3)));
  for (const a of paths) console.log(a.tag.padEnd(32), String(a.gzip).padStart(9), `own ${a.own} + ${a.gzip - a.own}`.padStart(20), a.files.join(' '));
  if (rows.some((r) => r.budget === undefined || r.gzip > r.budget) || paths.some((a) => a.gzip > a.own + AUTOLOAD_OVERHEAD_BUDGET)) process.exit(1);
}
