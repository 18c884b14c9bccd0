import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { after, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { describeForEachStore } from './support/stores.js';

const MAIN = fileURLToPath(new URL('../src/main.js', import.meta.url));

/** A real server process, as a load balancer would run several; resolves with its URL. */
function serverProcess(databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1', RATE_LIMIT_ENABLED: 'false', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      const match = /listening on (\S+)/.exec(String(chunk));
      if (match) resolve({ url: match[1]!, child });
    });
  });
}

describeForEachStore('no double booking across server processes', (store) => {
  const children: ChildProcess[] = [];
  after(() => {
    for (const child of children) child.kill('SIGTERM');
  });

  it(
    '50 concurrent reservations of one slot through two processes: exactly one wins',
    { skip: store.kind === 'pglite' ? 'PGlite lives inside one process; this needs PostgreSQL' : false, timeout: 60_000 },
    async () => {
      const db = await store.openReady();
      await db.query(`UPDATE appointment_calendars SET counters = 1 WHERE office_id = 'kita-abteilung'`);
      const config = await store.prepare();
      assert.equal(config.kind, 'postgres');
      const servers = await Promise.all([serverProcess(config.url), serverProcess(config.url)]);
      children.push(...servers.map((s) => s.child));

      const today = new Date().toISOString().slice(0, 10);
      const later = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
      const api = (server: number, path: string, init?: RequestInit) => fetch(`${servers[server]!.url}/api/v1/appointments${path}`, init);
      const { days } = (await (await api(0, `/availability?services=kita-anmeldung&from=${today}&to=${later}`)).json()) as { days: Array<{ date: string; free: number }> };
      const day = days.find((d) => d.free > 0);
      assert.ok(day, 'a bookable day exists');
      const { slots } = (await (await api(1, `/slots?services=kita-anmeldung&date=${day.date}`)).json()) as { slots: Array<{ id: string }> };

      const attempts = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          api(i % 2, '/reservations', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ services: [{ serviceId: 'kita-anmeldung', count: 1 }], slotId: slots[0]!.id }),
          }).then((r) => r.status),
        ),
      );
      assert.equal(attempts.filter((s) => s === 201).length, 1, `statuses: ${attempts.join(',')}`);
      assert.equal(attempts.filter((s) => s === 409).length, 49);
    },
  );
});
