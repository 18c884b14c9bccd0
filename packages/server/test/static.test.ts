import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { listen, rawGet, testApp } from './support/app.js';
import { PGLITE_IN_MEMORY } from '../src/config.js';
import { migrate } from '../src/db/migrate.js';
import { openDatabase } from '../src/db/open.js';
import { silentLogger } from './support/logs.js';

// The holidays (the read these tests make) depend on the town profile's state: an empty, migrated store.
const db = await openDatabase({ kind: 'pglite', dataDir: PGLITE_IN_MEMORY }, silentLogger);
await migrate(db);
after(() => db.close());

describe('static mounts', () => {
  let base: string;
  let server: { url: string; close(): Promise<void> };

  before(async () => {
    base = await mkdtemp(join(tmpdir(), 'muni-static-'));
    const demo = join(base, 'demo');
    const cdn = join(base, 'cdn');
    await mkdir(join(demo, 'sub'), { recursive: true });
    await mkdir(join(demo, 'empty'), { recursive: true });
    await mkdir(cdn, { recursive: true });
    const files: Record<string, string> = {
      'secret.txt': 'TOP SECRET',
      'demo/index.html': '<!doctype html><title>Musterstadt</title>',
      'demo/app.js': 'export const demo = 1;',
      'demo/app.js.map': '{"version":3}',
      'demo/style.css': 'body{}',
      'demo/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
      'demo/pixel.png': 'PNG',
      'demo/data.json': '{}',
      'demo/sub/index.html': '<p>sub</p>',
      'cdn/muni-widgets.js': 'export const widgets = 1;',
    };
    for (const [path, content] of Object.entries(files)) await writeFile(join(base, path), content);
    const app = testApp(db, {
      staticMounts: [
        { urlPrefix: '/', dir: demo },
        { urlPrefix: '/cdn/', dir: cdn },
      ],
    });
    server = await listen(app);
  });
  after(async () => {
    await server.close();
    await rm(base, { recursive: true, force: true });
  });

  it('serves files with their content types', async () => {
    const expected: Record<string, string> = {
      '/': 'text/html; charset=utf-8',
      '/app.js': 'text/javascript; charset=utf-8',
      '/app.js.map': 'application/json',
      '/style.css': 'text/css; charset=utf-8',
      '/logo.svg': 'image/svg+xml; charset=utf-8',
      '/pixel.png': 'image/png',
      '/data.json': 'application/json',
      '/cdn/muni-widgets.js': 'text/javascript; charset=utf-8',
    };
    for (const [path, type] of Object.entries(expected)) {
      const response = await fetch(server.url + path);
      assert.equal(response.status, 200, path);
      assert.equal(response.headers.get('Content-Type'), type, path);
      assert.equal(response.headers.get('Cache-Control'), 'no-cache', path);
      assert.equal(response.headers.get('X-Content-Type-Options'), 'nosniff', path);
      await response.arrayBuffer();
    }
    assert.equal(await (await fetch(`${server.url}/cdn/muni-widgets.js`)).text(), 'export const widgets = 1;');
    assert.equal((await fetch(`${server.url}/cdn/muni-widgets.js`)).headers.get('Access-Control-Allow-Origin'), '*');
  });

  it('serves index.html for directories and never lists them', async () => {
    assert.equal(await (await fetch(`${server.url}/sub/`)).text(), '<p>sub</p>');
    const empty = await fetch(`${server.url}/empty/`);
    assert.equal(empty.status, 404);
    assert.equal(empty.headers.get('Content-Type'), 'application/problem+json');
    assert.equal((await fetch(`${server.url}/missing.js`)).status, 404);
  });

  it('cannot be escaped with dot segments, encodings or backslashes', async () => {
    const attempts = [
      '/../secret.txt',
      '/cdn/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/cdn/%2e%2e/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/cdn/..%2f..%2fsecret.txt',
      '/cdn/..%5c..%5csecret.txt',
      '/cdn/..\\..\\secret.txt',
      '/%252e%252e/secret.txt',
      '//secret.txt',
      '/sub/../../secret.txt',
    ];
    for (const path of attempts) {
      const response = await rawGet(server.url, path);
      assert.notEqual(response.status, 200, path);
      assert.ok(!response.body.includes('TOP SECRET'), path);
    }
  });

  it('serves only GET and HEAD, and leaves the API in charge of /api', async () => {
    assert.equal((await fetch(`${server.url}/app.js`, { method: 'POST' })).status, 404);
    const head = await fetch(`${server.url}/app.js`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal((await fetch(`${server.url}/api/v1/holidays?from=2026-01-01&to=2026-01-02`)).status, 200);
  });

  it('refuses a mount whose directory does not exist', () => {
    assert.throws(() => testApp(db, { staticMounts: [{ urlPrefix: '/x/', dir: join(base, 'nope') }] }), /not a directory/);
  });
});
