// Every widget × every response mutation (test/e2e/response-mutations.mjs), against the reference
// server with the demo: prints the outcome table and how long each case took, exit 1 on a FAIL.
// `node bench/response-mutation.mjs [widget] [mutation…]` narrows the run. Needs a full build.
import { startDemoServer, launchBrowser } from '../test/e2e/harness.mjs';
import { MUTATIONS, WIDGETS, runCase } from '../test/e2e/response-mutations.mjs';

const [onlyWidget, ...onlyMutations] = process.argv.slice(2);
const widgets = Object.keys(WIDGETS).filter((w) => !onlyWidget || w === onlyWidget);
const mutations = Object.keys(MUTATIONS).filter((m) => onlyMutations.length === 0 || onlyMutations.includes(m));

const server = await startDemoServer();
const browser = await launchBrowser();
const rows = [];
try {
  for (const mutation of mutations) {
    const row = { mutation };
    for (const widget of widgets) {
      const result = await runCase(browser, server.url, widget, mutation);
      row[widget] = `${result.outcome} ${(result.ms / 1000).toFixed(1)} s`;
      if (result.outcome === 'FAIL') console.error(`${widget} × ${mutation}: ${result.detail}`);
      rows.push({ widget, mutation, ...result });
    }
    console.log([mutation.padEnd(34), ...widgets.map((w) => row[w].padEnd(20))].join(' '));
  }
} finally {
  await browser.close();
  await server.close();
}
console.log('\n' + ['case'.padEnd(34), ...widgets.map((w) => w.padEnd(20))].join(' '));
for (const outcome of ['message', 'content', 'FAIL']) {
  console.log([outcome.padEnd(34), ...widgets.map((w) => String(rows.filter((r) => r.widget === w && r.outcome === outcome).length).padEnd(20))].join(' '));
}
process.exitCode = rows.some((r) => r.outcome === 'FAIL') ? 1 : 0;
