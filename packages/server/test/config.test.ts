import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, DEV_FOUND_ITEMS_API_KEY, DEV_QUEUE_KIOSK_API_KEY, DEV_QUEUE_STAFF_API_KEY, loadConfig } from '../src/config.js';

describe('loadConfig', () => {
  it('has production defaults', () => {
    const config = loadConfig({}, '/srv/app');
    assert.equal(config.devMode, false);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.port, 8080);
    assert.deepEqual(config.database, { kind: 'pglite', dataDir: '/srv/app/.data/pglite' });
    assert.deepEqual(config.corsOrigins, []);
    assert.equal(config.mail.devOutbox, false);
    assert.equal(config.mail.smtpUrl, undefined);
    assert.equal(config.payments.sandbox, false);
    assert.equal(config.foundItems.apiKey, undefined);
    assert.deepEqual(config.queue, {});
    assert.equal(config.rateLimit.enabled, true);
    assert.equal(config.logLevel, 'info');
  });

  it('reads every variable', () => {
    const config = loadConfig({
      MUNI_DEV_MODE: 'on',
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
      MAIL_POLL_INTERVAL_MS: '250',
      MAIL_MAX_ATTEMPTS: '5',
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
      off: false,
      devOutbox: true,
      outboxRetentionDays: 3,
      pollIntervalMs: 250,
      maxAttempts: 5,
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

  it('turns development conveniences on with MUNI_DEV_MODE only, whatever NODE_ENV says', () => {
    for (const NODE_ENV of ['prod', 'development', 'test', 'production']) {
      const config = loadConfig({ NODE_ENV });
      assert.equal(config.devMode, false, NODE_ENV);
      assert.equal(config.mail.devOutbox, false, NODE_ENV);
      assert.equal(config.payments.sandbox, false, NODE_ENV);
      assert.equal(config.foundItems.apiKey, undefined, NODE_ENV);
      assert.deepEqual(config.queue, {}, NODE_ENV);
    }
    const dev = loadConfig({ MUNI_DEV_MODE: 'on' });
    assert.equal(dev.devMode, true);
    assert.equal(dev.mail.devOutbox, true);
    assert.equal(dev.payments.sandbox, true);
    assert.equal(dev.foundItems.apiKey, DEV_FOUND_ITEMS_API_KEY);
    assert.deepEqual(dev.queue, { staffApiKey: DEV_QUEUE_STAFF_API_KEY, kioskApiKey: DEV_QUEUE_KIOSK_API_KEY });
    // Each can still be turned off in development.
    const quiet = loadConfig({ MUNI_DEV_MODE: 'on', DEV_OUTBOX: 'off', PAYMENT_SANDBOX: 'off' });
    assert.equal(quiet.mail.devOutbox, false);
    assert.equal(quiet.payments.sandbox, false);
    assert.throws(() => loadConfig({ MUNI_DEV_MODE: 'prod' }), /MUNI_DEV_MODE: expected one of/);
  });

  it('refuses development settings and the published keys without MUNI_DEV_MODE', () => {
    assert.throws(
      () =>
        loadConfig({
          DEV_OUTBOX: 'on',
          PAYMENT_SANDBOX: 'on',
          FOUND_ITEMS_API_KEY: DEV_FOUND_ITEMS_API_KEY,
          QUEUE_STAFF_API_KEY: DEV_QUEUE_STAFF_API_KEY,
          QUEUE_KIOSK_API_KEY: ` ${DEV_QUEUE_KIOSK_API_KEY} `,
        }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.deepEqual(
          error.problems.map((p) => p.split(':')[0]),
          ['DEV_OUTBOX', 'PAYMENT_SANDBOX', 'FOUND_ITEMS_API_KEY', 'QUEUE_STAFF_API_KEY', 'QUEUE_KIOSK_API_KEY'],
        );
        for (const problem of error.problems) assert.match(problem, /only with MUNI_DEV_MODE=on/);
        assert.match(error.problems[2]!, /published development key/);
        return true;
      },
    );
    // Turning them off, or keys of one's own, are fine.
    assert.equal(loadConfig({ DEV_OUTBOX: 'off', PAYMENT_SANDBOX: 'off' }).devMode, false);
    assert.equal(loadConfig({ FOUND_ITEMS_API_KEY: 'a-secret-key-of-this-city-0001' }).foundItems.apiKey, 'a-secret-key-of-this-city-0001');
    // In development mode the published keys may also be set explicitly.
    assert.equal(loadConfig({ MUNI_DEV_MODE: 'on', FOUND_ITEMS_API_KEY: DEV_FOUND_ITEMS_API_KEY }).foundItems.apiKey, DEV_FOUND_ITEMS_API_KEY);
  });

  it('allows at least 10 hold extensions (WCAG 2.2.1)', () => {
    assert.equal(loadConfig({}).holdExtensions, 10);
    assert.equal(loadConfig({ APPOINTMENT_HOLD_EXTENSIONS: '20' }).holdExtensions, 20);
    assert.throws(() => loadConfig({ APPOINTMENT_HOLD_EXTENSIONS: '9' }), /APPOINTMENT_HOLD_EXTENSIONS/);
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
