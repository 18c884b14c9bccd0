import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { describeConfig, productionProblems } from '../src/config-check.js';
import { loadConfig, PGLITE_IN_MEMORY } from '../src/config.js';

const MAIN = fileURLToPath(new URL('../src/main.js', import.meta.url));

/** A complete production configuration, as an operator would set it. */
const PRODUCTION = {
  DATABASE_URL: 'postgres://muni:geheim-db@db.internal/muni',
  SMTP_URL: 'smtps://termine:geheim-mail@mail.musterstadt.example',
  PAYMENT_PLATFORM_URL: 'https://epay.example/xbezahldienste',
  PAYMENT_PLATFORM_USER: 'musterstadt',
  PAYMENT_PLATFORM_PASSWORD: 'geheim-epay',
  PUBLIC_BASE_URL: 'https://termine.musterstadt.example',
  CORS_ORIGINS: 'https://www.musterstadt.example',
  FOUND_ITEMS_API_KEY: 'geheim-fundbuero-0123456789',
  QUEUE_STAFF_API_KEY: 'geheim-aufruf-personal-0123456789',
  QUEUE_KIOSK_API_KEY: 'geheim-aufruf-kiosk-0123456789',
  BOT_PROTECTION_SECRET: 'geheim-altcha-0123456789-0123456789',
};

const names = (problems: string[]) => problems.map((problem) => problem.split(':')[0]);

describe('productionProblems', () => {
  it('lists every setting production lacks, all at once', () => {
    assert.deepEqual(names(productionProblems(loadConfig({}))), [
      'SMTP_URL',
      'PAYMENT_PLATFORM_URL',
      'CORS_ORIGINS',
      'FOUND_ITEMS_API_KEY',
      'QUEUE_STAFF_API_KEY',
      'QUEUE_KIOSK_API_KEY',
      'PUBLIC_BASE_URL',
      'DATABASE_URL',
    ]);
  });

  it('is satisfied by a complete configuration, and by deciding against a feature with off', () => {
    assert.deepEqual(productionProblems(loadConfig(PRODUCTION)), []);
    const without = loadConfig({
      PUBLIC_BASE_URL: 'https://termine.kleinstadt.example',
      PGLITE_IN_PRODUCTION: 'on',
      SMTP_URL: 'off',
      PAYMENT_PLATFORM_URL: 'OFF',
      CORS_ORIGINS: 'off',
      FOUND_ITEMS_API_KEY: 'off',
      QUEUE_STAFF_API_KEY: 'off',
      QUEUE_KIOSK_API_KEY: 'off',
    });
    assert.deepEqual(productionProblems(without), []);
    assert.equal(without.mail.off, true);
    assert.equal(without.mail.smtpUrl, undefined);
    assert.equal(without.payments.platformUrl, undefined);
    assert.deepEqual(without.corsOrigins, []);
    assert.deepEqual(without.queue, {});
    assert.equal(without.foundItems.apiKey, undefined);
  });

  it('refuses plain http for the public address and the embedding origins', () => {
    const problems = productionProblems(loadConfig({ ...PRODUCTION, PUBLIC_BASE_URL: 'http://termine.musterstadt.example', CORS_ORIGINS: 'https://a.example,http://b.example' }));
    assert.deepEqual(problems, [
      'PUBLIC_BASE_URL: http://termine.musterstadt.example is not https; production serves citizens over https only',
      'CORS_ORIGINS: http://b.example is not https; production serves citizens over https only',
    ]);
  });

  it('asks nothing in development mode, where off still turns a convenience off', () => {
    assert.deepEqual(productionProblems(loadConfig({ MUNI_DEV_MODE: 'on' })), []);
    const dev = loadConfig({ MUNI_DEV_MODE: 'on', FOUND_ITEMS_API_KEY: 'off', PAYMENT_PLATFORM_URL: 'off' });
    assert.equal(dev.foundItems.apiKey, undefined, 'no published key when the operator said off');
    assert.equal(dev.payments.sandbox, false);
  });
});

describe('describeConfig', () => {
  it('shows the effective configuration without a single secret', () => {
    const text = JSON.stringify(describeConfig(loadConfig(PRODUCTION)));
    assert.doesNotMatch(text, /geheim/);
    const described = describeConfig(loadConfig(PRODUCTION)) as Record<string, Record<string, unknown>>;
    assert.equal(described['database']!['url'], 'postgres://muni:(set)@db.internal/muni');
    assert.equal(described['mail']!['smtpUrl'], 'smtps://termine:(set)@mail.musterstadt.example');
    assert.equal(described['foundItems']!['apiKey'], '(set)');
    assert.deepEqual(described['payments']!['credentials'], { user: 'musterstadt', password: '(set)' });
  });

  it('hides a password given as a query parameter of DATABASE_URL too (libpq reads them there)', () => {
    const url = 'postgres://muni@db.internal/muni?sslmode=require&sslpassword=geheim2&password=geheim3';
    const described = describeConfig(loadConfig({ ...PRODUCTION, DATABASE_URL: url })) as Record<string, Record<string, unknown>>;
    assert.equal(described['database']!['url'], 'postgres://muni@db.internal/muni?sslmode=require&sslpassword=(set)&password=(set)');
  });
});

async function runMain(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(MUNI_|DATABASE_|SMTP_|PAYMENT_|CORS_|PUBLIC_|FOUND_|QUEUE_|PGLITE_)/.test(name)));
  const child = spawn(process.execPath, [MAIN, ...args], { env: { ...clean, PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const [code] = (await once(child, 'exit')) as [number];
  return { code, stdout, stderr };
}

describe('main.js in production', () => {
  it('refuses to start without settings, naming every missing one in one message', async () => {
    const { code, stderr } = await runMain([], { NODE_ENV: 'production' });
    assert.equal(code, 1);
    assert.match(stderr, /^Refusing to start in production \(MUNI_DEV_MODE is not on\): 8 settings missing or unsafe:/);
    for (const name of ['SMTP_URL', 'PAYMENT_PLATFORM_URL', 'PUBLIC_BASE_URL', 'CORS_ORIGINS', 'FOUND_ITEMS_API_KEY', 'QUEUE_STAFF_API_KEY', 'QUEUE_KIOSK_API_KEY', 'DATABASE_URL']) {
      assert.match(stderr, new RegExp(`^  - ${name}: `, 'm'), name);
    }
  });

  it('--check-config prints the effective configuration without secrets, and exits 1 while something is missing', async () => {
    const incomplete = await runMain(['--check-config'], { ...PRODUCTION, PUBLIC_BASE_URL: '' });
    assert.equal(incomplete.code, 1);
    const report = JSON.parse(incomplete.stdout) as { mode: string; problems: string[]; config: { port: number } };
    assert.equal(report.mode, 'production');
    assert.deepEqual(names(report.problems), ['PUBLIC_BASE_URL']);
    assert.equal(report.config.port, 0);
    assert.doesNotMatch(incomplete.stdout, /geheim/);

    const complete = await runMain(['--check-config'], PRODUCTION);
    assert.equal(complete.code, 0);
    assert.deepEqual((JSON.parse(complete.stdout) as { problems: string[] }).problems, []);
  });

  it('starts with PGlite only when the operator accepts it explicitly', async () => {
    const env = { ...PRODUCTION, DATABASE_URL: '', PGLITE_DATA_DIR: PGLITE_IN_MEMORY };
    assert.deepEqual(names(JSON.parse((await runMain(['--check-config'], env)).stdout).problems), ['DATABASE_URL']);
    assert.deepEqual(JSON.parse((await runMain(['--check-config'], { ...env, PGLITE_IN_PRODUCTION: 'on' })).stdout).problems, []);
  });
});
