/**
 * Prints one closing line per suite and one for all, as `N passed, N failed`,
 * read from the reports the runners wrote: node's test runner (JUnit XML)
 * and Playwright (JSON). Exits 1 if a report is missing or counts a failure.
 */
import { readFile } from 'node:fs/promises';

async function unitCounts() {
  const xml = await readFile('tests/.tmp/unit.xml', 'utf8');
  // Suites are <testsuite>; tests are <testcase>, failed ones contain <failure>, todo/skipped ones <skipped>.
  const cases = xml.match(/<testcase\b[\s\S]*?(?:\/>|<\/testcase>)/g) ?? [];
  const failed = cases.filter((c) => c.includes('<failure')).length;
  const skipped = cases.filter((c) => c.includes('<skipped')).length;
  return { passed: cases.length - failed - skipped, failed, skipped };
}

async function e2eCounts() {
  const report = JSON.parse(await readFile('tests/.tmp/e2e.json', 'utf8')) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  };
  const { expected, unexpected, flaky, skipped } = report.stats;
  return { passed: expected + flaky, failed: unexpected, skipped };
}

const suites = { unit: await unitCounts(), e2e: await e2eCounts() };
let passed = 0;
let failed = 0;
for (const [name, counts] of Object.entries(suites)) {
  console.log(`${name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  passed += counts.passed;
  failed += counts.failed;
}
console.log(`all: ${passed} passed, ${failed} failed`);
if (failed > 0 || passed === 0) process.exitCode = 1;
