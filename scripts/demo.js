#!/usr/bin/env node
// `npm run demo`: installs what is missing, builds the VSIX, starts the mock portal and a real
// VS Code (code-server) with the extension and two demo accounts signed in, and prints the URL.
// Ctrl+C stops everything it started. Plain Node, no dependencies: it may run before `npm ci`.
const { spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
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
require(join(root, 'out', 'scripts', 'runDemo.js'));
