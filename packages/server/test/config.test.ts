import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../src/config.js';

describe('loadConfig', () => {
  it('has development defaults', () => {
    const config = loadConfig({}, '/srv/app');
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.port, 8080);
    assert.deepEqual(config.database, { kind: 'pglite', dataDir: '/srv/app/.data/pglite' });
    assert.deepEqual(config.corsOrigins, []);
    assert.equal(config.mail.devOutbox, true);
    assert.equal(config.mail.smtpUrl, undefined);
    assert.equal(config.rateLimit.enabled, true);
    assert.equal(config.logLevel, 'info');
  });

  it('reads every variable', () => {
    const config = loadConfig({
      HOST: '0.0.0.0',
      PORT: '0',
      DATABASE_URL: 'postgres://muni@db.internal/muni',
      DATABASE_POOL_SIZE: '25',
      CORS_ORIGINS: 'https://www.musterstadt.example, http://localhost:8000',
      RATE_LIMIT_ENABLED: 'off',
      RATE_LIMIT_READ_BURST: '5',
      RATE_LIMIT_READ_PER_MINUTE: '50',
      RATE_LIMIT_WRITE_BURST: '2',
      RATE_LIMIT_WRITE_PER_MINUTE: '6',
      RATE_LIMIT_SEARCH_BURST: '3',
      RATE_LIMIT_SEARCH_PER_MINUTE: '30',
      RATE_LIMIT_PAGE_BURST: '7',
      RATE_LIMIT_PAGE_PER_MINUTE: '70',
      RATE_LIMIT_HEALTH_BURST: '4',
      RATE_LIMIT_HEALTH_PER_MINUTE: '40',
      RATE_LIMIT_STREAMS_PER_ADDRESS: '9',
      TRUST_PROXY_HOPS: '1',
      MAX_BODY_BYTES: '2048',
      SMTP_URL: 'smtps://user:secret@mail.musterstadt.example',
      MAIL_FROM: 'Bürgerbüro <buergerbuero@musterstadt.example>',
      DEV_OUTBOX: 'yes',
      OUTBOX_RETENTION_DAYS: '3',
      IDEMPOTENCY_TTL_HOURS: '48',
      PUBLIC_BASE_URL: 'https://service.musterstadt.example/',
      LOG_LEVEL: 'warn',
      SHUTDOWN_TIMEOUT_MS: '500',
    });
    assert.equal(config.host, '0.0.0.0');
    assert.equal(config.port, 0);
    assert.deepEqual(config.database, { kind: 'postgres', url: 'postgres://muni@db.internal/muni', poolSize: 25 });
    assert.deepEqual(config.corsOrigins, ['https://www.musterstadt.example', 'http://localhost:8000']);
    assert.deepEqual(config.rateLimit, {
      enabled: false,
      trustProxyHops: 1,
      read: { burst: 5, perMinute: 50 },
      search: { burst: 3, perMinute: 30 },
      write: { burst: 2, perMinute: 6 },
      page: { burst: 7, perMinute: 70 },
      health: { burst: 4, perMinute: 40 },
      streamsPerClient: 9,
    });
    assert.equal(config.maxBodyBytes, 2048);
    assert.deepEqual(config.mail, {
      from: 'Bürgerbüro <buergerbuero@musterstadt.example>',
      smtpUrl: 'smtps://user:secret@mail.musterstadt.example',
      devOutbox: true,
      outboxRetentionDays: 3,
    });
    assert.equal(config.idempotencyTtlHours, 48);
    assert.equal(config.publicBaseUrl, 'https://service.musterstadt.example');
    assert.equal(config.logLevel, 'warn');
    assert.equal(config.shutdownTimeoutMs, 500);
  });

  it('keeps memory:// for PGlite and treats empty variables as unset', () => {
    assert.deepEqual(loadConfig({ PGLITE_DATA_DIR: 'memory://', PORT: '' }).database, { kind: 'pglite', dataDir: 'memory://' });
    assert.equal(loadConfig({ PORT: '' }).port, 8080);
  });

  it('turns the outbox off in production unless asked for', () => {
    assert.equal(loadConfig({ NODE_ENV: 'production' }).mail.devOutbox, false);
    assert.equal(loadConfig({ NODE_ENV: 'production', DEV_OUTBOX: 'on' }).mail.devOutbox, true);
  });

  it('reports every invalid variable at once', () => {
    assert.throws(
      () =>
        loadConfig({
          PORT: '70000',
          CORS_ORIGINS: 'https://www.musterstadt.example/',
          DATABASE_URL: 'mysql://x',
          DEV_OUTBOX: 'maybe',
          LOG_LEVEL: 'loud',
        }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        const vars = error.problems.map((p) => p.split(/[.:]/)[0]);
        assert.deepEqual(vars.sort(), ['CORS_ORIGINS', 'DATABASE_URL', 'DEV_OUTBOX', 'LOG_LEVEL', 'PORT']);
        return true;
      },
    );
  });
});
