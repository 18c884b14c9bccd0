import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher, defaultReporter } from '@web/test-runner';
import { chromiumPath, CHROMIUM_ARGS } from './scripts/chromium-path.js';
import { countReporter } from './scripts/wtr-count-reporter.js';

export default {
  files: ['packages/*/test/**/*.test.ts', '!packages/server/**'],
  // "source": workspace packages resolve to their TypeScript, so every test page holds one copy of core.
  nodeResolve: { exportConditions: ['source', 'browser', 'development'] },
  plugins: [esbuildPlugin({ ts: true, tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) })],
  browsers: [chromeLauncher({ launchOptions: { executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS } })],
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 300000,
  reporters: [defaultReporter(), countReporter()],
};
