import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');

/** Runs the dependency rules (`npm run deps`) over a copy of the sources. */
function cruise(dir: string): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs'), 'src', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'], { cwd: dir, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/**
 * The layers hold (api → accounts/model → views, commands, webviews, features; no cycles; the
 * plain-Node layers without vscode): the rules pass on the sources and fail on a scratch copy that
 * breaks each one, as protections.test.ts does for the product's safeguards.
 */
describe('The layers are enforced', function () {
  this.timeout(120_000);
  let scratch: string;

  beforeEach(() => {
    scratch = mkdtempSync(join(tmpdir(), 'cloud-portal-layers-'));
    for (const entry of ['src', '.dependency-cruiser.cjs', 'tsconfig.json', 'package.json']) cpSync(join(root, entry), join(scratch, entry), { recursive: true });
    // The rules resolve `vscode` to its types: the copy sees the same packages.
    symlinkSync(join(root, 'node_modules'), join(scratch, 'node_modules'), 'dir');
  });
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  it('the sources pass the dependency rules', () => {
    const { status, output } = cruise(scratch);
    assert.equal(status, 0, output);
  });

  const breaks: { name: string; file: string; line: string; rule: string }[] = [
    { name: 'a cycle', file: 'src/views/nodes.ts', line: "import '../views/treeItems';", rule: 'no-circular' },
    { name: 'the client reaching up', file: 'src/api/errors.ts', line: "import '../model/resourceCache';", rule: 'api-is-the-bottom' },
    { name: 'the model reaching into a view', file: 'src/model/resourceCache.ts', line: "import '../views/nodes';", rule: 'model-below-the-ui' },
    { name: 'vscode in the plain-Node model', file: 'src/model/resourceCache.ts', line: "import * as vscodeApi from 'vscode';\nexport const vscodeApiUsed = vscodeApi;", rule: 'plain-node-without-vscode' },
    { name: 'a view importing a command', file: 'src/views/nodes.ts', line: "import '../commands/viewCommands';", rule: 'views-do-not-run-commands' },
  ];
  for (const b of breaks) {
    it(`fails on ${b.name} (${b.rule})`, () => {
      appendFileSync(join(scratch, b.file), `\n${b.line}\n`);
      const { status, output } = cruise(scratch);
      assert.notEqual(status, 0, `the rules let ${b.name} through:\n${output}`);
      assert.match(output, new RegExp(`error ${b.rule}`));
    });
  }
});
