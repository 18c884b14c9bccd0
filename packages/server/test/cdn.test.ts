import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { IMMUTABLE } from '../src/http/cdn-files.js';
import { listen, noDatabase, testApp } from './support/app.js';

const BUILD_CDN = fileURLToPath(new URL('../../../../scripts/build-cdn.mjs', import.meta.url));
const ENTRY = `export const widgets = "${'muni '.repeat(400)}";`;
const CHUNK = `export const chunk = "${'chunk '.repeat(400)}";`;

/** A real request with the headers given (fetch would add and undo Accept-Encoding itself). */
function get(url: string, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(url);
    const req = request({ hostname, port, path, method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('CDN mount', () => {
  let base: string;
  let server: { url: string; close(): Promise<void> };
  let buildOutput: string;

  before(async () => {
    base = await mkdtemp(join(tmpdir(), 'muni-cdn-'));
    await mkdir(join(base, 'dist/cdn/chunks'), { recursive: true });
    await writeFile(join(base, 'package.json'), '{ "version": "9.8.7" }');
    await writeFile(join(base, 'dist/cdn/muni-widgets.js'), ENTRY);
    await writeFile(join(base, 'dist/cdn/chunks/en-AbCd1234.js'), CHUNK);
    buildOutput = execFileSync(process.execPath, [BUILD_CDN], { cwd: base, encoding: 'utf8' });
    server = await listen(testApp(noDatabase, { staticMounts: [{ urlPrefix: '/cdn/', dir: join(base, 'dist/cdn'), cdn: true }] }));
  });
  after(async () => {
    await server.close();
    await rm(base, { recursive: true, force: true });
  });

  it('prints and records the SRI hash of every entry file', async () => {
    const integrity = `sha384-${createHash('sha384').update(ENTRY).digest('base64')}`;
    assert.match(buildOutput, new RegExp(`muni-widgets\\.js +integrity="${integrity.replace(/[+/]/g, '\\$&')}"`));
    const manifest = JSON.parse(await readFile(join(base, 'dist/cdn/manifest.json'), 'utf8'));
    assert.deepEqual(manifest, { version: '9.8.7', integrity: { 'muni-widgets.js': integrity } });
  });

  it('sends the precompressed Brotli, else gzip, else the file itself', async () => {
    const br = await get(server.url, '/cdn/muni-widgets.js', { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
    assert.equal(br.status, 200);
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(br.headers['vary'], 'Accept-Encoding');
    assert.equal(br.headers['content-type'], 'text/javascript; charset=utf-8');
    assert.ok(br.body.length < ENTRY.length / 10, `${br.body.length} bytes`);
    assert.equal(brotliDecompressSync(br.body).toString(), ENTRY);

    const gzip = await get(server.url, '/cdn/muni-widgets.js', { 'Accept-Encoding': 'gzip, br;q=0' });
    assert.equal(gzip.headers['content-encoding'], 'gzip');
    assert.equal(gunzipSync(gzip.body).toString(), ENTRY);

    const plain = await get(server.url, '/cdn/muni-widgets.js');
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.body.toString(), ENTRY);
    assert.notEqual(plain.headers['etag'], br.headers['etag'], 'each encoding has its own tag');
  });

  it('caches hashed chunks for a year and revalidates entry files by ETag', async () => {
    const chunk = await get(server.url, '/cdn/chunks/en-AbCd1234.js', { 'Accept-Encoding': 'br' });
    assert.equal(chunk.headers['cache-control'], IMMUTABLE);
    assert.equal(brotliDecompressSync(chunk.body).toString(), CHUNK);

    const entry = await get(server.url, '/cdn/muni-widgets.js', { 'Accept-Encoding': 'br' });
    assert.equal(entry.headers['cache-control'], 'public, max-age=300');
    const again = await get(server.url, '/cdn/muni-widgets.js', { 'Accept-Encoding': 'br', 'If-None-Match': entry.headers['etag']! });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
    assert.equal(again.headers['access-control-allow-origin'], '*');

    const head = await get(server.url, '/cdn/muni-widgets.js', {}, 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(head.headers['content-length'], String(ENTRY.length));
  });

  it('serves the same files under /cdn/<version>/, and no other version', async () => {
    const versioned = await get(server.url, '/cdn/9.8.7/chunks/en-AbCd1234.js');
    assert.equal(versioned.status, 200);
    assert.equal(versioned.body.toString(), CHUNK);
    assert.equal((await get(server.url, '/cdn/9.8.7/muni-widgets.js')).body.toString(), ENTRY);
    assert.equal((await get(server.url, '/cdn/1.0.0/muni-widgets.js')).status, 404);
  });

  it('answers every request under /cdn with CORS headers, errors included, and never leaves the directory', async () => {
    for (const path of ['/cdn/muni-widgets.js', '/cdn/chunks/missing-00000000.js', '/cdn/chunks%2f..%2fmuni-widgets.js', '/cdn/muni-widgets.js.br', '/cdn/9.8.7/']) {
      const response = await get(server.url, path);
      assert.equal(response.headers['access-control-allow-origin'], '*', path);
      if (path !== '/cdn/muni-widgets.js') assert.equal(response.status, 404, path);
    }
    // Resolved by the URL parser to /package.json, outside the mount.
    for (const path of ['/cdn/../package.json', '/cdn/%2e%2e/package.json']) {
      const traversal = await get(server.url, path);
      assert.equal(traversal.status, 404, path);
      assert.doesNotMatch(traversal.body.toString(), /9\.8\.7/, path);
    }
    const post = await get(server.url, '/cdn/muni-widgets.js', {}, 'POST');
    assert.equal(post.status, 405);
    assert.equal(post.headers['access-control-allow-origin'], '*');
  });
});
