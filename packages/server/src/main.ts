#!/usr/bin/env node
/**
 * CLI entry: `node dist/src/main.js [--static PREFIX=DIR]... | --check-config`. Configuration
 * comes from the environment (see config.ts); outside development mode every production setting
 * must be decided (config-check.ts) or the start is refused. SIGINT/SIGTERM shut down gracefully.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from './config.js';
import { describeConfig, productionProblems, productionProblemsMessage } from './config-check.js';
import type { StaticMount } from './http/static-files.js';
import { createJsonLogger, describeError } from './logger.js';
import { DOCS_PATH } from './openapi/document.js';
import { OUTBOX_PAGE_PATH } from './routes/dev-outbox.js';
import { startServer } from './server.js';
import { migrate } from './db/migrate.js';
import { openDatabase } from './db/open.js';
import { importTownData } from './import/import-town.js';
import { ImportError, readTownData } from './import/read-town-data.js';
import { townDataJsonSchema } from './import/town-data.js';

const USAGE = `Usage: muni-widgets-server [--static PREFIX=DIR]... [--cdn PREFIX=DIR]
       muni-widgets-server --check-config
       muni-widgets-server import FILE|DIR
       muni-widgets-server import --schema

  --static PREFIX=DIR   serve the files in DIR under the URL prefix, e.g. --static /=dist/demo
  --cdn PREFIX=DIR      serve the built bundles like a CDN (Brotli/gzip, caching, /PREFIX/<version>/), e.g. --cdn /cdn/=dist/cdn
  --check-config        print the effective configuration (secrets left out) and what production
                        still lacks; exit 1 when something does
  import FILE|DIR       load the town profile and offices from JSON (every *.json of DIR), validated
                        against schema/town-data.schema.json; importing again updates, never doubles
  import --schema       print that JSON Schema

Configuration is read from environment variables (PORT, HOST, DATABASE_URL, PGLITE_DATA_DIR, ...).`;

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      static: { type: 'string', multiple: true, default: [] },
      cdn: { type: 'string', multiple: true, default: [] },
      'check-config': { type: 'boolean' },
      schema: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (positionals[0] === 'import') {
    await runImport(positionals[1], values.schema === true);
    return;
  }
  if (positionals.length > 0) throw new UsageError(`Unknown command "${positionals[0]}"\n\n${USAGE}`);
  const mount = (option: 'static' | 'cdn') => (spec: string): StaticMount => {
    const [urlPrefix, dir] = spec.split(/=(.*)/s);
    if (!urlPrefix || !dir) throw new UsageError(`--${option} expects PREFIX=DIR, got "${spec}"`);
    return { urlPrefix, dir, cdn: option === 'cdn' };
  };
  const staticMounts = [...values.static.map(mount('static')), ...values.cdn.map(mount('cdn'))];

  const config = loadConfigOrExit();
  const problems = productionProblems(config);
  if (values['check-config']) {
    console.log(JSON.stringify({ mode: config.devMode ? 'development' : 'production', problems, config: describeConfig(config) }, null, 2));
    process.exitCode = problems.length > 0 ? 1 : 0;
    return;
  }
  if (problems.length > 0) throw new UsageError(productionProblemsMessage(problems));
  const logger = createJsonLogger({ level: config.logLevel });
  const server = await startServer({ config, logger, staticMounts });

  console.log(`muni-widgets server listening on ${server.url}`);
  console.log(`  API docs: ${server.url}${DOCS_PATH}`);
  if (config.mail.devOutbox) console.log(`  Outbox:   ${server.url}${OUTBOX_PAGE_PATH}`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    // A second Ctrl+C means "now": do not wait for slow requests again.
    if (stopping) process.exit(1);
    stopping = true;
    logger.info('shutting down', { signal });
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error('shutdown failed', describeError(error));
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** `import FILE|DIR`: the town's own data into the configured database (migrated first). */
async function runImport(path: string | undefined, schema: boolean): Promise<void> {
  if (schema) {
    console.log(JSON.stringify(townDataJsonSchema(), null, 2));
    return;
  }
  if (!path) throw new UsageError(`import expects a file or directory\n\n${USAGE}`);
  let data;
  try {
    data = readTownData(path);
  } catch (error) {
    if (error instanceof ImportError) throw new UsageError(`Import refused, nothing was written:\n${error.message}`);
    throw error;
  }
  const config = loadConfigOrExit();
  const logger = createJsonLogger({ level: config.logLevel });
  const db = await openDatabase(config.database, logger);
  try {
    await migrate(db);
    const summary = await importTownData(db, data);
    console.log(
      `Imported ${path}: ${summary.town ? 'town profile, ' : ''}${summary.offices} offices, ${summary.openingHours} opening hours, ${summary.exceptions} exceptions`,
    );
  } finally {
    await db.close();
  }
}

function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
}

class UsageError extends Error {}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(error.message);
  } else {
    console.error('muni-widgets server failed to start:', error);
  }
  process.exit(1);
});
