// Editing an OpenSSH client config (the file Remote-SSH reads) without touching a byte that is not ours:
// Cloud Portal's hosts live in one block between two marker lines, and everything outside it stays as it
// was. Plain text in, plain text out; reading and writing the file is sshConfigFile.ts.
import * as l10n from '@vscode/l10n';

export const BLOCK_BEGIN = '# >>> Cloud Portal: hosts of your VMs, managed by the Cloud Portal extension (edit them there) >>>';
export const BLOCK_END = '# <<< Cloud Portal <<<';
const VM_TAG = '# cloud-portal-vm ';

/** One `Host` entry of ours, tagged with the VM it stands for. */
export interface SshHostEntry {
  alias: string;
  hostName: string;
  user: string;
  port: number;
  /** `accountId/serviceId/vmId` (ids are URL-encoded, so the slashes are unambiguous). */
  vm: string;
}

export { vmKey } from './vmKey';

export class SshConfigError extends Error {}

interface Block {
  /** Offsets of the block in the text: from the first byte of the begin line to after the end line's EOL. */
  start: number;
  end: number;
  entries: SshHostEntry[];
}

const lineBreak = (text: string) => (text.includes('\r\n') ? '\r\n' : '\n');

/** Splits text into lines that keep their own EOL, so that joining them gives back every byte. */
function linesOf(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

const bare = (line: string) => line.replace(/\r?\n$/, '');

function findBlock(text: string): Block | undefined {
  const lines = linesOf(text);
  let offset = 0;
  let start = -1;
  let inside: string[] = [];
  for (const line of lines) {
    const content = bare(line).trim();
    if (start < 0 && content === BLOCK_BEGIN) {
      start = offset;
    } else if (start >= 0 && content === BLOCK_END) {
      return { start, end: offset + line.length, entries: parseEntries(inside) };
    } else if (start >= 0) {
      inside.push(bare(line));
    }
    offset += line.length;
  }
  if (start >= 0) {
    throw new SshConfigError(l10n.t('The Cloud Portal block in the SSH config has a begin line but no end line ({0}). Fix the file by hand; nothing was written.', BLOCK_END));
  }
  inside = [];
  return undefined;
}

function parseEntries(lines: string[]): SshHostEntry[] {
  const entries: SshHostEntry[] = [];
  let current: Partial<SshHostEntry> | undefined;
  for (const raw of lines) {
    const line = raw.trim();
    if (line.startsWith(VM_TAG)) {
      current = { vm: line.slice(VM_TAG.length).trim() };
      entries.push(current as SshHostEntry);
      continue;
    }
    const m = /^(\w+)\s*=?\s*(.*)$/.exec(line);
    if (!current || !m || line.startsWith('#')) continue;
    const [key, value] = [m[1].toLowerCase(), m[2].trim()];
    if (key === 'host') current.alias = value;
    else if (key === 'hostname') current.hostName = value;
    else if (key === 'user') current.user = value;
    else if (key === 'port') current.port = Number(value);
  }
  return entries.filter((e) => e.vm && e.alias && e.hostName);
}

function renderBlock(entries: SshHostEntry[], eol: string): string {
  const lines = [BLOCK_BEGIN];
  for (const e of entries) {
    lines.push(`${VM_TAG}${e.vm}`, `Host ${e.alias}`, `    HostName ${e.hostName}`, `    User ${e.user}`, `    Port ${e.port}`);
  }
  lines.push(BLOCK_END);
  return lines.join(eol) + eol;
}

/** Our entries in a config text (none when the block is missing). */
export function managedEntries(text: string): SshHostEntry[] {
  return findBlock(text)?.entries ?? [];
}

/** Every `Host` pattern of the file outside our block, lower-cased: aliases we must not reuse. */
export function foreignAliases(text: string): Set<string> {
  const block = findBlock(text);
  const outside = block ? text.slice(0, block.start) + text.slice(block.end) : text;
  const taken = new Set<string>();
  for (const line of outside.split(/\r?\n/)) {
    const m = /^\s*host(?:\s+|\s*=\s*)(.+)$/i.exec(line);
    if (m) for (const pattern of m[1].replace(/#.*$/, '').trim().split(/\s+/)) taken.add(pattern.replace(/^"|"$/g, '').toLowerCase());
  }
  return taken;
}

/** A host alias from a VM's name: letters, digits, `.`, `_` and `-`, unique in the file (`name-2`, …). */
export function proposeAlias(text: string, name: string, vm: string): string {
  const base = name.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'vm';
  const taken = foreignAliases(text);
  for (const e of managedEntries(text)) if (e.vm !== vm) taken.add(e.alias.toLowerCase());
  let alias = base;
  for (let n = 2; taken.has(alias); n++) alias = `${base}-${n}`;
  return alias;
}

/** Why an alias cannot be used, or undefined when it can. */
export function aliasProblem(text: string, alias: string, vm: string): string | undefined {
  if (!/^[A-Za-z0-9._-]+$/.test(alias)) return l10n.t('Use letters, digits, dots, dashes and underscores only');
  const taken = foreignAliases(text);
  for (const e of managedEntries(text)) if (e.vm !== vm) taken.add(e.alias.toLowerCase());
  return taken.has(alias.toLowerCase()) ? l10n.t('“{0}” is already a Host in this file', alias) : undefined;
}

/**
 * Where a new block goes: before the first `Host` or `Match` line, so that the file's global options
 * stay global and a later `Host *` cannot override our entries (ssh takes the first value it meets);
 * at the end when the file has none.
 */
function insertionPoint(text: string): number {
  let offset = 0;
  for (const line of linesOf(text)) {
    if (/^\s*(host|match)(\s|=)/i.test(line)) return offset;
    offset += line.length;
  }
  return text.length;
}

function withEntries(text: string, update: (entries: SshHostEntry[]) => SshHostEntry[]): { text: string; changed: boolean } {
  const eol = lineBreak(text);
  const block = findBlock(text);
  const entries = update(block?.entries.map((e) => ({ ...e })) ?? []);
  if (block) {
    const replacement = entries.length ? renderBlock(entries, eol) : '';
    const next = text.slice(0, block.start) + replacement + text.slice(block.end);
    return { text: next, changed: next !== text };
  }
  if (!entries.length) return { text, changed: false };
  const at = insertionPoint(text);
  // A file that does not end with a line break gets one before our block (the only byte added outside it).
  const lead = at === text.length && text.length > 0 && !text.endsWith('\n') ? eol : '';
  const next = text.slice(0, at) + lead + renderBlock(entries, eol) + text.slice(at);
  return { text: next, changed: true };
}

/** Adds the VM's entry, or updates it in place (same VM, same position). */
export function upsertEntry(text: string, entry: SshHostEntry): { text: string; changed: boolean } {
  const problem = aliasProblem(text, entry.alias, entry.vm);
  if (problem) throw new SshConfigError(problem);
  return withEntries(text, (entries) => {
    const i = entries.findIndex((e) => e.vm === entry.vm);
    if (i >= 0) entries[i] = entry;
    else entries.push(entry);
    return entries;
  });
}

/** Removes our entries that match; the block goes when it is empty. */
export function removeEntries(text: string, which: (entry: SshHostEntry) => boolean): { text: string; removed: SshHostEntry[] } {
  const removed: SshHostEntry[] = [];
  const { text: next } = withEntries(text, (entries) =>
    entries.filter((e) => {
      if (which(e)) removed.push(e);
      return !which(e);
    }),
  );
  return { text: next, removed };
}
