// Issue #22: every failure has a way on. Each widget's first backend call, answered through a
// proxy that mutates the reference server's real responses (a representative set; the bench
// bench/response-mutation.mjs runs every case): no page error, nothing executed, a German
// message with "Erneut versuchen" (never "check your entries" for a load), typed input kept,
// recovery and focus in the widget once the backend answers again.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useDemo } from './harness.mjs';
import { REPRESENTATIVE, WIDGETS, runCase } from './response-mutations.mjs';

describe('hostile and broken backend answers', () => {
  const demo = useDemo();
  for (const widget of Object.keys(WIDGETS)) {
    test(widget, async () => {
      const failures = [];
      for (const mutation of REPRESENTATIVE) {
        const row = await runCase(demo.browser, demo.server.url, widget, mutation);
        if (row.outcome === 'FAIL') failures.push(`${mutation}: ${row.detail}`);
      }
      assert.deepEqual(failures, []);
    });
  }
});
