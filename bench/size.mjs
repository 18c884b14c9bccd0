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

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = measureBundles();
  console.log('bundle'.padEnd(32), 'min'.padStart(9), 'min+gzip'.padStart(9), 'budget'.padStart(9));
  for (const r of rows) {
    const flag = r.budget === undefined ? '  (no budget)' : r.gzip > r.budget ? '  OVER BUDGET' : '';
    console.log(r.file.padEnd(32), String(r.min).padStart(9), String(r.gzip).padStart(9), String(r.budget ?? '-').padStart(9) + flag);
  }
  if (rows.some((r) => r.budget === undefined || r.gzip > r.budget)) process.exit(1);
}
