import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SuiteResults } from '../extension-host/suite/index';
import { ELSE_DEMO, eventually, useWorkbench } from './harness/session';
import { packageRunnerVsix, ROOT } from './harness/tools';

const work = mkdtempSync(join(tmpdir(), 'cloud-portal-ext-tests-'));
const resultsFile = join(work, 'results.json');

describe('Extension-host tests (mocha inside VS Code, against the vscode API)', function () {
  this.timeout(240_000);
  // The workbench is not opened on the Cloud Portal container: the suite checks lazy activation itself.
  const s = useWorkbench({
    extraVsix: () => [packageRunnerVsix(work)],
    env: (portal) => ({
      CLOUD_PORTAL_EXT_TESTS: join(ROOT, 'out', 'test', 'extension-host', 'suite', 'index.js'),
      CLOUD_PORTAL_EXT_TEST_RESULTS: resultsFile,
      CLOUD_PORTAL_MOCK_URL: portal.url,
      CLOUD_PORTAL_DEMO_ACCOUNTS: JSON.stringify(ELSE_DEMO),
    }),
  });

  after(() => rmSync(work, { recursive: true, force: true }));

  it('the whole suite passes in the real extension host', async () => {
    assert.ok(s.workbench, 'workbench open');
    await eventually(() => existsSync(resultsFile), 'the extension-host suite finished', 180_000);
    const results = JSON.parse(readFileSync(resultsFile, 'utf8')) as SuiteResults;
    process.stderr.write(`${results.passes.map((t) => `      ✔ [extension host] ${t}`).join('\n')}\n`);
    assert.deepEqual(results.failures, []);
    assert.ok(results.passes.length >= 6, `only ${results.passes.length} extension-host tests ran`);
  });
});
