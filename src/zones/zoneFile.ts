// BIND zone files (RFC 1035 master file syntax as BIND writes it) to and from the portal's records.
// Pure functions: no I/O, no VS Code.
import type { DnsRecord, DnsRecordInput } from '../api/resources/dnsRecord';
import * as l10n from '@vscode/l10n';

/** A record read from a zone file, in the portal's terms, with the line it came from (0-based). */
export interface ZoneLine {
  line: number;
  record: DnsRecordInput & { ttl: number; priority: number };
}

export interface ZoneProblem {
  line: number;
  message: string;
  severity: 'error' | 'warning';
}

export interface ParsedZone {
  origin: string;
  defaultTtl: number;
  records: ZoneLine[];
  problems: ZoneProblem[];
}

/** Types whose data is one host name; MX and SRV end with one. */
const HOST_TYPES = new Set(['CNAME', 'NS', 'PTR', 'DNAME', 'ALIAS']);
const TEXT_TYPES = new Set(['TXT', 'SPF']);
const KNOWN_TYPES = new Set(['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'NS', 'SRV', 'CAA', 'PTR', 'SOA', 'SPF', 'DS', 'DNSKEY', 'TLSA', 'SSHFP', 'NAPTR', 'ALIAS', 'HTTPS', 'SVCB', 'LOC', 'HINFO', 'DNAME', 'URI', 'CERT', 'RP']);
const CLASSES = new Set(['IN', 'CH', 'HS']);

const lower = (s: string) => s.toLowerCase();
const stripDot = (s: string) => (s.endsWith('.') ? s.slice(0, -1) : s);

/** `1h30m`, `2d`, `3600` → seconds; undefined when not a TTL. */
export function parseTtl(token: string): number | undefined {
  if (/^\d+$/.test(token)) return Number(token);
  const m = /^(?:\d+[smhdw])+$/i.exec(token);
  if (!m) return undefined;
  const unit: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };
  let total = 0;
  for (const [, n, u] of token.matchAll(/(\d+)([smhdw])/gi)) total += Number(n) * unit[u.toLowerCase()];
  return total;
}

/** Splits a line into tokens: quoted strings stay one token (with their quotes); `;` starts a comment. */
function tokenize(text: string): { tokens: string[]; error?: string } {
  const tokens: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === ';') break;
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (j >= text.length) return { tokens, error: l10n.t('A quoted string is not closed') };
      tokens.push(text.slice(i, j + 1));
      i = j + 1;
      continue;
    }
    if (c === '(' || c === ')') {
      tokens.push(c);
      i++;
      continue;
    }
    let j = i;
    while (j < text.length && !' \t;"()'.includes(text[j])) j++;
    tokens.push(text.slice(i, j));
    i = j;
  }
  return { tokens };
}

/** The strings of TXT data: `"a" "b"` → [a, b]; unquoted words each count as one string. */
export function txtStrings(data: string): string[] {
  const out: string[] = [];
  const text = data.trim();
  if (!text.startsWith('"')) return text ? [text] : [];
  for (const m of text.matchAll(/"((?:[^"\\]|\\.)*)"|(\S+)/g)) {
    out.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2]);
  }
  return out;
}

function quote(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** TXT data as BIND prints it: quoted, long text split into strings of at most 255 characters. */
export function printTxt(strings: string[]): string {
  const parts = strings.flatMap((s) => (s.length <= 255 ? [s] : Array.from({ length: Math.ceil(s.length / 255) }, (_, i) => s.slice(i * 255, (i + 1) * 255))));
  return parts.map(quote).join(' ');
}

/** An owner or target name, absolute (no trailing dot) from how the file wrote it. */
function absolute(name: string, origin: string): string {
  if (name === '@') return origin;
  if (name.endsWith('.')) return stripDot(name);
  return origin ? `${name}.${origin}` : name;
}

/** The portal's relative record name (`@` for the apex) of an absolute name inside `origin`. */
export function relativeName(abs: string, origin: string): string {
  const a = lower(stripDot(abs));
  const o = lower(stripDot(origin));
  if (a === o || a === '') return '@';
  if (o && a.endsWith(`.${o}`)) return abs.slice(0, abs.length - o.length - 1);
  return `${stripDot(abs)}.`;
}

/** A record name from the portal (relative, `@`, or absolute) as an absolute name. */
function portalNameToAbsolute(name: string, origin: string): string {
  if (name === '' || name === '@') return origin;
  if (name.endsWith('.')) return stripDot(name);
  const lowerName = lower(name);
  if (lowerName === lower(origin) || lowerName.endsWith(`.${lower(origin)}`)) return name;
  return `${name}.${origin}`;
}

/** A host name in record data (absolute, with or without the dot) as the file shows it: relative inside the origin, else absolute with a dot. */
function printHost(host: string, origin: string): string {
  return host === '.' || host === '' ? '.' : relativeName(stripDot(host), origin);
}

function recordFrom(owner: string, ttl: number, type: string, data: string[], origin: string, zoneOrigin: string): { record?: ZoneLine['record']; error?: string } {
  const name = relativeName(owner, zoneOrigin);
  const base = { name, type, ttl, priority: 0 };
  const host = (t: string | undefined) => (t === undefined ? undefined : t === '.' ? '.' : absolute(t, origin));
  switch (type) {
    case 'MX': {
      if (data.length !== 2 || !/^\d+$/.test(data[0])) return { error: l10n.t('MX data is a preference and a mail server: 10 mail.example.com.') };
      return { record: { ...base, priority: Number(data[0]), content: host(data[1])! } };
    }
    case 'SRV': {
      if (data.length !== 4 || !data.slice(0, 3).every((d) => /^\d+$/.test(d))) return { error: l10n.t('SRV data is priority weight port target: 10 5 5060 sip.example.com.') };
      return { record: { ...base, priority: Number(data[0]), content: `${data[1]} ${data[2]} ${host(data[3])}` } };
    }
    default:
      if (HOST_TYPES.has(type)) {
        if (data.length !== 1) return { error: l10n.t('{0} data is one host name', type) };
        return { record: { ...base, content: host(data[0])! } };
      }
      if (TEXT_TYPES.has(type)) {
        if (data.length === 0) return { error: l10n.t('{0} needs text', type) };
        if (data.some((d) => !d.startsWith('"'))) return { error: l10n.t('TXT text must be "quoted"') };
        return { record: { ...base, content: data.join(' ') } };
      }
      if (data.length === 0) return { error: l10n.t('{0} needs data', type) };
      return { record: { ...base, content: data.join(' ') } };
  }
}

/**
 * Reads a zone file. `origin` is the zone's name, used until a `$ORIGIN` line. Lines that cannot be
 * read become problems (with their line number); the rest are records.
 */
export function parseZone(text: string, origin: string, defaultTtl = 3600): ParsedZone {
  const problems: ZoneProblem[] = [];
  const records: ZoneLine[] = [];
  const zoneOrigin = stripDot(origin);
  let currentOrigin = zoneOrigin;
  let ttl = defaultTtl;
  let lastOwner: string | undefined;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    const raw = lines[i];
    // Parentheses continue a record over several lines (as SOA records usually are); each line
    // may end in its own comment.
    let { tokens, error } = tokenize(raw);
    if (!error && tokens.includes('(')) {
      while (!tokens.includes(')') && i + 1 < lines.length) {
        i++;
        const more = tokenize(lines[i]);
        tokens = [...tokens, ...more.tokens];
        error = more.error;
        if (error) break;
      }
      if (!error && !tokens.includes(')')) {
        problems.push({ line: start, message: l10n.t('An opening parenthesis is never closed'), severity: 'error' });
        continue;
      }
      tokens = tokens.filter((t) => t !== '(' && t !== ')');
    }
    if (error) {
      problems.push({ line: start, message: error, severity: 'error' });
      continue;
    }
    if (tokens.length === 0) continue;
    const problem = (message: string) => problems.push({ line: start, message, severity: 'error' });
    if (tokens[0].startsWith('$')) {
      const directive = tokens[0].toUpperCase();
      if (directive === '$ORIGIN' && tokens.length === 2) {
        currentOrigin = absolute(tokens[1], currentOrigin);
      } else if (directive === '$TTL' && tokens.length === 2 && parseTtl(tokens[1]) !== undefined) {
        ttl = parseTtl(tokens[1])!;
      } else if (directive === '$INCLUDE' || directive === '$GENERATE') {
        problem(l10n.t('{0} is not supported: put the records in this file', directive));
      } else {
        problem(l10n.t('Cannot read the directive {0}', tokens[0]));
      }
      continue;
    }
    let owner: string;
    let rest = tokens;
    if (raw.startsWith(' ') || raw.startsWith('\t')) {
      if (lastOwner === undefined) {
        problem(l10n.t('The first record needs a name (@ for the zone apex)'));
        continue;
      }
      owner = lastOwner;
    } else {
      owner = absolute(tokens[0], currentOrigin);
      rest = tokens.slice(1);
    }
    let recordTtl: number | undefined;
    while (rest.length > 0 && (parseTtl(rest[0]) !== undefined || CLASSES.has(rest[0].toUpperCase()))) {
      if (CLASSES.has(rest[0].toUpperCase())) {
        if (rest[0].toUpperCase() !== 'IN') problem(l10n.t('Only class IN is supported, not {0}', rest[0]));
      } else {
        recordTtl = parseTtl(rest[0]);
      }
      rest = rest.slice(1);
    }
    if (rest.length === 0) {
      problem(l10n.t('A record needs a type and data, e.g. www 3600 IN A 203.0.113.10'));
      continue;
    }
    const type = rest[0].toUpperCase();
    if (!KNOWN_TYPES.has(type) && !/^TYPE\d+$/.test(type)) {
      problem(l10n.t('Unknown record type {0}', rest[0]));
      continue;
    }
    lastOwner = owner;
    const made = recordFrom(owner, recordTtl ?? ttl, type, rest.slice(1), currentOrigin, zoneOrigin);
    if (made.error) {
      problem(made.error);
      continue;
    }
    records.push({ line: start, record: made.record! });
  }
  return { origin: zoneOrigin, defaultTtl: ttl, records, problems };
}

/** The most common TTL, used as the file's `$TTL` so most lines need none. */
function commonTtl(records: DnsRecord[], fallback: number): number {
  const counts = new Map<number, number>();
  for (const r of records) if (r.ttl > 0) counts.set(r.ttl, (counts.get(r.ttl) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? fallback;
}

/** A record's data as a zone file writes it. */
function printData(r: Pick<DnsRecord, 'type' | 'content' | 'priority'>, origin: string): string {
  const type = r.type.toUpperCase();
  if (type === 'MX') return `${r.priority} ${printHost(r.content.trim(), origin)}`;
  if (type === 'SRV') {
    const [weight = '0', port = '0', target = '.'] = r.content.trim().split(/\s+/);
    return `${r.priority} ${weight} ${port} ${printHost(target, origin)}`;
  }
  if (HOST_TYPES.has(type)) return printHost(r.content.trim(), origin);
  if (TEXT_TYPES.has(type)) return printTxt(txtStrings(r.content));
  return r.content.trim();
}

/** Writes the portal's records as a BIND zone file: `$ORIGIN`, `$TTL`, one record a line, aligned. */
export function printZone(records: DnsRecord[], origin: string, header: string[] = [], fallbackTtl = 3600): string {
  const o = stripDot(origin);
  const ttl = commonTtl(records, fallbackTtl);
  const rows = records.map((r) => {
    const name = relativeName(portalNameToAbsolute(r.name, o), o);
    return [name, r.ttl > 0 && r.ttl !== ttl ? String(r.ttl) : '', 'IN', r.type.toUpperCase(), printData(r, o)];
  });
  const width = (i: number) => Math.max(0, ...rows.map((row) => row[i].length));
  const w = [width(0), width(1), 2, width(3)];
  const lines = rows.map((row) => `${row[0].padEnd(w[0])} ${row[1].padStart(w[1])}${w[1] ? ' ' : ''}${row[2]} ${row[3].padEnd(w[3])} ${row[4]}`.replace(/\s+$/, ''));
  return [...header.map((h) => `; ${h}`), `$ORIGIN ${o}.`, `$TTL ${ttl}`, ...lines, ''].join('\n');
}

/**
 * A record in comparable form: names and hosts lower-case without trailing dots, TXT as the text
 * its strings spell, priority only where it means something. Two records with the same key are the
 * same record to DNS, however the file or the portal wrote them.
 */
export function recordKey(r: Pick<DnsRecord, 'name' | 'type' | 'ttl' | 'priority' | 'content'>, origin: string, defaultTtl: number): string {
  const type = r.type.toUpperCase();
  const name = lower(stripDot(portalNameToAbsolute(r.name, stripDot(origin))));
  let content = r.content.trim();
  if (HOST_TYPES.has(type) || type === 'MX') content = lower(stripDot(content));
  else if (type === 'SRV') content = content.split(/\s+/).map((p, i) => (i === 2 ? lower(stripDot(p)) : p)).join(' ');
  else if (TEXT_TYPES.has(type)) content = txtStrings(content).join('');
  const priority = type === 'MX' || type === 'SRV' ? r.priority : 0;
  return `${name}|${type}|${r.ttl > 0 ? r.ttl : defaultTtl}|${priority}|${content}`;
}
