import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Database } from '../src/db/database.js';
import { migrate } from '../src/db/migrate.js';
import { importTownData } from '../src/import/import-town.js';
import { ImportError, readTownData } from '../src/import/read-town-data.js';
import { townDataJsonSchema } from '../src/import/town-data.js';
import { json, testApp } from './support/app.js';
import { describeForEachStore } from './support/stores.js';

const KLEINHAUSEN = fileURLToPath(new URL('../../../../data/towns/kleinhausen', import.meta.url));
const SCHEMA = fileURLToPath(new URL('../../schema/town-data.schema.json', import.meta.url));
const MAIN = fileURLToPath(new URL('../src/main.js', import.meta.url));

describe('town data format', () => {
  it('is published as the JSON Schema the code validates with', async () => {
    assert.deepEqual(JSON.parse(await readFile(SCHEMA, 'utf8')), townDataJsonSchema());
  });

  describe('errors', () => {
    let dir: string;
    before(async () => {
      dir = await mkdtemp(join(tmpdir(), 'muni-import-'));
    });
    after(() => rm(dir, { recursive: true, force: true }));

    it('names file and line of every problem, and writes nothing', async () => {
      const offices = (await readFile(join(KLEINHAUSEN, 'offices.json'), 'utf8'))
        .replace('"postalCode": "09999",\n      "city": "Kleinhausen",\n      "room"', '"postalCode": "9999",\n      "city": "Kleinhausen",\n      "room"')
        .replace('"closes": "11:00" }\n      ]', '"closes": "07:00" }\n      ]');
      await writeFile(join(dir, 'a-offices.json'), offices);
      await writeFile(join(dir, 'b-broken.json'), '{\n  "town": {\n    "name": "X",\n  }\n}\n');
      const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;
      assert.throws(
        () => readTownData(dir),
        (error: unknown) => {
          assert.ok(error instanceof ImportError);
          assert.deepEqual(error.problems.slice(0, 2), [
            `${join(dir, 'a-offices.json')}:${lineOf(offices, '"9999"')}: offices.0.postalCode: fünfstellige Postleitzahl`,
            `${join(dir, 'a-offices.json')}:${lineOf(offices, '"07:00"')}: offices.0.openingHours.5.closes: „opens“ muss vor „closes“ liegen`,
          ]);
          assert.match(error.problems[2]!, new RegExp(`^${join(dir, 'b-broken.json')}:4: kein gültiges JSON`));
          return true;
        },
      );
    });

    it('are printed by the CLI, which exits 1', async () => {
      const child = spawn(process.execPath, [MAIN, 'import', dir], { env: { ...process.env, PGLITE_DATA_DIR: 'memory://' }, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      const [code] = await once(child, 'exit');
      assert.equal(code, 1);
      assert.match(stderr, /^Import refused, nothing was written:\n.*a-offices\.json:\d+: offices\.0\.postalCode/);
    });
  });
});

describeForEachStore('import of a town', (store) => {
  let db: Database;
  before(async () => {
    db = await store.open();
    await migrate(db);
  });

  it('loads the second fictional town into an empty database, and again without doubling anything', async () => {
    const data = readTownData(KLEINHAUSEN);
    assert.deepEqual(await importTownData(db, data), { town: true, offices: 2, openingHours: 8, exceptions: 2 });
    const counts = async () =>
      (await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM office_opening_hours UNION ALL SELECT count(*)::int FROM office_exceptions
         UNION ALL SELECT count(*)::int FROM office_exception_hours UNION ALL SELECT count(*)::int FROM offices`,
      )).map((row) => row.n);
    const first = await counts();
    await importTownData(db, data);
    assert.deepEqual(await counts(), first);

    const app = testApp(db);
    const town = await json(await app.request('/api/v1/town'));
    assert.equal(town['name'], 'Kleinhausen');
    assert.equal(town['stateCode'], 'DE-SN');
    const { items } = await json<{ items: Array<{ id: string }> }>(await app.request('/api/v1/offices'));
    assert.deepEqual(items.map((office) => office.id), ['buergeramt', 'standesamt']);
    const holidays = await json<{ items: Array<{ id: string }> }>(await app.request('/api/v1/holidays?from=2026-11-01&to=2026-11-30'));
    assert.deepEqual(holidays.items.map((h) => h.id), ['buss-und-bettag'], 'Saxony: Buß- und Bettag, no Allerheiligen');
  });

  it('updates what changed in the files', async () => {
    const data = readTownData(KLEINHAUSEN);
    const office = data.offices[1]!;
    await importTownData(db, { offices: [{ ...office, name: 'Standesamt Kleinhausen', openingHours: [{ weekday: 3, opens: '10:00', closes: '12:00' }] }] });
    const [row] = await db.query<{ name: string; hours: number }>(
      `SELECT name, (SELECT count(*)::int FROM office_opening_hours WHERE office_id = 'standesamt') AS hours FROM offices WHERE id = 'standesamt'`,
    );
    assert.deepEqual(row, { name: 'Standesamt Kleinhausen', hours: 1 });
  });
});
