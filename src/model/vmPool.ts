// What a cloud-server service's pool has left, from `GET /service/@id/resources`, in the units VMs are asked
// for (memory MB, CPU cores, disk GB): so a form can refuse more than is left before anything is sent.
import * as l10n from '@vscode/l10n';
import { ResourceUsage } from '../api/resources/services';

export type PoolKey = 'memory' | 'cpu' | 'disk';

export interface PoolRoom {
  used: number;
  total: number;
  left: number;
}

export type Pool = Partial<Record<PoolKey, PoolRoom>>;

const PATTERNS: [PoolKey, RegExp][] = [
  ['memory', /\b(memory|ram)\b/i],
  ['cpu', /\b(cpu|cores?|vcpus?)\b/i],
  ['disk', /\b(disk|storage|ssd|hdd)\b/i],
];

/** Converts a resource's figures to MB (memory) or GB (disk) when its unit says otherwise. */
function scale(key: PoolKey, unit: string): number {
  const u = unit.trim().toLowerCase();
  if (key === 'memory') return /^(gb|gib|g)$/.test(u) ? 1024 : /^(tb|tib)$/.test(u) ? 1024 * 1024 : 1;
  if (key === 'disk') return /^(tb|tib)$/.test(u) ? 1024 : /^(mb|mib)$/.test(u) ? 1 / 1024 : 1;
  return 1;
}

/** The pool's memory, CPU and disk as the portal reports them; a resource it does not report is left out. */
export function poolOf(resources: readonly ResourceUsage[]): Pool {
  const pool: Pool = {};
  for (const r of resources) {
    const match = PATTERNS.find(([, re]) => re.test(r.name));
    if (!match || r.total === undefined || r.used === undefined) continue;
    const [key] = match;
    if (pool[key]) continue;
    const f = scale(key, r.unit ?? '');
    const total = Math.floor(r.total * f);
    const used = Math.ceil(r.used * f);
    pool[key] = { used, total, left: Math.max(0, total - used) };
  }
  return pool;
}

/** Why `value` of `key` does not fit (whole number, at least `min`, at most what is left plus `freed`), or undefined. */
export function sizeProblem(pool: Pool, key: PoolKey, value: string, freed = 0): string | undefined {
  const n = Number(value.trim());
  if (!/^\d+$/.test(value.trim()) || n < 1) return l10n.t('Enter a whole number of at least 1');
  const room = pool[key];
  if (room && n > room.left + freed) {
    const left = room.left + freed;
    return key === 'memory'
      ? l10n.t('Only {0} MB of memory is left in this plan', left)
      : key === 'cpu'
        ? l10n.t('Only {0} CPU cores are left in this plan', left)
        : l10n.t('Only {0} GB of disk is left in this plan', left);
  }
  return undefined;
}
