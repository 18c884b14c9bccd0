// npm run build: npm packages (tsc), CDN bundles (rollup, precompressed, SRI), custom-elements.json (CEM analyzer).
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const bin = (name) => `node_modules/.bin/${name}`;
const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });

run(bin('tsc'), ['-b', 'tsconfig.build.json']);
// Only now: a failed compile must not leave the running demo without bundles.
rmSync('dist/cdn', { recursive: true, force: true });
run(bin('rollup'), ['-c', '--silent']);
run(process.execPath, ['scripts/build-cdn.mjs']);
// The manifest first: the demo's snippet configurator reads the widgets' attributes from it.
run(bin('cem'), ['analyze', '--quiet']);
run(process.execPath, ['scripts/build-demo.mjs']);
console.log('build: packages/*/dist, dist/cdn, custom-elements.json');
