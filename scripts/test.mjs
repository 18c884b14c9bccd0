// npm test: builds, type-checks, then runs every suite and ends with one line
// "N passed, N failed, N skipped" for all of them together.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureChromium } from './ensure-chromium.mjs';

const only = process.argv.slice(2); // e.g. `npm test -- server e2e`
const countsDir = mkdtempSync(join(tmpdir(), 'muni-counts-'));

/**
 * Runs one step; a step still running after `minutes` is killed and fails, so one hanging test
 * costs its suite, not the whole CI run (which is cut off after 90 minutes without a result).
 */
function step(name, cmd, args, { env = {}, minutes = 10 } = {}) {
  console.log(`\n=== ${name} ===`);
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env }, timeout: minutes * 60_000, killSignal: 'SIGKILL' });
  if (result.error?.code === 'ETIMEDOUT') console.log(`!!! ${name} did not finish within ${minutes} minutes and was stopped`);
  return result.status ?? 1;
}

function nodeTestFiles(dir, suffix) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(suffix))
    .sort()
    .map((f) => join(dir, f));
}

const nodeTest = (files) => [
  '--test',
  '--test-concurrency=1',
  // A single test may take this long (10 min); a hanging one fails and the suite goes on.
  '--test-timeout=600000',
  '--test-reporter=spec',
  '--test-reporter-destination=stdout',
  '--test-reporter=./scripts/node-count-reporter.mjs',
  `--test-reporter-destination=${join(countsDir, 'COUNTS')}`,
  ...files,
];

/** Each suite: how to run it, where its counts land and how long it may take (a few times its usual). */
const suites = [
  { name: 'components', cmd: 'node_modules/.bin/wtr', args: () => ['--static-logging'], counts: 'components.json', minutes: 25 },
  { name: 'server', cmd: process.execPath, args: () => nodeTest(nodeTestFiles('packages/server/dist/test', '.test.js')), counts: 'server.json', minutes: 25 },
  { name: 'e2e', cmd: process.execPath, args: () => nodeTest(nodeTestFiles('test', '.test.mjs')), counts: 'e2e.json', minutes: 25 },
].filter((s) => only.length === 0 || only.includes(s.name));

process.env.CHROME_PATH = ensureChromium();

const total = { passed: 0, failed: 0, skipped: 0 };
let broken = 0;
if (step('build', process.execPath, ['scripts/build.mjs']) !== 0) broken++;
if (step('typecheck', 'node_modules/.bin/tsc', ['-p', 'tsconfig.json', '--noEmit']) !== 0) broken++;

for (const suite of suites) {
  if (broken) break;
  const countsFile = join(countsDir, suite.counts);
  const args = suite.args().map((a) => a.replace('COUNTS', suite.counts));
  const status = step(suite.name, suite.cmd, args, { env: { MUNI_COUNTS_FILE: countsFile }, minutes: suite.minutes });
  const counts = existsSync(countsFile) ? JSON.parse(readFileSync(countsFile, 'utf8')) : { passed: 0, failed: 0, skipped: 0 };
  // A runner that crashed, or failed without naming a failing test, still fails the run.
  if (status !== 0 && counts.failed === 0) counts.failed = 1;
  console.log(`--- ${suite.name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  for (const k of Object.keys(total)) total[k] += counts[k];
}
total.failed += broken;
console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 ? 1 : 0);
