#!/usr/bin/env node
// `npm run demo` / `npm run bench`: installs what is missing (npm ci), builds the extension and its
// VSIX, then runs the demo (mock portal + real VS Code, Ctrl+C stops all) or the benchmark.
// Plain Node, no dependencies: it may run before `npm ci`.
const { spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const what = process.argv[2];
const entry = { demo: join(root, 'out', 'scripts', 'runDemo.js'), bench: join(root, 'out', 'test', 'bench', 'bench.js') }[what];
if (!entry) {
  console.error('usage: node scripts/run.js demo|bench');
  process.exit(2);
}
const run = (cmd, args) => {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    process.exit(result.status ?? 1);
  }
};

if (!existsSync(join(root, 'node_modules', '.package-lock.json'))) {
  console.log('Installing dependencies (npm ci)…');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}
console.log('Building the extension and its VSIX…');
run('npm', ['run', '--silent', 'compile']);
run('npm', ['run', '--silent', 'package']);
require(entry);
