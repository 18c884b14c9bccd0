import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { DEV_FOUND_ITEMS_API_KEY, PGLITE_IN_MEMORY } from '../src/config.js';
import { SEEDED_TABLES } from '../src/seed/seed.js';
import { startServer } from '../src/server.js';
import { testConfig } from './support/app.js';
import { captureLogs } from './support/logs.js';
import { describeForEachStore } from './support/stores.js';

describeForEachStore('startServer', (store) => {
  it('migrates, seeds in development mode (saying so), listens on a free port and shuts down gracefully', async () => {
    const logs = captureLogs();
    const config = { ...testConfig(), port: 0, database: await store.prepare() };
    const server = await startServer({ config, logger: logs.logger });
    assert.ok(logs.entries().some((entry) => entry['level'] === 'warn' && String(entry['msg']).startsWith('DEVELOPMENT MODE')));
    // Registered before the first request: the router is built then.
    server.app.get('/api/v1/test-slow', async (c) => {
      await sleep(300);
      return c.text('done');
    });
    try {
      assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.notEqual(server.port, 0);
      assert.deepEqual(await (await fetch(`${server.url}/api/health`)).json(), { status: 'ok', db: store.kind });
      assert.equal((await fetch(`${server.url}/api/openapi.json`)).status, 200);
      assert.equal((await fetch(`${server.url}/api/docs`)).status, 200);
      assert.equal(((await (await fetch(`${server.url}/api/v1/offices`)).json()) as { items: unknown[] }).items.length, 6);

      const inFlight = fetch(`${server.url}/api/v1/test-slow`);
      await sleep(50);
      const closed = server.close();
      const response = await inFlight;
      assert.equal(response.status, 200, 'the running request finishes');
      assert.equal(await response.text(), 'done');
      await closed;
      await assert.rejects(fetch(`${server.url}/api/health`), 'no new connections after close');
    } finally {
      await server.close();
    }
  });
});

describeForEachStore('startServer without MUNI_DEV_MODE', (store) => {
  it('seeds no demo town, serves no outbox or sandbox and takes no published key', async () => {
    const logs = captureLogs();
    const config = { ...testConfig({ MUNI_DEV_MODE: 'off' }), port: 0, database: await store.prepare() };
    const server = await startServer({ config, logger: logs.logger });
    try {
      assert.deepEqual(((await (await fetch(`${server.url}/api/v1/offices`)).json()) as { items: unknown[] }).items, []);
      for (const table of SEEDED_TABLES) {
        assert.deepEqual(await server.db.query(`SELECT 1 FROM ${table} LIMIT 1`), [], `${table} is empty`);
      }
      for (const path of ['/dev/outbox', '/api/dev/outbox', '/sandbox/pay/x', '/sandbox/xbezahldienste/paymenttransaction/musterstadt/muni-widgets']) {
        assert.equal((await fetch(`${server.url}${path}`)).status, 404, path);
      }
      const office = await fetch(`${server.url}/api/v1/office/found-items/F-2026-00001`, { headers: { Authorization: `Bearer ${DEV_FOUND_ITEMS_API_KEY}` } });
      assert.equal(office.status, 503);
      assert.ok(!logs.lines.some((line) => line.includes('DEVELOPMENT MODE')));
    } finally {
      await server.close();
    }
  });
});

describe('main.js', () => {
  it('starts on port 0, prints its URLs, and exits cleanly on SIGTERM', async () => {
    const main = fileURLToPath(new URL('../src/main.js', import.meta.url));
    const child = spawn(process.execPath, [main], {
      env: { ...process.env, MUNI_DEV_MODE: 'on', PORT: '0', HOST: '127.0.0.1', PGLITE_DATA_DIR: PGLITE_IN_MEMORY, DATABASE_URL: '', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let stdout = '';
      child.stdout.setEncoding('utf8');
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: string) => {
          stdout += chunk;
          const match = /muni-widgets server listening on (http:\/\/\S+)/.exec(stdout);
          if (match && stdout.includes('Outbox:')) resolve(match[1]!);
        });
        child.once('exit', (code) => reject(new Error(`exited with ${code} before listening: ${stdout}`)));
      });
      assert.match(stdout, /"level":"warn","msg":"DEVELOPMENT MODE \(MUNI_DEV_MODE=on\)/);
      assert.match(stdout, new RegExp(`API docs: ${url}/api/docs`));
      assert.match(stdout, new RegExp(`Outbox: +${url}/dev/outbox`));
      assert.equal((await fetch(`${url}/api/health`)).status, 200);
      child.kill('SIGTERM');
      const [code] = await once(child, 'exit');
      assert.equal(code, 0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('refuses to start with an invalid configuration', async () => {
    const main = fileURLToPath(new URL('../src/main.js', import.meta.url));
    const child = spawn(process.execPath, [main], { env: { ...process.env, PORT: 'eighty' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    const [code] = await once(child, 'exit');
    assert.equal(code, 1);
    assert.match(stderr, /PORT: expected a whole number/);
  });

  it('refuses the published development keys and development settings without MUNI_DEV_MODE', async () => {
    const main = fileURLToPath(new URL('../src/main.js', import.meta.url));
    const env = { ...process.env, MUNI_DEV_MODE: '', NODE_ENV: 'prod', PORT: '0', PGLITE_DATA_DIR: PGLITE_IN_MEMORY, FOUND_ITEMS_API_KEY: DEV_FOUND_ITEMS_API_KEY, DEV_OUTBOX: 'on' };
    const child = spawn(process.execPath, [main], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    const [code] = await once(child, 'exit');
    assert.equal(code, 1);
    assert.match(stderr, /DEV_OUTBOX: .*only with MUNI_DEV_MODE=on/);
    assert.match(stderr, /FOUND_ITEMS_API_KEY: this is the published development key/);
  });
});
