import type { DatabaseConfig } from '../config.js';
import type { Logger } from '../logger.js';
import type { Database } from './database.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';

export async function openDatabase(config: DatabaseConfig, logger: Logger): Promise<Database> {
  return config.kind === 'postgres' ? openPostgres(config.url, config.poolSize, logger) : openPglite(config.dataDir);
}
