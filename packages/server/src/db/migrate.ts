/**
 * Applies the SQL files in migrations/ in order, once each, and remembers them in
 * `schema_migrations`. Every instance runs this on start, so it must be safe when several
 * start at the same moment against one PostgreSQL: an advisory lock held for the migration
 * transaction makes the others wait and then find nothing left to do.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { migrationsDir } from '../paths.js';
import { AdvisoryLock, lockForTransaction, type Database } from './database.js';

export interface Migration {
  /** The numeric prefix, e.g. "003"; it alone decides the order. */
  version: string;
  file: string;
  sql: string;
  checksum: string;
}

const MIGRATION_FILE = /^(\d{3})_[a-z0-9_]+\.sql$/;

export async function readMigrations(dir: string = migrationsDir): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.sql')).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    const match = MIGRATION_FILE.exec(file);
    // A misnamed file would otherwise be skipped silently and its tables would be missing.
    if (!match) throw new Error(`Migration file ${file} does not match NNN_lower_snake_name.sql`);
    const version = match[1]!;
    if (migrations.some((m) => m.version === version)) throw new Error(`Two migration files share version ${version}`);
    // Line endings are normalised so a checkout with CRLF does not look like an edited migration.
    const sql = (await readFile(join(dir, file), 'utf8')).replace(/\r\n/g, '\n');
    migrations.push({ version, file, sql, checksum: createHash('sha256').update(sql).digest('hex') });
  }
  return migrations;
}

/** Applies pending migrations in one transaction; resolves to the files applied now. */
export async function migrate(db: Database, options: { dir?: string } = {}): Promise<string[]> {
  const migrations = await readMigrations(options.dir);
  return db.transaction(async (tx) => {
    // Lock before CREATE TABLE IF NOT EXISTS: two concurrent creators can still collide on it.
    await lockForTransaction(tx, AdvisoryLock.migrate);
    await tx.exec(`
      CREATE TABLE IF NOT EXISTS schema_migrations (
        version    text PRIMARY KEY,
        file       text NOT NULL,
        checksum   text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
    const applied = new Map(
      (await tx.query<{ version: string; checksum: string }>('SELECT version, checksum FROM schema_migrations')).map(
        (row) => [row.version, row.checksum],
      ),
    );
    const appliedNow: string[] = [];
    for (const migration of migrations) {
      const checksum = applied.get(migration.version);
      if (checksum !== undefined) {
        // Editing an applied migration never reaches databases that already ran it: add a new one.
        if (checksum !== migration.checksum) {
          throw new Error(`Migration ${migration.file} was changed after it was applied; add a new migration instead`);
        }
        continue;
      }
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, file, checksum) VALUES ($1, $2, $3)', [
        migration.version,
        migration.file,
        migration.checksum,
      ]);
      appliedNow.push(migration.file);
    }
    return appliedNow;
  });
}
