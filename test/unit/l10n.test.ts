import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as l10n from '@vscode/l10n';
import { TimeoutError } from '../../src/api/errors';
import { validateTtl } from '../../src/model/dnsRecordRules';

const root = join(__dirname, '..', '..', '..');

/**
 * A translation is a file, not a code change: every string the code shows goes through
 * `vscode.l10n.t` (extension) or `l10n.t` from `@vscode/l10n` (the plain-Node layers and the webview
 * pages), `l10n/bundle.l10n.json` is exactly what the sources say, and the lint refuses a new bare string
 * in the places users read.
 */
describe('Localisation', function () {
  this.timeout(60_000);

  it('l10n/bundle.l10n.json is what `npm run l10n` extracts from the sources (run it after changing a string)', () => {
    const out = mkdtempSync(join(tmpdir(), 'cloud-portal-l10n-'));
    try {
      const result = spawnSync(process.execPath, [join(root, 'node_modules', '@vscode', 'l10n-dev', 'dist', 'cli.js'), 'export', '--outDir', out, './src'], { cwd: root, encoding: 'utf8' });
      assert.equal(result.status, 0, `${result.stdout}${result.stderr}`);
      const extracted = JSON.parse(readFileSync(join(out, 'bundle.l10n.json'), 'utf8')) as Record<string, string>;
      const shipped = JSON.parse(readFileSync(join(root, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, string>;
      assert.deepEqual(shipped, extracted);
      assert.ok(Object.keys(shipped).length > 400, `${Object.keys(shipped).length} strings`);
      assert.equal((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { l10n?: string }).l10n, './l10n');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  const bare: { name: string; code: string }[] = [
    { name: 'a message', code: "import * as vscode from 'vscode';\nvoid vscode.window.showErrorMessage('The zone could not be saved.');\n" },
    { name: 'a message built from a template', code: "import * as vscode from 'vscode';\nexport const f = (n: string) => vscode.window.showWarningMessage(`Delete ${n}?`, { modal: true });\n" },
    { name: 'a quick pick title', code: "import * as vscode from 'vscode';\nvoid vscode.window.showQuickPick([], { title: 'Pick a zone' });\n" },
    { name: 'a tree label', code: "import * as vscode from 'vscode';\nexport const item = new vscode.TreeItem('No services');\n" },
  ];
  for (const b of bare) {
    it(`the lint refuses ${b.name} that is not localised`, () => {
      const result = spawnSync(process.execPath, [join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--stdin', '--stdin-filename', 'src/commands/scratch.ts'], { cwd: root, input: b.code, encoding: 'utf8' });
      assert.equal(result.status, 1, `${result.stdout}${result.stderr}`);
      assert.match(result.stdout, /no-restricted-syntax/);
      const wrapped = b.code.replace(/('[^']*'|`[^`]*`)(\)|, \{|\s*\}\))/, 'vscode.l10n.t($1)$2');
      const clean = spawnSync(process.execPath, [join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--stdin', '--stdin-filename', 'src/commands/scratch.ts'], { cwd: root, input: wrapped.replace(/`Delete \$\{n\}\?`/, "'Delete {0}?', n"), encoding: 'utf8' });
      assert.equal(clean.status, 0, `${wrapped}\n${clean.stdout}${clean.stderr}`);
    });
  }

  it('a translation reaches the plain-Node layers (client errors, record rules) through @vscode/l10n', () => {
    try {
      l10n.config({
        contents: {
          'The portal did not answer within {0} s.': 'Das Portal hat nicht innerhalb von {0} s geantwortet.',
          'The TTL is a positive whole number of seconds': 'Die TTL ist eine positive ganze Zahl von Sekunden',
        },
      });
      assert.equal(new TimeoutError(5_000).message, 'Das Portal hat nicht innerhalb von 5 s geantwortet.');
      assert.equal(validateTtl('-1'), 'Die TTL ist eine positive ganze Zahl von Sekunden');
    } finally {
      l10n.config({ contents: {} });
    }
    assert.equal(new TimeoutError(5_000).message, 'The portal did not answer within 5 s.');
  });
});
