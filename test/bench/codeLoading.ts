// How long the extension host takes to load the code activation needs, measured alone: VS Code's own
// activation figure (Running Extensions) includes it, but there it shares the extension host's thread
// with other extensions starting at the same moment, and its spread hides differences of tens of ms.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureNode24, ROOT } from '../e2e/harness/tools';

/**
 * A stand-in for the `vscode` module with every name VS Code's API exports (from @types/vscode):
 * classes can be extended, everything else answers any property or call. Enough to load and
 * evaluate the code; `activate()` is not called.
 */
function vscodeStandIn(): string {
  const types = readFileSync(join(ROOT, 'node_modules', '@types', 'vscode', 'index.d.ts'), 'utf8');
  const names = new Map([...types.matchAll(/^\texport (?:declare )?(class|enum|namespace|function|const|let) (\w+)/gm)].map((m) => [m[2], m[1]]));
  return [
    "const any = () => new Proxy(function () {}, { get: (_, key) => (key === 'then' ? undefined : any()), apply: () => any(), construct: () => any() });",
    ...[...names].map(([name, kind]) => `export const ${name} = ${kind === 'class' ? 'class {}' : 'any()'};`),
  ].join('\n');
}

/**
 * Loads `dist/extension.mjs` (and the chunks it imports) the way VS Code's extension host does — an
 * `import()` on Node 24, with an in-thread resolve hook (`module.registerHooks`) answering `vscode` —
 * in a fresh process per sample, after the process's module loader has been used once.
 */
export function measureCodeLoading(samples: number): number[] {
  const node = ensureNode24();
  const dir = mkdtempSync(join(tmpdir(), 'cloud-portal-loading-'));
  try {
    writeFileSync(join(dir, 'vscode.mjs'), vscodeStandIn());
    writeFileSync(join(dir, 'warm.mjs'), 'export {};');
    const standIn = pathToFileURL(join(dir, 'vscode.mjs')).href;
    writeFileSync(
      join(dir, 'hooks.mjs'),
      `import { registerHooks } from 'node:module';\nregisterHooks({ resolve: (s, c, next) => (s === 'vscode' ? { url: '${standIn}', shortCircuit: true } : next(s, c)) });\n`,
    );
    const entry = pathToFileURL(join(ROOT, 'dist', 'extension.mjs')).href;
    const script = `await import('${pathToFileURL(join(dir, 'warm.mjs')).href}'); const t = performance.now(); await import('${entry}'); console.log(performance.now() - t);`;
    return Array.from({ length: samples }, () => {
      const run = spawnSync(node, ['--import', pathToFileURL(join(dir, 'hooks.mjs')).href, '--input-type=module', '-e', script], { encoding: 'utf8' });
      const ms = Number(run.stdout.trim());
      if (run.status !== 0 || !Number.isFinite(ms)) throw new Error(`loading dist/extension.mjs failed:\n${run.stdout}\n${run.stderr}`);
      return ms;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
