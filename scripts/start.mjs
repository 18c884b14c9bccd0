// npm start: build everything, then run the reference server on PGlite serving the
// demo city website at / and the CDN bundles at /cdn/, exactly as a city would host them.
import { spawn, execFileSync } from 'node:child_process';

execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });

const server = spawn(process.execPath, ['packages/server/dist/src/main.js', '--static', '/=dist/demo', '--cdn', '/cdn/=dist/cdn'], {
  stdio: ['ignore', 'pipe', 'inherit'],
  // The demo is development: Musterstadt's data, the outbox for the e-mailed links, the payment sandbox.
  env: { LOG_LEVEL: 'warn', ...process.env, MUNI_DEV_MODE: 'on' },
});
server.stdout.on('data', (chunk) => {
  const text = String(chunk);
  process.stdout.write(text);
  const match = /listening on (\S+)/.exec(text);
  if (match) console.log(`\n  Demo: ${match[1].replace('127.0.0.1', 'localhost')}/  (Ctrl+C stops)\n`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
