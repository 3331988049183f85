import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as lazyIds from '../../src/commands/lazyCommandIds';

const ROOT = join(__dirname, '..', '..', '..');
const source = (file: string) => readFileSync(join(ROOT, file), 'utf8');

/** The `lazyCommands(ids, () => import('./commands/x'))` groups extension.ts registers: ids and module file. */
function lazyGroups(): { ids: string[]; module: string }[] {
  const extension = source('src/extension.ts');
  return [...extension.matchAll(/lazyCommands\((\w+|\[[^\]]*\]), async \(\) => \[?\(await import\('\.\/commands\/(\w+)'\)\)/g)].map(([, ids, module]) => ({
    ids: ids.startsWith('[') ? [...ids.matchAll(/'([^']+)'/g)].map((m) => m[1]) : (lazyIds as Record<string, string[]>)[ids],
    module: `src/commands/${module}.ts`,
  }));
}

/** The command ids a module declares: `id: 'cloudPortal.x'`, both sides of `id: c ? 'a' : 'b'`, and `factory('cloudPortal.x', …)`. */
function declaredIds(file: string): string[] | undefined {
  const text = source(file);
  if (/\bid: `cloudPortal\./.test(text)) return undefined; // ids built from a template: checked by the extension host
  const fromId = [...text.matchAll(/\bid: ([^,\n]+),/g)].flatMap(([, value]) => [...value.matchAll(/'(cloudPortal\.[\w.]+)'/g)].map((m) => m[1]));
  const fromFactory = [...text.matchAll(/\b(\w+)\('(cloudPortal\.[\w.]+)'/g)].filter((m) => m[1] !== 'executeCommand').map((m) => m[2]);
  return [...fromId, ...fromFactory];
}

const contributed = (JSON.parse(source('package.json')) as { contributes: { commands: { command: string }[] } }).contributes.commands.map((c) => c.command);

describe('Commands loaded on first use', () => {
  it('each lazy group names exactly the commands its module brings (a missing one would fail on first use)', () => {
    const groups = lazyGroups();
    assert.ok(groups.length >= 12, `found ${groups.length} groups in extension.ts`);
    for (const { ids, module } of groups) {
      assert.ok(ids?.length, `${module}: its id list was not found`);
      const declared = declaredIds(module);
      if (declared) assert.deepEqual([...ids].sort(), [...new Set(declared)].sort(), module);
    }
  });

  it('every lazy command is contributed in package.json, and no id is in two groups', () => {
    const all = lazyGroups().flatMap((g) => g.ids);
    assert.deepEqual(all.filter((id) => !contributed.includes(id)), []);
    assert.deepEqual(all.filter((id, i) => all.indexOf(id) !== i), []);
  });
});
