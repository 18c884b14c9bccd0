import assert from 'node:assert/strict';
import { appendFile, cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, it } from 'node:test';
import { PGLITE_IN_MEMORY } from '../src/config.js';
import { migrate, readMigrations } from '../src/db/migrate.js';
import { openDatabase } from '../src/db/open.js';
import { migrationsDir } from '../src/paths.js';
import { seed } from '../src/seed/seed.js';
import { silentLogger } from './support/logs.js';
import { describeForEachStore } from './support/stores.js';

const allFiles = (await readdir(migrationsDir)).filter((f) => f.endsWith('.sql')).sort();

describeForEachStore('migrations and seed', (store) => {
  it('on a first start of two instances at once, apply and seed everything exactly once', async () => {
    // Two connections, as two processes would have (on PGlite: the one connection, queued).
    const [a, b] = await Promise.all([store.open(), store.open()]);
    const [fromA, fromB] = await Promise.all([migrate(a!), migrate(b!)]);
    assert.deepEqual([...fromA, ...fromB].sort(), allFiles);
    const [seededA, seededB] = await Promise.all([seed(a!), seed(b!)]);
    assert.deepEqual([...seededA, ...seededB].sort(), ['appointment_calendars', 'appointment_services', 'found_item_categories', 'found_item_fees', 'found_items', 'offices', 'queue_offices', 'queue_tickets', 'service_categories', 'services', 'town']);
    const [counts] = await a!.query<{ towns: number; offices: number }>(
      'SELECT (SELECT count(*) FROM town)::int AS towns, (SELECT count(*) FROM offices)::int AS offices',
    );
    assert.deepEqual(counts, { towns: 1, offices: 6 });
  });

  it('do nothing on later starts', async () => {
    const db = await store.open();
    assert.deepEqual(await migrate(db), []);
    assert.deepEqual(await seed(db), []);
    const rows = await db.query<{ file: string }>('SELECT file FROM schema_migrations ORDER BY version');
    assert.deepEqual(
      rows.map((r) => r.file),
      allFiles,
    );
  });

  it('refuse a migration edited after it was applied', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'muni-migrations-'));
    after(() => rm(dir, { recursive: true, force: true }));
    await cp(migrationsDir, dir, { recursive: true });
    await appendFile(join(dir, allFiles[0]!), '\n-- edited\n');
    await assert.rejects(migrate(await store.open(), { dir }), /was changed after it was applied/);
  });
});

it('readMigrations rejects misnamed files and duplicate versions', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'muni-migrations-'));
  after(() => rm(dir, { recursive: true, force: true }));
  await writeFile(join(dir, '001_ok.sql'), 'SELECT 1;');
  await writeFile(join(dir, 'README.md'), 'not a migration');
  assert.equal((await readMigrations(dir)).length, 1);
  await writeFile(join(dir, '1_bad.sql'), 'SELECT 1;');
  await assert.rejects(readMigrations(dir), /does not match/);
  await rm(join(dir, '1_bad.sql'));
  await writeFile(join(dir, '001_twin.sql'), 'SELECT 1;');
  await assert.rejects(readMigrations(dir), /share version 001/);
});

it('a PGlite data directory is created on first start and kept', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'muni-pglite-'));
  after(() => rm(dir, { recursive: true, force: true }));
  const dataDir = join(dir, 'nested', 'pglite');
  const first = await openDatabase({ kind: 'pglite', dataDir }, silentLogger);
  await migrate(first);
  await seed(first);
  await first.close();
  const second = await openDatabase({ kind: 'pglite', dataDir }, silentLogger);
  try {
    assert.deepEqual(await migrate(second), []);
    assert.deepEqual(await seed(second), []);
  } finally {
    await second.close();
  }
});

describeForEachStore('migration 014 (one number per counter)', (store) => {
  it('turns numbers displaced by the old double-click race into no-shows, then enforces one per counter', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'muni-migrations-'));
    after(() => rm(dir, { recursive: true, force: true }));
    for (const file of allFiles.filter((f) => f < '014')) await cp(join(migrationsDir, file), join(dir, file));
    const db = await store.open();
    await migrate(db, { dir });
    await seed(db);
    // Three numbers left called at Platz 6 by the race, one at Platz 5 on another day.
    await db.query(
      `INSERT INTO queue_tickets (office_id, group_code, service_day, seq, code_hash, status, issued_at, sort_at, counter, called_at)
       VALUES ('buergerbuero', 'S', '2020-01-02', 1, 'x', 'called', '2020-01-02T08:00Z', '2020-01-02T08:00Z', 6, '2020-01-02T08:10:00Z'),
              ('buergerbuero', 'S', '2020-01-02', 2, 'x', 'called', '2020-01-02T08:00Z', '2020-01-02T08:00Z', 6, '2020-01-02T08:10:01Z'),
              ('buergerbuero', 'S', '2020-01-02', 3, 'x', 'serving', '2020-01-02T08:00Z', '2020-01-02T08:00Z', 6, '2020-01-02T08:10:02Z'),
              ('buergerbuero', 'S', '2020-01-03', 1, 'x', 'called', '2020-01-03T08:00Z', '2020-01-03T08:00Z', 5, '2020-01-03T08:10:00Z')`,
    );
    // Later migrations run too; this one is what the test is about.
    assert.ok((await migrate(db)).includes('014_queue_one_number_per_counter.sql'));
    const rows = await db.query<{ seq: number; service_day: string; status: string; finished_at: Date | null }>(
      `SELECT seq, service_day::text AS service_day, status, finished_at FROM queue_tickets WHERE service_day IN ('2020-01-02', '2020-01-03') ORDER BY service_day, seq`,
    );
    assert.deepEqual(
      rows.map((r) => [r.service_day, r.seq, r.status, r.finished_at?.toISOString() ?? null]),
      [
        ['2020-01-02', 1, 'no_show', '2020-01-02T08:10:02.000Z'],
        ['2020-01-02', 2, 'no_show', '2020-01-02T08:10:02.000Z'],
        ['2020-01-02', 3, 'serving', null],
        ['2020-01-03', 1, 'called', null],
      ],
    );
    await assert.rejects(
      db.query(`UPDATE queue_tickets SET status = 'called' WHERE service_day = '2020-01-02' AND seq = 2`),
      (error: { code?: string }) => error.code === '23505',
    );
  });
});

it('one payment per Kassenzeichen: older duplicates stay, the newest paid one (else the newest) holds the Kassenzeichen', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'muni-migrations-'));
  after(() => rm(dir, { recursive: true, force: true }));
  const db = await openDatabase({ kind: 'pglite', dataDir: PGLITE_IN_MEMORY }, silentLogger);
  after(() => db.close());
  for (const file of allFiles.filter((f) => f < '015')) await cp(join(migrationsDir, file), join(dir, file));
  await migrate(db, { dir });
  const rows: Array<[string, string, string]> = [
    ['paid', 'R1', '2026-01-01'],
    ['paid', 'R1', '2026-01-02'],
    ['redirect', 'R1', '2026-01-03'],
    ['failed', 'R1', '2026-01-04'],
    ['redirect', 'R2', '2026-01-01'],
    ['creating', 'R2', '2026-01-02'],
  ];
  for (const [i, [status, reference, day]] of rows.entries()) {
    await db.query(
      `INSERT INTO payments (id, idempotency_key, request_hash, request_id, status, amount_cents, currency, purpose, reference, return_url, created_at, updated_at)
       VALUES (gen_random_uuid(), $1, 'h', $1, $2, 100, 'EUR', 'Gebühr', $3, 'https://example.org/', $4, $4)`,
      [`k${i}`, status, reference, day],
    );
  }
  await migrate(db);
  const after015 = await db.query<{ status: string; reference: string; exclusive_reference: boolean }>(
    'SELECT status, reference, exclusive_reference FROM payments ORDER BY reference, created_at',
  );
  assert.deepEqual(
    after015.map((r) => [r.reference, r.status, r.exclusive_reference]),
    [
      ['R1', 'paid', false],
      ['R1', 'paid', true],
      ['R1', 'redirect', false],
      ['R1', 'failed', true],
      ['R2', 'redirect', false],
      ['R2', 'creating', true],
    ],
  );
});
