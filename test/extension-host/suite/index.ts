// The extension-host suite: mocha inside VS Code, against the `vscode` API. `run()` is the
// entry point @vscode/test-electron calls (extensionTestsPath); `runAndReport()` is what the
// code-server runner extension calls so the harness can read the results.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

export interface SuiteResults {
  passes: string[];
  failures: { title: string; message: string }[];
}

export function runAndReport(): Promise<SuiteResults> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  for (const file of readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(join(__dirname, file));
  }
  const results: SuiteResults = { passes: [], failures: [] };
  return new Promise((resolve) => {
    mocha
      .run(() => resolve(results))
      .on('pass', (test) => results.passes.push(test.fullTitle()))
      .on('fail', (test, err) => results.failures.push({ title: test.fullTitle(), message: String(err?.stack ?? err) }));
  });
}

export async function run(): Promise<void> {
  const results = await runAndReport();
  if (results.failures.length > 0) {
    throw new Error(`${results.failures.length} extension-host test(s) failed:\n${results.failures.map((f) => `${f.title}: ${f.message}`).join('\n')}`);
  }
}
