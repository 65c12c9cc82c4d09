#!/usr/bin/env node
/*
 * Makes an unpacked backend bundle (packages/backend/dist/bundle.tar.gz) runnable inside this
 * checkout, without a production install of its own:
 *
 *   node scripts/link-backend-bundle.js <unpacked bundle folder>
 *
 * The bundle holds the built workspace packages (packages/*, plugins/*, each package.json
 * pointing at dist/). Node resolves a package by walking up from the file that imports it, and
 * this checkout's node_modules links every workspace package to its sources (src/index.ts), so a
 * bundle unpacked below the checkout would load the sources. This links each bundled package
 * under the bundle's own node_modules, which Node finds first. Everything else resolves from the
 * checkout's node_modules as before; a workspace's nested node_modules (a dependency in another
 * version than the hoisted one, e.g. zod) is linked beside its bundled copy, entry by entry,
 * except entries that name a bundled workspace package.
 */
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const bundle = path.resolve(process.argv[2] ?? '');
if (!process.argv[2] || !fs.existsSync(path.join(bundle, 'package.json'))) {
  console.error(
    'usage: node scripts/link-backend-bundle.js <unpacked bundle folder>',
  );
  process.exit(2);
}

/** The bundled workspace packages: folder relative to the bundle, and package name. */
const workspaces = ['packages', 'plugins'].flatMap(group => {
  const groupDir = path.join(bundle, group);
  if (!fs.existsSync(groupDir)) return [];
  return fs
    .readdirSync(groupDir)
    .map(name => path.join(group, name))
    .filter(rel => fs.existsSync(path.join(bundle, rel, 'package.json')))
    .map(rel => ({
      rel,
      name: JSON.parse(
        fs.readFileSync(path.join(bundle, rel, 'package.json'), 'utf8'),
      ).name,
    }));
});
const bundledNames = new Set(workspaces.map(w => w.name));

function link(target, at) {
  fs.mkdirSync(path.dirname(at), { recursive: true });
  fs.rmSync(at, { recursive: true, force: true });
  fs.symlinkSync(target, at);
}

/** The packages a node_modules folder holds, scoped ones as `@scope/name`. */
function packagesIn(nodeModules) {
  return fs.readdirSync(nodeModules).flatMap(entry => {
    if (entry.startsWith('.')) return [];
    if (!entry.startsWith('@')) return [entry];
    return fs
      .readdirSync(path.join(nodeModules, entry))
      .map(name => `${entry}/${name}`);
  });
}

for (const { rel, name } of workspaces) {
  link(path.join(bundle, rel), path.join(bundle, 'node_modules', name));
  const nested = path.join(root, rel, 'node_modules');
  if (!fs.existsSync(nested)) continue;
  for (const pkg of packagesIn(nested)) {
    if (bundledNames.has(pkg)) continue;
    link(path.join(nested, pkg), path.join(bundle, rel, 'node_modules', pkg));
  }
}
console.log(
  `linked ${workspaces.length} bundled workspace packages in ${path.relative(
    root,
    bundle,
  )}/node_modules`,
);
