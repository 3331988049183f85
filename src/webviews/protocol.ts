/**
 * The messages between the extension and its webview pages: one discriminated union per
 * direction, shared by both sides, so neither can send what the other does not understand.
 * Everything the portal sent travels as data in these messages and is put on the page as text.
 */

export interface DetailField {
  label: string;
  value: string;
  /** Shown with a copy button. */
  copyable?: boolean;
}

export interface ResourceGauge {
  name: string;
  used: number;
  total?: number;
  unit: string;
}

export interface DetailAction {
  id: string;
  title: string;
  icon: string;
  /** Asks for confirmation in the extension before anything is sent. */
  destructive?: boolean;
}

export interface DetailsView {
  kind: 'service' | 'vm' | 'domain' | 'certificate';
  title: string;
  subtitle: string;
  status: string;
  /** running | stopped | transitional | rescue | suspended | unknown | active | pending | … */
  tone: 'ok' | 'warn' | 'bad' | 'busy' | 'neutral';
  fields: DetailField[];
  gauges: ResourceGauge[];
  ips: string[];
  actions: DetailAction[];
  busy?: string;
}

export type ExtensionToPage =
  | { type: 'show'; view: DetailsView; target: DetailsTarget }
  | { type: 'loading' }
  | { type: 'failed'; message: string };

export type PageToExtension =
  | { type: 'ready' }
  | { type: 'refresh' }
  | { type: 'copy'; text: string }
  | { type: 'action'; id: string };

/** What a details panel shows, kept by VS Code across reloads (no secrets, only ids). */
export type DetailsTarget =
  | { kind: 'service'; accountId: string; serviceId: string }
  | { kind: 'vm'; accountId: string; serviceId: string; vmId: string }
  | { kind: 'domain'; accountId: string; domainId: string }
  | { kind: 'certificate'; accountId: string; certificateId: string };

export function isDetailsTarget(value: unknown): value is DetailsTarget {
  if (!value || typeof value !== 'object') {
    return false;
  }
  const t = value as Record<string, unknown>;
  const str = (k: string) => typeof t[k] === 'string' && (t[k] as string).length > 0 && (t[k] as string).length < 200;
  switch (t.kind) {
    case 'service':
      return str('accountId') && str('serviceId');
    case 'vm':
      return str('accountId') && str('serviceId') && str('vmId');
    case 'domain':
      return str('accountId') && str('domainId');
    case 'certificate':
      return str('accountId') && str('certificateId');
    default:
      return false;
  }
}

export function isPageMessage(value: unknown): value is PageToExtension {
  if (!value || typeof value !== 'object') {
    return false;
  }
  const m = value as { type?: unknown; text?: unknown; id?: unknown };
  switch (m.type) {
    case 'ready':
    case 'refresh':
      return true;
    case 'copy':
      return typeof m.text === 'string' && m.text.length < 10_000;
    case 'action':
      return typeof m.id === 'string';
    default:
      return false;
  }
}
