// Issue #22: every failure has a way on. Every backend call of every widget (CALLS), answered
// through a proxy that mutates the reference server's real responses (a representative set per
// call; the bench bench/response-mutation.mjs runs every case): no page error, nothing executed,
// a German message with a way on ("Erneut versuchen", sending again, or a reconnect under way;
// never "check your entries" for a load), typed input kept, recovery and focus in the widget
// once the backend answers again.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useDemo } from './harness.mjs';
import { CALLS, representative, runCase } from './response-mutations.mjs';

describe('hostile and broken backend answers', () => {
  const demo = useDemo();
  for (const [name, spec] of Object.entries(CALLS)) {
    test(name, async () => {
      const failures = [];
      for (const mutation of representative(spec)) {
        const row = await runCase(demo.browser, demo.server.url, name, mutation);
        if (row.outcome === 'FAIL') failures.push(`${mutation}: ${row.detail}`);
      }
      assert.deepEqual(failures, []);
    });
  }
});
