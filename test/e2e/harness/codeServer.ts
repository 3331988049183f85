import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testPki } from '../../pki/testPki';
import { ensureCodeServer, ensureNode24 } from './tools';

export interface CodeServerOptions {
  vsix: string;
  /** More VSIX files to install next to ours (the extension-host test runner). */
  extraVsix?: string[];
  /** Extra environment for the extension host (provider overrides, demo accounts). */
  env?: Record<string, string>;
  port?: number;
  /** Keep user data between runs (the demo); tests always start fresh. */
  userDataDir?: string;
  /** User settings to add. */
  settings?: Record<string, unknown>;
  /** code-server's log level (`trace` logs every request the extension makes). */
  logLevel?: 'trace' | 'debug' | 'info';
}

export interface CodeServer {
  url: string;
  folder: string;
  userDataDir: string;
  extensionsDir: string;
  stop(): Promise<void>;
}

/** `preferred` when it is free, otherwise any free port. */
export function freePort(preferred = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (e) => (preferred ? resolve(freePort(0)) : reject(e)));
    server.listen(preferred, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`code-server exited with ${child.exitCode}`);
    }
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`code-server did not answer on ${url} within ${timeoutMs} ms`);
}

/** Starts code-server with a fresh user-data and extensions dir and our VSIX installed. */
export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const node = ensureNode24();
  const entry = ensureCodeServer();
  const base = mkdtempSync(join(tmpdir(), 'cloud-portal-vscode-'));
  const userDataDir = options.userDataDir ?? join(base, 'user-data');
  const extensionsDir = join(base, 'extensions');
  const folder = join(base, 'workspace');
  mkdirSync(folder, { recursive: true });
  // A quiet workbench: no welcome page, no chat panel, no tips; screenshots show the extension.
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  if (!existsSync(join(userDataDir, 'User', 'settings.json'))) {
    writeFileSync(
      join(userDataDir, 'User', 'settings.json'),
      JSON.stringify({
        'workbench.startupEditor': 'none',
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'chat.disableAIFeatures': true,
        'workbench.tips.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'extensions.ignoreRecommendations': true,
        // code-server's extension host otherwise scans /proc every few seconds for ports to forward
        // (a remote-only feature), taking 0.1–0.2 s of the extension host's one thread each time.
        'remote.autoForwardPorts': false,
        // …and code-server, which has a tunnel provider, keeps scanning anyway (spawning a process every
        // 2–3 s, 10–25 ms of that thread each) unless ports are found from terminal output only.
        'remote.autoForwardPortsSource': 'output',
        ...options.settings,
      }, null, 2),
    );
  }
  for (const vsix of [options.vsix, ...(options.extraVsix ?? [])]) {
    const install = spawnSync(node, [entry, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix], {
      encoding: 'utf8',
    });
    if (install.status !== 0 || !/successfully installed/.test(install.stdout)) {
      throw new Error(`installing ${vsix} failed:\n${install.stdout}\n${install.stderr}`);
    }
  }
  const port = options.port ?? (await freePort());
  const child = spawn(
    node,
    [
      entry,
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--user-data-dir', userDataDir,
      '--extensions-dir', extensionsDir,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      ...(options.logLevel ? ['--log', options.logLevel] : []),
      folder,
    ],
    // The mock portal's private test CA is trusted the way an administrator trusts a private root
    // for VS Code: NODE_EXTRA_CA_CERTS in VS Code's environment.
    { env: { ...process.env, NODE_EXTRA_CA_CERTS: (await testPki()).caFile, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(url, child, 30_000);
  } catch (e) {
    child.kill('SIGKILL');
    throw new Error(`${(e as Error).message}\n${output.slice(-2000)}`);
  }
  return {
    url,
    folder,
    userDataDir,
    extensionsDir,
    async stop() {
      if (child.exitCode === null && child.pid) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          child.kill('SIGTERM');
        }
        await Promise.race([new Promise((r) => child.once('exit', r)), new Promise((r) => setTimeout(r, 3_000))]);
        if (child.exitCode === null) {
          try {
            process.kill(-child.pid, 'SIGKILL');
          } catch {
            // already gone
          }
        }
      }
      if (!options.userDataDir) {
        rmSync(base, { recursive: true, force: true });
      }
    },
  };
}
