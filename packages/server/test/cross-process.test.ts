import assert from 'node:assert/strict';
import { it } from 'node:test';
import { serverProcesses } from './support/server-process.js';
import { describeForEachStore } from './support/stores.js';

describeForEachStore('no double booking across server processes', (store) => {
  const processes = serverProcesses();

  it(
    '50 concurrent reservations of one slot through two processes: exactly one wins',
    { skip: store.kind === 'pglite' ? 'PGlite lives inside one process; this needs PostgreSQL' : false, timeout: 60_000 },
    async () => {
      const db = await store.openReady();
      await db.query(`UPDATE appointment_calendars SET counters = 1 WHERE office_id = 'kita-abteilung'`);
      const config = await store.prepare();
      assert.equal(config.kind, 'postgres');
      const servers = await Promise.all([processes.start(config.url), processes.start(config.url)]);

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

  it(
    '50 concurrent payments for one Kassenzeichen through two processes, each with its own key: exactly one payment',
    { skip: store.kind === 'pglite' ? 'PGlite lives inside one process; this needs PostgreSQL' : false, timeout: 60_000 },
    async () => {
      const db = await store.openReady();
      const config = await store.prepare();
      assert.equal(config.kind, 'postgres');
      const servers = await Promise.all([processes.start(config.url), processes.start(config.url)]);
      const reference = `X-${process.pid}-${Date.now()}`;
      const attempts = await Promise.all(
        Array.from({ length: 50 }, (_, i) => {
          const server = servers[i % 2]!;
          return fetch(`${server.url}/api/v1/payments`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `cross-${process.pid}-${i}-${Date.now()}` },
            body: JSON.stringify({ amountCents: 2500, currency: 'EUR', purpose: 'Hundesteuer 2026', reference, returnUrl: `${server.url}/gebuehren` }),
          }).then((r) => r.status);
        }),
      );
      assert.equal(attempts.filter((s) => s === 201).length, 1, `statuses: ${attempts.join(',')}`);
      assert.equal(attempts.filter((s) => s === 200).length, 49, `statuses: ${attempts.join(',')}`);
      const rows = await db.query<{ request_id: string }>('SELECT request_id FROM payments WHERE reference = $1', [reference]);
      assert.equal(rows.length, 1);
      const [{ n }] = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM sandbox_transactions WHERE request_id = $1', [rows[0]!.request_id])) as [
        { n: number },
      ];
      assert.equal(n, 1);
    },
  );
});
