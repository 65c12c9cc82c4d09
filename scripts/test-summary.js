#!/usr/bin/env node
/* eslint-disable */
// Prints one closing line per test runner and a total, "N passed, N failed", from the JSON
// reports of this run (jest's --json output and Playwright's json reporter). Missing files are
// runners that did not run.
const fs = require('node:fs');

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

const lines = [];
let passed = 0;
let failed = 0;
let skipped = 0;

const jest = readJson(process.argv[2]);
if (jest) {
  lines.push([
    'jest',
    jest.numPassedTests,
    jest.numFailedTests,
    jest.numPendingTests + jest.numTodoTests,
  ]);
}
const e2e = readJson(process.argv[3]);
if (e2e && e2e.stats) {
  lines.push([
    'playwright',
    e2e.stats.expected + e2e.stats.flaky,
    e2e.stats.unexpected,
    e2e.stats.skipped,
  ]);
}
if (lines.length === 0) {
  // no test runner ran (e.g. ./portal test tsc lint)
  process.exit(0);
}
for (const [name, p, f, s] of lines) {
  passed += p;
  failed += f;
  skipped += s;
  console.log(`${name}: ${p} passed, ${f} failed, ${s} skipped`);
}
console.log(`total: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
