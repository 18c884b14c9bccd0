// Every backend call of every widget × every response mutation (test/e2e/response-mutations.mjs),
// against the reference server with the demo: prints one row per case as it finishes, then the
// table of outcomes per call and per widget; exit 1 on a FAIL. Needs a full build.
// `node bench/response-mutation.mjs [call-prefix] [mutation…]` narrows the run.
import { startDemoServer, launchBrowser } from '../test/e2e/harness.mjs';
import { CALLS, allMutations, runCase } from '../test/e2e/response-mutations.mjs';

const [only, ...onlyMutations] = process.argv.slice(2);
const calls = Object.keys(CALLS).filter((c) => !only || c.startsWith(only));

const server = await startDemoServer();
const browser = await launchBrowser();
const rows = [];
try {
  for (const call of calls) {
    for (const mutation of allMutations(CALLS[call]).filter((m) => onlyMutations.length === 0 || onlyMutations.includes(m))) {
      const result = await runCase(browser, server.url, call, mutation);
      rows.push({ call, widget: CALLS[call].widget, mutation, ...result });
      console.log([call.padEnd(36), mutation.padEnd(34), result.outcome.padEnd(8), `${(result.ms / 1000).toFixed(1)} s`.padStart(7), result.outcome === 'FAIL' ? result.detail : ''].join(' '));
    }
  }
} finally {
  await browser.close();
  await server.close();
}

const OUTCOMES = ['message', 'content', 'FAIL'];
const table = (title, key) => {
  console.log(`\n${title.padEnd(36)} ${OUTCOMES.map((o) => o.padStart(8)).join(' ')}    cases`);
  for (const name of [...new Set(rows.map((r) => r[key]))]) {
    const mine = rows.filter((r) => r[key] === name);
    console.log(`${name.padEnd(36)} ${OUTCOMES.map((o) => String(mine.filter((r) => r.outcome === o).length).padStart(8)).join(' ')} ${String(mine.length).padStart(8)}`);
  }
};
table('call', 'call');
table('widget', 'widget');
process.exitCode = rows.some((r) => r.outcome === 'FAIL') ? 1 : 0;
