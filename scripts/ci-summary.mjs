// Prints "N passed, N failed" from vitest JSON reports (used by .ci/run).
// Usage: node scripts/ci-summary.mjs <failed-steps> <report.json>...
// Steps that failed without producing a report with failures count once each.
import { existsSync, readFileSync } from 'node:fs';

const [failedStepsArg, ...reports] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let reportFailures = 0;
for (const file of reports) {
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  // Suites that crashed before running tests (import errors) are failures too.
  const brokenSuites = (report.testResults ?? []).filter((r) => r.status === 'failed' && (r.assertionResults ?? []).length === 0).length;
  failed += brokenSuites;
  if ((report.numFailedTests ?? 0) + brokenSuites > 0) reportFailures++;
}
const failedSteps = Number(failedStepsArg) || 0;
// A failed step whose own report already counted its failures adds nothing more.
failed += Math.max(0, failedSteps - reportFailures);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
