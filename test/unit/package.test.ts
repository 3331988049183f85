import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a build script, outside the compiled tree
const { bundleSizes } = require(join(__dirname, '..', '..', '..', 'scripts', 'bundleSizes')) as typeof import('../../scripts/bundleSizes');

const root = join(__dirname, '..', '..', '..');

describe('The packaged extension', function () {
  this.timeout(60_000);

  it('ships only the bundle, media and docs: no sources, tests, mock portal or node_modules', () => {
    const listing = execFileSync(process.execPath, [join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies'], {
      cwd: root,
      encoding: 'utf8',
    });
    const files = listing.split('\n').map((l) => l.trim()).filter(Boolean);
    assert.ok(files.includes('dist/extension.mjs'), listing);
    assert.ok(files.includes('package.nls.json'), 'the manifest’s strings ship with it');
    const { activationFiles, lazyFiles } = bundleSizes(root);
    for (const chunk of [...activationFiles, ...lazyFiles]) {
      assert.ok(files.includes(chunk), `${chunk} is not in the VSIX`);
    }
    for (const file of files) {
      assert.match(file, /^(dist\/extension\.mjs|dist\/chunks\/[\w-]+\.mjs|dist\/webview\/[\w-]+\.(js|css|ttf)|media\/[\w.@/-]+|syntaxes\/dns-zone\.[\w.-]+\.json|l10n\/bundle\.l10n\.[\w-]+\.json|package\.json|package\.nls\.json|README\.md|CHANGELOG\.md|LICENSE)$/, `unexpected file in VSIX: ${file}`);
      assert.ok(!file.endsWith('.map'), `source map in VSIX: ${file}`);
    }
  });

  it('the production bundle has no test fixtures or demo credentials in it, and it stays within its size budget (code loaded on activation 300 KB, VSIX 400 KB)', () => {
    const vsix = join(root, 'dist', 'cloud-portal.vsix');
    assert.ok(existsSync(join(root, 'dist', 'extension.meta.json')) && existsSync(vsix), 'run `npm run package` first (npm test does)');
    const sizes = bundleSizes(root);
    for (const file of [...sizes.activationFiles, ...sizes.lazyFiles]) {
      const text = readFileSync(join(root, file), 'utf8');
      for (const fixture of ['demo-password', 'MockPortal', '__mock/', 'seedPortal', 'sourceMappingURL']) {
        assert.ok(!text.includes(fixture), `${file} contains ${fixture}`);
      }
    }
    assert.ok(statSync(vsix).size < 400 * 1024, `VSIX is ${statSync(vsix).size} bytes (budget 400 KB)`);
    assert.ok(sizes.activation < 300 * 1024, `activation loads ${sizes.activation} bytes (budget 300 KB)`);
  });

  it('every user-visible string of the manifest is in package.nls.json (a translation is a file, not a code change)', () => {
    const manifest = readFileSync(join(root, 'package.json'), 'utf8');
    const nls = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
    const used = [...manifest.matchAll(/"%([\w.-]+)%"/g)].map((m) => m[1]);
    assert.ok(used.length > 80, `${used.length} placeholders`);
    assert.deepEqual(used.filter((key) => nls[key] === undefined), [], 'placeholders without a string');
    const contributes = (JSON.parse(manifest) as { contributes: { commands: { title: string }[]; configuration: { properties: Record<string, { description?: string; markdownDescription?: string }> } } }).contributes;
    const literal = [
      ...contributes.commands.map((c) => c.title),
      ...Object.values(contributes.configuration.properties).map((p) => p.markdownDescription ?? p.description ?? '%%'),
    ].filter((text) => !/^%[\w.-]+%$/.test(text));
    assert.deepEqual(literal, [], 'written into package.json instead of package.nls.json (run scripts/externalizeManifest.js)');
  });

  it('loads undici and the zone-file, ordering and panel code on first use, not on activation', () => {
    const meta = JSON.parse(readFileSync(join(root, 'dist', 'extension.meta.json'), 'utf8')) as { outputs: Record<string, { inputs: Record<string, unknown> }> };
    const atActivation = new Set(bundleSizes(root).activationFiles.flatMap((file) => Object.keys(meta.outputs[file].inputs)));
    const lazy = ['src/zones/zoneFile.ts', 'src/zones/zoneFileSystem.ts', 'src/zones/zoneSync.ts', 'src/commands/zoneCommands.ts', 'src/commands/orderCommands.ts', 'src/ordering/orderSession.ts', 'src/ordering/orderForm.ts', 'src/webviews/orderPanel.ts', 'src/webviews/detailsPanel.ts', 'src/webviews/detailsView.ts', 'src/webviews/ticketPanel.ts', 'src/webviews/invoicePanel.ts', 'src/commands/domainCommands.ts', 'src/commands/sshCommands.ts', 'src/commands/cloudServerCommands.ts', 'src/ssh/sshConfig.ts', 'src/ssh/knownHosts.ts', 'src/model/vmPool.ts', 'src/commands/vmCommands.ts', 'src/commands/serviceCommands.ts', 'src/commands/dnsCommands.ts'];
    assert.deepEqual(lazy.filter((file) => atActivation.has(file)), [], 'a static import pulled these into the code activation loads');
    // undici is a third of the code: loaded for the first connection (warmed while a sign-in is typed).
    assert.deepEqual([...atActivation].filter((file) => /undici/.test(file)), [], 'a static import pulled undici into the code activation loads');
    assert.ok(atActivation.has('src/extension.ts') && atActivation.has('src/api/client.ts'));
  });

  it('keeps the portal client, model and loading logic free of the vscode module', () => {
    const plain = ['src/api', 'src/model', 'src/accounts', 'src/tickets', 'src/util', 'src/ssh'];
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(join(root, dir))) {
        const rel = join(dir, name);
        if (statSync(join(root, rel)).isDirectory()) {
          walk(rel);
        } else if (rel.endsWith('.ts') && /from 'vscode'|require\('vscode'\)/.test(readFileSync(join(root, rel), 'utf8'))) {
          offenders.push(rel);
        }
      }
    };
    plain.forEach(walk);
    // The VS Code adapters live in src/ui/; the dependency rules (npm run deps) hold the same line.
    assert.deepEqual(offenders.filter((f) => !/vscode\w*\.ts$|draftFileSystem|draftAutosave|ticketNotifier/.test(f)), []);
    assert.ok(!offenders.some((f) => f.startsWith('src/api')), 'src/api never imports vscode');
  });

  it('declares an engine no newer than the VS Code the harness runs (1.139) and matching @types/vscode', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const engine = /^\^?(\d+)\.(\d+)/.exec(pkg.engines.vscode)!;
    const types = /^\^?(\d+)\.(\d+)/.exec(pkg.devDependencies['@types/vscode'])!;
    assert.ok(Number(engine[1]) === 1 && Number(engine[2]) <= 139);
    assert.equal(`${types[1]}.${types[2]}`, `${engine[1]}.${engine[2]}`);
    assert.deepEqual(pkg.activationEvents, ['onWebviewPanel:cloudPortal.details', 'onWebviewPanel:cloudPortal.ticket', 'onFileSystem:cloudportal-draft', 'onWebviewPanel:cloudPortal.order', 'onWebviewPanel:cloudPortal.invoice',
        'onWebviewPanel:cloudPortal.form', 'onFileSystem:cloudportal-zone'], 'activation is lazy: views, commands, restoring panels and drafts');
  });
});
