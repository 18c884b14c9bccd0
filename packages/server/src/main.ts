#!/usr/bin/env node
/**
 * CLI entry: `node dist/src/main.js [--static PREFIX=DIR]...`. Configuration comes from the
 * environment (see config.ts); SIGINT/SIGTERM shut down gracefully.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from './config.js';
import type { StaticMount } from './http/static-files.js';
import { createJsonLogger, describeError } from './logger.js';
import { DOCS_PATH } from './openapi/document.js';
import { OUTBOX_PAGE_PATH } from './routes/dev-outbox.js';
import { startServer } from './server.js';

const USAGE = `Usage: muni-widgets-server [--static PREFIX=DIR]...

  --static PREFIX=DIR   serve the files in DIR under the URL prefix, e.g. --static /=demo --static /cdn/=dist/cdn

Configuration is read from environment variables (PORT, HOST, DATABASE_URL, PGLITE_DATA_DIR, ...).`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { static: { type: 'string', multiple: true, default: [] }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const staticMounts: StaticMount[] = values.static.map((spec) => {
    const [urlPrefix, dir] = spec.split(/=(.*)/s);
    if (!urlPrefix || !dir) throw new UsageError(`--static expects PREFIX=DIR, got "${spec}"`);
    return { urlPrefix, dir };
  });

  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
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

class UsageError extends Error {}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(error.message);
  } else {
    console.error('muni-widgets server failed to start:', error);
  }
  process.exit(1);
});
