#!/usr/bin/env node
/*
 * The API reports of the published packages (plugins/*): `report.api.md` (and
 * `report-<entry>.api.md` for entry points such as /alpha) beside each package.json, written by
 * Backstage's repo-tools (API Extractor) from the declarations `yarn tsc` leaves in dist-types/;
 * for the packages with database migrations, `report.sql.md`: the tables, columns and
 * indices the migrations leave (run on an in-process PostgreSQL, PGlite); and for the CLI
 * (packages/cli), `cli-report.md`: its commands and options, read from its `--help` pages.
 *
 *   yarn build:api-reports            declarations anew (--tsc), then every report anew
 *   yarn build:api-reports --ci       the same declarations, then write nothing; fail when a
 *                                     report is not current or a
 *                                     package's API has warnings (missing release tags, exports
 *                                     its API needs but does not export, broken TSDoc) or a
 *                                     migration changed the schema without its report
 *   yarn build:api-reports:only       the reports from the declarations dist-types/ holds
 *
 * Each package is analysed in a process of its own: when repo-tools analyses several packages in
 * one run, they share one TypeScript program and are taken in an order that changes from run to
 * run, and the order in which the program first meets a string literal decides where it stands
 * in the unions a report prints (`'development' | 'deployment'` or the other way round). One
 * process per package gives the same report every time.
 *
 * --tsc: the reports come from declarations that a whole build of the repository writes into an
 * empty dist-types/ (`tsc --incremental false`). An incremental `yarn tsc` checks only what
 * changed, and the declarations it writes for inferred types (a zod schema's, an extension's)
 * may list the same properties in another order than a whole build does, as on a fresh clone.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const buildDeclarations = process.argv.includes('--tsc');
const passThrough = process.argv.slice(2).filter(arg => arg !== '--tsc');

if (buildDeclarations) {
  // the incremental build's state lives in dist-types/ too: the next `yarn tsc` builds anew
  fs.rmSync(path.join(root, 'dist-types'), { recursive: true, force: true });
  const tsc = spawnSync('tsc', ['--incremental', 'false'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (tsc.error) throw tsc.error;
  if (tsc.status !== 0) process.exit(tsc.status ?? 1);
}

const packageDirs = ['plugins', 'packages']
  .flatMap(parent =>
    fs
      .readdirSync(path.join(root, parent), { withFileTypes: true })
      .filter(entry => entry.isDirectory())
      .map(entry => path.join(parent, entry.name)),
  )
  .filter(dir => {
    const manifest = path.join(root, dir, 'package.json');
    if (!fs.existsSync(manifest)) return false;
    const role = JSON.parse(fs.readFileSync(manifest, 'utf8')).backstage?.role;
    // the portal's packages (app, backend) are not published: only the CLI's commands are
    return dir.startsWith('plugins') ? Boolean(role) : role === 'cli';
  })
  .sort();

const failed = [];
for (const dir of packageDirs) {
  const result = spawnSync(
    'backstage-repo-tools',
    [
      'api-reports',
      // the packages import each other's sources (their package.json `types`), not dist-types
      '--omit-messages',
      'ae-wrong-input-file-type',
      '--validate-release-tags',
      '--sql-reports',
      ...passThrough,
      dir,
    ],
    { cwd: root, stdio: 'inherit' },
  );
  if (result.error) throw result.error;
  if (result.status !== 0) failed.push(dir);
}

if (failed.length > 0) {
  console.error(
    `\nAPI reports failed for: ${failed.join(', ')}.\n` +
      'Run `yarn build:api-reports`, look at what changed in the report.api.md files, fix any ' +
      'warning they list, and commit them with the change.',
  );
  process.exit(1);
}
