// Builds Storybook as `npm run build-storybook` does, offline, and checks that
// every story exported from stories/ reached the index, with its docs page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = mkdtempSync(join(tmpdir(), 'muni-storybook-'));
const storyFiles = readdirSync(join(root, 'stories'), { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.stories.ts'))
  .sort();

/** @type {{ entries: Record<string, { type: 'story' | 'docs', id: string, importPath: string, exportName?: string }> }} */
let index;

before(
  async () => {
    assert.ok(existsSync(join(root, 'custom-elements.json')), 'custom-elements.json is missing: run `npm run build` first');
    const args = ['build', '--disable-telemetry', '--quiet', '-o', outDir];
    try {
      await promisify(execFile)(join(root, 'node_modules/.bin/storybook'), args, {
        cwd: root,
        env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' },
        maxBuffer: 64 * 1024 * 1024,
      });
    } catch (error) {
      const { stdout = '', stderr = '' } = /** @type {{ stdout?: string, stderr?: string }} */ (error);
      assert.fail(`storybook build failed:\n${`${stdout}\n${stderr}`.slice(-4000)}`);
    }
    index = JSON.parse(readFileSync(join(outDir, 'index.json'), 'utf8'));
  },
  { timeout: 180_000 },
);

after(() => rmSync(outDir, { recursive: true, force: true }));

test('there are stories to build', () => {
  assert.ok(storyFiles.length > 0);
});

for (const file of storyFiles) {
  const importPath = `./stories/${file.split('\\').join('/')}`;
  const source = readFileSync(join(root, 'stories', file), 'utf8');
  const exported = [...source.matchAll(/^export const (\w+)/gm)].map((m) => m[1]).sort();
  const entries = () => Object.values(index.entries).filter((e) => e.importPath === importPath);

  test(`${importPath}: every exported story is indexed`, () => {
    const indexed = entries()
      .filter((e) => e.type === 'story')
      .map((e) => e.exportName)
      .sort();
    assert.deepEqual(indexed, exported);
  });

  test(`${importPath}: has an autodocs page`, () => {
    assert.ok(entries().some((e) => e.type === 'docs'));
  });
}

// Every story is a state of a widget: each must pass axe in Chromium, with no console error.
test('every story renders and passes axe in Chromium', { timeout: 240_000 }, async () => {
  const { createServer } = await import('node:http');
  const { extname } = await import('node:path');
  const { launchBrowser, axeViolations } = await import('./e2e/harness.mjs');
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };
  const server = createServer((req, res) => {
    const path = join(outDir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (!path.startsWith(outDir) || !existsSync(path)) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': types[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  const browser = await launchBrowser();
  const failures = [];
  try {
    const stories = Object.values(index.entries).filter((e) => e.type === 'story');
    for (const story of stories) {
      const page = await browser.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('response', (r) => r.status() >= 400 && !r.url().endsWith('/favicon.ico') && errors.push(`${r.status()} ${r.url()}`));
      await page.goto(`http://127.0.0.1:${address.port}/iframe.html?id=${story.id}&viewMode=story`);
      await page.waitForSelector('#storybook-root > *', { state: 'attached' });
      await page.waitForTimeout(600); // stories walk their widget to a state
      const violations = await axeViolations(page, '#storybook-root');
      if (violations.length || errors.length) failures.push(`${story.id}: ${[...violations, ...errors].join('; ')}`);
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  assert.deepEqual(failures, []);
});
