// Web Test Runner prints no totals line; this reporter writes the counts for scripts/test.mjs.
import { writeFileSync } from 'node:fs';

function countSuite(suite, counts) {
  for (const test of suite.tests ?? []) {
    if (test.skipped) counts.skipped++;
    else if (test.passed) counts.passed++;
    else counts.failed++;
  }
  for (const child of suite.suites ?? []) countSuite(child, counts);
}

export function countReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        if (session.testResults) countSuite(session.testResults, counts);
        // A test file that failed to load has no tests but must not pass silently.
        if (!session.passed && (session.errors?.length ?? 0) > 0) counts.failed++;
      }
      if (process.env.MUNI_COUNTS_FILE) writeFileSync(process.env.MUNI_COUNTS_FILE, JSON.stringify(counts));
      else console.log(`${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
    },
  };
}
